import { createTranslator } from "next-intl";
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
  return Object.assign(createTranslator({ locale, messages: { shopper: messages }, namespace: "shopper" }), { locale });
}
