import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { Database } from "@/db/client";
import { ensureSecrets } from "./secrets";
import { buildIfNeeded } from "./build";

export type ServeOptions = {
  port: number;
  /** Runs on the migrated database before the server opens it (PGlite is one process at a time). */
  prepare: (db: Database) => Promise<void>;
  onReady?: (url: string) => void;
};

/** Builds if needed, migrates and prepares the database, then runs `next start` in the foreground. */
export async function serve({ port, prepare, onReady }: ServeOptions): Promise<void> {
  const dataDir = path.resolve(process.env.BATON_DATA_DIR || ".data");
  process.env.BATON_DATA_DIR = dataDir;
  process.env.PORT = String(port);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  ensureSecrets(dataDir);
  buildIfNeeded();

  const { openConfiguredDatabase } = await import("@/db/client");
  const handle = await openConfiguredDatabase();
  try {
    await prepare(handle.db);
  } finally {
    await handle.close();
  }

  const server = spawn("npx", ["next", "start", "-p", String(port)], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await waitForPort(port);
  onReady?.(`http://localhost:${port}`);
}

async function waitForPort(port: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
