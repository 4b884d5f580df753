// The built-in answerer: precision and recall on the labelled evaluation set (PGlite), and its
// cost per question with 5,000 entries in one account (PostgreSQL).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { percentile } from "./load";

const f = (n: number) => n.toFixed(3);

export async function benchAnswererQuality() {
  const { openPglite } = await import("@/db/client");
  const { precisionRecall, runEvaluation, seedEvaluationAccounts } = await import("@/db/testing/answerer-evaluation");
  const handle = await openPglite();
  await handle.migrate();
  const lines = ["answerer: the labelled evaluation set (lib/knowledge/evaluation-set.json) over the demo knowledge, PGlite"];
  try {
    const results = await runEvaluation(handle, await seedEvaluationAccounts(handle));
    const groups: Array<[string, typeof results]> = [
      ["all", results],
      ["English", results.filter((r) => r.question.locale === "en")],
      ["Portuguese", results.filter((r) => r.question.locale === "pt-BR")],
      ["dev (tuned on)", results.filter((r) => r.question.split === "dev")],
      ["holdout", results.filter((r) => r.question.split === "holdout")],
    ];
    for (const [name, rs] of groups) {
      const m = precisionRecall(rs);
      lines.push(
        `  ${name.padEnd(16)} ${String(m.questions).padStart(3)} questions  precision ${f(m.precision)} (${m.right}/${m.answered})  recall ${f(m.recall)} (${m.right}/${m.answerable})`,
      );
    }
    const all = precisionRecall(results);
    const met = all.precision >= 0.95 && all.recall >= 0.8;
    lines.push(`  targets precision ≥ 0.95 and recall ≥ 0.8: ${met ? "met" : "MISSED"}`);
    if (!met) process.exitCode = 1;
    for (const r of results.filter((x) => !x.ok))
      lines.push(
        `    miss: [${r.question.locale} ${r.question.split}] "${r.question.text}" expected ${r.question.expect ?? "no answer"}, got ${r.got ?? "no answer"}`,
      );
  } finally {
    await handle.close();
  }
  return lines;
}

const PRODUCTS = [
  "boots",
  "sneakers",
  "loafers",
  "sandals",
  "slippers",
  "heels",
  "flats",
  "oxfords",
  "mules",
  "clogs",
  "espadrilles",
  "brogues",
  "moccasins",
  "wedges",
  "trainers",
  "derbies",
  "pumps",
  "chelsea",
  "platforms",
  "runners",
];
const TOPICS = [
  "care",
  "cleaning",
  "waterproofing",
  "laces",
  "insoles",
  "soles",
  "stitching",
  "leather",
  "suede",
  "canvas",
  "warranty",
  "repairs",
  "colours",
  "width",
  "heel height",
  "arch support",
  "weight",
  "lining",
  "packaging",
  "stock",
];
const TEMPLATES = [
  "How do I handle {t} for the {p}?",
  "What about {t} on your {p}?",
  "Is {t} covered for {p} bought in {y}?",
  "Tell me about {t} of the {p} line {y}",
  "Do the {p} from collection {y} have special {t}?",
];

/** 5,000 entries in one account: the demo knowledge plus generated product questions. */
export async function seedLargeKnowledge(url: string, accountId: string, total: number) {
  const { openPostgres } = await import("@/db/client");
  const { insertKnowledge } = await import("@/db/queries/knowledge");
  const { seedStoryKnowledge } = await import("@/db/seed-knowledge");
  const { demoStoreStory } = await import("@/db/seed-stories");
  const handle = await openPostgres(url, { max: 2 });
  await seedStoryKnowledge(handle.db, { accountId, story: demoStoreStory });
  const rows = [];
  for (let i = 0; rows.length < total - demoStoreStory.knowledge.length; i++) {
    const p = PRODUCTS[i % PRODUCTS.length]!;
    const t = TOPICS[Math.floor(i / PRODUCTS.length) % TOPICS.length]!;
    const y = 2000 + Math.floor(i / (PRODUCTS.length * TOPICS.length));
    const question = TEMPLATES[i % TEMPLATES.length]!.replace("{p}", p).replace("{t}", t).replace("{y}", String(y));
    rows.push({
      accountId,
      locale: "en",
      question,
      variants: [`${t} ${p} ${y}`],
      answer: `Our ${p} (${y}) need ordinary ${t}; see the product page for details.`,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await insertKnowledge(handle.db, rows.slice(i, i + 500));
  // The planner's statistics, as autovacuum would gather them after such a load in production:
  // without any it takes the account for one entry and walks all 5,000 instead of the search index.
  await handle.db.execute(sql`analyze knowledge_entries`);
  await handle.close();
}

export async function benchAnswererLatency(options: { serverUrl: string; entries: number; runs: number }) {
  const name = `baton_bench_answerer_${Date.now()}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(`${options.serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = `${options.serverUrl}/${name}`;
  const lines: string[] = [];
  const { migratePostgres } = await import("@/db/migrate-database");
  const { openPostgres } = await import("@/db/client");
  const { findAnswer } = await import("@/lib/services/answerer");
  const { default: evaluationSet } = await import("@/lib/knowledge/evaluation-set.json");
  await migratePostgres(url);
  const handle = await openPostgres(url, { max: 4 });
  try {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const [account] = await sql<
      Array<{ id: string }>
    >`insert into accounts (slug, name) values (${`bench-${randomUUID().slice(0, 8)}`}, 'Bench Store') returning id`;
    await sql.end();
    await seedLargeKnowledge(url, account!.id, options.entries);
    const questions = evaluationSet.questions.filter((q) => q.locale === "en").map((q) => q.text);
    const ask = (text: string) => findAnswer(handle.db, { accountId: account!.id, locale: "en", text });
    for (const q of questions) await ask(q); // warm-up
    const latencies: number[] = [];
    let right = 0;
    for (let i = 0; i < options.runs; i++) {
      const q = evaluationSet.questions.filter((x) => x.locale === "en")[i % questions.length]!;
      const started = performance.now();
      const match = await ask(q.text);
      latencies.push(performance.now() - started);
      if (i < questions.length && (match ? (Object.entries(evaluationSet.entries).find(([, v]) => v === match.question)?.[0] ?? "other") : null) === q.expect)
        right++;
    }
    const p95 = percentile(latencies, 95);
    lines.push(
      `answerer cost: PostgreSQL, ${options.entries.toLocaleString("en")} entries in one account, ${options.runs} questions (the English evaluation questions in turn)`,
    );
    lines.push(
      `  per question p50 ${percentile(latencies, 50).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   (target p95 ≤ 10 ms${p95 <= 10 ? ": met" : ": MISSED"})`,
    );
    lines.push(`  English evaluation questions still right among the ${options.entries.toLocaleString("en")} entries: ${right}/${questions.length}`);
    if (p95 > 10) process.exitCode = 1;
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
  return lines;
}
