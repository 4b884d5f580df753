import "server-only";
import compile from "icu-minify/compile";
import type { CompiledCatalog } from "@/lib/i18n/icu";

type Catalog = { [key: string]: string | Catalog };

// Catalogs are fixed for the life of the process: each part is compiled once per language and parts.
const compiled = new WeakMap<object, CompiledCatalog>();

// icu-minify builds plural and select options as null-prototype objects, which React refuses to
// pass to a client component; its compiled form is JSON, so a JSON round trip makes it plain.
const plain = (message: string) => JSON.parse(JSON.stringify(compile(message))) as CompiledCatalog[string];

/** A catalog (or part of one) with every message compiled by icu-minify for the browser's formatter (lib/i18n/icu.ts). */
export function compileCatalog(catalog: Catalog): CompiledCatalog {
  let out = compiled.get(catalog);
  if (!out) {
    out = Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, typeof value === "string" ? plain(value) : compileCatalog(value)]));
    compiled.set(catalog, out);
  }
  return out;
}
