import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { migratePglite, migratePostgres } from "@/db/migrate-database";

/** Either driver's drizzle instance; queries in db/queries take this as their first argument. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  /** Applies db/migrations (idempotent). */
  migrate: () => Promise<void>;
  /**
   * LISTEN on a channel: PostgreSQL keeps one dedicated connection (re-listening after a
   * reconnect); PGlite delivers its own NOTIFYs in-process. Resolves with the unlisten function.
   */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

// Which driver a drizzle instance runs on, for code that is handed only the instance (the
// outbound budgets keep their counters in PostgreSQL, or in memory on the embedded database).
const kinds = new WeakMap<object, DatabaseHandle["kind"]>();
const snapshots = new WeakMap<object, () => Promise<Blob | File>>();

/** The driver behind a database opened here; undefined for a transaction or a foreign instance. */
export const databaseKind = (db: Database): DatabaseHandle["kind"] | undefined => kinds.get(db);

/** PostgreSQL through postgres.js. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([import("postgres"), import("drizzle-orm/postgres-js")]);
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client) as unknown as Database;
  kinds.set(db, "postgres");
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(url),
    listen: async (channel, onPayload) => {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Embedded PGlite. With a folder the data persists there and a lock file keeps a second process
 * out (PGlite is single-process); without one it lives in memory (tests).
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  const [{ PGlite }, { unaccent }, { pg_trgm }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  const release = dataDir ? acquireLock(dataDir) : () => {};
  try {
    // unaccent: the text search configurations ignore accents (migration 0011); pg_trgm: inbox search (0016).
    // loadDataDir: a tarball from dumpDataDir() starts an in-memory database with its contents
    // (Vitest's files start from one migrated copy instead of running initdb and the migrations each).
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { unaccent, pg_trgm },
    });
    const pgliteDb = drizzle(client);
    snapshots.set(pgliteDb, () => client.dumpDataDir("none"));
    kinds.set(pgliteDb, "pglite");
    return {
      db: pgliteDb as unknown as Database,
      kind: "pglite",
      migrate: () => migratePglite(pgliteDb),
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return () => unlisten();
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A migrated, empty embedded database as a tarball, for openPglite's loadDataDir. */
export async function migratedPgliteSnapshot(): Promise<Blob> {
  const handle = await openPglite();
  try {
    await handle.migrate();
    const dump = snapshots.get(handle.db);
    if (!dump) throw new Error("not an embedded database");
    return await dump();
  } finally {
    await handle.close();
  }
}

function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = `${dataDir}.lock`;
  const holder = readLockHolder(lockFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is already open in process ${holder}. ` +
        "PGlite allows one process at a time: stop that process, or set DATABASE_URL to use PostgreSQL.",
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    if (readLockHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readLockHolder(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Opens the configured database (DATABASE_URL, else PGlite under BATON_DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL, BATON_DATA_DIR } = env();
  const handle = DATABASE_URL ? await openPostgres(DATABASE_URL) : await openPglite(path.resolve(BATON_DATA_DIR, "pglite"));
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

// Cached on globalThis so that dev-server reloads and every module share one connection.
const globalForDb = globalThis as unknown as { batonDb?: Promise<DatabaseHandle> };

/** The app's database handle, opened and migrated on first use (never at import: builds stay offline). */
export async function getDbHandle(): Promise<DatabaseHandle> {
  globalForDb.batonDb ??= openConfiguredDatabase().catch((error: unknown) => {
    globalForDb.batonDb = undefined;
    throw error;
  });
  return globalForDb.batonDb;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Tests: make getDb() return this database (route handlers under test then use it). */
export function useDatabaseForTests(handle: DatabaseHandle): void {
  globalForDb.batonDb = Promise.resolve(handle);
}
