import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import { databaseKind, getDbHandle, type Database, type DatabaseHandle } from "@/db/client";
import { rateLimits } from "@/db/schema/rate-limits";
import { env } from "@/lib/env";

/** A limit: at most `points` per `durationSeconds` for each key, under one name. */
export type LimitSpec = { name: string; points: number; durationSeconds: number; prefix?: string };

export type Limiter = {
  /** Counts `points` for the key; null while within the limit, else the seconds to wait. */
  consume: (key: string, points?: number) => Promise<number | null>;
  /** Like consume, in milliseconds (for windows of a few seconds). */
  consumeMs: (key: string, points?: number) => Promise<number | null>;
  /** What the key used in the current window, without counting. */
  peek: (key: string) => Promise<{ used: number; retryAfterSeconds: number }>;
  /** Forgets the key (e.g. after a successful sign-in). */
  reset: (key: string) => Promise<void>;
};

export type LimitStore = "redis" | "postgres" | "memory";

/**
 * Where counters live, so that a limit holds across every process of a deployment: Redis when
 * REDIS_URL is set, else the PostgreSQL database all processes share, else (the embedded
 * database, one process by construction) this process's memory.
 */
export const limitStoreFor = (handle: Pick<DatabaseHandle, "kind">): LimitStore =>
  env().REDIS_URL ? "redis" : handle.kind === "postgres" ? "postgres" : "memory";

const cache = globalThis as unknown as { batonLimiters?: WeakMap<object, Map<string, RateLimiterAbstract>>; batonRedis?: Redis };

async function redisClient(url: string): Promise<Redis> {
  if (!cache.batonRedis) {
    const { Redis } = await import("ioredis");
    // No offline queue: while Redis is unreachable a call fails at once and the in-memory
    // insurance limiter answers, instead of requests waiting on a queue.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on("error", () => {});
    cache.batonRedis = client;
    // Commands fail until the connection is ready; wait for it once (briefly), not on every call.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      client.once("ready", () => (clearTimeout(timer), resolve()));
    });
  }
  return cache.batonRedis;
}

async function build(handle: Pick<DatabaseHandle, "db" | "kind">, spec: LimitSpec): Promise<RateLimiterAbstract> {
  const options = { keyPrefix: `${spec.prefix ?? "baton"}:${spec.name}`, points: spec.points, duration: spec.durationSeconds };
  const store = limitStoreFor(handle);
  if (store === "memory") return new RateLimiterMemory(options);
  // If the shared store fails, this process keeps limiting on its own rather than failing requests.
  const insuranceLimiter = new RateLimiterMemory(options);
  if (store === "redis") return new RateLimiterRedis({ ...options, storeClient: await redisClient(env().REDIS_URL!), insuranceLimiter });
  return new RateLimiterDrizzle({ ...options, storeClient: handle.db, schema: rateLimits, insuranceLimiter });
}

/** The limiter for a spec on the app's database (one per process, shared by its requests). */
export async function limiter(spec: LimitSpec, handle?: Pick<DatabaseHandle, "db" | "kind">): Promise<Limiter> {
  const h = handle ?? (await getDbHandle());
  cache.batonLimiters ??= new WeakMap();
  let byHandle = cache.batonLimiters.get(h.db);
  if (!byHandle) cache.batonLimiters.set(h.db, (byHandle = new Map()));
  const id = `${spec.prefix ?? "baton"}:${spec.name}:${spec.points}:${spec.durationSeconds}`;
  let rl = byHandle.get(id);
  if (!rl) byHandle.set(id, (rl = await build(h, spec)));
  return wrap(rl);
}

/** The limiter for a spec on the database code was handed (its driver decides where counters live). */
export const limiterOn = (db: Database, spec: LimitSpec) => limiter(spec, { db, kind: databaseKind(db) ?? "pglite" });

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function wrap(rl: RateLimiterAbstract): Limiter {
  return {
    consume: async (key, points = 1) => {
      const waitMs = await consumeMs(rl, key, points);
      return waitMs === null ? null : seconds(waitMs);
    },
    consumeMs: (key, points = 1) => consumeMs(rl, key, points),
    peek: async (key) => {
      const res = await rl.get(key);
      return { used: res?.consumedPoints ?? 0, retryAfterSeconds: res ? seconds(res.msBeforeNext) : 0 };
    },
    reset: async (key) => {
      await rl.delete(key);
    },
  };
}

async function consumeMs(rl: RateLimiterAbstract, key: string, points: number): Promise<number | null> {
  try {
    await rl.consume(key, points);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
    throw error;
  }
}

/** Tests and scripts: close the shared Redis connection, if one was opened. */
export async function closeLimitStores(): Promise<void> {
  const redis = cache.batonRedis;
  cache.batonRedis = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}
