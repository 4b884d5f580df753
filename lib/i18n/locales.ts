/** Languages with a complete message catalog in messages/. The first is the fallback. */
export const supportedLocales = ["en", "pt-BR"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

function match(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  const exact = supportedLocales.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split("-")[0];
  return supportedLocales.find((l) => l.toLowerCase().split("-")[0] === base) ?? null;
}

/** The user's saved language when Baton has it, else the browser's best match, else English. */
export function pickLocale(input: { userLocale?: string | null; acceptLanguage?: string | null }): Locale {
  if (input.userLocale) {
    const chosen = match(input.userLocale);
    if (chosen) return chosen;
  }
  const ranked = (input.acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const found = match(entry.tag);
    if (found) return found;
  }
  return defaultLocale;
}
