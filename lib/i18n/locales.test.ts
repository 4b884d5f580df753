import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { pickLocale, supportedLocales } from "@/lib/i18n/locales";

describe("pickLocale", () => {
  it("prefers the user's saved language, then the browser's, then English", () => {
    expect(pickLocale({ userLocale: "en", acceptLanguage: "pt-BR" })).toBe("en");
    expect(pickLocale({ userLocale: "xx", acceptLanguage: "en-GB,en;q=0.8" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "pt-BR;q=0.9, en-US;q=0.5" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "*" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "en;q=0" })).toBe("en");
    expect(pickLocale({})).toBe("en");
  });
});

describe("message catalogs", () => {
  function leaves(obj: object, prefix = ""): Array<[string, unknown]> {
    return Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === "object" ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
    );
  }

  it("has a non-empty English text for every key", () => {
    const entries = leaves(en);
    expect(entries.length).toBeGreaterThan(30);
    for (const [key, value] of entries) expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
  });

  it("has a catalog for every supported locale with the same keys as English", async () => {
    const keys = leaves(en).map(([k]) => k).sort();
    for (const locale of supportedLocales) {
      const catalog = (await import(`@/messages/${locale}.json`)).default as object;
      expect(leaves(catalog).map(([k]) => k).sort()).toEqual(keys);
    }
  });
});
