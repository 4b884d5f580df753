import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

/** The secrets and URL a production server for a benchmark needs, fresh for each run. */
export function benchSecrets(port: number): Record<string, string> {
  return {
    NEXTAUTH_SECRET: randomBytes(48).toString("base64"),
    NEXTAUTH_URL: `http://localhost:${port}`,
    BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/**
 * `next start` on the port, in its own process group (stopping npx alone would leave next-server
 * running on the port), once /api/health answers. `stop` ends the whole group.
 */
export async function startBenchServer(port: number, env: NodeJS.ProcessEnv): Promise<{ base: string; stop: () => void }> {
  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port)], { env, stdio: "ignore", detached: true });
  const stop = () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the benchmark's server on port ${port} did not answer /api/health within 60 s`);
}

/** Makes `env` this process's environment too (setup code reads it) and opens the database it names. */
export async function openBenchDatabase(env: NodeJS.ProcessEnv) {
  Object.assign(process.env, env);
  const { openConfiguredDatabase } = await import("@/db/client");
  const { resetEnvForTests } = await import("@/lib/env");
  resetEnvForTests();
  return openConfiguredDatabase();
}
