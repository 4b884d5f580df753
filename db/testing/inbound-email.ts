import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { listConversationEmails } from "@/db/queries/email-outbox";
import { listMessages } from "@/db/queries/conversations";
import { withGateTestDatabase } from "@/db/testing/session";
import { startSmtpCatcher } from "@/db/testing/smtp-catcher";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { startInboundReceiver } from "@/lib/email/inbound/start-receiver";
import { replyAddress, replyToken } from "@/lib/email/inbound/reply-token";
import { resetEnvForTests } from "@/lib/env";
import { handleInboundEmail } from "@/lib/http/inbound-email-route";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { deliverEmailNow } from "@/lib/services/email-outbox";
import { createEscalation } from "@/lib/services/escalations";
import { replyToConversation } from "@/lib/services/inbox";

export const DOMAIN = "in.baton.test";
export const SECRET = "inbound-secret-0123456789";
const fixtures = path.join(import.meta.dirname, "../../lib/email/inbound/fixtures");

/**
 * Inbound email tests' surroundings, for one test file: a database the app uses, a catcher for
 * what Baton sends (SMTP_URL), Baton's SMTP receiver on a random port, and the inbound settings.
 */
export function inboundTestbed() {
  let handle: DatabaseHandle;
  withGateTestDatabase((h) => (handle = h));
  let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let receiver: Awaited<ReturnType<typeof startInboundReceiver>>;
  const saved = { ...process.env };
  const configure = () => {
    process.env.BATON_INBOUND_DOMAIN = DOMAIN;
    process.env.INBOUND_EMAIL_SECRET = SECRET;
    process.env.INBOUND_EMAIL_MAX_BYTES = String(10 * 1024 * 1024);
    process.env.SMTP_URL = catcher.url;
    process.env.SMTP_FROM = "Baton <no-reply@baton.test>";
    resetEnvForTests();
  };
  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    configure();
    receiver = await startInboundReceiver(handle.db, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await receiver?.close();
    await catcher.close();
    process.env = { ...saved };
    resetEnvForTests();
  });
  afterEach(configure);

  /** A web chat handed to Baton Inbox while nobody was available: the team answers by email. */
  async function emailConversation(options: { email?: string; locale?: "en" | "pt-BR" } = {}) {
    const { account, members } = await createAccountWithMembers(handle, ["agent"]);
    const agent = { accountId: account.id, userId: members[0]!.id, name: "Alex Agent" };
    const shopperEmail = options.email ?? `sam.${randomUUID().slice(0, 6)}@example.com`;
    const conversationId = await handoff(account.id, shopperEmail, options.locale);
    return { account, agent, shopperEmail, conversationId, address: replyAddress(replyToken({ accountId: account.id, conversationId }), DOMAIN) };
  }

  /** Another email handoff in the account; its conversation's id. */
  async function handoff(accountId: string, shopperEmail: string, locale: "en" | "pt-BR" = "en") {
    const { body } = await createEscalation(handle.db, {
      accountId,
      idempotencyKey: `inbound-${randomUUID()}`,
      texts: shopperTexts(locale),
      input: {
        channel: "web_chat",
        consent: true,
        locale,
        shopper: { email: shopperEmail, name: "Sam" },
        transcript: [{ role: "shopper", text: "Can I change the engraving?", at: new Date(Date.now() - 60_000).toISOString() }],
      },
    });
    return body.conversationId;
  }

  /** The agent answers; the email goes to the catcher; returns it as the shopper's client reads it. */
  async function agentReplies(c: Conversation, text: string) {
    const { emailId } = await replyToConversation(handle.db, c.agent, c.conversationId, text);
    expect(await deliverEmailNow(handle.db, emailId!)).toBe("sent");
    const emails = await listConversationEmails(handle.db, { accountId: c.account.id, conversationId: c.conversationId });
    const email = emails.find((e) => e.id === emailId)!;
    const sent = catcher.received.find((r) => r.raw.includes(email.messageId))!;
    return { email, sent, parsed: await simpleParser(sent.raw) };
  }

  /** A real SMTP session into Baton's receiver (nodemailer as the sending server). */
  async function sendBySmtp(raw: Buffer, envelope: { from: string; to: string[] }) {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: receiver!.port, secure: false, ignoreTLS: true });
    try {
      return await transport.sendMail({ envelope, raw });
    } finally {
      transport.close();
    }
  }

  const shopperMessages = async (c: { account: { id: string }; conversationId: string }) =>
    (await listMessages(handle.db, { accountId: c.account.id, conversationId: c.conversationId })).filter((m) => m.author === "shopper");

  type Conversation = Awaited<ReturnType<typeof emailConversation>>;
  return {
    db: () => handle.db,
    handle: () => handle,
    receiverPort: () => receiver!.port,
    emailConversation,
    handoff,
    agentReplies,
    sendBySmtp,
    shopperMessages,
  };
}

export type InboundConversation = { shopperEmail: string; address: string };

/** A fixture message (lib/email/inbound/fixtures) with its placeholders filled in. */
export function fixture(name: string, values: Record<string, string>) {
  let text = fs.readFileSync(path.join(fixtures, name), "latin1");
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{{${key}}}`, value);
  return Buffer.from(text, "latin1");
}

/** The placeholders of a shopper's answer to `messageId`. */
export const answerTo = (c: InboundConversation, messageId: string, overrides: Record<string, string> = {}) => ({
  FROM: c.shopperEmail,
  TO: c.address,
  SUBJECT: "Re: your question",
  IN_REPLY_TO: messageId,
  REFERENCES: messageId,
  MESSAGE_ID: `<${randomUUID()}@mail.example.com>`,
  ...overrides,
});

/** POST /api/email/inbound as a provider sends it. */
export const postWebhook = (body: BodyInit, headers: Record<string, string> = {}) =>
  handleInboundEmail(
    new Request("http://baton.test/api/email/inbound", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822", ...headers },
      duplex: "half",
    } as RequestInit),
  );
