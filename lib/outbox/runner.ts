import { setMaxListeners } from "node:events";
import { logFailure } from "@/lib/log-failure";

export type OutboxWorker = {
  /**
   * Stops claiming and waits for the calls in flight. `abandon: true` is a kill instead: the
   * attempts' signal aborts, which cuts their connections (an SMTP message whose end the server
   * has not read is discarded, as when a process dies) and drops their results unrecorded.
   */
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
  /** `killed` aborts when the worker is killed (`stop({ abandon: true })`). */
  process: (job: Job, killed: AbortSignal) => Promise<Outcome>;
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
  const kill = new AbortController();
  // Every attempt in flight listens for the kill: as many listeners as the concurrency.
  setMaxListeners(Math.max(10, concurrency + 4), kill.signal);
  let wake: (() => void) | null = null;
  // A wake-up that arrives while the loop is claiming or processing (not asleep) is remembered:
  // the claim it follows may have read the queue before the job's commit, so the next sleep is
  // skipped instead of losing that notification until the next poll.
  let woken = false;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        wake = null;
        clearTimeout(timer);
        resolve();
      };
    });
  const wakeUp = () => {
    if (wake) wake();
    else woken = true;
  };

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
      // Whatever woke the loop before this claim, the claim sees it.
      woken = false;
      try {
        jobs = await options.claim(free);
      } catch (error) {
        logFailure(`${options.name} claim`, error);
      }
      for (const job of jobs) {
        const run: Promise<void> = options
          .process(job, kill.signal)
          .then((outcome) => options.onOutcome?.(outcome))
          .catch((error: unknown) => void logFailure(`${options.name} attempt`, error))
          .finally(() => inFlight.delete(run));
        inFlight.add(run);
      }
      if (jobs.length === 0) await sleep(await idleMs());
    }
  })();

  return {
    wake: wakeUp,
    async stop(stopOptions = {}) {
      stopping = true;
      if (stopOptions.abandon) kill.abort();
      wakeUp();
      await loop;
      // Killed attempts end as soon as their connections are cut; only their results are dropped.
      await Promise.allSettled(inFlight);
    },
  };
}
