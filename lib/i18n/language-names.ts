import { supportedLocales, type Locale } from "@/lib/i18n/locales";

/** Each dashboard language named in itself ("English", "Português (Brasil)"), as a language menu lists them. */
export function languageOptions(): Array<{ locale: Locale; name: string }> {
  return supportedLocales.map((locale) => {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
    return { locale, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
  });
}

/** The user's saved language when Baton still supports it, else null (follow the browser). */
export function savedLocale(value: string | null): Locale | null {
  return supportedLocales.find((l) => l === value) ?? null;
}
