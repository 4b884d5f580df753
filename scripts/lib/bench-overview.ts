import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import type { OverviewData } from "@/lib/overview/contract";
import { addDays, todayIn } from "@/lib/overview/days";
import { groupQuestions } from "@/lib/overview/question-groups";
import { percentile } from "./load";
import { overviewFromRawRows, type RawOverview } from "./bench-overview-raw";
import { seedBenchConversations } from "./bench-overview-seed";

const TIME_ZONE = "America/New_York";

async function time<T>(runs: number, run: () => Promise<T>) {
  const latencies: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await run();
    latencies.push(performance.now() - started);
  }
  return { latencies, last: last as T };
}

/** The aggregates must give the raw scan's figures exactly (reply times: within the histogram's 2.5%). */
function compare(data: OverviewData, raw: RawOverview): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: number | null, expected: number | null, tolerance = 0) => {
    if (actual === expected || (actual !== null && expected !== null && Math.abs(actual - expected) <= tolerance)) return;
    problems.push(`${what}: overview ${actual}, raw ${expected}`);
  };
  for (const period of ["current", "previous"] as const) {
    const rows = raw.totals.filter((r) => r.period === period);
    expect(
      `${period} conversations`,
      data[period].conversations,
      rows.reduce((s, r) => s + r.n, 0),
    );
    for (const status of ["resolved", "routed", "message_shown", "declined", "open"] as const) {
      expect(
        `${period} ${status}`,
        data[period].outcomes[status],
        rows.filter((r) => r.status === status && !r.later).reduce((s, r) => s + r.n, 0),
      );
    }
    expect(
      `${period} resolved, then handed off`,
      data[period].outcomes.handed_off_later,
      rows.filter((r) => r.later).reduce((s, r) => s + r.n, 0),
    );
    expect(
      `${period} answered then handed off`,
      data[period].answeredThenHandedOff,
      rows.filter((r) => r.later || (r.status === "routed" && r.answered)).reduce((s, r) => s + r.n, 0),
    );
    expect(
      `${period} offered`,
      data[period].funnel.offered,
      rows.filter((r) => r.offered).reduce((s, r) => s + r.n, 0),
    );
    const state = { in_inbox: "delivered", delivered: "delivered", queued: "retrying", failed: "failed" } as const;
    for (const d of ["baton_inbox", "zendesk", "gorgias"] as const) {
      for (const s of ["delivered", "retrying", "failed"] as const) {
        const n = raw.forwarding
          .filter((r) => r.period === period && r.destination === d && state[r.status as keyof typeof state] === s)
          .reduce((sum, r) => sum + r.n, 0);
        expect(`${period} ${d} ${s}`, data[period].forwarding[d][s], n);
      }
    }
    const reply = raw.replies.find((r) => r.period === period);
    expect(`${period} replies`, data[period].replyTime.replies, reply?.n ?? 0);
    expect(`${period} median reply`, data[period].replyTime.medianSeconds, reply?.median ?? null, 0.025 * (reply?.median ?? 0) + 1.5);
    expect(`${period} p90 reply`, data[period].replyTime.p90Seconds, reply?.p90 ?? null, 0.025 * (reply?.p90 ?? 0) + 1.5);
  }
  for (const point of data.series) {
    expect(
      `series ${point.start}`,
      point.conversations,
      raw.series.filter((r) => r.start === point.start).reduce((s, r) => s + r.n, 0),
    );
  }
  // Knowledge gaps: the groups of every unanswered question scanned from the raw rows.
  const groups = groupQuestions(raw.questions.map((q) => ({ reason: q.reason as string, status: q.status, stems: q.stems as string[] })));
  expect("knowledge gap groups", data.knowledgeGaps.questions.length, groups.length);
  groups.forEach((g, i) => {
    const shown = data.knowledgeGaps.questions[i];
    if (shown?.question !== g.question) problems.push(`knowledge gap ${i + 1}: overview "${shown?.question}", raw "${g.question}"`);
    expect(`knowledge gap "${g.question}" asked`, shown?.count ?? null, g.count);
    expect(`knowledge gap "${g.question}" routed`, shown?.routed ?? null, g.routed);
  });
  for (const c of data.byChannel)
    expect(
      `channel ${c.channel}`,
      c.conversations,
      raw.channels.filter((r) => r.channel === c.channel).reduce((s, r) => s + r.n, 0),
    );
  return problems;
}

