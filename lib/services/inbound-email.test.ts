import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listConversationEmails } from "@/db/queries/email-outbox";
import { findInboxItem } from "@/db/queries/escalations/inbox";
import { escalations } from "@/db/schema/escalations";
import { answerTo, DOMAIN, fixture, postWebhook, inboundTestbed } from "@/db/testing/inbound-email";
import { replyAddress, replyToken } from "@/lib/email/inbound/reply-token";
import { closeConversation, replyToConversation } from "@/lib/services/inbox";
import { receiveInboundEmail } from "@/lib/services/inbound-email";
import { inboxConversation, inboxRows } from "@/lib/inbox/views";

const t = inboundTestbed();
const { emailConversation, agentReplies, sendBySmtp, shopperMessages } = t;

describe("outbound emails are threadable", () => {
  it("stable Message-ID, a signed Reply-To, one subject, In-Reply-To/References, text and HTML with the conversation quoted", async () => {
    const c = await emailConversation({ locale: "pt-BR" });
    const first = await agentReplies(c, "Sim, podemos trocar a gravação.");
    expect(first.parsed.messageId).toBe(first.email.messageId);
    expect(first.email.messageId).toMatch(new RegExp(`^<[0-9a-f-]{36}@${DOMAIN.replace(/\./g, "\\.")}>$`));
    expect(first.parsed.replyTo?.value[0]?.address).toBe(c.address);
    expect(c.address).toMatch(/^reply\+[a-z2-7]{42}@in\.baton\.test$/);
    expect(first.sent.from).toBe(`bounces@${DOMAIN}`);
    expect(first.parsed.subject).toBe(`Re: sua pergunta para ${c.account.name}`);
    expect(first.parsed.inReplyTo).toBeUndefined();
    expect(first.parsed.text).toContain("Sim, podemos trocar a gravação.");
    expect(first.parsed.text).toContain("Antes nesta conversa:");
    expect(first.parsed.text).toContain("> Can I change the engraving?");
    expect(first.parsed.html).toContain('<html lang="pt-BR">');
    expect(first.parsed.html).toContain("<blockquote");

    // The shopper answers; the agent's next email answers that and names the whole thread.
    const shopperId = `<${randomUUID()}@mail.example.com>`;
    expect(
      await receiveInboundEmail(t.db(), fixture("gmail-reply.eml", answerTo(c, first.email.messageId, { MESSAGE_ID: shopperId })), { via: "webhook" }),
    ).toMatchObject({
      outcome: "appended",
    });
    const second = await agentReplies(c, "Feito!");
    expect(second.parsed.subject).toBe(first.parsed.subject);
    expect(second.parsed.inReplyTo).toBe(shopperId);
    expect(second.parsed.references).toEqual([first.email.messageId, shopperId]);
    expect(second.parsed.text).toContain('> Great, please change it to "Sam & Alex". Thanks!');
    // Retrying sends the same Message-ID: the row keeps it.
    expect((await listConversationEmails(t.db(), { accountId: c.account.id, conversationId: c.conversationId }))[1]!.messageId).toBe(second.email.messageId);
  });
});

