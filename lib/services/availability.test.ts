import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { accounts } from "@/db/schema/accounts";
import { escalations } from "@/db/schema/escalations";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, newKey, widgetAccount } from "@/db/testing/widget-api";
import * as config from "@/app/api/widget/v1/config/route";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import * as escalate from "@/app/api/widget/v1/escalations/route";
import type { HoursException, WeeklySchedule } from "@/lib/availability/rules";
import { setPresence, teamPresence } from "@/lib/services/availability";
import { saveBusinessHours } from "@/lib/services/business-hours";

// GET /config and the handoff response must tell the same story, through the real route handlers
// on a real database, with the clock fixed (only Date is faked: timers and the database run).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());
afterEach(() => vi.useRealTimers());

const clock = (iso: string) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
};
const closed: WeeklySchedule = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

async function store(
  options: { staffed?: boolean; weekly?: WeeklySchedule; exceptions?: HoursException[]; autoReply?: string | null; inHoursMessage?: string | null } = {},
) {
  const shop = await widgetAccount(handle, { staffed: options.staffed });
  if (options.weekly) {
    await saveBusinessHours(handle.db, {
      accountId: shop.account.id,
      userId: shop.admin.id,
      input: {
        timeZone: "America/New_York",
        weekly: options.weekly,
        exceptions: options.exceptions ?? [],
        autoReply: options.autoReply ?? null,
        inHoursMessage: options.inHoursMessage ?? null,
        version: 0,
      },
    });
  }
  return shop;
}

/** GET /config, then a web chat shopper all the way through the handoff. */
async function configAndHandoff(pk: string, shopper: Record<string, string> = { email: "sam@example.com" }) {
  const cfg = (await call(config.GET, { key: pk })).json as unknown as {
    humanAvailable: boolean;
    availability: { reason: string; nextOpeningAt: string | null } | null;
  };
  const c = (await call(start.POST, { key: pk, body: { channel: "web_chat", shopper } })).json as unknown as { id: string; token: string };
  await call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text: "Can I change the engraving?" } });
  let reply = (await call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body: { consent: true } })).json.reply as Record<string, unknown>;
  const asked = reply.type === "email_required" ? (reply.text as string) : null;
  if (asked)
    reply = (await call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body: { consent: true, email: "sam@example.com" } })).json
      .reply as Record<string, unknown>;
  const [escalation] = await handle.db.select().from(escalations).where(eq(escalations.conversationId, c.id));
  return { cfg, reply, asked, escalation: escalation! };
}

