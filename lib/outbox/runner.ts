import { logFailure } from "@/lib/log-failure";

export type OutboxWorker = {
  /** Stops claiming. `abandon: true` drops calls in flight like a crash; otherwise waits for them. */
  stop: (options?: { abandon?: boolean }) => Promise<void>;
};

/**
 * The loop behind every outbox queue (tickets, emails): claims up to `concurrency` due jobs
 * (several loops and processes can run at once; the claim's SKIP LOCKED keeps them apart),
 * processes them concurrently, and sleeps when nothing is due until `wake()` or `pollMs`.
 */
export function startOutboxLoop<Job, Outcome>(options: {
  name: string;
  claim: (limit: number) => Promise<Job[]>;
  process: (job: Job, abandoned: () => boolean) => Promise<Outcome>;
  /** When the soonest queued job is due (a retry, a lease's end), so an idle loop wakes for it. */
  nextDueAt?: () => Promise<Date | null>;
  onOutcome?: (outcome: Outcome) => void;
  concurrency?: number;
  pollMs?: number;
}): OutboxWorker & { wake: () => void } {
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1000;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let abandoned = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const idleMs = async () => {
    const due = await options.nextDueAt?.().catch(() => null);
    return due ? Math.min(pollMs, Math.max(10, due.getTime() - Date.now())) : pollMs;
  };

  const loop = (async () => {
    while (!stopping) {
      const free = concurrency - inFlight.size;
      if (free <= 0) {
        await Promise.race(inFlight);
        continue;
      }
      let jobs: Job[] = [];
      try {
        jobs = await options.claim(free);
      } catch (error) {
        logFailure(`${options.name} claim`, error);
      }
      for (const job of jobs) {
        const run: Promise<void> = options
          .process(job, () => abandoned)
          .then((outcome) => options.onOutcome?.(outcome))
          .catch((error: unknown) => void logFailure(`${options.name} attempt`, error))
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
      }
      if (jobs.length === 0) await sleep(await idleMs());
    }
  })();

  return {
    wake: () => wake?.(),
    async stop(stopOptions = {}) {
      stopping = true;
      abandoned = Boolean(stopOptions.abandon);
      wake?.();
      await loop;
      if (!abandoned) await Promise.allSettled(inFlight);
    },
  };
}
