/**
 * How one kind of outbound work is retried: attempts (or, with `retryForMs`, how long transient
 * failures are retried whatever their number), the first delay and its cap, and the claim's lease.
 */
export type OutboxPolicy = { maxAttempts: number; retryForMs?: number; baseDelayMs: number; maxDelayMs: number; leaseMs: number };

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, policy: OutboxPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** When to try again: the backoff, but never sooner than the other side asked (Retry-After). */
export const retryAt = (attempt: number, policy: OutboxPolicy, askedMs = 0) => new Date(Date.now() + Math.max(askedMs, backoffMs(attempt, policy)));
