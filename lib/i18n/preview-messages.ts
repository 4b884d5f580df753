import "server-only";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { previewKeys, type ShopperMessages } from "@/lib/i18n/shopper-translator";
import type en from "@/messages/shopper/en.json";

/** One language's preview texts, picked from its full `shopper` namespace and compiled for the browser. */
export const previewMessages = (shopper: (typeof en)["shopper"]): ShopperMessages =>
  compileCatalog(Object.fromEntries(previewKeys.map((key) => [key, shopper[key]]))) as ShopperMessages;
