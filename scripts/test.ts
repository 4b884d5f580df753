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
type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
};
type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{ title: string; ok: boolean; file: string; line: number }>;
};
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };
const vitest = readJson<VitestReport>(`${results}/vitest.json`);
const playwright = readJson<PlaywrightReport>(`${results}/playwright.json`);

// The names of the failed tests, so that the last lines of a CI log say what went wrong.
function vitestFailures(report: VitestReport | null): string[] {
  return (report?.testResults ?? []).flatMap((file) =>
    file.assertionResults.filter((test) => test.status === "failed").map((test) => `${file.name.replace(`${process.cwd()}/`, "")} › ${test.fullName}`),
  );
}
function playwrightFailures(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).filter((spec) => !spec.ok).map((spec) => `${spec.file}:${spec.line} › ${spec.title}`),
    ...playwrightFailures(suite.suites ?? []),
  ]);
}
const failedTests = [...vitestFailures(vitest), ...playwrightFailures(playwright?.suites ?? [])];

const passed = (vitest?.numPassedTests ?? 0) + (buildCheck ? 1 : 0) + (playwright?.stats.expected ?? 0);
const testFailures = (vitest?.numFailedTests ?? 0) + (buildCheck === false ? 1 : 0) + (playwright ? playwright.stats.unexpected + playwright.stats.flaky : 0);
// A step that failed without failing a test (lint, typecheck, a server that would not start)
// counts as one failure, so that the totals never look clean when npm test did not pass.
const failed = testFailures > 0 || !failedStep ? testFailures : 1;
fs.writeFileSync(`${results}/summary.json`, JSON.stringify({ passed, failed, failedStep, failedTests }));

for (const name of failedTests) console.error(`✗ ${name}`);
if (failedStep) console.error(`\n✗ npm test stopped at: ${failedStep}`);
console.log(`\nnpm test: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 ? 1 : 0);
