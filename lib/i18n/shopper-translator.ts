import { createTranslator } from "next-intl";
import type en from "@/messages/shopper/en.json";

/** The `shopper` namespace of one shopper catalog: what the dashboard's previews need, passed as a prop. */
export type ShopperMessages = (typeof en)["shopper"];

/**
 * A translator over one language's shopper texts, for server and client components alike: the
 * Handoff and Business hours previews show exactly what the widget will say.
 */
export function shopperTranslator(locale: string, messages: ShopperMessages) {
  return Object.assign(createTranslator({ locale, messages: { shopper: messages }, namespace: "shopper" }), { locale });
}
