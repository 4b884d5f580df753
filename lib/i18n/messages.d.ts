import type en from "@/messages/en.json";

// Typed message keys: a t("…") call with a key that English lacks fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
  }
}
