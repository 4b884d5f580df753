import { shopperEmailTexts } from "@/lib/i18n/shopper-texts";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";

export type HistoryMessage = { author: "shopper" | "assistant" | "human" | "system" | null; text: string | null; at: Date; name?: string | null };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const htmlLines = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

/**
 * The email carrying an agent's reply, in the shopper's language: the reply first, who wrote it, a
 * line saying the shopper can answer by replying, then the conversation so far, quoted (newest
 * first, as mail clients quote). Plain text and the same in HTML.
 */
export function composeReplyEmail(params: {
  store: string;
  shopperName: string | null;
  agentName: string;
  reply: string;
  question: string | null;
  locale: ShopperLocale;
  /** The messages before this reply, oldest first. */
  history?: HistoryMessage[];
  /** The thread's subject, kept from its first email; a new one otherwise. */
  subject?: string | null;
  /** Whether the shopper can answer by replying (a reply address is set). */
  canReply?: boolean;
}) {
  const t = shopperEmailTexts(params.locale);
  const when = new Intl.DateTimeFormat(params.locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });
  const history = (params.history ?? []).filter((m) => m.text && m.author !== "system").reverse();
  const authorOf = (m: HistoryMessage) =>
    m.author === "shopper" ? t("authorYou") : m.author === "assistant" ? t("authorAssistant", { store: params.store }) : (m.name ?? params.store);
  const greeting = params.shopperName ? t("greeting", { name: params.shopperName }) : t("greetingNoName");
  const signature = t("signature", { agent: params.agentName, store: params.store });
  const question = history.length === 0 && params.question ? t("question", { question: params.question }) : null;
  const hint = params.canReply ? t("replyHint", { store: params.store }) : null;

  const quoted = history.map((m) => [`${authorOf(m)} · ${when.format(m.at)}`, ...m.text!.split(/\r?\n/)].map((line) => `> ${line}`.trimEnd()).join("\n"));
  const text = [greeting, params.reply, signature, question, hint, history.length > 0 ? `${t("history")}\n\n${quoted.join("\n>\n")}` : null]
    .filter((p) => p !== null)
    .join("\n\n");

  const paragraph = (body: string, style = "") => `<p${style ? ` style="${style}"` : ""}>${htmlLines(body)}</p>`;
  const html = [
    `<!doctype html><html lang="${params.locale}"><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">`,
    paragraph(greeting),
    paragraph(params.reply),
    paragraph(signature, "color:#475569"),
    question ? paragraph(question, "color:#475569") : "",
    hint ? paragraph(hint, "color:#475569;font-size:13px") : "",
    history.length > 0
      ? `<p style="color:#475569;font-size:13px">${escapeHtml(t("history"))}</p><blockquote style="margin:0;padding-left:12px;border-left:3px solid #cbd5e1;color:#334155">${history
          .map((m) => `<p><strong>${escapeHtml(authorOf(m))}</strong> · ${escapeHtml(when.format(m.at))}<br>${htmlLines(m.text!)}</p>`)
          .join("")}</blockquote>`
      : "",
    "</body></html>",
  ].join("");
  return { subject: params.subject ?? t("subject", { store: params.store }), body: text, html };
}
