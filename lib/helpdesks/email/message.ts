import type { TicketRequest } from "@/lib/helpdesks/adapter";
import type { EmailMessage } from "@/lib/email/smtp";
import { smtpFromAddress } from "@/lib/email/smtp";
import { ticketTexts } from "@/lib/i18n/shopper-texts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Text to HTML, line by line: escaped, with web addresses made links (the way back to the conversation). */
function htmlOf(text: string, lang: string): string {
  const lines = text
    .split("\n")
    .map((line) => (line === "" ? "<br>" : `<div>${escapeHtml(line).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)}</div>`));
  return `<!doctype html><html lang="${escapeHtml(lang)}"><body style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5">${lines.join("")}</body></html>`;
}

/** The subject's first words: the start of what the shopper asked, cut at a word, at most `max` characters. */
export function firstWords(text: string, max = 78): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/**
 * The Message-ID of a handoff's email: derived from the escalation (its idempotency key) alone, so
 * every retry of one handoff carries the same id and helpdesks that drop duplicates by Message-ID
 * keep a single ticket.
 */
export const handoffMessageId = (idempotencyKey: string) => `<handoff.${idempotencyKey}@${smtpFromAddress().split("@")[1] || "baton.invalid"}>`;

/**
 * One handoff as one email to the merchant's support address: from Baton's address under the
 * shopper's name ("Ana Souza via Baton"), Reply-To the shopper, so the helpdesk's reply reaches
 * them; the ticket body (who, why, transcript with timestamps, the link back) as text and HTML.
 */
export function handoffEmail(request: TicketRequest, to: string): EmailMessage {
  const t = ticketTexts(request.locale ?? "en");
  return {
    to,
    subject: firstWords(request.subject),
    text: request.body,
    html: htmlOf(request.body, request.locale ?? "en"),
    messageId: handoffMessageId(request.idempotencyKey),
    fromName: t("viaBaton", { name: request.requester.name }),
    replyTo: request.requester.email ? { name: request.requester.name, address: request.requester.email } : undefined,
  };
}
