// The layer rules of the README's architecture (run by `npm run lint`): imports go one way.
//   db/           imports nothing from lib/, app/ or components/ (configuration, lib/env, aside);
//   lib/services  imports no next/*, React, lib/http or lib/actions, and no SQL builder or table;
//   actions and route handlers call services, never db/queries;
//   client components ("use client") import no server module;
//   every lib/services file and db/client.ts import "server-only".
// db/testing and the seeds build fixtures through services, so they sit above them and are exempt.
import fs from "node:fs";
import path from "node:path";

type Import = { spec: string; typeOnly: boolean };
type Rule = { applies: (file: string, text: string) => boolean; forbidden: (spec: string, typeOnly: boolean, file: string) => string | null };

const under = (file: string, dir: string) => file.split(path.sep).join("/").startsWith(dir);
const isClient = (text: string) => /^["']use client["'];?/.test(text.trimStart());
/** Server actions: a client imports them as references to call, never their code. */
const isServerActionsText = (text: string) => /^["']use server["'];?/.test(text.trimStart());
const isServerActions = (file: string) => isServerActionsText(fs.readFileSync(file, "utf8"));
/** The file an import names: `@/…` from the root, `./…` from the importing file; null for packages. */
const fileOf = (spec: string, from: string) => {
  if (!spec.startsWith("@/") && !spec.startsWith(".")) return null;
  const base = spec.startsWith("@/") ? path.join(process.cwd(), spec.slice(2)) : path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => fs.existsSync(f)) ?? null;
};
const isServerOnlyFile = (spec: string, from = "") => {
  const file = fileOf(spec, from);
  return file ? /^import "server-only";/m.test(fs.readFileSync(file, "utf8")) : false;
};
const importsOf = (text: string): Import[] =>
  [...text.matchAll(/^\s*(import|export)(\s+type)?\b[^"';]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)].map((m) => ({
    spec: m[3] ?? m[4]!,
    typeOnly: Boolean(m[2]),
  }));

/**
 * Whether loading `file` in a browser would load a `server-only` module through its value imports
 * (type imports are erased): the chain of files that leads there, else null.
 */
function serverChain(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const { spec, typeOnly } of importsOf(fs.readFileSync(file, "utf8"))) {
    if (typeOnly || spec === "server-only") continue;
    const next = fileOf(spec, file);
    if (!next || isServerActions(next)) continue;
    if (isServerOnlyFile(spec, file)) return [spec];
    const rest = serverChain(next, seen);
    if (rest) return [spec, ...rest];
  }
  return null;
}
/**
 * Whether loading `file` in a browser would load the package `pkg` through its value imports: the
 * chain of files that leads there, else null. Client components must not reach zod (32 KB gzipped
 * on a page's first load): they import limits and error codes from zod-free modules.
 */
function packageChain(file: string, pkg: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const { spec, typeOnly } of importsOf(fs.readFileSync(file, "utf8"))) {
    if (typeOnly) continue;
    if (spec === pkg || spec.startsWith(`${pkg}/`)) return [spec];
    const next = fileOf(spec, file);
    if (!next || isServerActions(next)) continue;
    const rest = packageChain(next, pkg, seen);
    if (rest) return [spec, ...rest];
  }
  return null;
}
/** A client component or a server actions module, which a browser may import wherever it lives. */
const isBrowserSafe = (spec: string, from: string) => {
  const file = fileOf(spec, from);
  if (!file) return false;
  const text = fs.readFileSync(file, "utf8");
  return isClient(text) || isServerActionsText(text);
};
/** Modules only a server may load: the database, the use cases, outside systems, secrets. */
const serverDirs = [
  "@/db/",
  "@/lib/services/",
  "@/lib/helpdesks/",
  "@/lib/outbox/",
  "@/lib/email/",
  "@/lib/realtime/",
  "@/lib/crypto",
  "@/lib/env",
  "@/lib/auth/options",
  "@/lib/auth/require-member",
];

