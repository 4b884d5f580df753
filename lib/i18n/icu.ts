import format, { type CompiledMessage } from "icu-minify/format";

/**
 * The browser's side of the catalogs: messages arrive compiled by the server
 * (lib/i18n/compile-catalog.ts) and are formatted here with icu-minify's runtime, under 1 KB
 * gzipped, instead of next-intl's client formatter (an ICU parser with intl-messageformat, about
 * 12 KB on every dashboard page). The server keeps next-intl.
 */
export type Values = Record<string, string | number | Date>;
export type CompiledCatalog = { [key: string]: CompiledMessage | CompiledCatalog };

// Intl objects are costly to build and the same few are used on every render: one per locale and options.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(kind: string, args: unknown[], make: () => T): T {
  const key = `${kind}:${JSON.stringify(args)}`;
  let made = cache.get(key) as T | undefined;
  if (!made) cache.set(key, (made = make()));
  return made;
}
const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => memo("date", args, () => new Intl.DateTimeFormat(...args)),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => memo("number", args, () => new Intl.NumberFormat(...args)),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => memo("plural", args, () => new Intl.PluralRules(...args)),
};

/** A nested part of a catalog, not a message (compiled messages may be arrays). */
export const isCatalog = (at: CompiledMessage | CompiledCatalog | undefined): at is CompiledCatalog =>
  typeof at === "object" && at !== null && !Array.isArray(at);

/** The compiled message at a dotted path ("preview.title") of a catalog, if there is one. */
export function messageAt(messages: CompiledCatalog, path: string): CompiledMessage | undefined {
  let at: CompiledMessage | CompiledCatalog | undefined = messages;
  for (const key of path.split(".")) at = isCatalog(at) ? at[key] : undefined;
  return at === undefined || isCatalog(at) ? undefined : at;
}

/**
 * A `t(key, values)` over one namespace of a compiled catalog. Like next-intl in production, a
 * missing key or a message that cannot be formatted shows its path instead of breaking the page.
 */
export function translator(locale: string, messages: CompiledCatalog, namespace?: string) {
  const pathOf = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const t = (key: string, values?: Values): string => {
    const path = pathOf(key);
    const message = messageAt(messages, path);
    if (message === undefined) {
      console.error(`Missing message ${path} (${locale})`);
      return path;
    }
    try {
      const text = format(message, locale, values, { formatters });
      if (typeof text !== "string") throw new Error("the message has tags, which t() cannot return as text");
      return text;
    } catch (error) {
      console.error(`Cannot format ${path} (${locale}):`, error);
      return path;
    }
  };
  /** Whether the catalog has a message at the key, as next-intl's `t.has`. */
  const has = (key: string) => messageAt(messages, pathOf(key)) !== undefined;
  return Object.assign(t, { has });
}
