import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * Catalog rules, checked by `npm run lint` (scripts/check-catalogs.ts) over every group of
 * catalogs in messages/: a directory's `en.json` is the reference and each other `<locale>.json`
 * beside it must have exactly its keys, the same placeholders, and a translated text. A value
 * may stay identical to English only when it is names and symbols (see `names`) or its key is
 * allow-listed for that catalog.
 */
export type Catalog = { [key: string]: string | Catalog };

/** Words that are the same in every language (any case: `zendesk.com` too): product and company names. */
export const names = ["Baton Inbox", "Baton", "Customer Agent", "Zendesk", "Gorgias", "SMS", "API", "HH:MM"];

export function leaves(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses ({count}, {date, date, long}, plural and select selectors). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/** The literal text a person reads, without arguments: what must differ from English. */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((el) => {
      if (el.type === TYPE.literal) return el.value;
      if (el.type === TYPE.plural || el.type === TYPE.select)
        return Object.values(el.options)
          .map((o) => literalText(o.value))
          .join(" ");
      if (el.type === TYPE.tag) return literalText(el.children);
      return " ";
    })
    .join("");
}

function parsed(text: string): MessageFormatElement[] | null {
  try {
    return parse(text, { ignoreTag: true });
  } catch {
    return null;
  }
}

/** True when a text reads the same in any language: names, addresses, numbers and punctuation only. */
export function isLanguageNeutral(text: string): boolean {
  // Addresses (`.zendesk.com`, `https://…`) read the same everywhere too.
  let rest = text.toLowerCase().replace(/\S*[.:/]\S+/g, " ");
  for (const name of names) rest = rest.replaceAll(name.toLowerCase(), " ");
  return !/\p{L}{2,}/u.test(rest);
}

/** Problems of one catalog against its English reference, each naming the file and key. */
export function checkCatalog(input: { file: string; english: Catalog; catalog: Catalog; allowIdentical?: readonly string[] }): string[] {
  const { file, english, catalog } = input;
  const allowed = new Set(input.allowIdentical ?? []);
  const reference = leaves(english);
  const translated = leaves(catalog);
  const problems: string[] = [];
  for (const key of reference.keys()) if (!translated.has(key)) problems.push(`${file}: missing key ${key}`);
  for (const [key, text] of translated) {
    const englishText = reference.get(key);
    if (englishText === undefined) {
      problems.push(`${file}: extra key ${key} (not in English)`);
      continue;
    }
    const mine = parsed(text);
    const theirs = parsed(englishText);
    if (!mine) {
      problems.push(`${file}: ${key} is not a valid ICU message`);
      continue;
    }
    if (theirs) {
      const want = [...argumentsOf(theirs)].sort().join(", ");
      const got = [...argumentsOf(mine)].sort().join(", ");
      if (want !== got) problems.push(`${file}: ${key} uses {${got}} but English uses {${want}}`);
    }
    if (!text.trim()) problems.push(`${file}: ${key} is empty`);
    else if (text === englishText && !allowed.has(key) && !isLanguageNeutral(literalText(mine))) {
      problems.push(`${file}: ${key} is identical to English ("${text}"); translate it or allow-list the key`);
    }
  }
  return problems;
}
