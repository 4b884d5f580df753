// `npm test`: lint, typecheck, Vitest, the production build (without a database), Playwright.
// Stops at the first failing step and ends with one line of totals over Vitest, the build check
// and Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const results = "test-results";
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

const steps: Array<[string, string[]]> = [
  ["lint", ["npm", "run", "lint"]],
  ["typecheck", ["npm", "run", "typecheck"]],
  ["unit and integration tests (Vitest)", ["npm", "run", "test:unit"]],
  ["production build without a database", ["npm", "run", "build:check"]],
  ["browser tests (Playwright)", ["npm", "run", "test:e2e"]],
];

let failedStep: string | null = null;
let buildCheck: boolean | null = null;
for (const [name, [command, ...args]] of steps) {
  console.log(`\n▶ ${name}`);
  const ok = spawnSync(command!, args, { stdio: "inherit", env: process.env }).status === 0;
  if (name.startsWith("production build")) buildCheck = ok;
  if (!ok) {
    failedStep = name;
    break;
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(`${results}/vitest.json`);
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(`${results}/playwright.json`);

const passed = (vitest?.numPassedTests ?? 0) + (buildCheck ? 1 : 0) + (playwright?.stats.expected ?? 0);
const testFailures =
  (vitest?.numFailedTests ?? 0) + (buildCheck === false ? 1 : 0) + (playwright ? playwright.stats.unexpected + playwright.stats.flaky : 0);
// A step that failed without failing a test (lint, typecheck, a server that would not start)
// counts as one failure, so that the totals never look clean when npm test did not pass.
const failed = testFailures > 0 || !failedStep ? testFailures : 1;
fs.writeFileSync(`${results}/summary.json`, JSON.stringify({ passed, failed, failedStep }));

if (failedStep) console.error(`\n✗ npm test stopped at: ${failedStep}`);
console.log(`\nnpm test: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 ? 1 : 0);
