/**
 * Fixed-window request counters, per process. Enough to blunt floods from one key or one IP; a
 * multi-process deployment multiplies the allowance by its process count (see README).
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else null. */
  hit(key: string, now = Date.now()): number | null {
    if (this.windows.size > 50_000) this.sweep(now);
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return null;
    }
    current.count += 1;
    if (current.count <= this.limit) return null;
    return Math.max(1, Math.ceil((current.start + this.windowMs - now) / 1000));
  }

  private sweep(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
