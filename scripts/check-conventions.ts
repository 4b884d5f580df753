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
}

if (problems.length > 0) {
  console.error(`Convention check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`Conventions: ${sourceFiles.length} files checked, all good.`);