/** Entries that answer three of the seed's questions, created 30 days ago: their gaps show "answered since". */
const COVERING = [
  { question: "Can I cancel my order?", answer: "Yes, until it ships: reply CANCEL to your confirmation email." },
  { question: "Do you offer gift wrapping?", answer: "Yes, choose gift wrapping at checkout." },
  { question: "Is the leather vegan?", answer: "No, our leather is full-grain cowhide." },
];

/** The demo store's knowledge and synonyms, plus COVERING, once per database. */
async function seedBenchKnowledge(db: Database, accountId: string, createdAt: Date) {
  const { countKnowledge, insertKnowledge } = await import("@/db/queries/knowledge");
  const { seedStoryKnowledge } = await import("@/db/seed-knowledge");
  const { demoStoreStory } = await import("@/db/seed-stories");
  if ((await countKnowledge(db, accountId)) > 0) return;
  await insertKnowledge(
    db,
    COVERING.map((k) => ({ ...k, accountId, locale: "en", createdAt, updatedAt: createdAt })),
  );
  await seedStoryKnowledge(db, { accountId, story: demoStoreStory });
}

/** Each gap's "answered since" must be what the answerer says today, asked afresh. */
async function compareCoverage(db: Database, accountId: string, data: OverviewData): Promise<string[]> {
  const { findAnswer } = await import("@/lib/services/answerer");
  const problems: string[] = [];
  for (const gap of data.knowledgeGaps.questions) {
    const match = await findAnswer(db, { accountId, text: gap.question, locale: "en" });
    if ((match?.entryId ?? null) !== (gap.covered?.entryId ?? null))
      problems.push(`knowledge gap "${gap.question}": overview covered by ${gap.covered?.entryId ?? "nothing"}, answerer ${match?.entryId ?? "nothing"}`);
  }
  if (!data.knowledgeGaps.questions.some((g) => g.covered)) problems.push("no knowledge gap is covered: the seeded entries should answer three");
  return problems;
}

/**
 * The overview data at scale, on a fresh local PostgreSQL database: seeds `total` conversations
 * over 180 days into one account (with the demo knowledge, answering three of its questions), then
 * times the overview for the last 90 days (the selected period and the 90 before it) from the
 * aggregates, again right after knowledge edits, and the same figures scanned from the raw rows.
 */
