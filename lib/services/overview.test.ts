// Every overview figure, computed again here straight from the raw rows with SQL written in this
// test, on generated data with known answers, then compared with what getOverview returns.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { generateConversations, setTimeZone, writeConversations, type ConversationSpec } from "@/db/testing/overview-data";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { destinationIds as destinations } from "@/lib/helpdesks/registry";
import { outcomes, type Channel, type OverviewData } from "@/lib/overview/contract";
import { addDays } from "@/lib/overview/days";
import { getOverview } from "@/lib/services/overview";
import type { OverviewFilters } from "@/lib/validation/overview";

const TZ = "America/New_York";
// 10:00 in New York on 2026-11-20; New York left daylight saving time on 2026-11-01.
const NOW = new Date("2026-11-20T15:00:00Z");

let handle: DatabaseHandle;
let accountId: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  accountId = (await createAccountWithMembers(handle)).account.id;
  await setTimeZone(handle.db, accountId, TZ);
  // Four months of varied conversations, including days after "today", and the edges.
  await writeConversations(handle.db, accountId, TZ, [...generateConversations("2026-07-20", "2026-11-25", 7), ...edges]);
  // Another account's conversations on the same days must never show.
  const other = (await createAccountWithMembers(handle)).account.id;
  await setTimeZone(handle.db, other, TZ);
  await writeConversations(handle.db, other, TZ, generateConversations("2026-10-01", "2026-11-20", 8));
});
afterAll(() => handle.close());

/** Conversations whose day differs between New York and UTC, on the 30-day range's edges. */
const edges: ConversationSpec[] = [
  { local: "2026-11-20 23:30", channel: "web_chat", status: "resolved" }, // last day, 04:30 UTC the next day
  {
    local: "2026-11-21 00:30",
    channel: "web_chat",
    status: "routed",
    offered: true,
    reason: "Edge after the range",
    escalation: { destination: "zendesk", status: "delivered" },
  },
  { local: "2026-10-22 00:10", channel: "sms", status: "message_shown", reason: "Edge on the first day" }, // first day
  { local: "2026-10-21 23:50", channel: "sms", status: "declined", offered: true }, // previous period's last day
];

const overview = (filters: OverviewFilters) => getOverview(handle.db, { accountId, filters, now: NOW });

/** The figures of [from, to], from raw rows: the day is created_at in New York, computed here. */
async function raw(from: string, to: string, channel: Channel | null) {
  const inRange = sql`c.account_id = ${accountId} and (c.created_at at time zone ${TZ})::date between ${from} and ${to} and (${channel}::text is null or c.channel::text = ${channel})`;
  const offered = sql`(exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'handoff_offered') or c.status = 'declined' or (c.channel = 'web_chat' and c.status = 'routed'))`;
  const rows = <T>(result: unknown) => (result as { rows?: T[] }).rows ?? (result as T[]);
  const byStatus = rows<{ status: string; n: number; offered: number }>(
    await handle.db.execute(
      sql`select c.status::text as status, count(*)::int as n, (count(*) filter (where ${offered}))::int as offered from conversations c where ${inRange} group by 1`,
    ),
  );
  const daily = rows<{ day: string; status: string; n: number }>(
    await handle.db.execute(
      sql`select (c.created_at at time zone ${TZ})::date::text as day, c.status::text as status, count(*)::int as n from conversations c where ${inRange} group by 1, 2`,
    ),
  );
  const channels = rows<{ channel: string; status: string; n: number }>(
    await handle.db.execute(
      sql`select c.channel::text as channel, c.status::text as status, count(*)::int as n from conversations c where ${inRange} group by 1, 2`,
    ),
  );
  const forwarding = rows<{ destination: string; state: string; n: number }>(
    await handle.db.execute(sql`
      select e.destination::text as destination,
             case e.status when 'queued' then 'retrying' when 'failed' then 'failed' else 'delivered' end as state,
             count(*)::int as n
      from escalations e join conversations c on c.id = e.conversation_id where ${inRange} group by 1, 2`),
  );
  const [reply] = rows<{ n: number; median: number | null; p90: number | null }>(
    await handle.db.execute(sql`
      select count(*)::int as n,
             percentile_disc(0.5) within group (order by extract(epoch from e.first_human_reply_at - e.created_at))::float8 as median,
             percentile_disc(0.9) within group (order by extract(epoch from e.first_human_reply_at - e.created_at))::float8 as p90
      from escalations e join conversations c on c.id = e.conversation_id where ${inRange} and e.first_human_reply_at is not null`),
  );
  const count = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
  const offeredWith = (status: string) => byStatus.find((r) => r.status === status)?.offered ?? 0;
  const offeredAll = byStatus.reduce((sum, r) => sum + r.offered, 0);
  return {
    conversations: byStatus.reduce((sum, r) => sum + r.n, 0),
    outcomes: Object.fromEntries(outcomes.map((o) => [o, count(o)])),
    funnel: {
      offered: offeredAll,
      accepted: offeredWith("routed"),
      declined: offeredWith("declined"),
      abandoned: offeredAll - offeredWith("routed") - offeredWith("declined"),
    },
    forwarding: Object.fromEntries(
      destinations.map((d) => [
        d,
        Object.fromEntries(["delivered", "retrying", "failed"].map((s) => [s, forwarding.find((r) => r.destination === d && r.state === s)?.n ?? 0])),
      ]),
    ),
    reply: { replies: reply?.n ?? 0, median: reply?.median ?? null, p90: reply?.p90 ?? null },
    daily,
    channels,
  };
}

