// Vitest global setup: with TEST_DATABASE_URL, creates one fresh PostgreSQL database for this
// run, migrates it, hands its URL to the test files, and drops it afterwards.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/db/migrate-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide("databaseUrl", null);
    return;
  }
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
