import { describe, expect, it } from "vitest";
import { startOutboxLoop } from "@/lib/outbox/runner";

describe("outbox loop", () => {
  it("keeps a wake-up that arrives while it is claiming (no lost notification until the next poll)", async () => {
    const done: number[] = [];
    let claims = 0;
    let wake = () => {};
    const loop = startOutboxLoop<number, void>({
      name: "test",
      pollMs: 60_000,
      claim: async () => {
        claims++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        // The job commits while this claim runs; its notification arrives before the loop sleeps.
        if (claims === 1) {
          wake();
          return [];
        }
        return claims === 2 ? [1] : [];
      },
      process: async (job) => void done.push(job),
    });
    wake = loop.wake;
    try {
      await expect.poll(() => done, { timeout: 2_000 }).toEqual([1]);
    } finally {
      await loop.stop();
    }
  });
});
