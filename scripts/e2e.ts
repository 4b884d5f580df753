// `npm run test:e2e`: Playwright against `next start`, with the system Chromium.
import { spawnSync } from "node:child_process";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";

process.env.CHROMIUM_PATH = findChromium();
buildIfNeeded();
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