type Raw = Awaited<ReturnType<typeof raw>>;

function expectPeriod(actual: OverviewData["current"], expected: Raw) {
  expect(actual.conversations).toBe(expected.conversations);
  expect(actual.outcomes).toEqual(expected.outcomes);
  // Exactly one outcome each: the shares add up to the whole.
  expect(outcomes.reduce((sum, o) => sum + actual.outcomes[o], 0)).toBe(actual.conversations);
  expect(actual.funnel).toEqual(expected.funnel);
  expect(actual.forwarding).toEqual(expected.forwarding);
  expect(actual.replyTime.replies).toBe(expected.reply.replies);
  for (const [estimate, exact] of [
    [actual.replyTime.medianSeconds, expected.reply.median],
    [actual.replyTime.p90Seconds, expected.reply.p90],
  ] as const) {
    if (exact === null) expect(estimate).toBeNull();
    // The histogram's promise: within 2.5% of the exact value, plus rounding to a whole second.
    else expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(0.025 * exact + 1.5);
  }
}

function expectSeries(data: OverviewData, expected: Raw) {
  const { from, to, granularity } = data.range;
  const step = granularity === "week" ? 7 : 1;
  const buckets: string[] = [];
  for (let end = to; end >= from; end = addDays(end, -step)) buckets.unshift(end);
  expect(data.series.map((p) => p.end)).toEqual(buckets);
  for (const point of data.series) {
    expect(point.start).toBe(addDays(point.end, 1 - step) < from ? from : addDays(point.end, 1 - step));
    for (const o of outcomes) {
      const n = expected.daily.filter((r) => r.status === o && r.day >= point.start && r.day <= point.end).reduce((sum, r) => sum + r.n, 0);
      expect(point.outcomes[o], `${o} ${point.start}..${point.end}`).toBe(n);
    }
  }
  for (const c of data.byChannel) {
    for (const o of outcomes) expect(c.outcomes[o]).toBe(expected.channels.find((r) => r.channel === c.channel && r.status === o)?.n ?? 0);
  }
}

