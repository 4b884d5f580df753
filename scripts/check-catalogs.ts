// Every catalog under messages/ and lib/helpdesks/<id>/messages/ against the en.json beside it (run
// by `npm run lint`): same keys, same placeholders, translated values. See lib/i18n/catalog-check.ts for the rules.
import fs from "node:fs";
import path from "node:path";
import { allowIdentical } from "../lib/i18n/catalog-allow-list";
import { checkCatalog, leaves, type Catalog } from "../lib/i18n/catalog-check";
import { supportedLocales } from "../lib/i18n/locales";

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

// Each destination's texts (lib/helpdesks/<id>/messages/, merged into the dashboard's catalog by
// lib/i18n/dashboard-messages.ts): the same checks, its name may read the same in every language,
// and it holds only branches about itself, so the merge never overwrites another text.
const destinationsRoot = path.join("lib", "helpdesks");
const destinationBranches = (id: string) => [
  `handoff.destinations.${id}.`,
  `integrations.providers.${id}.`,
  `integrations.onboarding.${id}.`,
  `overview.destinations.${id}`,
];
const sharedEnglish = leaves(read(path.join(root, "en.json")));
const destinationFolders = fs.existsSync(destinationsRoot) ? fs.readdirSync(destinationsRoot, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
for (const folder of destinationFolders) {
  const dir = path.join(destinationsRoot, folder.name, "messages");
  if (!fs.existsSync(path.join(destinationsRoot, folder.name, "adapter.ts"))) continue;
  if (!fs.existsSync(path.join(dir, "en.json"))) {
    problems.push(`${dir}: a destination needs its texts here (en.json and pt-BR.json)`);
    continue;
  }
  const id = folder.name.replaceAll("-", "_");
  const english = read(path.join(dir, "en.json"));
  const englishLeaves = leaves(english);
  const name = englishLeaves.get(`handoff.destinations.${id}.name`);
  if (name === undefined) problems.push(`${dir}/en.json: lacks handoff.destinations.${id}.name, the destination's name`);
  for (const key of englishLeaves.keys()) {
    if (!destinationBranches(id).some((branch) => key === branch || key.startsWith(branch))) {
      problems.push(`${dir}/en.json: ${key} is not about ${id} (allowed: ${destinationBranches(id).join(", ")})`);
    }
  }
  // ...and the shared catalog holds none of it (its other languages have English's keys).
  for (const key of sharedEnglish.keys()) {
    if (destinationBranches(id).some((branch) => key === branch || key.startsWith(branch))) {
      problems.push(`${path.join(root, "en.json")}: ${key} is about ${id}; it belongs in ${dir}/`);
    }
  }
  const sameAsName = [...englishLeaves].filter(([, text]) => text === name).map(([key]) => key);
  for (const locale of supportedLocales.filter((l) => l !== "en")) {
    const file = path.join(dir, `${locale}.json`);
    if (!fs.existsSync(file)) problems.push(`${file}: missing (every dashboard language needs the destination's texts)`);
    else problems.push(...checkCatalog({ file, english, catalog: read(file), allowIdentical: sameAsName }));
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
