// The server e2e/email-destination.spec.ts runs against: the same production build with SMTP_URL
// set (the suite's main server has none, so its "sending is not set up" states stay tested), on a
// database of its own (a fresh PGlite folder, or a new database beside DATABASE_URL). It seeds one
// store with an admin and writes the store's secret widget key to MAIL_E2E_INFO for the spec.
// e2e/demo-mailbox.spec.ts runs it as the demo does, with DEMO_MAILBOX_DIR and the inbound
// receiver (INBOUND_SMTP_PORT): on PGlite the web server runs the receiver; on PostgreSQL this
// process does, as `npm run worker` would.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { migratePostgres } from "@/db/migrate-database";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { hashPassword } from "@/lib/auth/password";
import { rotateKey } from "@/lib/services/widget-keys";
import { serve } from "../../scripts/lib/serve";
import { DEMO_PASSWORD } from "./auth";

const port = Number(process.env.MAIL_E2E_PORT);
const info = process.env.MAIL_E2E_INFO!;
if (!port || !info || !process.env.SMTP_URL) throw new Error("mail-server: MAIL_E2E_PORT, MAIL_E2E_INFO and SMTP_URL are required");

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const name = `${url.pathname.slice(1)}_mail_${randomBytes(3).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  await migratePostgres(process.env.DATABASE_URL);
} else {
  const dir = path.resolve(".data", `e2e-mail-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.env.BATON_DATA_DIR = dir;
}

await serve({
  port,
  prepare: async (db) => {
    const [account] = await db.insert(accounts).values({ slug: "mail-store", name: "Mail Store" }).returning();
    const [user] = await db
      .insert(users)
      .values({ email: "admin@mail.e2e.test", name: "Mia Mail", passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning();
    await db.insert(memberships).values({ accountId: account!.id, userId: user!.id, role: "admin" });
    const sk = await rotateKey(db, { accountId: account!.id, kind: "secret" });
    fs.writeFileSync(info, JSON.stringify({ sk }));
  },
});

if (process.env.DATABASE_URL && process.env.INBOUND_SMTP_PORT) {
  const { openConfiguredDatabase } = await import("@/db/client");
  const { startInboundReceiver } = await import("@/lib/email/inbound/start-receiver");
  const handle = await openConfiguredDatabase();
  await startInboundReceiver(handle.db);
}
