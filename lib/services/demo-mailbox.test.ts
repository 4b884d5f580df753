import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inboundTestbed } from "@/db/testing/inbound-email";
import { resetEnvForTests } from "@/lib/env";
import { handleDemoAnswer } from "@/lib/http/demo-mailbox-route";
import { answerDemoMail, listDemoThreads } from "@/lib/services/demo-mailbox";
import { deliverEmailNow } from "@/lib/services/email-outbox";
import { replyToConversation } from "@/lib/services/inbox";
import { startDemoMailCatcher, type DemoMailCatcher } from "../../scripts/lib/demo-mail";

// The demo's email both ways with real SMTP at each hop: Baton's reply → the demo mail catcher
// (an .eml file in the mailbox folder) → the mailbox's answer → Baton's SMTP receiver → the inbox.
const t = inboundTestbed();
let catcher: DemoMailCatcher;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-mailbox-"));
  catcher = await startDemoMailCatcher({ dir, port: 0 });
});
afterAll(async () => {
  await catcher.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
// After the testbed's own settings (its afterEach): Baton's mail goes to the demo catcher instead.
beforeEach(() => {
  Object.assign(process.env, { SMTP_URL: catcher.url, DEMO_MAILBOX_DIR: dir, INBOUND_SMTP_HOST: "127.0.0.1", INBOUND_SMTP_PORT: String(t.receiverPort()) });
  resetEnvForTests();
});

type Conversation = Awaited<ReturnType<typeof t.emailConversation>>;
async function agentEmails(c: Conversation, text: string) {
  const { emailId } = await replyToConversation(t.db(), c.agent, c.conversationId, text);
  expect(await deliverEmailNow(t.db(), emailId!)).toBe("sent");
}
const threadOf = async (c: Conversation) => (await listDemoThreads()).find((th) => th.shopper === c.shopperEmail)!;
const answer = (body: unknown) =>
  handleDemoAnswer(
    new Request("http://baton.test/api/demo/mailbox/answer", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  );

describe("the demo mailbox", () => {
  it("shows the agent's email, sends the shopper's answer into the conversation, and threads the agent's next email", async () => {
    const c = await t.emailConversation();
    await agentEmails(c, "Yes, we can change the engraving until it ships.");
    const first = await threadOf(c);
    expect(first.mails).toHaveLength(1);
    expect(first.mails[0]).toMatchObject({ direction: "received", to: c.shopperEmail, replyTo: c.address });
    expect(first.mails[0]!.text).toContain("Yes, we can change the engraving until it ships.");

    const sent = await answerDemoMail({ mailId: first.mails[0]!.id, text: "Great, please make it Sam & Alex." });
    // Through the receiver, quoted history stripped: the shopper's message in the conversation.
    const messages = await t.shopperMessages(c);
    expect(messages.at(-1)).toMatchObject({ text: "Great, please make it Sam & Alex.", data: { channel: "email" } });
    const raw = await simpleParser(fs.readFileSync(path.join(dir, `${sent.id}.eml`)));
    expect(raw.inReplyTo).toBe(first.mails[0]!.messageId);
    expect(raw.to && !Array.isArray(raw.to) ? raw.to.value[0]!.address : null).toBe(c.address);
    expect(raw.subject).toMatch(/^Re: /);
    expect(raw.text).toMatch(/wrote:\n> Hi Sam,\n>\n> Yes, we can change the engraving/);

    await agentEmails(c, "Done: Sam & Alex it is.");
    const thread = await threadOf(c);
    expect(thread.id).toBe(first.id);
    expect(thread.mails.map((m) => m.direction)).toEqual(["received", "sent", "received"]);
    expect(thread.mails[2]!.references).toEqual([first.mails[0]!.messageId, sent.messageId]);
    expect(thread.mails[2]!.text).toContain("Done: Sam & Alex it is.");
  });

  it("the route validates (JSON errors), answers only mail Baton sent, and is 404 outside the demo", async () => {
    const c = await t.emailConversation();
    await agentEmails(c, "Could you send the receipt?");
    const [mail] = (await threadOf(c)).mails;
    expect((await answer({ mailId: mail!.id, text: "   " })).status).toBe(422);
    const invalid = await answer({ mailId: "../../etc/passwd", text: "hi" });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: "validation_failed", fields: { mailId: ["unknown_mail"] } } });
    const missing = await answer({ mailId: "1764585600000-abcdef.received", text: "hi" });
    expect(missing.status).toBe(404);
    const bad = await handleDemoAnswer(new Request("http://baton.test/x", { method: "POST", body: "{" }));
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_json" } });
    const ok = await answer({ mailId: mail!.id, text: "Attached now." });
    expect(ok.status).toBe(201);
    // The shopper's own sent mail cannot be answered as if Baton had sent it.
    expect((await answer({ mailId: ((await ok.json()) as { id: string }).id, text: "again" })).status).toBe(404);
    expect((await t.shopperMessages(c)).at(-1)!.text).toBe("Attached now.");

    delete process.env.DEMO_MAILBOX_DIR;
    resetEnvForTests();
    expect((await answer({ mailId: mail!.id, text: "hi" })).status).toBe(404);
  });
});
