import type en from "@/messages/en.json";
import type ptBR from "@/messages/pt-BR.json";
import { destinationCatalogs, type DestinationCatalogs } from "@/lib/helpdesks/registry";
import type { Locale } from "@/lib/i18n/locales";

/** The dashboard's texts: messages/<locale>.json and every destination's own (lib/helpdesks/<id>/messages/). */
export type DashboardCatalog = typeof en & DestinationCatalogs;

// Typecheck-time completeness: each catalog must have exactly English's keys. A missing key fails
// the first alias (naming the key), an extra key the second. scripts/check-catalogs.ts checks the
// same for every catalog under messages/ and lib/helpdesks/<id>/messages/ at lint time, and that
// values were translated; a destination's two languages share one type (lib/helpdesks/adapter.ts).
type HasEveryKey<T extends typeof en> = T;
type HasNoExtraKey<T extends Catalog, Catalog> = T;
export type PtBRCatalog = HasEveryKey<typeof ptBR> & HasNoExtraKey<typeof en, typeof ptBR>;

const loaders: Record<Locale, () => Promise<{ default: typeof en }>> = {
  en: () => import("@/messages/en.json"),
  "pt-BR": () => import("@/messages/pt-BR.json"),
};

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/** `into` with `from`'s keys added at every depth (a destination adds its branches beside the others). */
export function mergeCatalogs(into: Tree, from: unknown): Tree {
  if (!isTree(from)) return into;
  const out: Tree = { ...into };
  for (const [key, value] of Object.entries(from)) out[key] = isTree(out[key]) && isTree(value) ? mergeCatalogs(out[key], value) : value;
  return out;
}

/** One language's catalog, loaded on demand so a page carries only the language it renders in. */
export async function dashboardMessages(locale: Locale): Promise<DashboardCatalog> {
  const [base, destinations] = await Promise.all([loaders[locale](), destinationCatalogs(locale)]);
  return destinations.reduce<Tree>(mergeCatalogs, base.default) as DashboardCatalog;
}
