// `npm run bench`: figures that the tests do not time. Prints, does not assert.
import { buildWidget, WIDGET_GZIP_BUDGET, widgetSize } from "./lib/widget-build";

// The embeddable widget, built from widget/*.ts (the build itself refuses to exceed the budget).
buildWidget();
const widget = widgetSize();
console.log(
  `widget.js: ${widget.bytes} bytes, ${widget.gzipped} bytes gzip (budget ${WIDGET_GZIP_BUDGET}; ${((widget.gzipped / WIDGET_GZIP_BUDGET) * 100).toFixed(0)}% used)`,
);

const serverUrl = process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432";
// BENCH_ONLY=answerer, first-load, inbound-email, overview, drain, chaos, webhooks or escalations runs one part.
const only = process.env.BENCH_ONLY;

// The built-in answerer: precision and recall on the evaluation set (PGlite), cost at 5,000 entries (PostgreSQL).
if (!only || only === "answerer") {
  const { benchAnswererLatency, benchAnswererQuality } = await import("./lib/bench-answerer");
  for (const line of await benchAnswererQuality()) console.log(line);
  if (process.env.BENCH_POSTGRES !== "off") {
    const lines = await benchAnswererLatency({
      serverUrl,
      entries: Number(process.env.BENCH_KNOWLEDGE_ENTRIES || 5000),
      runs: Number(process.env.BENCH_ANSWERER_RUNS || 1000),
    });
    for (const line of lines) console.log(line);
  }
}

// First-load JS of the dashboard pages in English and Brazilian Portuguese (production build, PGlite).
if (!only || only === "first-load") {
  const { buildIfNeeded } = await import("./lib/build");
  buildIfNeeded();
  const { benchFirstLoad } = await import("./lib/bench-first-load");
  for (const line of await benchFirstLoad({ port: Number(process.env.BENCH_FIRST_LOAD_PORT || 3301) })) console.log(line);
}

// Shoppers' answers through the SMTP receiver into the inbox (BENCH_ONLY=inbound-email; BENCH_INBOUND_TOTAL):
// on PGlite, and on a fresh PostgreSQL database unless BENCH_POSTGRES=off.
if (!only || only === "inbound-email") {
  const { benchInboundEmail } = await import("./lib/bench-inbound-email");
  const total = Number(process.env.BENCH_INBOUND_TOTAL || 500);
  for (const line of await benchInboundEmail({ total })) console.log(line);
  if (process.env.BENCH_POSTGRES !== "off") {
    for (const line of await benchInboundEmail({ total, serverUrl })) console.log(line);
  }
}

// The rest runs on the local PostgreSQL (skipped with BENCH_POSTGRES=off).

// The overview's data at 1,000,000 conversations, beside the same figures scanned from the raw rows.
if (process.env.BENCH_POSTGRES !== "off" && (!only || only === "overview")) {
  const { benchOverview } = await import("./lib/bench-overview");
  const lines = await benchOverview({
    serverUrl,
    total: Number(process.env.BENCH_CONVERSATIONS || 1_000_000),
    startRuns: Number(process.env.BENCH_OVERVIEW_START_RUNS || 100),
    runs: Number(process.env.BENCH_OVERVIEW_RUNS || 200),
    editRuns: Number(process.env.BENCH_OVERVIEW_EDIT_RUNS || 40),
    rawRuns: Number(process.env.BENCH_OVERVIEW_RAW_RUNS || 10),
    // BENCH_OVERVIEW_KEEP=<database name>: seed it once, keep it, reuse it (migrated) on later runs.
    keep: process.env.BENCH_OVERVIEW_KEEP,
  });
  for (const line of lines) console.log(line);
}

// Forwarding's drain time against a 200/min Zendesk plan (BENCH_ONLY=drain; BENCH_DRAIN_BURST, BENCH_DRAIN_PER_MINUTE).
if (process.env.BENCH_POSTGRES !== "off" && (!only || only === "drain")) {
  const { benchDrain } = await import("./lib/bench-drain");
  const lines = await benchDrain({
    serverUrl,
    burst: Number(process.env.BENCH_DRAIN_BURST || 2000),
    perMinute: Number(process.env.BENCH_DRAIN_PER_MINUTE || 200),
  });
  for (const line of lines) console.log(line);
}

// The chaos run at 10,000 escalations (BENCH_ONLY=chaos; BENCH_CHAOS_TOTAL).
if (process.env.BENCH_POSTGRES !== "off" && (!only || only === "chaos")) {
  const { benchChaos } = await import("./lib/bench-chaos");
  for (const line of await benchChaos({ serverUrl, total: Number(process.env.BENCH_CHAOS_TOTAL || 10_000) })) console.log(line);
}

// Webhooks (BENCH_ONLY=webhooks; BENCH_WEBHOOK_REQUESTS): POST /escalations with and without an
// endpoint, and commit → receiver latency.
if (process.env.BENCH_POSTGRES !== "off" && (!only || only === "webhooks")) {
  const { buildIfNeeded } = await import("./lib/build");
  buildIfNeeded();
  const { benchWebhooks } = await import("./lib/bench-webhooks");
  const lines = await benchWebhooks({
    serverUrl,
    total: Number(process.env.BENCH_WEBHOOK_REQUESTS || 500),
    concurrency: Number(process.env.BENCH_CONCURRENCY || 16),
    port: Number(process.env.BENCH_PORT || 3300),
  });
  for (const line of lines) console.log(line);
  if (only) process.exit(process.exitCode ?? 0);
}

// Escalations on the local PostgreSQL.
if (process.env.BENCH_POSTGRES !== "off" && (!only || only === "escalations")) {
  const { buildIfNeeded } = await import("./lib/build");
  buildIfNeeded();
  const { benchEscalations } = await import("./lib/bench-escalations");
  const lines = await benchEscalations({
    serverUrl,
    total: Number(process.env.BENCH_REQUESTS || 2000),
    concurrency: Number(process.env.BENCH_CONCURRENCY || 16),
    port: Number(process.env.BENCH_PORT || 3300),
  });
  for (const line of lines) console.log(line);
  process.exit(process.exitCode ?? 0);
}
