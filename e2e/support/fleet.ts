// The fleet for e2e/fleet.spec.ts: one fresh PostgreSQL database, two `next start` processes and
// two `npm run worker` processes on it, a small round-robin proxy in front (it appends the
// client's address to X-Forwarded-For; the servers trust one hop), and the Zendesk simulator.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { migratePostgres } from "@/db/migrate-database";
import { addOrigin } from "@/db/queries/widget-keys";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { hashPassword } from "@/lib/auth/password";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { resetEnvForTests } from "@/lib/env";
import { connectZendeskWithToken } from "@/lib/helpdesks/zendesk/connect";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";
import { rotateKey } from "@/lib/services/widget-keys";

export type FleetAccount = { accountId: string; pk: string; sk: string; subdomain: string | null; agentEmail: string; password: string };

export type Fleet = {
  servers: string[];
  proxy: string;
  zendesk: ZendeskSimulator;
  inbox: FleetAccount;
  zendeskAccounts: FleetAccount[];
  workers: ChildProcess[];
  databaseUrl: string;
  stop: () => Promise<void>;
};

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`fleet: ${what} not ready after ${timeoutMs} ms`);
};

function roundRobinProxy(targets: string[]): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = new URL(targets[next++ % targets.length]!);
    const forwarded = [request.headers["x-forwarded-for"], request.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, "x-forwarded-for": forwarded } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function seedAccount(handle: DatabaseHandle, origins: string[], zendesk: ZendeskSimulator | null): Promise<FleetAccount> {
  const suffix = randomBytes(4).toString("hex");
  const password = "fleet-password";
  const [account] = await handle.db
    .insert(accounts)
    .values({ slug: `fleet-${suffix}`, name: `Fleet ${suffix}` })
    .returning();
  const members = [];
  for (const role of ["admin", "agent"] as const) {
    const [user] = await handle.db
      .insert(users)
      .values({ email: `${role}-${suffix}@fleet.test`, name: `Fleet ${role}`, passwordHash: await hashPassword(password) })
      .returning();
    await handle.db.insert(memberships).values({ accountId: account!.id, userId: user!.id, role });
    members.push(user!);
  }
  const pk = await rotateKey(handle.db, { accountId: account!.id, kind: "publishable" });
  const sk = await rotateKey(handle.db, { accountId: account!.id, kind: "secret" });
  for (const origin of origins) await addOrigin(handle.db, { accountId: account!.id, origin });
  let subdomain: string | null = null;
  if (zendesk) {
    subdomain = `fleet${randomBytes(4).toString("hex")}`;
    zendesk.addAccount({
      subdomain,
      rateLimitPerMinute: 100_000,
      agents: [{ email: "agent@fleet.test", name: "Fleet Agent", role: "admin", apiToken: "fleet-token" }],
    });
    const actor = { accountId: account!.id, userId: members[0]!.id };
    await connectZendeskWithToken(handle.db, actor, { subdomain, email: "agent@fleet.test", token: "fleet-token" });
    await saveHandoffSettings(handle.db, { accountId: account!.id, userId: actor.userId, input: { version: 0, method: "helpdesk", destination: "zendesk" } });
  }
  return { accountId: account!.id, pk, sk, subdomain, agentEmail: members[1]!.email, password };
}

export async function startFleet(options: { postgresUrl: string; ports: [number, number]; perKeyLimit: number; zendeskAccounts: number }): Promise<Fleet> {
  const children: ChildProcess[] = [];
  const name = `${process.env.FLEET_DATABASE_PREFIX || "baton_fleet"}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(options.postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(options.postgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await migratePostgres(databaseUrl);

  const zendesk = await startZendeskSimulator();
  const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64"), BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  const servers = options.ports.map((port) => `http://127.0.0.1:${port}`);
  const proxyServer = await roundRobinProxy(servers);
  const proxy = `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`;
  const origins = [...servers, proxy];

  // Seeding in this process seals credentials and reaches the simulator like the servers will.
  const saved = { ...process.env };
  Object.assign(process.env, secrets, { ZENDESK_URL_TEMPLATE: zendesk.urlTemplate });
  resetEnvForTests();
  const handle = await openPostgres(databaseUrl, { max: 4 });
  let inbox: FleetAccount;
  const zendeskAccounts: FleetAccount[] = [];
  try {
    inbox = await seedAccount(handle, origins, null);
    for (let i = 0; i < options.zendeskAccounts; i++) zendeskAccounts.push(await seedAccount(handle, origins, zendesk));
  } finally {
    await handle.close();
    process.env = saved;
    resetEnvForTests();
  }

  const env = {
    ...process.env,
    ...secrets,
    DATABASE_URL: databaseUrl,
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    FORWARDING_WORKER: "off",
    FORWARDING_BACKOFF_MS: "200",
    TRUST_PROXY_HOPS: "1",
    WIDGET_RATE_LIMIT_PER_KEY: String(options.perKeyLimit),
    WIDGET_RATE_LIMIT_PER_IP: "100000",
    AGENT_PRESENCE_TIMEOUT_SECONDS: "86400",
  };
  for (const [i, port] of options.ports.entries()) {
    children.push(
      spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
        env: { ...env, NEXTAUTH_URL: servers[i] },
        stdio: "ignore",
        detached: true,
      }),
    );
  }
  const workers = [0, 1].map(() =>
    spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/hooks/server-only.mjs", "scripts/worker.ts"], { env, stdio: "ignore", detached: true }),
  );
  children.push(...workers);

  const stop = async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    await new Promise<void>((resolve) => proxyServer.close(() => resolve()));
    await zendesk.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
  try {
    for (const server of servers) await waitFor(async () => (await fetch(`${server}/api/health`)).ok, 90_000, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, proxy, zendesk, inbox: inbox!, zendeskAccounts, workers, databaseUrl, stop };
}
