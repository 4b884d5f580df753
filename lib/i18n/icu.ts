/**
 * The part of ICU MessageFormat the catalogs use, small enough for the browser: text, `{name}`,
 * `{name, number}`, `{name, plural, =0 {…} one {… # …} other {…}}` and `{name, select, a {…} other
 * {…}}`, nested, with ICU's apostrophe quoting. It replaces next-intl's client formatter (the ICU
 * parser with intl-messageformat, about 12 KB gzipped on every dashboard page); the server keeps
 * next-intl. `icu.test.ts` formats every catalog message with both and requires the same text, so a
 * catalog that starts using anything else (dates, skeletons, tags) fails there, not in a browser.
 */

export type Values = Record<string, string | number | Date>;
type Node = string | { name: string; kind?: "number" | "plural" | "select"; options?: Record<string, Node[]> };

const cache = new Map<string, Node[]>();

/** The message parsed into text and argument nodes (once per message text). */
function parse(message: string): Node[] {
  let cached = cache.get(message);
  if (!cached) cache.set(message, (cached = parseNodes(message, { i: 0 }, false)));
  return cached;
}

function parseNodes(text: string, at: { i: number }, inPlural: boolean): Node[] {
  const nodes: Node[] = [];
  let literal = "";
  while (at.i < text.length) {
    const c = text[at.i]!;
    if (c === "}") break;
    if (c === "{") {
      if (literal) nodes.push(literal);
      literal = "";
      at.i++;
      nodes.push(parseArgument(text, at));
    } else if (c === "'") {
      const next = text[at.i + 1];
      if (next === "'") {
        literal += "'";
        at.i += 2;
      } else if (next === "{" || next === "}" || next === "<" || next === ">" || (inPlural && next === "#")) {
        // Quoted: literal up to the next lone apostrophe; '' inside stays one apostrophe.
        at.i++;
        for (;;) {
          const end = text.indexOf("'", at.i);
          if (end < 0) {
            literal += text.slice(at.i);
            at.i = text.length;
            break;
          }
          literal += text.slice(at.i, end);
          if (text[end + 1] === "'") {
            literal += "'";
            at.i = end + 2;
          } else {
            at.i = end + 1;
            break;
          }
        }
      } else {
        literal += c;
        at.i++;
      }
    } else if (c === "#" && inPlural) {
      if (literal) nodes.push(literal);
      literal = "";
      nodes.push({ name: "#" });
      at.i++;
    } else {
      literal += c;
      at.i++;
    }
  }
  if (literal) nodes.push(literal);
  return nodes;
}

function parseArgument(text: string, at: { i: number }): Node {
  const close = /[,}]/g;
  close.lastIndex = at.i;
  const end = close.exec(text)?.index ?? text.length;
  const name = text.slice(at.i, end).trim();
  at.i = end + 1;
  if (text[end] !== ",") return { name };
  const typeEnd = text.slice(at.i).search(/[,}]/) + at.i;
  const kind = text.slice(at.i, typeEnd).trim();
  at.i = typeEnd + 1;
  if (kind === "number" && text[typeEnd] === "}") return { name, kind };
  if ((kind !== "plural" && kind !== "select") || text[typeEnd] !== ",") throw new Error(`Unsupported ICU argument {${name}, ${kind}…}`);
  const options: Record<string, Node[]> = {};
  for (;;) {
    const selector = /\s*([^\s{}]+)\s*\{|\s*\}/y;
    selector.lastIndex = at.i;
    const m = selector.exec(text);
    if (!m) throw new Error(`Malformed ICU ${kind} for {${name}}`);
    at.i = selector.lastIndex;
    if (!m[1]) return { name, kind, options };
    options[m[1]] = parseNodes(text, at, kind === "plural");
    at.i++; // the option's closing brace
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const formatNumber = (locale: string, n: number) => {
  if (!numberFormats.has(locale)) numberFormats.set(locale, new Intl.NumberFormat(locale));
  return numberFormats.get(locale)!.format(n);
};

function render(nodes: Node[], locale: string, values: Values, count: number | undefined): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") {
      out += node;
      continue;
    }
    if (node.name === "#") {
      out += formatNumber(locale, count ?? 0);
      continue;
    }
    if (!(node.name in values)) throw new Error(`The value {${node.name}} is missing`);
    const value = values[node.name]!;
    if (!node.kind) out += String(value);
    else if (node.kind === "number") out += formatNumber(locale, Number(value));
    else if (node.kind === "select") out += render(node.options![String(value)] ?? node.options!.other ?? [], locale, values, count);
    else {
      const n = Number(value);
      if (!pluralRules.has(locale)) pluralRules.set(locale, new Intl.PluralRules(locale));
      const chosen = node.options![`=${n}`] ?? node.options![pluralRules.get(locale)!.select(n)] ?? node.options!.other ?? [];
      out += render(chosen, locale, values, n);
    }
  }
  return out;
}

/** One catalog message with its values, as intl-messageformat would write it. */
export function formatMessage(locale: string, message: string, values: Values = {}): string {
  return render(parse(message), locale, values, undefined);
}

export type Catalog = { [key: string]: string | Catalog };

/** The message at a dotted path ("preview.title") of a catalog, if there is one. */
export function messageAt(messages: Catalog, path: string): string | undefined {
  let at: string | Catalog | undefined = messages;
  for (const key of path.split(".")) at = typeof at === "object" ? at[key] : undefined;
  return typeof at === "string" ? at : undefined;
}

/**
 * A `t(key, values)` over one namespace of a catalog. Like next-intl in production, a missing key
 * or a message that cannot be formatted shows its path instead of breaking the page.
 */
export function translator(locale: string, messages: Catalog, namespace?: string) {
  return (key: string, values?: Values): string => {
    const path = namespace ? `${namespace}.${key}` : key;
    const message = messageAt(messages, path);
    if (message === undefined) {
      console.error(`Missing message ${path} (${locale})`);
      return path;
    }
    try {
      return formatMessage(locale, message, values);
    } catch (error) {
      console.error(`Cannot format ${path} (${locale}):`, error);
      return path;
    }
  };
}
