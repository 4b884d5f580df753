import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";
import type { InboundAttachment } from "@/db/schema/inbound-emails";
import { mailKind, type MailKind } from "./automatic";
import { readBounce } from "./bounce";
import { newReplyText } from "./reply-text";

/** A received email, read: who sent it, to whom, what it answers, and its new text. */
export type InboundMessage = {
  /** Its Message-ID, or a digest of the message when it has none (so a resend is still recognised). */
  messageId: string;
  from: string | null;
  /** Every address it was sent to (To, Cc, Delivered-To, X-Original-To), lowercase. */
  recipients: string[];
  /** The messages it answers: In-Reply-To first, then References from the newest. */
  answers: string[];
  subject: string;
  kind: MailKind;
  text: string;
  attachments: InboundAttachment[];
  bounce: { messageIds: string[]; reason: string } | null;
  sizeBytes: number;
};

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);

const headerText = (value: unknown) => (typeof value === "string" ? [value] : Array.isArray(value) ? value.map(String) : []);

const messageIdsIn = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((v) => v.trim()).filter((v) => /^<[^<>\s]+>$/.test(v));

export async function parseInbound(raw: Buffer): Promise<InboundMessage> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true, skipTextToHtml: true, checksumAlgo: false, ignoreEmbedded: true });
  const from = addresses(mail.from)[0] ?? null;
  const subject = (mail.subject ?? "").trim();
  const kind = mailKind(mail.headers, subject, from ?? "");
  const text = mail.text ?? "";
  const references = messageIdsIn(mail.references).reverse();
  const inReplyTo = messageIdsIn(mail.inReplyTo);
  const recipients = [
    ...addresses(mail.to),
    ...addresses(mail.cc),
    ...headerText(mail.headers.get("delivered-to")),
    ...headerText(mail.headers.get("x-original-to")),
  ].map((a) => a.trim().toLowerCase());
  return {
    messageId: mail.messageId && /^<[^<>\s]+>$/.test(mail.messageId) ? mail.messageId : `<${createHash("sha256").update(raw).digest("hex")}@digest.baton>`,
    from,
    recipients: [...new Set(recipients)],
    answers: [...new Set([...inReplyTo, ...references])],
    subject,
    kind,
    text: kind === "personal" ? newReplyText(text) : text.trim(),
    // Files the shopper attached; images embedded in an HTML signature are not attachments to them.
    attachments: mail.attachments
      .filter((a) => !a.related && !a.contentType.startsWith("message/") && a.contentType !== "text/rfc822-headers")
      .map((a) => ({ filename: a.filename ?? a.contentType, size: a.size, contentType: a.contentType })),
    bounce: kind === "bounce" ? readBounce(raw.toString("latin1")) : null,
    sizeBytes: raw.length,
  };
}
