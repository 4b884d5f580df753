// Conventions from the README that a script can check (run by `npm run lint`).
import fs from "node:fs";
import path from "node:path";

const problems: string[] = [];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const sourceFiles = ["app", "components", "lib", "db", "widget"].flatMap(walk).filter((f) => /\.tsx?$/.test(f));

for (const file of sourceFiles) {
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split("\n").length;

  // 1. A "use server" file exports only async functions (actions); types are erased, so allowed.
  if (/^["']use server["'];?/m.test(text.trimStart().split("\n")[0] ?? "")) {
    for (const match of text.matchAll(/^export\s+(?!async function\b|type\b|interface\b)(.*)$/gm)) {
      problems.push(`${file}: a "use server" file may export only async functions, found \`export ${match[1]}\``);
    }
    // 2. ...and every action checks who is calling.
    if (!text.includes("requireMember(") && !text.includes("runAction(")) {
      problems.push(`${file}: server actions must call requireMember (directly or through runAction)`);
    }
  }

  // 3. Every route handler opens with a comment naming its method, path and purpose.
  if (file.startsWith("app") && path.basename(file) === "route.ts" && !/^\/\/ [A-Z|]+ \/\S+ — /.test(text)) {
    problems.push(`${file}: a route.ts must open with "// METHOD /path — purpose"`);
  }

  // 4. Every dashboard page and layout checks the member itself (layouts are not re-run on
  //    every navigation, so a page cannot rely on its layout's check).
  if (file.startsWith(path.join("app", "(dashboard)")) && /(page|layout)\.tsx$/.test(file) && !text.includes("requireMember(")) {
    problems.push(`${file}: dashboard pages and layouts must call requireMember()`);
  }

  // 5. Files stay small.
  if (lines > 300 && !file.includes(`${path.sep}migrations${path.sep}`)) {
    problems.push(`${file}: ${lines} lines; split files past ~300 lines`);
  }

  // 6. No barrel files.
  if (/^index\.tsx?$/.test(path.basename(file))) problems.push(`${file}: no barrel (index) files`);

  // 7. In-app links are AppLink (components/ui/app-link.tsx): next/link's script would sit in every dashboard page.
  if (/from "next\/link"/.test(text)) problems.push(`${file}: link with AppLink from @/components/ui/app-link, not next/link`);
}

// 8. db/queries mirrors db/schema: every entry is `<schema>.ts` or a folder `<schema>/` (read
//    models over that schema file's tables, e.g. escalations/inbox.ts), and every schema file has
//    its queries there, but for the tables listed here with the reason.
const schemaWithoutQueries: Record<string, string> = {
  "rate-limits": "its rows are read and written by rate-limiter-flexible's Drizzle store (lib/limits/limiter.ts)",
};
const schemaNames = new Set(
  fs
    .readdirSync(path.join("db", "schema"))
    .filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name))
    .map((name) => name.replace(/\.ts$/, "")),
);
const queriesEntries = fs.readdirSync(path.join("db", "queries"), { withFileTypes: true });
const withQueries = new Set<string>();
for (const entry of queriesEntries) {
  const name = entry.isDirectory() ? entry.name : entry.name.replace(/(\.test)?\.tsx?$/, "");
  if (schemaNames.has(name) && (entry.isDirectory() || /\.tsx?$/.test(entry.name))) withQueries.add(name);
  else {
    problems.push(
      `db/queries/${entry.name}${entry.isDirectory() ? "/" : ""}: no db/schema/${name}.ts; name a queries file or folder after the schema file whose tables it mainly reads or writes`,
    );
  }
}
for (const name of schemaNames) {
  if (!withQueries.has(name) && !(name in schemaWithoutQueries)) {
    problems.push(`db/schema/${name}.ts: no db/queries/${name}.ts or db/queries/${name}/ (or say in scripts/check-conventions.ts where its SQL lives)`);
  }
}
for (const name of Object.keys(schemaWithoutQueries)) {
  if (withQueries.has(name)) problems.push(`db/schema/${name}.ts has queries now: remove it from schemaWithoutQueries`);
  if (!schemaNames.has(name)) problems.push(`schemaWithoutQueries names db/schema/${name}.ts, which does not exist`);
}

if (problems.length > 0) {
  console.error(`Convention check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`Conventions: ${sourceFiles.length} files checked, all good.`);
