// Every catalog under messages/ against the en.json beside it (run by `npm run lint`): same keys,
// same placeholders, translated values. See lib/i18n/catalog-check.ts for the rules.
import fs from "node:fs";
import path from "node:path";
import { allowIdentical } from "../lib/i18n/catalog-allow-list";
import { checkCatalog, type Catalog } from "../lib/i18n/catalog-check";

const root = "messages";

function directories(dir: string): string[] {
  return [
    dir,
    ...fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => directories(path.join(dir, e.name))),
  ];
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Catalog;
const problems: string[] = [];
let checked = 0;
for (const dir of directories(root)) {
  const englishFile = path.join(dir, "en.json");
  const catalogs = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "en.json");
  if (!fs.existsSync(englishFile)) {
    problems.push(...catalogs.map((f) => `${path.join(dir, f)}: no en.json beside it to check against`));
    continue;
  }
  const english = read(englishFile);
  for (const name of catalogs) {
    const file = path.join(dir, name);
    const relative = path.relative(root, file).split(path.sep).join("/");
    problems.push(...checkCatalog({ file, english, catalog: read(file), allowIdentical: allowIdentical[relative] }));
    checked++;
  }
}
for (const [relative, keys] of Object.entries(allowIdentical)) {
  if (!fs.existsSync(path.join(root, relative))) problems.push(`allow-list names ${relative}, which does not exist`);
  else if (keys.length !== new Set(keys).size) problems.push(`allow-list of ${relative} repeats a key`);
}

if (problems.length > 0) {
  console.error(`Catalog check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`Catalogs: ${checked} checked against their English, all complete and translated.`);
