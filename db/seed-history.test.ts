import { and, count, eq, isNull, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { countUnassignedOpen } from "@/db/queries/escalations/inbox";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { seedDemoHistory } from "@/db/seed-history";
import { setTimeZone } from "@/db/testing/overview-data";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { getOverview } from "@/lib/services/overview";

let handle: DatabaseHandle;
let accountId: string;
let written = 0;
beforeAll(async () => {
  handle = await openTestDatabase();
  accountId = (await createAccountWithMembers(handle)).account.id;
  await setTimeZone(handle.db, accountId, "America/New_York");
  written = await seedDemoHistory(handle.db, { accountId });
});
afterAll(() => handle.close());

describe("the demo history", () => {
  // How fast it writes is the bench's business (a timed assertion fails on a busy machine).
  it("writes 90 days of conversations, once", async () => {
    expect(written).toBeGreaterThan(2000);
    expect(written).toBeLessThan(5000);
    expect(await seedDemoHistory(handle.db, { accountId })).toBe(0);
    const [row] = await handle.db.select({ n: count() }).from(conversations).where(eq(conversations.accountId, accountId));
    expect(row!.n).toBe(written);
  });

  it("leaves nothing for the forwarding worker and nothing open in Baton Inbox", async () => {
    const open = await handle.db
      .select({ n: count() })
      .from(escalations)
      .where(
        and(
          eq(escalations.accountId, accountId),
          or(eq(escalations.status, "queued"), isNull(escalations.closedAt), isNull(escalations.firstHumanReplyAt))!,
          or(eq(escalations.destination, "baton_inbox"), eq(escalations.status, "queued"), eq(escalations.status, "failed")),
        ),
      );
    expect(open[0]!.n).toBe(0);
    expect(await countUnassignedOpen(handle.db, accountId)).toBe(0);
  });

  it("tells a story on the overview: both channels, every destination and outcome, some failures, a weekly rhythm", async () => {
    const data = await getOverview(handle.db, { accountId, filters: { range: "90", channel: "all" } });
    expect(data.current.conversations).toBe(written);
    for (const outcome of ["resolved", "routed", "message_shown", "declined", "open"] as const) expect(data.current.outcomes[outcome]).toBeGreaterThan(0);
    expect(data.byChannel.every((c) => c.conversations > 100)).toBe(true);
    for (const d of ["baton_inbox", "zendesk", "gorgias"] as const) expect(data.current.forwarding[d].delivered).toBeGreaterThan(20);
    expect(data.current.forwarding.zendesk.failed + data.current.forwarding.gorgias.failed).toBeGreaterThan(0);
    expect(data.current.forwarding.zendesk.retrying + data.current.forwarding.gorgias.retrying).toBe(0);
    expect(data.current.replyTime.medianSeconds).toBeGreaterThan(30);
    expect(data.knowledgeGaps.questions.length).toBeGreaterThanOrEqual(8);
    const first = data.series[0]!;
    const last = data.series.at(-2)!; // the last whole week before this one
    expect(last.outcomes.resolved / last.conversations).toBeGreaterThan(first.outcomes.resolved / first.conversations);
    const byWeekday = await handle.db.execute(sql`
      select extract(isodow from local_day) >= 6 as weekend, count(*)::float / count(distinct local_day) as per_day
      from conversations where account_id = ${accountId} and local_day < (select max(local_day) from conversations where account_id = ${accountId}) group by 1 order by 1`);
    const [weekday, weekend] = ((byWeekday as { rows?: Array<{ per_day: number }> }).rows ?? (byWeekday as unknown as Array<{ per_day: number }>)).map((r) =>
      Number(r.per_day),
    );
    expect(weekend!).toBeLessThan(weekday! * 0.75);
  });
});
