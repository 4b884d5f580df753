import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { writeOverdueAfterSeconds } from "@/db/queries/notifications/overdue";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { startSmtpCatcher } from "@/db/testing/smtp-catcher";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { resetEnvForTests } from "@/lib/env";
import { startOutbox } from "@/lib/outbox/queues";
import { saveBusinessHours } from "@/lib/services/business-hours";
import { claimOverdue, fixPickupDeadlines } from "@/lib/services/overdue";
import { getOverview } from "@/lib/services/overview";
import { setPresence } from "@/lib/services/availability";
import { handoffNoticeFor } from "@/lib/services/handoff-notices";

// The overdue checker on a real database, with its clock passed in (`now`): deadlines counted in
// business hours, one claim per handoff however many checkers run, and the overview's pickup share.
let handle: DatabaseHandle;
let second: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
  // PostgreSQL: a second pool, as a second process would have; PGlite has one connection to share.
  second = process.env.TEST_DATABASE_URL ? await openTestDatabase() : handle;
});
afterAll(async () => {
  if (second !== handle) await second.close();
  await handle.close();
});

const closedDays = { sat: [], sun: [] };
const nineToFive = [{ start: "09:00", end: "17:00" }];

async function account(options: { hours?: boolean; roles?: Array<"admin" | "agent" | "lead"> } = {}) {
  const shop = await createAccountWithMembers(handle, options.roles ?? ["admin", "agent"]);
  if (options.hours) {
    await saveBusinessHours(handle.db, {
      accountId: shop.account.id,
      userId: shop.members[0]!.id,
      input: {
        timeZone: "UTC",
        weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, ...closedDays },
        exceptions: [],
        autoReply: null,
        inHoursMessage: null,
        version: 0,
      },
    });
  }
  return shop;
}

/** A Baton Inbox handoff that arrived at `at`. */
async function handoff(accountId: string, at: Date, reason = "Can I change the engraving?") {
  const [conversation] = await handle.db.insert(conversations).values({ accountId, channel: "web_chat", status: "routed", reason, createdAt: at }).returning();
  const [row] = await handle.db
    .insert(escalations)
    .values({ accountId, conversationId: conversation!.id, destination: "baton_inbox", status: "in_inbox", followUp: "chat", createdAt: at })
    .returning();
  return row!;
}

const read = async (id: string) => (await handle.db.select().from(escalations).where(eq(escalations.id, id)))[0]!;

