import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowIdentical } from "@/lib/i18n/catalog-allow-list";
import { checkCatalog, isLanguageNeutral } from "@/lib/i18n/catalog-check";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";

const english = { a: { title: "Inbox", count: "{count, plural, one {# chat} other {# chats}}" }, brand: "Baton", site: "{site}.zendesk.com" };

describe("checkCatalog", () => {
  it("accepts a complete translation", () => {
    const pt = { a: { title: "Caixa de entrada", count: "{count, plural, one {# conversa} other {# conversas}}" }, brand: "Baton", site: "{site}.zendesk.com" };
    expect(checkCatalog({ file: "pt.json", english, catalog: pt })).toEqual([]);
  });

  it("names missing and extra keys", () => {
    const pt = { a: { title: "Caixa de entrada", extra: "Sobrando" }, brand: "Baton", site: "{site}.zendesk.com" };
    expect(checkCatalog({ file: "pt.json", english, catalog: pt })).toEqual(["pt.json: missing key a.count", "pt.json: extra key a.extra (not in English)"]);
  });

  it("refuses a renamed or dropped placeholder, and a broken ICU message", () => {
    const pt = { a: { title: "Caixa de entrada", count: "{total, plural, one {# conversa} other {# conversas}}" }, brand: "Baton", site: "{site.zendesk.com" };
    expect(checkCatalog({ file: "pt.json", english, catalog: pt })).toEqual([
      "pt.json: a.count uses {total} but English uses {count}",
      "pt.json: site is not a valid ICU message",
    ]);
  });

  it("refuses a text left in English unless its key is allow-listed", () => {
    const pt = { a: { title: "Inbox", count: "{count, plural, one {# chat} other {# chats}}" }, brand: "Baton", site: "{site}.zendesk.com" };
    expect(checkCatalog({ file: "pt.json", english, catalog: pt })).toEqual([
      'pt.json: a.title is identical to English ("Inbox"); translate it or allow-list the key',
      'pt.json: a.count is identical to English ("{count, plural, one {# chat} other {# chats}}"); translate it or allow-list the key',
    ]);
    expect(checkCatalog({ file: "pt.json", english, catalog: pt, allowIdentical: ["a.title", "a.count"] })).toEqual([]);
  });

  it("treats names, addresses, numbers and symbols as language-neutral", () => {
    expect(isLanguageNeutral("Customer Agent")).toBe(true);
    expect(isLanguageNeutral("  .zendesk.com")).toBe(true);
    expect(isLanguageNeutral("± 0 — “ ”")).toBe(true);
    expect(isLanguageNeutral("Zendesk ticket")).toBe(false);
  });
});

describe("the catalogs in messages/", () => {
  it("pt-BR has exactly English's keys and passes every rule", () => {
    expect(checkCatalog({ file: "pt-BR.json", english: en, catalog: ptBR, allowIdentical: allowIdentical["pt-BR.json"] })).toEqual([]);
  });

  it("the lint step fails on a catalog group with a missing key, wherever it lives under messages/", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalogs-"));
    fs.mkdirSync(path.join(dir, "messages", "shopper"), { recursive: true });
    fs.writeFileSync(path.join(dir, "messages", "en.json"), JSON.stringify({ a: "Hello" }));
    fs.writeFileSync(path.join(dir, "messages", "pt-BR.json"), JSON.stringify({ a: "Olá" }));
    fs.writeFileSync(path.join(dir, "messages", "shopper", "en.json"), JSON.stringify({ b: "Send", c: "Close" }));
    fs.writeFileSync(path.join(dir, "messages", "shopper", "fr.json"), JSON.stringify({ b: "Envoyer" }));
    const script = path.resolve("scripts/check-catalogs.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    let output = "";
    try {
      execFileSync(tsx, [script], { cwd: dir, stdio: "pipe" });
    } catch (error) {
      output = String((error as { stderr: Buffer }).stderr);
    }
    expect(output).toContain(`messages${path.sep}shopper${path.sep}fr.json: missing key c`);
    expect(output).not.toContain("pt-BR.json");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
