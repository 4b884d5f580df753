// `npm run test:e2e`: Playwright against `next start`, with the system Chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";

process.env.CHROMIUM_PATH = findChromium();
buildIfNeeded();
// The runner, its web server and the processes specs start (servers, workers) load server modules.
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import ${path.resolve("scripts/hooks/server-only.mjs")}`].filter(Boolean).join(" ");
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
