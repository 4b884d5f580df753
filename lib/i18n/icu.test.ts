import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/i18n/client";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { translator, type Values } from "@/lib/i18n/icu";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";
import shopperDe from "@/messages/shopper/de.json";
import shopperEn from "@/messages/shopper/en.json";
import shopperEs from "@/messages/shopper/es.json";
import shopperFr from "@/messages/shopper/fr.json";
import shopperPt from "@/messages/shopper/pt-BR.json";

type Catalog = { [key: string]: string | Catalog };
const catalogs: Array<[string, Catalog]> = [
  ["en", en],
  ["pt-BR", ptBR],
  ["en", shopperEn],
  ["pt-BR", shopperPt],
  ["es", shopperEs],
  ["fr", shopperFr],
  ["de", shopperDe],
];

function* entries(catalog: Catalog, prefix = ""): Generator<[string, string]> {
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") yield [prefix + key, value];
    else yield* entries(value, `${prefix}${key}.`);
  }
}

/** Each argument of a message with the values worth trying for it (every option of a select, numbers around plural edges). */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, Set<string | number>>()) {
  for (const element of elements) {
    const name = "value" in element ? String(element.value) : "";
    const add = (...values: Array<string | number>) => {
      const set = into.get(name) ?? new Set();
      for (const v of values) set.add(v);
      into.set(name, set);
    };
    if (element.type === TYPE.argument) add("Zoë");
    if (element.type === TYPE.number || element.type === TYPE.plural) add(0, 1, 2, 5, 21, 1234.5);
    if (element.type === TYPE.select) add(...Object.keys(element.options).filter((k) => k !== "other"), "something-else");
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** Every combination of the values (one of each argument), capped: the catalogs have at most a few arguments a message. */
function combinations(args: Map<string, Set<string | number>>): Values[] {
  let all: Values[] = [{}];
  for (const [name, values] of args) all = all.flatMap((partial) => [...values].map((v) => ({ ...partial, [name]: v })));
  return all.slice(0, 500);
}

/** One message compiled on the server and formatted as the browser does. */
const formatMessage = (locale: string, message: string, values?: Values) => translator(locale, compileCatalog({ m: message }))("m", values);

describe("the browser's ICU formatter (icu-minify over the server's compiled catalog)", () => {
  it("writes every catalog message exactly as next-intl does, for every value of every argument", () => {
    let compared = 0;
    for (const [locale, catalog] of catalogs) {
      const reference = createTranslator({ locale, messages: catalog as never, onError: () => {} });
      const ours = translator(locale, compileCatalog(catalog));
      for (const [key, message] of entries(catalog)) {
        for (const values of combinations(argumentsOf(parse(message, { ignoreTag: true })))) {
          // No values when a message has no argument, as the app calls it (next-intl then returns the text as is).
          const given = Object.keys(values).length ? values : undefined;
          let expected = (reference as (k: string, v?: Values) => string)(key, given);
          // next-intl's development build (the one Vitest loads) reads "</body>" as a tag and fails;
          // its production build, which the app runs, returns a message without values as it is.
          if (!given && expected === key) expected = message;
          expect(ours(key, given), `${locale} ${key} ${JSON.stringify(values)}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("reads ICU's apostrophe quoting, exact plural matches and nesting", () => {
    expect(formatMessage("en", "It''s '{literal}' and don't '#' {n, plural, =0 {none} one {'#' is #} other {# left}}", { n: 1 })).toBe(
      "It's {literal} and don't '#' # is 1",
    );
    expect(formatMessage("pt-BR", "{n, plural, =0 {nenhuma} one {# conversa} other {# conversas}}", { n: 1234 })).toBe("1.234 conversas");
    expect(formatMessage("en", "{d, select, email {Email sent} other {{h} ticket #{id}}}", { d: "zendesk", h: "Zendesk", id: 7 })).toBe("Zendesk ticket #7");
  });

  it("compiles every catalog into plain arrays and objects, which React passes to client components", () => {
    const plainOnly = (value: unknown): boolean =>
      typeof value !== "object" || value === null
        ? true
        : (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) && Object.values(value).every(plainOnly);
    for (const [, catalog] of catalogs) expect(plainOnly(compileCatalog(catalog))).toBe(true);
  });

  it("shows the key's path for a missing key instead of failing the page", () => {
    const t = translator("en", compileCatalog({ a: { b: "Hi {name}" } }), "a");
    expect(t("b", { name: "Ana" })).toBe("Hi Ana");
    const silenced = console.error;
    console.error = () => {};
    try {
      expect(t("c")).toBe("a.c");
      expect(t("b")).toBe("a.b");
    } finally {
      console.error = silenced;
    }
  });
});

describe("the browser's formatter", () => {
  it("writes the plain spaces Chromium writes, not Node's thin ones, so a server render hydrates as it is", () => {
    const en = createFormatter({ locale: "en", timeZone: "UTC" });
    const pt = createFormatter({ locale: "pt-BR", timeZone: "UTC" });
    const [from, to] = [new Date("2026-11-02T00:00Z"), new Date("2026-12-01T00:00Z")];
    expect(en.dateTimeRange(from, to, { month: "short", day: "numeric", year: "numeric" })).toBe("Nov 2 – Dec 1, 2026");
    expect(pt.dateTimeRange(from, to, { month: "short", day: "numeric" })).toBe("2 de nov. – 1 de dez.");
    expect(en.dateTime(new Date("2026-11-02T15:00Z"), { hour: "numeric", minute: "2-digit" })).toBe("3:00 PM");
  });
});
