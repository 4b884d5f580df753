import "server-only";
import type { Conversation } from "@/db/queries/conversations";
import { env } from "@/lib/env";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";
import { ticketTexts } from "@/lib/i18n/shopper-texts";

type Line = { author: string | null; text: string | null; at: Date };
const authors = ["shopper", "assistant", "human", "system"] as const;
const authorOf = (author: string | null) => authors.find((a) => a === author) ?? "system";

export const conversationLink = (conversationId: string) => `${env().NEXTAUTH_URL ?? "http://localhost:3000"}/inbox/${conversationId}`;

/**
 * The ticket's first comment: who the shopper is, why the agent handed off, the full transcript
 * with UTC timestamps, and a link back to the conversation in Baton. Headings and labels are in
 * the account's language (`locale`); the transcript stays as it was written.
 */
export function ticketBody(conversation: Conversation, transcript: Line[], locale: ShopperLocale): string {
  const t = ticketTexts(locale);
  const shopper = [
    conversation.shopperName && t("name", { value: conversation.shopperName }),
    conversation.shopperEmail && t("email", { value: conversation.shopperEmail }),
    conversation.shopperPhone && t("phone", { value: conversation.shopperPhone }),
    conversation.shopperProfileId && t("profileId", { value: conversation.shopperProfileId }),
    t(conversation.shopperVerified ? "identityVerified" : "identityUnverified"),
  ].filter(Boolean);
  return [
    t("handedOff", { channel: conversation.channel === "sms" ? t("channelSms") : t("channelWebChat") }),
    ...shopper,
    conversation.reason ? t("reason", { value: conversation.reason }) : null,
    "",
    t("transcript"),
    ...transcript.map(
      (l) =>
        `[${l.at
          .toISOString()
          .replace("T", " ")
          .replace(/\.\d+Z$/, " UTC")}] ${t(`authors.${authorOf(l.author)}`)}: ${l.text ?? ""}`,
    ),
    "",
    t("link", { url: conversationLink(conversation.id) }),
  ]
    .filter((l) => l !== null)
    .join("\n");
}

/** The ticket's subject in the account's language: the channel and the shopper's question. */
export function ticketSubject(conversation: Conversation, locale: ShopperLocale): string {
  const t = ticketTexts(locale);
  const reason = (conversation.reason ?? t("noReason")).slice(0, 120);
  return conversation.channel === "sms" ? t("subjectSms", { reason }) : t("subjectWebChat", { reason });
}

/** The shopper's name for the helpdesk's requester: their name, email or phone, else "Shopper" in the account's language. */
export const requesterName = (conversation: Conversation, locale: ShopperLocale) =>
  conversation.shopperName ?? (conversation.shopperEmail || conversation.shopperPhone || ticketTexts(locale)("authors.shopper"));

/** The shopper's own lines, as written (the reason they gave when there are none). */
export function shopperWords(conversation: Conversation, transcript: Line[]): string {
  const lines = transcript.filter((l) => authorOf(l.author) === "shopper" && l.text?.trim()).map((l) => l.text!.trim());
  return lines.length > 0 ? lines.join("\n\n") : (conversation.reason ?? "");
}
