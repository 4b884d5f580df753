import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant; it names the advisory lock that serialises migrations across processes.
const MIGRATION_LOCK_ID = 7_262_001;

export async function migratePglite(db: PgliteDatabase): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(db, { migrationsFolder });
}

/**
 * Applies the committed migrations to PostgreSQL on one dedicated connection that holds an
 * advisory lock meanwhile, so that several processes starting at once migrate one at a time.
 */
export async function migratePostgres(url: string): Promise<void> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
