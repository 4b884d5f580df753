import type { CompiledMessage } from "icu-minify/format";
import { translator, type Values } from "@/lib/i18n/icu";

/** The shopper texts the dashboard's previews show: only these reach a dashboard page, so it carries no other language's widget texts. */
export const previewKeys = [
  "cannotAnswer",
  "offerHuman",
  "consentButton",
  "declineButton",
  "askEmail",
  "askEmailOffline",
  "sentToInbox",
  "sentToInboxByEmail",
  "sentToHelpdeskWebChat",
  "chatEnded",
  "smsSentToInbox",
  "smsSentToHelpdesk",
  "autoReplyDefault",
  "backToday",
  "backTomorrow",
  "backOn",
  "backSoon",
] as const;
export type PreviewKey = (typeof previewKeys)[number];
/** One language's preview texts, compiled on the server (lib/i18n/preview-messages.ts). */
export type ShopperMessages = Record<PreviewKey, CompiledMessage>;

/**
 * A translator over one language's preview texts, for server and client components alike: the
 * Handoff and Business hours previews show exactly what the widget will say.
 */
export function shopperTranslator(locale: string, messages: ShopperMessages) {
  // The browser's small formatter (lib/i18n/icu.ts), not next-intl's: the previews are client components.
  const t: (key: PreviewKey, values?: Values) => string = translator(locale, messages);
  return Object.assign(t, { locale });
}
