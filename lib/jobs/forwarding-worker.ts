import type { Database } from "@/db/client";
import { claimDueEscalations } from "@/db/queries/forwarding";
import { forwardingPolicy, processEscalation, type ForwardingPolicy, type Outcome } from "@/lib/services/forwarding";

export type ForwardingWorker = {
  /** Stops claiming. `abandon: true` drops calls in flight like a crash; otherwise waits for them. */
  stop: (options?: { abandon?: boolean }) => Promise<void>;
};

/**
 * Delivers queued escalations: claims due jobs (several workers and processes can run at once;
 * SKIP LOCKED keeps them apart), runs up to `concurrency` deliveries at a time, and polls when
 * there is nothing due.
 */
export function startForwardingWorker(
  db: Database,
  options: { concurrency?: number; pollMs?: number; policy?: ForwardingPolicy; onOutcome?: (outcome: Outcome) => void } = {},
): ForwardingWorker {
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1000;
  const policy = options.policy ?? forwardingPolicy();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let abandoned = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  const loop = (async () => {
    while (!stopping) {
      const free = concurrency - inFlight.size;
      if (free <= 0) {
        await Promise.race(inFlight);
        continue;
      }
      let jobs: Awaited<ReturnType<typeof claimDueEscalations>> = [];
      try {
        jobs = await claimDueEscalations(db, { limit: free, leaseMs: policy.leaseMs });
      } catch (error) {
        console.error("[forwarding worker] claim failed", error);
      }
      for (const job of jobs) {
        const run: Promise<void> = processEscalation(db, job, { policy, abandoned: () => abandoned })
          .then((outcome) => options.onOutcome?.(outcome))
          .catch((error: unknown) => console.error("[forwarding worker] attempt crashed", error))
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
      }
      if (jobs.length === 0) await sleep(pollMs);
    }
  })();

  return {
    async stop(stopOptions = {}) {
      stopping = true;
      abandoned = Boolean(stopOptions.abandon);
      wake?.();
      await loop;
      if (!abandoned) await Promise.allSettled(inFlight);
    },
  };
}
