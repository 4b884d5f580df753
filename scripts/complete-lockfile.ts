// Run after `npm install`: the npm registry this project is built against serves only Linux
// builds of native packages, so npm cannot record the other platforms' optional binaries and
// `npm ci` then refuses the lock as out of sync. This adds each missing optional binary as a
// platform-only entry (version, os, cpu, optional) read from its name; npm ci skips those as
// foreign platforms without fetching them.
import fs from "node:fs";

type Entry = {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
const lockPath = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { packages: Record<string, Entry> };

const oses = ["darwin", "linux", "win32", "freebsd", "android", "openharmony", "openbsd", "netbsd", "sunos", "aix"];
const cpus = ["x64", "arm64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mips64el"];

function platformOf(name: string): Pick<Entry, "os" | "cpu" | "libc"> | null {
  const parts = name.split("/").pop()!.split("-");
  const os = parts.find((p) => oses.includes(p));
  const cpu = parts.find((p) => cpus.includes(p));
  if (!cpu) return null;
  const libc = os === "linux" ? (parts.some((p) => p.startsWith("musl")) ? ["musl"] : ["glibc"]) : undefined;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(range)) continue;
    lock.packages[`node_modules/${name}`] = { version: range, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} foreign-platform optional entries.`);