const rules: Rule[] = [
  {
    applies: (file) => under(file, "db/") && !under(file, "db/testing/") && !/^db\/seed/.test(file.split(path.sep).join("/")),
    forbidden: (spec) => (/^@\/(lib|app|components)\//.test(spec) && spec !== "@/lib/env" ? "db/ imports nothing from lib/, app/ or components/" : null),
  },
  {
    applies: (file) => under(file, "lib/services/"),
    forbidden: (spec, typeOnly) =>
      /^(next(\/|$)|react(-dom)?(\/|$)|@\/lib\/http\/|@\/lib\/actions\/)/.test(spec)
        ? "lib/services import no next/*, React, lib/http or lib/actions"
        : !typeOnly && /^(drizzle-orm|@\/db\/schema\/)/.test(spec)
          ? "lib/services hold no SQL: put it in db/queries"
          : null,
  },
  {
    applies: (file, text) => under(file, "lib/actions/") || isServerActionsText(text) || (under(file, "app/") && path.basename(file) === "route.ts"),
    forbidden: (spec) => (spec.startsWith("@/db/queries/") ? "actions and route handlers call services, not db/queries" : null),
  },
  {
    applies: (_file, text) => isClient(text),
    // A destination's folder holds its browser half too (onboarding.tsx, "use client"; actions.ts,
    // "use server"): those a client may import; anything else in a server folder it may not.
    forbidden: (spec, _typeOnly, file) =>
      (serverDirs.some((dir) => spec === dir.replace(/\/$/, "") || spec.startsWith(dir)) && !isBrowserSafe(spec, file)) || isServerOnlyFile(spec, file)
        ? "client components import no server module (type imports included)"
        : null,
  },
  {
    applies: (_file, text) => isClient(text),
    // next-intl's client hooks bring its ICU formatter (about 12 KB gzipped) to every page that
    // loads them; lib/i18n/client.tsx has the same hooks over a small formatter (see README, Page weights).
    forbidden: (spec, typeOnly) =>
      !typeOnly && (spec === "next-intl" || spec === "use-intl" || spec.startsWith("use-intl/"))
        ? "client components take useTranslations/useFormatter/useNow from @/lib/i18n/client, not next-intl"
        : null,
  },
];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? (entry.name === "migrations" ? [] : walk(full)) : [full];
  });
}

const files = ["app", "components", "lib", "db"].flatMap(walk).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const problems: string[] = [];
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const imports = importsOf(text);
  for (const rule of rules) {
    if (!rule.applies(file, text)) continue;
    for (const { spec, typeOnly } of imports) {
      const why = rule.forbidden(spec, typeOnly, file);
      if (why) problems.push(`${file}: imports ${spec} — ${why}`);
    }
  }
  // Every use case and the database client say so, so Next.js refuses them in a browser bundle too.
  if ((under(file, "lib/services/") || file.split(path.sep).join("/") === "db/client.ts") && !/^import "server-only";/m.test(text)) {
    problems.push(`${file}: lacks import "server-only" — every service and db/client are server-only`);
  }
  // Through other modules too: a client component must not reach a server-only module at all.
  if (isClient(text)) {
    const chain = serverChain(file);
    if (chain) problems.push(`${file}: reaches a server-only module through ${chain.join(" → ")} — client components import no server module`);
    const zod = packageChain(file, "zod");
    if (zod) problems.push(`${file}: reaches zod through ${zod.join(" → ")} — client components take limits and error codes from zod-free modules`);
    // next-intl's client formatter weighs about 12 KB: the browser formats with lib/i18n/client.tsx.
    const intl = packageChain(file, "next-intl");
    if (intl) problems.push(`${file}: reaches next-intl through ${intl.join(" → ")} — client components use lib/i18n/client.tsx`);
  }
}

if (problems.length > 0) {
  console.error(`Layer check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`Layers: ${files.length} files checked, imports go one way.`);
