import type { Database } from "@/db/client";
import { limiterOn } from "@/lib/limits/limiter";
import { HelpdeskError, type Helpdesk } from "@/lib/helpdesks/request";

/** One helpdesk account's request budget, spent before every request and taught by every answer. */
export type RequestBudget = {
  /** Takes one request's share, waiting up to a slice of the window; over that, throws `rate_limited`. */
  spend: () => Promise<void>;
  /** Learns the real limit and what is left from the answer's rate-limit headers. */
  observe: (status: number, headers: Headers) => void;
};

/** Requests allowed per window when nothing better is known (the configured plan). */
export type BudgetSpec = { requests: number; windowMs: number };

// The window is spent in up to this many slices, each allowed its share, so a burst of escalations
// is sent at an even pace instead of spending the minute's allowance in its first seconds. A small
// budget gets fewer, longer slices (at least 4 requests each), so rounding does not eat it.
const SLICES = 10;
const sliceCount = (requests: number) => Math.min(SLICES, Math.max(1, Math.floor(requests / 4)));
// Fixed slices can line up so that a sliding window sees one slice more than the window holds
// (11 of 10): aiming at 95% of the configured budget keeps any window within it + 5%.
const CONFIGURED_SHARE = 0.95;
// A limit learned from the helpdesk is aimed under by more: other clients of the same account
// (the merchant's apps) spend from it too, and being refused costs more than a little speed.
const LEARNED_SHARE = 0.85;

type Learned = { limit: number; windowMs: number; pausedUntil: number };
const memory = globalThis as unknown as { batonLearnedLimits?: Map<string, Learned> };
const learnedLimits = () => (memory.batonLearnedLimits ??= new Map());

/** Tests: forget every learned limit. */
export const forgetLearnedLimits = () => learnedLimits().clear();

/** What an answer's headers say about the account's limit (each helpdesk reads its own, lib/helpdesks/<id>/helpdesk.ts). */
export type RateLimitSeen = { limit: number; windowMs: number; remaining?: number; resetMs?: number };

/** Requests per window this account may send now: the configured plan, lowered by a learned limit. */
export function effectiveBudget(key: string, configured: BudgetSpec): BudgetSpec {
  const learned = learnedLimits().get(key);
  const planned = Math.floor(configured.requests * CONFIGURED_SHARE);
  if (!learned) return { requests: Math.max(1, planned), windowMs: configured.windowMs };
  const scaled = Math.floor(learned.limit * LEARNED_SHARE * (configured.windowMs / learned.windowMs));
  return { requests: Math.max(1, Math.min(planned, scaled)), windowMs: configured.windowMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The budget of one helpdesk account (`key`: its base URL, so two Baton accounts connected to
 * the same helpdesk share it), counted in the store every process shares (lib/limits: Redis,
 * PostgreSQL, or memory on the embedded database).
 */
export function requestBudget(db: Database, helpdesk: Helpdesk, key: string, configured: BudgetSpec): RequestBudget {
  const budgetKey = `${helpdesk.id}:${key}`;
  return {
    async spend() {
      const { requests, windowMs } = effectiveBudget(budgetKey, configured);
      const sliceSeconds = Math.max(1, Math.round(windowMs / sliceCount(requests) / 1000));
      const perSlice = Math.max(1, Math.floor((requests * sliceSeconds * 1000) / windowMs));
      const slices = await limiterOn(db, { name: `outbound_${helpdesk.id}_slice`, points: perSlice, durationSeconds: sliceSeconds });
      const nearMs = sliceSeconds * 2000;
      const refuse = (waitMs: number) =>
        new HelpdeskError(helpdesk, "rate_limited", {
          retryAfterSeconds: Math.ceil(waitMs / 1000),
          description: "Baton's own request budget for this account is spent",
        });
      const pausedMs = (learnedLimits().get(budgetKey)?.pausedUntil ?? 0) - Date.now();
      if (pausedMs > nearMs) throw refuse(pausedMs);
      if (pausedMs > 0) await sleep(pausedMs);
      // Wait for the next slice while it is near; beyond that the job is rescheduled (its attempt refunded).
      for (let waited = 0; ;) {
        const waitMs = await slices.consumeMs(budgetKey);
        if (waitMs === null) return;
        if (waited + waitMs > nearMs) throw refuse(waitMs);
        // A little jitter, so the waiting requests do not all arrive at the slice's first millisecond.
        const pause = waitMs + Math.floor(Math.random() * 200);
        await sleep(pause);
        waited += pause;
      }
    },
    observe(status, headers) {
      const seen = helpdesk.rateHeaders(headers);
      const learned = learnedLimits().get(budgetKey);
      if (!seen) return;
      const next: Learned = { limit: seen.limit, windowMs: seen.windowMs, pausedUntil: learned?.pausedUntil ?? 0 };
      // Nothing left of the account's allowance: nobody in this process sends until the helpdesk
      // says it may (Retry-After on a 429, else the window's reset). A 429 that still reports
      // allowance left (another bucket) only delays its own job.
      if (seen.remaining === 0) {
        const retryAfter = status === 429 ? Number.parseInt(headers.get("retry-after") ?? "", 10) * 1000 : Number.NaN;
        const waitMs = Number.isFinite(retryAfter) ? retryAfter : (seen.resetMs ?? seen.windowMs / SLICES);
        next.pausedUntil = Math.max(next.pausedUntil, Date.now() + waitMs);
      }
      learnedLimits().set(budgetKey, next);
    },
  };
}
