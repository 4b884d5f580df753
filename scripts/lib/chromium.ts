import { spawnSync } from "node:child_process";
import fs from "node:fs";

const candidates = () => [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter((p): p is string => Boolean(p));

/**
 * The Chromium Playwright drives: CHROMIUM_PATH, else /usr/bin/chromium. When neither exists and
 * apt-get is usable as root, installs Debian's `chromium`; otherwise exits with what to install.
 */
export function findChromium(): string {
  const found = candidates().find((p) => fs.existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (isRoot && hasApt) {
    console.log("Chromium not found; installing Debian's chromium package…");
    const run = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    run(["update", "-qq"]);
    run(["install", "-y", "-qq", "chromium"]);
    if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(
    "No Chromium found for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) " +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
  process.exit(1);
}