describe("a real SMTP session into the receiver", () => {
  it("appends the shopper's answer, reopens the closed conversation, keeps its claim and marks it waiting", async () => {
    const c = await emailConversation();
    const { email } = await agentReplies(c, "Yes, we can change the engraving until it ships.");
    await closeConversation(t.db(), c.agent, c.conversationId);
    const raw = fixture("apple-mail-reply.eml", answerTo(c, email.messageId));
    const info = await sendBySmtp(raw, { from: c.shopperEmail, to: [c.address] });
    expect(info.accepted).toEqual([c.address]);
    const [answer] = await shopperMessages(c).then((m) => m.slice(-1));
    expect(answer!.text).toBe("Perfect, thank you so much. Could it ship by Friday?");
    expect(answer!.data).toMatchObject({ channel: "email" });
    const item = await findInboxItem(t.db(), { accountId: c.account.id, conversationId: c.conversationId });
    expect(item).toMatchObject({ closedAt: null, assigneeId: c.agent.userId });
    const [escalation] = await t.db().select().from(escalations).where(eq(escalations.conversationId, c.conversationId));
    expect(escalation!.shopperRepliedAt).toBeInstanceOf(Date);
    // The agent's next reply clears the wait.
    await replyToConversation(t.db(), c.agent, c.conversationId, "It will.");
    const [after] = await t.db().select().from(escalations).where(eq(escalations.conversationId, c.conversationId));
    expect(after!.shopperRepliedAt).toBeNull();
  });

  it("refuses recipients outside the inbound domain (550), forged tokens (550), too many recipients (452) and a 15 MB message (552)", async () => {
    const c = await emailConversation();
    const raw = fixture("html-only.eml", answerTo(c, "<none@x>"));
    await expect(sendBySmtp(raw, { from: c.shopperEmail, to: ["someone@elsewhere.test"] })).rejects.toMatchObject({ responseCode: 550 });
    const forged = c.address.replace(/\+([a-z2-7])/, (_, ch: string) => `+${ch === "a" ? "b" : "a"}`);
    await expect(sendBySmtp(raw, { from: c.shopperEmail, to: [forged] })).rejects.toMatchObject({ responseCode: 550 });
    // Twelve conversations' reply addresses in one transaction: past the tenth, 452.
    const many = [c.address];
    for (let i = 0; i < 11; i++) {
      const conversationId = await t.handoff(c.account.id, `crowd${i}@example.com`);
      many.push(replyAddress(replyToken({ accountId: c.account.id, conversationId }), DOMAIN));
    }
    const crowded = await sendBySmtp(raw, { from: c.shopperEmail, to: many });
    expect(crowded.accepted).toHaveLength(10);
    expect((crowded as unknown as { rejectedErrors: Array<{ responseCode: number }> }).rejectedErrors.map((e) => e.responseCode)).toEqual([452, 452]);
    const big = Buffer.concat([raw, Buffer.alloc(15 * 1024 * 1024, "a")]);
    await expect(sendBySmtp(big, { from: c.shopperEmail, to: [c.address] })).rejects.toMatchObject({ responseCode: 552 });
    // The crowded message itself was taken once, for its ten accepted recipients.
    expect(await shopperMessages(c)).toHaveLength(2);
  });

  it("another account's token is refused: the signature is bound to the conversation's account", async () => {
    const a = await emailConversation();
    const b = await emailConversation();
    const crossed = replyAddress(replyToken({ accountId: a.account.id, conversationId: b.conversationId }), DOMAIN);
    const raw = fixture("html-only.eml", answerTo(b, "<none@x>", { TO: crossed }));
    await expect(sendBySmtp(raw, { from: b.shopperEmail, to: [crossed] })).rejects.toMatchObject({ responseCode: 550 });
    expect((await postWebhook(raw)).status).toBe(422);
    expect(await shopperMessages(b)).toHaveLength(1);
  });
});

describe("the inbox shows the email thread inline", () => {
  it("each message's channel and an emailed reply's delivery state; the shopper's attachments listed; the row marked as answered", async () => {
    const c = await emailConversation();
    const { email } = await agentReplies(c, "Could you send the receipt?");
    await receiveInboundEmail(t.db(), fixture("outlook-reply.eml", answerTo(c, email.messageId)), { via: "smtp" });
    const viewer = { accountId: c.account.id, userId: c.agent.userId };
    const view = (await inboxConversation(t.db(), viewer, c.conversationId))!;
    const [question, ...rest] = view.transcript.filter((m) => m.author !== "assistant");
    expect(question).toMatchObject({ author: "shopper", channel: "chat", delivery: null });
    expect(rest.map((m) => [m.author, m.channel, m.delivery])).toEqual([
      ["human", "email", "sent"],
      ["shopper", "email", null],
    ]);
    expect(rest[1]!.attachments).toEqual([{ filename: "receipt.jpg", size: 13 }]);
    const { rows } = await inboxRows(t.db(), viewer, { assignee: "all", state: "open" });
    expect(rows.find((r) => r.conversationId === c.conversationId)!.shopperRepliedAt).not.toBeNull();
  });
});
