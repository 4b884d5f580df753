/** Languages with a complete message catalog in messages/. The first is the fallback. */
export const supportedLocales = ["en", "pt-BR"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

/** The locale of `list` a language tag asks for: the same tag, else the same base language (`pt` → `pt-BR`). */
export function matchLocale<T extends string>(list: readonly T[], tag: string): T | null {
  const lower = tag.toLowerCase();
  const exact = list.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split("-")[0];
  return list.find((l) => l.toLowerCase().split("-")[0] === base) ?? null;
}
const match = (tag: string) => matchLocale(supportedLocales, tag);

/** An Accept-Language header's language tags, best first (quality values, then order); `*` and q=0 dropped. */
export function rankedLanguages(acceptLanguage: string | null | undefined): string[] {
  return (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The user's saved language when Baton has it, else the browser's best match, else English. */
export function pickLocale(input: { userLocale?: string | null; acceptLanguage?: string | null }): Locale {
  if (input.userLocale) {
    const chosen = match(input.userLocale);
    if (chosen) return chosen;
  }
  for (const tag of rankedLanguages(input.acceptLanguage)) {
    const found = match(tag);
    if (found) return found;
  }
  return defaultLocale;
}
