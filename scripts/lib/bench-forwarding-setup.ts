import { randomBytes } from "node:crypto";
import { startZendeskSimulator, type ZendeskSimulator } from "../../e2e/simulators/zendesk";

/**
 * What the forwarding benches share: a fresh PostgreSQL database, a Zendesk simulator, and the
 * environment that points Baton at both. `drop()` stops the simulator and removes the database.
 */
export async function forwardingBenchSetup(options: { serverUrl: string; prefix: string; env: Record<string, string> }) {
  const name = `${options.prefix}_${Date.now()}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(`${options.serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const zendesk: ZendeskSimulator = await startZendeskSimulator({ port: 0 });
  const databaseUrl = `${options.serverUrl}/${name}`;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    ...options.env,
  });
  const { resetEnvForTests } = await import("@/lib/env");
  resetEnvForTests();
  return {
    zendesk,
    databaseUrl,
    async drop() {
      await zendesk.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin.end({ timeout: 5 });
    },
  };
}
