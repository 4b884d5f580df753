import { supportedLocales, type Locale } from "@/lib/i18n/locales";

/** A language named in itself ("English", "Português (Brasil)"), as language menus list them: a name, not a translation. */
export function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Each dashboard language named in itself. */
export function languageOptions(): Array<{ locale: Locale; name: string }> {
  return supportedLocales.map((locale) => ({ locale, name: languageName(locale) }));
}

/** The user's saved language when Baton still supports it, else null (follow the browser). */
export function savedLocale(value: string | null): Locale | null {
  return supportedLocales.find((l) => l === value) ?? null;
}
