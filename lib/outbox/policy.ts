import { RateLimiter } from "@/lib/http/rate-limit";

/** How one kind of outbound work is retried: attempts, the first delay and its cap, and the claim's lease. */
export type OutboxPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; leaseMs: number };

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, policy: OutboxPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** When to try again: the backoff, but never sooner than the other side asked (Retry-After). */
export const retryAt = (attempt: number, policy: OutboxPolicy, askedMs = 0) => new Date(Date.now() + Math.max(askedMs, backoffMs(attempt, policy)));

// Outbound budgets per destination and destination account, per process, so Baton stays under
// each destination's own limits. Kept on globalThis so Next.js module reloads share them.
const budgets = globalThis as unknown as { batonOutbound?: Map<string, RateLimiter> };

/** Counts one call to `destination` for `key`; returns the seconds to wait when over budget, else null. */
export function spendBudget(destination: string, key: string, budget: () => { requests: number; windowMs: number }): number | null {
  budgets.batonOutbound ??= new Map();
  let limiter = budgets.batonOutbound.get(destination);
  if (!limiter) {
    const { requests, windowMs } = budget();
    limiter = new RateLimiter(requests, windowMs);
    budgets.batonOutbound.set(destination, limiter);
  }
  return limiter.hit(key);
}
