import type en from "@/messages/en.json";
import type ptBR from "@/messages/pt-BR.json";
import type { Locale } from "@/lib/i18n/locales";

export type DashboardCatalog = typeof en;

// Typecheck-time completeness: each catalog must have exactly English's keys. A missing key fails
// the first alias (naming the key), an extra key the second. scripts/check-catalogs.ts checks the
// same for every catalog under messages/ at lint time, and that values were translated.
type HasEveryKey<T extends DashboardCatalog> = T;
type HasNoExtraKey<T extends Catalog, Catalog> = T;
export type PtBRCatalog = HasEveryKey<typeof ptBR> & HasNoExtraKey<DashboardCatalog, typeof ptBR>;

const loaders: Record<Locale, () => Promise<{ default: DashboardCatalog }>> = {
  en: () => import("@/messages/en.json"),
  "pt-BR": () => import("@/messages/pt-BR.json"),
};

/** One language's catalog, loaded on demand so a page carries only the language it renders in. */
export async function dashboardMessages(locale: Locale): Promise<DashboardCatalog> {
  return (await loaders[locale]()).default;
}
