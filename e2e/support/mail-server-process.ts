import { spawn } from "node:child_process";
import fs from "node:fs";
import { expect } from "@playwright/test";

/**
 * Starts e2e/support/mail-server.ts (its own production server and database) on `port` with
 * these settings, and waits for its sign-in page. `stop` ends its whole process group.
 */
export async function startMailServer(options: { port: number; info: string; env: Record<string, string> }) {
  fs.rmSync(options.info, { force: true });
  const baseURL = `http://localhost:${options.port}`;
  const server = spawn("npx", ["tsx", "--import", "./scripts/hooks/server-only.mjs", "e2e/support/mail-server.ts"], {
    env: {
      ...process.env,
      MAIL_E2E_PORT: String(options.port),
      MAIL_E2E_INFO: options.info,
      SMTP_FROM: "Baton <no-reply@baton.test>",
      NEXTAUTH_URL: baseURL,
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await expect.poll(async () => (await fetch(`${baseURL}/sign-in`).catch(() => null))?.status ?? 0, { timeout: 200_000, intervals: [500] }).toBe(200);
  return {
    stop: () => {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    },
  };
}
