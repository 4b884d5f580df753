// Time to first human reply is kept as a histogram (see db/schema/overview.ts): bucket k holds
// replies that took s seconds with floor(ln(1 + s) / ln(1.05)) = k, as overview_reply_bucket()
// computes in SQL.

const GROWTH = 1.05;

/** The bucket's range of seconds, [low, high). */
export const bucketRange = (bucket: number) => ({ low: GROWTH ** bucket - 1, high: GROWTH ** (bucket + 1) - 1 });

/**
 * A nearest-rank percentile (the value with rank ceil(p × n), like percentile_disc) read from the
 * histogram: the middle of the bucket that holds that rank, so within 2.5% (plus rounding to a
 * whole second) of the exact value. Null without replies.
 */
export function percentileFromHistogram(histogram: Array<{ bucket: number; replies: number }>, p: number): number | null {
  const total = histogram.reduce((sum, b) => sum + b.replies, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of [...histogram].sort((x, y) => x.bucket - y.bucket)) {
    seen += b.replies;
    if (seen >= rank) {
      const { low, high } = bucketRange(b.bucket);
      return Math.round((low + high) / 2);
    }
  }
  return null;
}
