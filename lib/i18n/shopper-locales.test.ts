import { describe, expect, it } from "vitest";
import { accountShopperDefault, matchShopperLocale, pickShopperLocale, shopperLocales } from "@/lib/i18n/shopper-locales";
import { shopperCatalogs, shopperTexts, ticketTexts } from "@/lib/i18n/shopper-texts";

describe("pickShopperLocale", () => {
  it("takes the page's data-locale first, matching base languages", () => {
    expect(pickShopperLocale({ requested: "pt-BR", acceptLanguage: "en", accountDefault: "en" })).toBe("pt-BR");
    expect(pickShopperLocale({ requested: "pt", acceptLanguage: "en", accountDefault: "en" })).toBe("pt-BR");
    expect(pickShopperLocale({ requested: "pt-PT", accountDefault: "en" })).toBe("pt-BR");
    expect(pickShopperLocale({ requested: "ES-mx", accountDefault: "en" })).toBe("es");
  });

  it("then the browser's languages by quality, skipping unsupported ones, `*` and q=0", () => {
    expect(pickShopperLocale({ requested: "ja", acceptLanguage: "ja, de;q=0.7, fr;q=0.8", accountDefault: "en" })).toBe("fr");
    expect(pickShopperLocale({ acceptLanguage: "es-419,es;q=0.9", accountDefault: "pt-BR" })).toBe("es");
    expect(pickShopperLocale({ acceptLanguage: "de;q=0, *;q=0.5", accountDefault: "pt-BR" })).toBe("pt-BR");
    expect(pickShopperLocale({ acceptLanguage: "fr;q=0.5, en-GB;q=0.5", accountDefault: "de" })).toBe("fr");
  });

  it("else the account's default: its fixed choice, or automatically the account's language", () => {
    expect(pickShopperLocale({ acceptLanguage: "zh-CN", accountDefault: "de" })).toBe("de");
    expect(pickShopperLocale({ accountDefault: "pt-BR" })).toBe("pt-BR");
    expect(accountShopperDefault({ locale: "pt-BR", shopperLocale: null })).toBe("pt-BR");
    expect(accountShopperDefault({ locale: "pt-BR", shopperLocale: "fr" })).toBe("fr");
    expect(accountShopperDefault({ locale: "xx", shopperLocale: null })).toBe("en");
    expect(matchShopperLocale("")).toBeNull();
  });
});

describe("shopper catalogs", () => {
  const leaves = (obj: object, prefix = ""): Array<[string, unknown]> =>
    Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));

  it("have the same keys and placeholders in every language, none empty", () => {
    const english = new Map(leaves(shopperCatalogs.en));
    for (const locale of shopperLocales) {
      const catalog = new Map(leaves(shopperCatalogs[locale]));
      expect([...catalog.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, value] of catalog) {
        expect(typeof value === "string" && value.trim().length > 0, `${locale} ${key}`).toBe(true);
        const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
        expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(english.get(key)));
      }
    }
  });

  it("format their placeholders in each language", () => {
    expect(shopperTexts("pt-BR")("sentToInboxByEmail", { email: "ana@exemplo.com.br" })).toBe(
      "Pronto! Enviei sua conversa para a nossa equipe. Eles vão te responder por e-mail em ana@exemplo.com.br.",
    );
    expect(ticketTexts("de")("handedOff", { channel: ticketTexts("de")("channelSms") })).toBe("Übergeben vom Customer Agent von Baton (SMS).");
  });
});
