// Durable resolution: a resolved conversation counts as resolved on the overview only when the same
// shopper (email or profile id) was not routed to the team in a conversation started within the
// account's window after it. Through the services the widget uses; the day rows must stay equal
// to a GROUP BY over the raw rows after every step.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { insertKnowledge } from "@/db/queries/knowledge";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { answerFeedback, answerHandoff, handleShopperMessage, startConversation } from "@/lib/services/conversations";
import { getOverview } from "@/lib/services/overview";
import { setResolutionWindowHours } from "@/lib/services/resolution-window";
import { listEntries } from "@/lib/services/knowledge";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const rows = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);
const q = async (query: ReturnType<typeof sql>) => rows<Record<string, unknown>>(await handle.db.execute(query));

type Shopper = { email?: string; profileId?: string };

async function shop() {
  const { account } = await createAccountWithMembers(handle);
  await insertKnowledge(handle.db, [{ accountId: account.id, question: "How long does shipping take?", answer: "Orders arrive in 3-5 days." }]);
  const caller = (id: string) => ({ accountId: account.id, id, token: null, keyKind: "secret" as const });
  const start = (shopper: Shopper) => startConversation(handle.db, { accountId: account.id, input: { channel: "web_chat", shopper }, locale: "en" });
  return {
    account,
    /** Answered from the knowledge, then "yes, that helped". */
    async resolved(shopper: Shopper) {
      const c = await start(shopper);
      expect((await handleShopperMessage(handle.db, caller(c.id), "How long does shipping take?")).type).toBe("answer");
      await answerFeedback(handle.db, caller(c.id), true);
      return c.id;
    },
    /** A question nobody wrote an answer for, and consent: routed to the team. */
    async routed(shopper: Shopper, email = shopper.email ?? "someone@example.com") {
      const c = await start(shopper);
      await handleShopperMessage(handle.db, caller(c.id), "Can I pay with gold coins?");
      await answerHandoff(handle.db, caller(c.id), { consent: true, email });
      return c.id;
    },
    /** Answered, then "no": the handoff rules, and consent. */
    async answeredThenRouted(shopper: Shopper) {
      const c = await start(shopper);
      await handleShopperMessage(handle.db, caller(c.id), "How long does shipping take?");
      await answerFeedback(handle.db, caller(c.id), false);
      await answerHandoff(handle.db, caller(c.id), { consent: true, email: shopper.email ?? "x@example.com" });
      return c.id;
    },
    overview: () => getOverview(handle.db, { accountId: account.id, filters: { range: "7", channel: "all" } }),
    async expectExact() {
      const where = sql`account_id = ${account.id}`;
      const aggregates = await q(sql`select day::text, status::text, answered, handed_off_later as later, conversations as n
        from overview_conversation_days where ${where} and conversations <> 0 order by 1, 2, 3, 4`);
      // The flag recomputed from scratch, not read from the column the triggers keep.
      const raw = await q(sql`
        select c.local_day::text as day, c.status::text, c.answered_at is not null as answered,
          (c.status = 'resolved' and exists (
            select 1 from conversations n join accounts a on a.id = n.account_id
            where n.account_id = c.account_id and n.id <> c.id and n.status = 'routed' and n.created_at > c.created_at
              and n.created_at <= c.created_at + make_interval(hours => a.resolution_window_hours)
              and (lower(n.shopper_email) = lower(c.shopper_email) or n.shopper_profile_id = c.shopper_profile_id))) as later,
          count(*)::int as n
        from conversations c where c.account_id = ${account.id} group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
      expect(aggregates).toEqual(raw);
    },
    /** Moves a conversation's start back (the shopper's earlier visit). */
    async startedHoursAgo(id: string, hours: number) {
      await handle.db.execute(sql`update conversations set created_at = now() - make_interval(hours => ${hours}) where id = ${id}`);
    },
  };
}

describe("durable resolution", () => {
  it("a resolution followed by the same email's handoff within 24 hours is not resolved; the overview says so", async () => {
    const s = await shop();
    const first = await s.resolved({ email: "ana@example.com" });
    await s.startedHoursAgo(first, 3);
    let o = await s.overview();
    expect(o.current.outcomes.resolved).toBe(1);
    await s.expectExact();
    await s.routed({ email: "ANA@example.com" });
    o = await s.overview();
    expect(o.current.outcomes).toMatchObject({ resolved: 0, handed_off_later: 1, routed: 1 });
    expect(o.current.answeredThenHandedOff).toBe(1);
    expect(o.resolutionWindowHours).toBe(24);
    await s.expectExact();
  });

  it("matches the same profile id too, and leaves a different shopper's resolution alone", async () => {
    const s = await shop();
    const mine = await s.resolved({ profileId: "P-1" });
    const theirs = await s.resolved({ email: "bo@example.com", profileId: "P-2" });
    await s.startedHoursAgo(mine, 1);
    await s.startedHoursAgo(theirs, 1);
    await s.routed({ profileId: "P-1" }, "p1@example.com");
    await s.routed({ email: "cy@example.com" });
    const o = await s.overview();
    expect(o.current.outcomes).toMatchObject({ resolved: 1, handed_off_later: 1, routed: 2 });
    await s.expectExact();
  });

  it("a handoff more than 24 hours later does not count against it; the window is a setting", async () => {
    const s = await shop();
    const first = await s.resolved({ email: "dee@example.com" });
    await s.startedHoursAgo(first, 30);
    await s.routed({ email: "dee@example.com" });
    expect((await s.overview()).current.outcomes).toMatchObject({ resolved: 1, handed_off_later: 0 });
    await s.expectExact();
    await setResolutionWindowHours(handle.db, { accountId: s.account.id, hours: 48 });
    expect((await s.overview()).current.outcomes).toMatchObject({ resolved: 0, handed_off_later: 1 });
    await s.expectExact();
    await setResolutionWindowHours(handle.db, { accountId: s.account.id, hours: 24 });
    expect((await s.overview()).current.outcomes).toMatchObject({ resolved: 1, handed_off_later: 0 });
    await s.expectExact();
  });

  it("stays exact when the later handoff goes away, and counts an answer routed in the same conversation", async () => {
    const s = await shop();
    const first = await s.resolved({ email: "eve@example.com" });
    await s.startedHoursAgo(first, 2);
    const later = await s.routed({ email: "eve@example.com" });
    expect((await s.overview()).current.outcomes.handed_off_later).toBe(1);
    await handle.db.execute(sql`delete from conversations where id = ${later}`);
    expect((await s.overview()).current.outcomes).toMatchObject({ resolved: 1, handed_off_later: 0 });
    await s.expectExact();
    await s.answeredThenRouted({ email: "fay@example.com" });
    const o = await s.overview();
    expect(o.current.answeredThenHandedOff).toBe(1);
    await s.expectExact();
  });

  it("per entry: answers given, confirmed helpful, followed by a handoff", async () => {
    const s = await shop();
    const first = await s.resolved({ email: "gus@example.com" });
    await s.startedHoursAgo(first, 1);
    await s.resolved({ email: "hal@example.com" });
    await s.routed({ email: "gus@example.com" });
    await s.answeredThenRouted({ email: "ida@example.com" });
    const [entry] = await listEntries(handle.db, { accountId: s.account.id });
    expect(entry).toMatchObject({ answers30: 3, helpful30: 2, handedOff30: 2 });
  });
});
