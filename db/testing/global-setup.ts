// Vitest global setup. With TEST_DATABASE_URL: creates one fresh PostgreSQL database for this run,
// migrates it, hands its URL to the test files, and drops it afterwards. Without: migrates one
// embedded database and hands the test files its dump, so that each file loads a copy in well
// under a second instead of running PGlite's initdb and every migration (about 5 s a file).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/db/migrate-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    pgliteSnapshot: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  project.provide("databaseUrl", null);
  project.provide("pgliteSnapshot", null);
  if (!serverUrl) return provideSnapshot(project);

  const { default: postgres } = await import("postgres");
  const name = `baton_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  project.provide("databaseUrl", url.toString());
  console.log(`Vitest: PostgreSQL database ${name}`);

  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
}

async function provideSnapshot(project: TestProject) {
  const { migratedPgliteSnapshot } = await import("@/db/client");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "baton-vitest-"));
  const file = path.join(folder, "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await (await migratedPgliteSnapshot()).arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
