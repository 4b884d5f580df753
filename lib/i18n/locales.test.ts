import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { pickLocale, supportedLocales } from "@/lib/i18n/locales";

describe("pickLocale", () => {
  it("prefers the user's saved language, then the browser's, then English", () => {
    expect(pickLocale({ userLocale: "en", acceptLanguage: "pt-BR" })).toBe("en");
    expect(pickLocale({ userLocale: "pt-BR", acceptLanguage: "en-US" })).toBe("pt-BR");
    expect(pickLocale({ userLocale: "xx", acceptLanguage: "en-GB,en;q=0.8" })).toBe("en");
    expect(pickLocale({ userLocale: "xx", acceptLanguage: "pt-BR" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "*" })).toBe("en");
    expect(pickLocale({})).toBe("en");
  });

  it("ranks the browser's languages by quality, then by order", () => {
    expect(pickLocale({ acceptLanguage: "pt-BR;q=0.9, en-US;q=0.5" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "en-US;q=0.5, pt-BR;q=0.9" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "en;q=0.9, pt-BR;q=0.9" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "pt-BR;q=0, en;q=0.1" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "en;q=0" })).toBe("en");
  });

  it("matches a bare or regional language to the supported variant", () => {
    expect(pickLocale({ acceptLanguage: "pt" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "pt-PT,pt;q=0.9" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "PT-br" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "en-AU" })).toBe("en");
  });

  it("falls back past unsupported languages, and to English when none is supported", () => {
    expect(pickLocale({ acceptLanguage: "ja, de;q=0.8, pt;q=0.5" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "ja, de;q=0.8" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "garbage;;q=x, ,," })).toBe("en");
  });
});

describe("message catalogs", () => {
  function leaves(obj: object, prefix = ""): Array<[string, unknown]> {
    return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
  }

  it("has a non-empty English text for every key", () => {
    const entries = leaves(en);
    expect(entries.length).toBeGreaterThan(30);
    for (const [key, value] of entries) expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
  });

  it("has a catalog for every supported locale with the same keys as English", async () => {
    const keys = leaves(en)
      .map(([k]) => k)
      .sort();
    for (const locale of supportedLocales) {
      const catalog = (await import(`@/messages/${locale}.json`)).default as object;
      expect(
        leaves(catalog)
          .map(([k]) => k)
          .sort(),
      ).toEqual(keys);
    }
  });
});