describe("overdue handoffs", () => {
  it("counts the threshold inside business hours only, and claims a handoff once", async () => {
    const shop = await account({ hours: true });
    const scope = { accountIds: [shop.account.id] };
    // Wednesday 16:58 UTC: two minutes before closing, so one more minute on Thursday at 09:00.
    const late = await handoff(shop.account.id, new Date("2026-03-04T16:58:00Z"));
    await fixPickupDeadlines(handle.db, { ...scope, now: new Date("2026-03-04T16:58:05Z") });
    expect((await read(late.id)).pickupDueAt?.toISOString()).toBe("2026-03-05T09:01:00.000Z");

    // Overnight it has waited fifteen hours of wall-clock time, but only two business minutes.
    expect(await claimOverdue(handle.db, { ...scope, now: new Date("2026-03-05T08:59:00Z"), limit: 10 })).toEqual([]);
    const claimed = await claimOverdue(handle.db, { ...scope, now: new Date("2026-03-05T09:01:30Z"), limit: 10 });
    expect(claimed.map((c) => c.id)).toEqual([late.id]);
    expect(claimed[0]!.reason).toBe("Can I change the engraving?");
    expect((await read(late.id)).overdueNotifiedAt?.toISOString()).toBe("2026-03-05T09:01:30.000Z");
    // Marked once: later checks find nothing.
    expect(await claimOverdue(handle.db, { ...scope, now: new Date("2026-03-05T10:00:00Z"), limit: 10 })).toEqual([]);
  });

  it("never marks a handoff claimed or closed before its deadline", async () => {
    const shop = await account();
    const scope = { accountIds: [shop.account.id] };
    const start = new Date(Date.now() - 10 * 60_000);
    const [claimedEarly, closedEarly] = [await handoff(shop.account.id, start), await handoff(shop.account.id, start)];
    await handle.db.update(escalations).set({ assigneeId: shop.members[1]!.id }).where(eq(escalations.id, claimedEarly.id));
    await handle.db.update(escalations).set({ closedAt: new Date() }).where(eq(escalations.id, closedEarly.id));
    expect(await claimOverdue(handle.db, { ...scope, limit: 10 })).toEqual([]);
  });

  it("emails every member once, in their language, with two checkers running at once", async () => {
    const smtp = await startSmtpCatcher();
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    const shop = await account({ roles: ["admin", "agent", "agent"] });
    const scope = { accountIds: [shop.account.id] };
    await writeOverdueAfterSeconds(handle.db, { accountId: shop.account.id, userId: shop.members[0]!.id, seconds: 60 });
    const { users } = await import("@/db/schema/accounts");
    await handle.db.update(users).set({ locale: "pt-BR" }).where(eq(users.id, shop.members[2]!.id));
    const waited = new Date(Date.now() - 5 * 60_000);
    const handoffs = [];
    for (let i = 0; i < 12; i++) handoffs.push(await handoff(shop.account.id, waited, `Question ${i}`));
    const workers = await Promise.all([handle, second].map((h) => startOutbox(h.db, { kinds: ["overdue"], ...scope, pollMs: 20, concurrency: 4 })));
    try {
      await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(12 * 3);
      const rows = await handle.db
        .select()
        .from(escalations)
        .where(
          inArray(
            escalations.id,
            handoffs.map((h) => h.id),
          ),
        );
      expect(rows.every((r) => r.overdueNotifiedAt !== null)).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      delete process.env.SMTP_URL;
      resetEnvForTests();
      await smtp.close();
    }
    // Exactly one email per handoff and member: no duplicate Message-IDs, none sent twice.
    const ids = smtp.received.map((m) => /Message-ID:\s*(<[^>]+>)/i.exec(m.raw)?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(12 * 3);
    const portuguese = smtp.received.filter((m) => m.to.includes(shop.members[2]!.email));
    expect(portuguese).toHaveLength(12);
    expect(portuguese[0]!.raw).toMatch(/Subject: .*(esperando|=\?UTF-8)/i);
    expect(smtp.received.find((m) => m.to.includes(shop.members[1]!.email))!.raw).toContain("A shopper has waited 1 minute");
  });

  it("gives the overview the share of handoffs claimed within the threshold", async () => {
    const shop = await account();
    const scope = { accountIds: [shop.account.id] };
    const start = new Date(Date.now() - 30 * 60_000);
    const [inTime, late, overdue, waiting] = [
      await handoff(shop.account.id, start),
      await handoff(shop.account.id, start),
      await handoff(shop.account.id, start),
      await handoff(shop.account.id, new Date()),
    ];
    await fixPickupDeadlines(handle.db, scope);
    const agent = shop.members[1]!.id;
    // Claimed two minutes in (the trigger stamps claimed_at with the transaction's time).
    await handle.db.execute(sql`update escalations set assignee_id = ${agent}, claimed_at = created_at + interval '2 minutes' where id = ${inTime.id}`);
    await handle.db.execute(sql`update escalations set assignee_id = ${agent}, claimed_at = created_at + interval '20 minutes' where id = ${late.id}`);
    expect((await claimOverdue(handle.db, { ...scope, limit: 10 })).map((c) => c.id)).toEqual([overdue.id]);
    expect((await read(waiting.id)).overdueNotifiedAt).toBeNull();

    const data = await getOverview(handle.db, { accountId: shop.account.id, filters: { range: "7", channel: "all" } });
    // Decided: in time, claimed late, waiting past the deadline; the new one is not decided yet.
    expect(data.current.pickup).toEqual({ inTime: 1, decided: 3 });
    // A later claim of the overdue one keeps it late; deleting one takes it out.
    await handle.db.update(escalations).set({ assigneeId: agent }).where(eq(escalations.id, overdue.id));
    await handle.db.delete(escalations).where(eq(escalations.id, inTime.id));
    const after = await getOverview(handle.db, { accountId: shop.account.id, filters: { range: "7", channel: "all" } });
    expect(after.current.pickup).toEqual({ inTime: 0, decided: 2 });
    // The trigger stamps the first claim's time.
    expect((await read(overdue.id)).claimedAt).not.toBeNull();
  });
});

describe("handoff notices (the stream's `handoff` event)", () => {
  it("go to Available members only, for new unclaimed handoffs, with the question's first words", async () => {
    const shop = await account({ roles: ["agent", "agent"] });
    const [available, away] = shop.members.map((m) => ({ accountId: shop.account.id, userId: m.id, role: "agent" as const }));
    await setPresence(handle.db, available!, "available");
    await setPresence(handle.db, away!, "away");
    const since = new Date(Date.now() - 5_000);
    const long = `Can I change the engraving on my ring? ${"It says Love forever. ".repeat(10)}`;
    const fresh = await handoff(shop.account.id, new Date(), long);
    const notice = await handoffNoticeFor(handle.db, available!, { conversationId: fresh.conversationId, since });
    expect(notice?.conversationId).toBe(fresh.conversationId);
    expect(notice?.preview?.startsWith("Can I change the engraving on my ring?")).toBe(true);
    expect(notice?.preview?.length).toBeLessThanOrEqual(120);
    expect(await handoffNoticeFor(handle.db, away!, { conversationId: fresh.conversationId, since })).toBeNull();

    // An older handoff (a reconnecting stream), a claimed one, another account's: nothing.
    const old = await handoff(shop.account.id, new Date(Date.now() - 60_000));
    expect(await handoffNoticeFor(handle.db, available!, { conversationId: old.conversationId, since })).toBeNull();
    await handle.db.update(escalations).set({ assigneeId: away!.userId }).where(eq(escalations.id, fresh.id));
    expect(await handoffNoticeFor(handle.db, available!, { conversationId: fresh.conversationId, since })).toBeNull();
    const other = await account();
    const theirs = await handoff(other.account.id, new Date());
    expect(await handoffNoticeFor(handle.db, available!, { conversationId: theirs.conversationId, since })).toBeNull();
  });
});
