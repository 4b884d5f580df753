import { describe, expect, it } from "vitest";
import { createFormatter, type Translate } from "@/lib/i18n/client";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { translator } from "@/lib/i18n/icu";
import { overviewFormat } from "@/lib/overview/format";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";

const now = new Date("2026-11-30T15:00:00Z");
function formatFor(locale: "en" | "pt-BR") {
  const messages = locale === "en" ? en : ptBR;
  const format = createFormatter({ locale, timeZone: "America/Sao_Paulo" });
  return { format, f: overviewFormat(format, translator(locale, compileCatalog(messages), "overview") as Translate<"overview">) };
}
// Intl separates some parts with narrow no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");

describe("overview formatting in Brazilian Portuguese", () => {
  const { f, format } = formatFor("pt-BR");

  it("writes counts and percentages with Brazilian separators", () => {
    expect(f.count(1092)).toBe("1.092");
    expect(plain(f.percent(0.668))).toBe("66,8%");
    expect(f.percent(null)).toBe("—");
    expect(plain(f.withShare(120, 265))).toBe("120 (45,3%)");
    expect(plain(f.rateOf(751, 1092))).toBe("68,8% (751 de 1.092)");
  });

  it("writes days and date ranges the Brazilian way", () => {
    expect(f.day("2026-11-30")).toBe("30 de nov.");
    expect(plain(f.range("2026-11-01", "2026-11-30", true))).toBe("1 – 30 de nov. de 2026");
    expect(plain(f.span("2026-11-28", "2026-12-04"))).toBe("28 de nov. – 4 de dez.");
    expect(f.span("2026-11-30", "2026-11-30")).toBe("30 de nov.");
  });

  it("writes changes in percentage points and percent, and durations", () => {
    expect(f.change({ kind: "points", delta: 8.2 }).text).toBe("+8,2 p.p.");
    expect(plain(f.change({ kind: "relative", delta: -0.42 }).text)).toBe("−42%");
    expect(f.change({ kind: "none" }).text).toBe("Sem dados anteriores");
    expect(f.duration(253)).toBe("4 min 13 s");
  });

  it("writes relative times and times in the account's time zone", () => {
    expect(format.relativeTime(new Date(now.getTime() - 5 * 60_000), now)).toBe("há 5 minutos");
    expect(format.dateTime(now, { hour: "numeric", minute: "2-digit" })).toBe("12:00");
  });
});

describe("overview formatting in English", () => {
  const { f, format } = formatFor("en");

  it("keeps the English conventions", () => {
    expect(f.count(1092)).toBe("1,092");
    expect(f.percent(0.668)).toBe("66.8%");
    expect(f.day("2026-11-30")).toBe("Nov 30");
    expect(plain(f.range("2026-11-01", "2026-11-30", true))).toBe("Nov 1 – 30, 2026");
    expect(f.change({ kind: "points", delta: 8.2 }).text).toBe("+8.2 pts");
    expect(format.relativeTime(new Date(now.getTime() - 5 * 60_000), now)).toBe("5 minutes ago");
  });
});
