import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { listConversationEmails } from "@/db/queries/email-outbox";
import { emailOutbox } from "@/db/schema/email-outbox";
import { appFailure } from "@/db/testing/failures";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { resetEnvForTests } from "@/lib/env";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { startOutbox } from "@/lib/outbox/queues";
import { setPresence } from "@/lib/services/availability";
import { deliverEmailNow, processEmail, retryEmail } from "@/lib/services/email-outbox";
import { createEscalation } from "@/lib/services/escalations";
import { replyToConversation } from "@/lib/services/inbox";

// A small SMTP server in this process, on a random port: it records what it accepts, refuses
// mailboxes starting with "rejected" (550), and answers 451 (try later) while `busy` is set.
type Received = { to: string[]; raw: string };
const received: Received[] = [];
let busy = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (busy) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
    if (address.address.startsWith("rejected")) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    callback();
  },
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let handle: DatabaseHandle;
let smtpUrl = "";
const saved = { ...process.env };
beforeAll(async () => {
  handle = await openTestDatabase();
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await handle.close();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  busy = false;
});
const useSmtp = (url: string | null) => {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvForTests();
};

/** A web chat handed to Baton Inbox; with nobody available it continues by email. */
async function handoff(options: { staffed: boolean; email?: string }) {
  const { account, members } = await createAccountWithMembers(handle, ["agent"]);
  const agent = { accountId: account.id, userId: members[0]!.id, name: "Alex Agent" };
  if (options.staffed) await setPresence(handle.db, agent, "available");
  const { body } = await createEscalation(handle.db, {
    accountId: account.id,
    idempotencyKey: `email-${account.id}`,
    texts: shopperTexts("en"),
    input: {
      channel: "web_chat",
      consent: true,
      shopper: { email: options.email ?? "sam@example.com", name: "Sam" },
      transcript: [{ role: "shopper", text: "Can I change the engraving?", at: new Date().toISOString() }],
    },
  });
  return { account, agent, conversationId: body.conversationId };
}

const emailsOf = (accountId: string, conversationId: string) => listConversationEmails(handle.db, { accountId, conversationId });

describe("agents' replies by email", () => {
  it("a reply to a shopper told to expect email is recorded with the reply; without SMTP_URL it stays recorded, unsent", async () => {
    useSmtp(null);
    const { account, agent, conversationId } = await handoff({ staffed: false });
    const { emailId } = await replyToConversation(handle.db, agent, conversationId, "Yes, we can change it until it ships.");
    const [email] = await emailsOf(account.id, conversationId);
    expect(email).toMatchObject({ id: emailId, toAddress: "sam@example.com", status: "queued", attempts: 0, subject: `Re: your question to ${account.name}` });
    // The reply, who wrote it, then the conversation so far quoted, newest first.
    expect(
      email!.body.startsWith(`Hi Sam,\n\nYes, we can change it until it ships.\n\nAlex Agent, ${account.name}\n\nEarlier in this conversation:\n\n> `),
    ).toBe(true);
    expect(email!.body.endsWith("\n> Can I change the engraving?")).toBe(true);
    expect(await deliverEmailNow(handle.db, emailId!)).toBeNull();
    expect((await emailsOf(account.id, conversationId))[0]!.status).toBe("queued");
  });

  it("a conversation continued live in the chat gets no email", async () => {
    const { account, agent, conversationId } = await handoff({ staffed: true });
    expect(await replyToConversation(handle.db, agent, conversationId, "Hi, I'm here!")).toEqual({ emailId: null });
    expect(await emailsOf(account.id, conversationId)).toEqual([]);
  });

  it("sends through SMTP_URL and records it as sent", async () => {
    useSmtp(smtpUrl);
    const { account, agent, conversationId } = await handoff({ staffed: false, email: "sent.shopper@example.com" });
    const { emailId } = await replyToConversation(handle.db, agent, conversationId, "Your engraving is updated.");
    expect(await deliverEmailNow(handle.db, emailId!)).toBe("sent");
    const [email] = await emailsOf(account.id, conversationId);
    expect(email).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(email!.sentAt).toBeInstanceOf(Date);
    const message = received.find((r) => r.to.includes("sent.shopper@example.com"))!;
    expect(message.raw).toContain(`Subject: Re: your question to ${account.name}`);
    expect(message.raw).toContain("Your engraving is updated.");
    expect(message.raw).toContain(`Message-ID: ${email!.messageId}`);
    expect(email!.messageId).toBe(`<${emailId}@baton.invalid>`);
    // Sending again changes nothing: the email is no longer queued.
    expect(await deliverEmailNow(handle.db, emailId!)).toBeNull();
  });

  it("a refused address fails at once with the reason; an agent's retry sends it once the server accepts", async () => {
    useSmtp(smtpUrl);
    const { account, agent, conversationId } = await handoff({ staffed: false, email: "rejected.shopper@example.com" });
    const { emailId } = await replyToConversation(handle.db, agent, conversationId, "About your engraving…");
    expect(await deliverEmailNow(handle.db, emailId!)).toBe("failed");
    const [failed] = await emailsOf(account.id, conversationId);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toMatch(/^SMTP: 550/);

    // Another account cannot retry it.
    const other = await createAccountWithMembers(handle);
    expect(await appFailure(retryEmail(handle.db, { accountId: other.account.id, id: emailId! }))).toMatchObject({ code: "not_found" });

    await handle.db.update(emailOutbox).set({ toAddress: "fixed.shopper@example.com" }).where(eq(emailOutbox.id, emailId!));
    await retryEmail(handle.db, { accountId: account.id, id: emailId! });
    expect(await deliverEmailNow(handle.db, emailId!)).toBe("sent");
    expect((await emailsOf(account.id, conversationId))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("a busy or unreachable server is retried with backoff; the worker sends when it answers", async () => {
    useSmtp(smtpUrl);
    busy = true;
    const { account, agent, conversationId } = await handoff({ staffed: false, email: "later.shopper@example.com" });
    const { emailId } = await replyToConversation(handle.db, agent, conversationId, "Sorry for the wait!");
    const before = Date.now();
    expect(await deliverEmailNow(handle.db, emailId!)).toBe("retrying");
    const [waiting] = await emailsOf(account.id, conversationId);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting!.lastError).toMatch(/^SMTP: 451/);
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(before);

    // Nothing listens on port 1: a connection error is also temporary, and the last attempt fails.
    useSmtp("smtp://127.0.0.1:1");
    const policy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, leaseMs: 60_000 };
    expect(await processEmail(handle.db, { ...waiting!, attempts: 1 }, { policy })).toBe("retrying");
    expect(await processEmail(handle.db, { ...waiting!, attempts: 2 }, { policy })).toBe("failed");
    expect((await emailsOf(account.id, conversationId))[0]!.lastError).toMatch(/^SMTP: (ECONNECTION|ESOCKET)/);

    useSmtp(smtpUrl);
    busy = false;
    await retryEmail(handle.db, { accountId: account.id, id: emailId! });
    const outcomes: string[] = [];
    const worker = await startOutbox(handle.db, {
      kinds: ["email"],
      accountIds: [account.id],
      pollMs: 20,
      policy: { ...policy, maxAttempts: 5 },
      onOutcome: (o) => outcomes.push(o),
    });
    try {
      await expect.poll(() => received.some((r) => r.to.includes("later.shopper@example.com")), { timeout: 10_000 }).toBe(true);
    } finally {
      await worker.stop();
    }
    expect((await emailsOf(account.id, conversationId))[0]!.status).toBe("sent");
  });
});
