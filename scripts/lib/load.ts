/** Fires `total` requests with `concurrency` in flight; returns per-request latencies (ms) and the wall time. */
export async function load(total: number, concurrency: number, send: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (!res.ok) failures++;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function summary(name: string, r: { latencies: number[]; seconds: number; failures: number }) {
  const f = (n: number) => n.toFixed(1);
  return `${name.padEnd(22)} ${f(r.latencies.length / r.seconds).padStart(7)} req/s   p50 ${f(percentile(r.latencies, 50))} ms   p95 ${f(percentile(r.latencies, 95))} ms   p99 ${f(percentile(r.latencies, 99))} ms   failures ${r.failures}`;
}
