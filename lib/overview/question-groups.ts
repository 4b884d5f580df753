import type { KnowledgeGap } from "@/lib/overview/contract";

/** One wording as asked; `count`: how many times (the aggregate's rows), 1 when absent. */
export type UnansweredQuestion = { reason: string; status: "routed" | "message_shown"; stems: string[]; count?: number };

/** Groups whose stems overlap at least this much (Jaccard) are one question worded differently. */
const SIMILARITY = 0.5;

type Group = {
  key: string;
  stems: string[];
  count: number;
  routed: number;
  messageShown: number;
  wordings: Map<string, { text: string; count: number }>;
  reasons: Set<string>;
};

/** A group as the overview uses it: its key (dismissals) and every wording in it exactly as asked (trends). */
export type QuestionGroup = Omit<KnowledgeGap, "covered"> & { reasons: Set<string> };

/** Wordings that differ only in case, spacing or closing punctuation are the same wording. */
const wordingKey = (text: string) =>
  text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[?.!…]+$/u, "")
    .toLowerCase();

function jaccard(a: Set<string>, b: string[]) {
  const shared = b.filter((s) => a.has(s)).length;
  return shared / (a.size + b.length - shared);
}

/**
 * Knowledge gaps: shopper questions grouped by similar wording, most frequent first.
 * 1. Questions with the same stems (PostgreSQL's text search in the conversation's language,
 *    accents ignored: lower case, stop words dropped, "shipping"/"shipped" → "ship") form one
 *    group, whatever the word order.
 * 2. Groups, most frequent first, join the first larger group whose stems overlap theirs by at
 *    least half (Jaccard ≥ 0.5), e.g. "change my shipping address" and "change the shipping
 *    address on my order". Only groups sharing a stem are compared (an index by stem).
 * A question with no stems at all (only stop words) is grouped by its exact wording.
 */
export function groupQuestions(questions: UnansweredQuestion[], top = 10, dismissed: ReadonlySet<string> = new Set()): QuestionGroup[] {
  const groups = new Map<string, Group>();
  for (const q of questions) {
    const stems = [...new Set(q.stems)].sort();
    const key = stems.length > 0 ? stems.join(" ") : `"${wordingKey(q.reason)}"`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, stems, count: 0, routed: 0, messageShown: 0, wordings: new Map(), reasons: new Set() }));
    const n = q.count ?? 1;
    group.count += n;
    group.reasons.add(q.reason);
    if (q.status === "routed") group.routed += n;
    else group.messageShown += n;
    const wording = group.wordings.get(wordingKey(q.reason)) ?? { text: q.reason.trim(), count: 0 };
    wording.count += n;
    group.wordings.set(wordingKey(q.reason), wording);
  }

  const clusters: Array<Group & { seed: Set<string> }> = [];
  const byStem = new Map<string, number[]>();
  const ordered = [...groups.entries()].sort(([ka, a], [kb, b]) => b.count - a.count || ka.localeCompare(kb));
  for (const [, group] of ordered) {
    const candidates = new Set(group.stems.flatMap((s) => byStem.get(s) ?? []));
    let best: { index: number; score: number } | null = null;
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const score = jaccard(clusters[index]!.seed, group.stems);
      if (score >= SIMILARITY && (!best || score > best.score)) best = { index, score };
    }
    if (best) {
      const cluster = clusters[best.index]!;
      cluster.count += group.count;
      cluster.routed += group.routed;
      cluster.messageShown += group.messageShown;
      for (const [key, w] of group.wordings) {
        const existing = cluster.wordings.get(key);
        if (existing) existing.count += w.count;
        else cluster.wordings.set(key, { ...w });
      }
      for (const reason of group.reasons) cluster.reasons.add(reason);
      continue;
    }
    clusters.push({
      ...group,
      wordings: new Map([...group.wordings].map(([k, w]) => [k, { ...w }])),
      reasons: new Set(group.reasons),
      seed: new Set(group.stems),
    });
    for (const stem of group.stems) byStem.set(stem, [...(byStem.get(stem) ?? []), clusters.length - 1]);
  }

  return (
    clusters
      .map((cluster, index) => ({ cluster, index }))
      .sort((a, b) => b.cluster.count - a.cluster.count || a.index - b.index)
      // A dismissed group ("Not a knowledge gap") is known by its seed's key, whatever joined it.
      .filter(({ cluster }) => !dismissed.has(cluster.key))
      .slice(0, top)
      .map(({ cluster }) => {
        // Stable sort: among equally frequent wordings the first seen (the most recent) leads.
        const wordings = [...cluster.wordings.values()].sort((a, b) => b.count - a.count);
        return {
          key: cluster.key,
          reasons: cluster.reasons,
          question: wordings[0]!.text,
          count: cluster.count,
          routed: cluster.routed,
          messageShown: cluster.messageShown,
          variants: wordings.slice(1, 4).map((w) => w.text),
        };
      })
  );
}
