import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildWidget } from "./widget-build";

const sources = ["app", "components", "lib", "db", "messages", "widget", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

/** When a source file last changed (ms since the epoch). */
export const sourcesChangedAt = (): number => Math.max(...sources.map(newestMtime));

/** Builds the widget, then runs `next build` when there is no build, or when a source file changed after it. */
export function buildIfNeeded(): void {
  buildWidget();
  const stamp = path.join(".next", "BUILD_ID");
  const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  const changedAt = sourcesChangedAt();
  if (builtAt > changedAt) return;
  console.log(builtAt ? "Sources changed since the last build; rebuilding…" : "No production build yet; building…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
