import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { resetEnvForTests } from "@/lib/env";
import { closeLimitStores, limiter, limitStoreFor } from "@/lib/limits/limiter";

// Two handles stand for two processes: on a shared store they see one count.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await closeLimitStores();
  await handle.close();
});

const spec = () => ({ name: `test_${randomUUID().slice(0, 8)}`, points: 3, durationSeconds: 60, prefix: "trust" });

describe("limits", () => {
  it("count per key, answer the wait once over, and forget a key on reset", async () => {
    const l = await limiter(spec(), handle);
    expect([await l.consume("a"), await l.consume("a"), await l.consume("a")]).toEqual([null, null, null]);
    const wait = await l.consume("a");
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await l.consume("b")).toBeNull();
    expect(await l.peek("a")).toMatchObject({ used: 4 });
    await l.reset("a");
    expect(await l.consume("a")).toBeNull();
  });

  it("live in memory with the embedded database, in PostgreSQL otherwise", () => {
    expect(limitStoreFor(handle)).toBe(handle.kind === "postgres" ? "postgres" : "memory");
  });

  it.runIf(inject("databaseUrl"))("hold across processes on PostgreSQL", async () => {
    const other = await openPostgres(inject("databaseUrl")!, { max: 1 });
    try {
      const s = spec();
      const [here, there] = [await limiter(s, handle), await limiter(s, other)];
      const results = [await here.consume("k"), await there.consume("k"), await here.consume("k"), await there.consume("k")];
      expect(results.map((r) => r === null)).toEqual([true, true, true, false]);
    } finally {
      await other.close();
    }
  });

  // Redis is used when REDIS_URL is set; this runs when a test Redis is given.
  it.runIf(process.env.TEST_REDIS_URL)("hold across processes on Redis (REDIS_URL)", async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = process.env.TEST_REDIS_URL;
    resetEnvForTests();
    const other = await openTestDatabase();
    try {
      expect(limitStoreFor(handle)).toBe("redis");
      const s = spec();
      const [here, there] = [await limiter(s, handle), await limiter(s, other)];
      const results = [await here.consume("k"), await there.consume("k"), await here.consume("k"), await there.consume("k")];
      expect(results.map((r) => r === null)).toEqual([true, true, true, false]);
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
      resetEnvForTests();
      await other.close();
    }
  });
});
