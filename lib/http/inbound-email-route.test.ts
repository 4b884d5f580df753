import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listConversationEmails } from "@/db/queries/email-outbox";
import { inboundEmails } from "@/db/schema/inbound-emails";
import { answerTo, DOMAIN, fixture, postWebhook, SECRET, inboundTestbed } from "@/db/testing/inbound-email";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { resetEnvForTests } from "@/lib/env";
import { handleInboundEmail } from "@/lib/http/inbound-email-route";
import { mailToReview } from "@/lib/services/inbound-email";

const t = inboundTestbed();
const { emailConversation, agentReplies, sendBySmtp, shopperMessages } = t;

describe("the webhook with real client samples", () => {
  it("Gmail, Outlook, Apple Mail, HTML-only and ISO-8859-1 answers keep only the new text; attachments are listed, not stored", async () => {
    const c = await emailConversation();
    const { email } = await agentReplies(c, "Yes, we can change the engraving until it ships.");
    const cases: Array<[string, string]> = [
      ["gmail-reply.eml", 'Great, please change it to "Sam & Alex". Thanks!'],
      ["outlook-reply.eml", "Here is a photo of the receipt. Order 4521.\n\nSam"],
      ["apple-mail-reply.eml", "Perfect, thank you so much. Could it ship by Friday?"],
      ["html-only.eml", "Only HTML here: the size is M, not L."],
      ["latin1-reply.eml", "Olá! O café chegou amassado, poderiam trocar? Obrigado, José."],
    ];
    for (const [name, expected] of cases) {
      const response = await postWebhook(new Uint8Array(fixture(name, answerTo(c, email.messageId))));
      expect(response.status, name).toBe(200);
      expect(await response.json()).toEqual({ outcome: "appended" });
      const [last] = (await shopperMessages(c)).slice(-1);
      expect(last!.text, name).toBe(expected);
    }
    const outlook = (await shopperMessages(c)).find((m) => m.text?.startsWith("Here is a photo"));
    expect(outlook!.data).toMatchObject({ attachments: [{ filename: "receipt.jpg", size: 13, contentType: "image/jpeg" }] });
  });

  it("found by In-Reply-To alone when the reply address is missing; a different sender is kept aside as unmatched; plus-addresses and case match", async () => {
    const c = await emailConversation();
    const { email } = await agentReplies(c, "Which size?");
    const byThread = fixture(
      "html-only.eml",
      answerTo(c, email.messageId, { TO: "support@store.example", FROM: c.shopperEmail.toUpperCase().replace("@", "+shop@") }),
    );
    expect(await (await postWebhook(new Uint8Array(byThread))).json()).toEqual({ outcome: "appended" });
    const stranger = fixture("gmail-reply.eml", answerTo(c, email.messageId, { FROM: "mallory@evil.example" }));
    expect(await (await postWebhook(new Uint8Array(stranger))).json()).toEqual({ outcome: "unmatched" });
    expect((await shopperMessages(c)).map((m) => m.text)).not.toContain('Great, please change it to "Sam & Alex". Thanks!');
    const review = await mailToReview(t.db(), c.account.id);
    expect(review[0]).toMatchObject({ outcome: "unmatched", fromAddress: "mallory@evil.example", conversationId: c.conversationId });
    expect(await mailToReview(t.db(), (await createAccountWithMembers(t.handle())).account.id)).toEqual([]);
  });

  it("an out-of-office is ignored, a duplicate Message-ID is appended once, a bounce fails the email it returns", async () => {
    const c = await emailConversation();
    const { email } = await agentReplies(c, "Which size?");
    const before = (await shopperMessages(c)).length;
    expect(await (await postWebhook(new Uint8Array(fixture("out-of-office.eml", answerTo(c, email.messageId))))).json()).toEqual({ outcome: "ignored" });
    const once = answerTo(c, email.messageId);
    expect(await (await postWebhook(new Uint8Array(fixture("gmail-reply.eml", once)))).json()).toEqual({ outcome: "appended" });
    expect(await (await postWebhook(new Uint8Array(fixture("gmail-reply.eml", once)))).json()).toEqual({ outcome: "duplicate" });
    // The same again, by SMTP this time: accepted (the sender must not retry) and still once.
    await sendBySmtp(fixture("gmail-reply.eml", once), { from: c.shopperEmail, to: [c.address] });
    expect((await shopperMessages(c)).length).toBe(before + 1);
    const rows = await t
      .db()
      .select()
      .from(inboundEmails)
      .where(and(eq(inboundEmails.accountId, c.account.id), eq(inboundEmails.messageId, once.MESSAGE_ID)));
    expect(rows).toHaveLength(1);

    const bounce = fixture("bounce.eml", { TO: `bounces@${DOMAIN}`, MESSAGE_ID: `<${randomUUID()}@mx.example.com>`, BOUNCED_MESSAGE_ID: email.messageId });
    await sendBySmtp(bounce, { from: "", to: [`bounces@${DOMAIN}`] });
    const [failed] = await listConversationEmails(t.db(), { accountId: c.account.id, conversationId: c.conversationId });
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.bouncedAt).toBeInstanceOf(Date);
    expect(failed!.lastError).toContain("550 5.1.1");
    expect((await mailToReview(t.db(), c.account.id))[0]).toMatchObject({ outcome: "bounce", bouncedTo: c.shopperEmail });
  });

  it("answers JSON errors: 401 without the secret, 413 above the limit, 422 for what is not an email or names no conversation", async () => {
    const c = await emailConversation();
    const raw = new Uint8Array(fixture("html-only.eml", answerTo(c, "<unknown@x>", { TO: "support@store.example" })));
    const wrong = await postWebhook(raw, { authorization: "Bearer not-the-secret-at-all" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "unauthenticated" } });
    const basic = await postWebhook(raw, { authorization: `Basic ${Buffer.from(`api:${SECRET}`).toString("base64")}` });
    expect(basic.status).toBe(422);
    expect(await basic.json()).toMatchObject({ error: { code: "inbound_refused" } });
    const big = await postWebhook(new Uint8Array(15 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "body_too_large" } });
    const notMail = await postWebhook("just some text");
    expect(notMail.status).toBe(422);
    // A provider's form with the raw message in `email` (SendGrid's raw mode).
    const { email } = await agentReplies(c, "Which size?");
    const form = new FormData();
    form.set("email", fixture("html-only.eml", answerTo(c, email.messageId)).toString("latin1"));
    const posted = await handleInboundEmail(
      new Request("http://baton.test/api/email/inbound", { method: "POST", body: form, headers: { authorization: `Bearer ${SECRET}` } }),
    );
    expect(await posted.json()).toEqual({ outcome: "appended" });
    delete process.env.INBOUND_EMAIL_SECRET;
    resetEnvForTests();
    expect((await postWebhook(raw)).status).toBe(404);
  });
});
