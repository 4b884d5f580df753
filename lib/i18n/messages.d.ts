import type { DashboardCatalog } from "@/lib/i18n/dashboard-messages";

// Typed message keys: a t("…") call with a key that English lacks fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Messages: DashboardCatalog;
  }
}