describe("overview figures against raw rows", () => {
  const cases: Array<[string, OverviewFilters, string, string]> = [
    ["last 30 days, all channels", { range: "30", channel: "all" }, "2026-10-22", "2026-11-20"],
    ["last 7 days, web chat", { range: "7", channel: "web_chat" }, "2026-11-14", "2026-11-20"],
    ["last 90 days, SMS (weekly)", { range: "90", channel: "sms" }, "2026-08-23", "2026-11-20"],
    ["a custom range across the DST change", { range: "custom", from: "2026-10-25", to: "2026-11-03", channel: "all" }, "2026-10-25", "2026-11-03"],
  ];
  for (const [name, filters, from, to] of cases) {
    it(name, async () => {
      const data = await overview(filters);
      expect(data.range).toMatchObject({ from, to, timeZone: TZ });
      const days = data.range.days;
      expect(data.range).toMatchObject({ previousFrom: addDays(from, -days), previousTo: addDays(from, -1) });
      const channel = filters.channel === "all" ? null : filters.channel;
      const current = await raw(from, to, channel);
      expect(current.conversations).toBeGreaterThan(0);
      expectPeriod(data.current, current);
      expectPeriod(data.previous, await raw(data.range.previousFrom, data.range.previousTo, channel));
      expectSeries(data, current);
      expect(data.knowledgeGaps.unanswered).toBe(current.outcomes.routed! + current.outcomes.message_shown!);
    });
  }

  it("counts 23:30 local on the range's last day in the range, and 00:30 the next day out", async () => {
    const lastDay = await overview({ range: "custom", from: "2026-11-20", to: "2026-11-20", channel: "web_chat" });
    const generated = await raw("2026-11-20", "2026-11-20", "web_chat");
    expect(lastDay.current.conversations).toBe(generated.conversations);
    const nextDay = await overview({ range: "custom", from: "2026-11-21", to: "2026-11-21", channel: "web_chat" });
    expect(nextDay.current.forwarding.zendesk.delivered).toBe((await raw("2026-11-21", "2026-11-21", "web_chat")).forwarding.zendesk!.delivered);
    // The known answers: the 23:30 conversation is on the 20th although it is the 21st in UTC.
    const utcCount = await handle.db.execute(
      sql`select count(*)::int as n from conversations where account_id = ${accountId} and channel = 'web_chat' and (created_at at time zone 'UTC')::date = '2026-11-20'`,
    );
    const n = ((utcCount as { rows?: Array<{ n: number }> }).rows ?? (utcCount as unknown as Array<{ n: number }>))[0]!.n;
    expect(lastDay.current.conversations).not.toBe(n);
    const first = await overview({ range: "custom", from: "2026-10-22", to: "2026-10-22", channel: "sms" });
    expect(first.current.outcomes.message_shown).toBe((await raw("2026-10-22", "2026-10-22", "sms")).outcomes.message_shown);
    expect(first.previous.outcomes.declined).toBe((await raw("2026-10-21", "2026-10-21", "sms")).outcomes.declined);
    expect(first.previous.outcomes.declined).toBeGreaterThanOrEqual(1);
  });

  it("an empty range has zeros, no reply times, empty buckets and no knowledge gaps", async () => {
    const data = await overview({ range: "custom", from: "2025-01-01", to: "2025-01-10", channel: "all" });
    expect(data.current.conversations).toBe(0);
    expect(data.current.outcomes).toEqual({ resolved: 0, handed_off_later: 0, routed: 0, message_shown: 0, declined: 0, open: 0 });
    expect(data.current.replyTime).toEqual({ replies: 0, medianSeconds: null, p90Seconds: null });
    expect(data.series).toHaveLength(10);
    expect(data.series.every((p) => p.conversations === 0)).toBe(true);
    expect(data.knowledgeGaps).toMatchObject({ questions: [], asked: 0, unanswered: 0 });
  });

  it("groups the knowledge gaps by similar wording and counts them exactly", async () => {
    const data = await overview({ range: "30", channel: "all" });
    const count = async (pattern: string) => {
      const result = await handle.db.execute(sql`
        select count(*)::int as n from conversations c where c.account_id = ${accountId} and c.status in ('routed', 'message_shown')
        and (c.created_at at time zone ${TZ})::date between '2026-10-22' and '2026-11-20' and c.reason ~* ${pattern}`);
      return ((result as { rows?: Array<{ n: number }> }).rows ?? (result as unknown as Array<{ n: number }>))[0]!.n;
    };
    const gaps = data.knowledgeGaps.questions;
    const address = gaps.find((g) => /shipping address/i.test(g.question))!;
    expect(address.count).toBe(await count("shipping address"));
    expect([address.question, ...address.variants].sort()).toEqual(
      ["Can I change my shipping address?", "How do I change the shipping address on my order?", "change shipping address after ordering"].sort(),
    );
    expect(gaps.find((g) => /gold coins/i.test(g.question))!.count).toBe(await count("gold coins"));
    expect(address.routed + address.messageShown).toBe(address.count);
    expect(gaps.map((g) => g.count)).toEqual([...gaps.map((g) => g.count)].sort((a, b) => b - a));
    expect(gaps.reduce((sum, g) => sum + g.count, 0)).toBe(data.knowledgeGaps.asked);
  });
});
