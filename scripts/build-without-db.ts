// The production build, run the way it proves it never opens the database: no DATABASE_URL,
// no secrets, and a BATON_DATA_DIR that must still not exist afterwards.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sourcesChangedAt } from "./lib/build";
import { buildWidget } from "./lib/widget-build";

const dataDir = path.join(os.tmpdir(), `baton-build-${process.pid}`, "must-stay-absent");
const env: NodeJS.ProcessEnv = { ...process.env, BATON_DATA_DIR: dataDir };
for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "NEXTAUTH_SECRET", "BATON_ENCRYPTION_KEY"]) delete env[name];

// The second `npm test` of a run (CI tests PGlite, then PostgreSQL) has nothing new to prove when
// no source changed since this check passed: the stamp records that pass, inside the build it made.
const stamp = path.join(".next", "BUILT_WITHOUT_DATABASE");
buildWidget();
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > sourcesChangedAt()) {
  console.log(`build without a database: passed (no source changed since the check at ${fs.readFileSync(stamp, "utf8")})`);
  process.exit(0);
}
fs.rmSync(stamp, { force: true });
const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
if (result.status !== 0) {
  console.error("build without a database: FAILED (next build exited with an error)");
  process.exit(1);
}
if (fs.existsSync(dataDir)) {
  console.error(`build without a database: FAILED (the build created ${dataDir})`);
  process.exit(1);
}
fs.writeFileSync(stamp, new Date().toISOString());
console.log("build without a database: passed (no DATABASE_URL, no secrets, data folder never created)");
