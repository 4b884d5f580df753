import { translator, type Values } from "@/lib/i18n/icu";
import type en from "@/messages/shopper/en.json";

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
export type ShopperMessages = Pick<(typeof en)["shopper"], (typeof previewKeys)[number]>;

/** One language's preview texts, picked from its full `shopper` namespace (server side). */
export const previewMessages = (shopper: ShopperMessages): ShopperMessages =>
  Object.fromEntries(previewKeys.map((key) => [key, shopper[key]])) as ShopperMessages;

/**
 * A translator over one language's preview texts, for server and client components alike: the
 * Handoff and Business hours previews show exactly what the widget will say.
 */
export function shopperTranslator(locale: string, messages: ShopperMessages) {
  // The small formatter (lib/i18n/icu.ts), not next-intl's: the previews are client components.
  const t: (key: keyof ShopperMessages, values?: Values) => string = translator(locale, messages);
  return Object.assign(t, { locale });
}