export async function benchOverview(options: {
  serverUrl: string;
  total: number;
  startRuns: number;
  runs: number;
  editRuns: number;
  rawRuns: number;
  keep?: string;
}) {
  // `keep`: a database of that name is seeded once and kept, and later runs (the same day, the same
  // total) reuse it after migrating it, so iterating on a query or a migration skips the seeding.
  const name = options.keep || `baton_bench_overview_${Date.now()}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(`${options.serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  const exists = options.keep ? (await admin`select 1 from pg_database where datname = ${name}`).length > 0 : false;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  const url = `${options.serverUrl}/${name}`;
  const { migratePostgres } = await import("@/db/migrate-database");
  const { openPostgres } = await import("@/db/client");
  const { getOverview } = await import("@/lib/services/overview");
  await migratePostgres(url);
  const handle = await openPostgres(url);
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const lines: string[] = [];
  try {
    const now = new Date();
    const today = todayIn(TIME_ZONE, now);
    const [kept] = exists ? await sql<Array<{ id: string }>>`select id from accounts where name = 'Bench Store'` : [];
    let accountId = kept?.id;
    if (!accountId) {
      const [account] = await sql<
        Array<{ id: string }>
      >`insert into accounts (slug, name, time_zone) values (${`bench-${randomUUID().slice(0, 8)}`}, 'Bench Store', ${TIME_ZONE}) returning id`;
      accountId = account!.id;
      const seedStarted = performance.now();
      const steps = await seedBenchConversations(sql, { accountId, timeZone: TIME_ZONE, total: options.total, days: 180, lastDay: today });
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      lines.push(`  seed ${seedSeconds.toFixed(1)} s (${steps.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(", ")})`);
    } else lines.push(`  reusing the seeded database ${name}`);
    lines.unshift(`overview bench: PostgreSQL, ${options.total.toLocaleString("en")} conversations over 180 days in one account`);
    await seedBenchKnowledge(handle.db, accountId, new Date(now.getTime() - 30 * 86_400_000));

    const filters = { range: "90" as const, channel: "all" as const };
    const range = { accountId, timeZone: TIME_ZONE, from: addDays(today, -89), to: today, previousFrom: addDays(today, -179), bucketDays: 7 as const };
    // The raw scan's warm-up first: reading a million rows pushes the aggregates out of the
    // caches. Then the first loads of this process, timed on their own: PostgreSQL plans a
    // prepared statement afresh for its first five runs on each connection, so until every one
    // of the pool's ten connections has run each overview query that often, loads are slower.
    // The target is for the loads after them, as a running server serves them.
    await time(2, () => overviewFromRawRows(sql, range));
    const started = await time(options.startRuns, () => getOverview(handle.db, { accountId, filters, now }));
    const aggregated = await time(options.runs, () => getOverview(handle.db, { accountId, filters, now }));
    // After a knowledge edit, each process asks the answerer again for the gaps' leading
    // questions: the first overview after an edit, timed alone. The edit changes nothing the
    // answerer reads but counts as one (the entry's updated_at).
    const afterEdit: number[] = [];
    for (let i = 0; i < options.editRuns; i++) {
      await sql`update knowledge_entries set updated_at = now() where account_id = ${accountId} and question = ${COVERING[0]!.question}`;
      afterEdit.push((await time(1, () => getOverview(handle.db, { accountId, filters, now }))).latencies[0]!);
    }
    const raw = await time(options.rawRuns, () => overviewFromRawRows(sql, range));
    const problems = [...compare(aggregated.last, raw.last), ...(await compareCoverage(handle.db, accountId, aggregated.last))];
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    const a50 = percentile(aggregated.latencies, 50);
    const a95 = percentile(aggregated.latencies, 95);
    const r50 = percentile(raw.latencies, 50);
    const r95 = percentile(raw.latencies, 95);
    lines.push(
      `  90-day overview, served warm           p50 ${f(a50)}   p95 ${f(a95)}   (${options.runs} runs, target p95 ≤ 20 ms${a95 <= 20 ? ": met" : ": MISSED"})`,
    );
    lines.push(
      `  ${`the first ${options.startRuns} after starting`.padEnd(38)} p50 ${f(percentile(started.latencies, 50))}   p95 ${f(percentile(started.latencies, 95))}   (the pool's connections still planning)`,
    );
    lines.push(
      `  the first after a knowledge edit       p50 ${f(percentile(afterEdit, 50))}   p95 ${f(percentile(afterEdit, 95))}   (${options.editRuns} runs: the answerer asked again)`,
    );
    lines.push(`  same figures scanning the raw rows     p50 ${f(r50)}   p95 ${f(r95)}   (${options.rawRuns} runs)`);
    lines.push(
      `  ratio raw / aggregates: p50 ${(r50 / a50).toFixed(0)}x, p95 ${(r95 / a95).toFixed(0)}x; ${aggregated.last.current.conversations.toLocaleString("en")} + ${aggregated.last.previous.conversations.toLocaleString("en")} conversations in the two periods`,
    );
    lines.push(problems.length === 0 ? "  figures: the aggregates match the raw scan" : `  figures DIFFER:\n    ${problems.join("\n    ")}`);
    if (problems.length > 0 || a95 > 20) process.exitCode = 1;
  } finally {
    await sql.end({ timeout: 5 });
    await handle.close();
    if (!options.keep) await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
  return lines;
}
