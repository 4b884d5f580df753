import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const generators = {
  NEXTAUTH_SECRET: () => randomBytes(48).toString("base64"),
  BATON_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
} as const;

/**
 * Fills in secrets that are not set in the environment from <dataDir>/secrets.json, generating
 * that file (mode 600) the first time. Values already in the environment always win.
 */
export function ensureSecrets(dataDir: string): void {
  const file = path.join(dataDir, "secrets.json");
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  let changed = false;
  for (const [name, generate] of Object.entries(generators)) {
    if (process.env[name]) continue;
    if (!stored[name]) {
      stored[name] = generate();
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
}