describe("GET /config and the handoff response agree", () => {
  it("open and staffed: a human continues in the chat, with the optional in-hours message", async () => {
    const { pk } = await store({ weekly: { ...closed, wed: [{ start: "09:00", end: "17:00" }] }, inHoursMessage: "We usually answer within five minutes." });
    clock("2026-06-10T16:00:00Z"); // Wednesday 12:00 EDT
    const { cfg, reply, escalation } = await configAndHandoff(pk);
    expect(cfg).toMatchObject({ humanAvailable: true, availability: { reason: "available", nextOpeningAt: null } });
    expect(reply).toMatchObject({ type: "handed_to_inbox", humanAvailable: true, nextOpeningAt: null, followUp: "chat" });
    expect(reply.text).toBe("Thanks! I've sent your conversation to our team. Someone will reply right here. We usually answer within five minutes.");
    expect(escalation.followUp).toBe("chat");
  });

  it("after a midnight-crossing range has closed: the auto-reply names the next opening in the account's zone, and replies go by email", async () => {
    const { pk } = await store({ weekly: { ...closed, fri: [{ start: "20:00", end: "02:00" }] } });
    clock("2026-03-07T06:30:00Z"); // Saturday 01:30 EST: still Friday's range
    expect((await configAndHandoff(pk)).cfg.humanAvailable).toBe(true);

    clock("2026-03-07T08:00:00Z"); // Saturday 03:00 EST: closed until Friday 20:00 EDT
    const { cfg, reply, asked, escalation } = await configAndHandoff(pk, {});
    expect(cfg).toEqual(
      expect.objectContaining({ humanAvailable: false, availability: { reason: "outside_hours", nextOpeningAt: "2026-03-14T00:00:00.000Z" } }),
    );
    expect(asked).toBe("Our team isn't available right now, so they'll answer you by email. What's your email address?");
    expect(reply).toMatchObject({ type: "handed_to_inbox", humanAvailable: false, nextOpeningAt: cfg.availability!.nextOpeningAt, followUp: "email" });
    expect(reply.text).toMatch(
      /^Thanks! I've sent your conversation to our team\. They'll answer you by email at sam@example\.com\. Nobody from our team is available right now\. We're back on Friday, March 13 at 8:00\sPM EDT\.$/,
    );
    expect(escalation.followUp).toBe("email");
  });

  it("on a holiday: the merchant's own auto-reply, with {backAt} after the holiday", async () => {
    const nineToFive = [{ start: "09:00", end: "17:00" }];
    const { pk } = await store({
      weekly: { ...closed, thu: nineToFive, fri: nineToFive, mon: nineToFive },
      exceptions: [{ date: "2026-12-25", label: "Christmas", closed: true, ranges: [] }],
      autoReply: "Happy holidays! We're closed today and back {backAt}.",
    });
    clock("2026-12-25T15:00:00Z"); // Friday 10:00 EST
    const { cfg, reply } = await configAndHandoff(pk);
    expect(cfg.availability).toEqual({ reason: "holiday", nextOpeningAt: "2026-12-28T14:00:00.000Z" });
    expect(reply).toMatchObject({ humanAvailable: false, nextOpeningAt: "2026-12-28T14:00:00.000Z" });
    expect(reply.text).toMatch(/Happy holidays! We're closed today and back on Monday, December 28 at 9:00\sAM EST\.$/);
  });

  it("with every agent away, or their browsers gone past the timeout, nobody is available", async () => {
    const { pk, account, admin } = await store({ staffed: false });
    clock("2026-06-10T16:00:00Z");
    let { cfg, reply } = await configAndHandoff(pk);
    expect(cfg).toMatchObject({ humanAvailable: false, availability: { reason: "no_agent_available", nextOpeningAt: null } });
    expect(reply).toMatchObject({ humanAvailable: false, followUp: "email" });
    expect(reply.text).toContain("We're back soon.");

    await setPresence(handle.db, { accountId: account.id, userId: admin.id }, "available");
    ({ cfg } = await configAndHandoff(pk));
    expect(cfg.humanAvailable).toBe(true);
    expect((await teamPresence(handle.db, account.id)).map((m) => m.state)).toEqual(["available"]);

    clock("2026-06-10T16:03:01Z"); // no heartbeat for 3 minutes and a second
    ({ cfg, reply } = await configAndHandoff(pk));
    expect([cfg.humanAvailable, reply.humanAvailable]).toEqual([false, false]);
    expect((await teamPresence(handle.db, account.id)).map((m) => m.state)).toEqual(["offline"]);

    await setPresence(handle.db, { accountId: account.id, userId: admin.id }, "away");
    expect((await teamPresence(handle.db, account.id)).map((m) => m.state)).toEqual(["away"]);
  });

  it("an SMS conversation gets the auto-reply by SMS and continues by SMS", async () => {
    const { sk } = await store({ staffed: false });
    const c = (await call(start.POST, { key: sk, origin: null, body: { channel: "sms", shopper: { phone: "+14155550123" } } })).json as unknown as {
      id: string;
    };
    const reply = (await call(messages.POST, { key: sk, origin: null, params: { id: c.id }, body: { text: "Where is my parcel?" } })).json.reply as {
      text: string;
    };
    expect(reply).toMatchObject({ type: "handed_to_inbox", humanAvailable: false, followUp: "sms" });
    expect(reply.text).toBe(
      "I've passed your question to our team. They'll reply to you here by SMS. Nobody from our team is available right now. We're back soon.",
    );
  });

  it("POST /escalations answers with the same availability and the auto-reply", async () => {
    const { sk, pk, account } = await store({ staffed: false, weekly: { ...closed, mon: [{ start: "09:00", end: "17:00" }] } });
    await handle.db.update(accounts).set({ timeZone: "Europe/Lisbon" }).where(eq(accounts.id, account.id));
    clock("2026-06-09T12:00:00Z"); // Tuesday 13:00 in Lisbon
    const cfg = (await call(config.GET, { key: pk })).json as unknown as { availability: { nextOpeningAt: string } };
    const res = await call(escalate.POST, {
      key: sk,
      origin: null,
      headers: { "idempotency-key": newKey() },
      body: {
        channel: "web_chat",
        consent: true,
        shopper: { email: "sam@example.com" },
        transcript: [{ role: "shopper", text: "Hello?", at: new Date().toISOString() }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ outcome: "handed_to_inbox", humanAvailable: false, followUp: "email", nextOpeningAt: "2026-06-15T08:00:00.000Z" });
    expect(cfg.availability.nextOpeningAt).toBe("2026-06-15T08:00:00.000Z");
    expect(res.json.autoReply).toMatch(/^Nobody from our team is available right now\. We're back on Monday, June 15 at 9:00\sAM GMT\+1\.$/);
  });
});
