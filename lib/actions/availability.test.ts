import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { sessionFor, withGateTestDatabase } from "@/db/testing/session";
import { getBusinessHours } from "@/lib/services/business-hours";
import { presenceOf } from "@/lib/services/availability";

// The real actions and the real gate (requireMember reads the membership from the database);
// only the session cookie is stood in for: next-auth's getServerSession returns `session.current`.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; accountId?: string; sid: string } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { heartbeatAction, saveBusinessHoursAction, setPresenceAction } = await import("@/lib/actions/availability");

let handle: DatabaseHandle;
withGateTestDatabase((opened) => (handle = opened));

const as = async (user: { id: string; email: string; name: string }, accountId?: string) => {
  session.current = await sessionFor(handle, user, accountId);
};

function hoursForm(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ timeZone: "America/New_York", version: "0", autoReply: "", inHoursMessage: "", ...fields })) form.append(k, v);
  return form;
}

describe("business hours and presence actions", () => {
  it("an admin saves; a lead and an agent are refused and nothing changes", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["admin", "lead", "agent"]);
    const [admin, lead, agent] = members;
    const form = hoursForm({
      "weekly.fri.0.start": "20:00",
      "weekly.fri.0.end": "02:00",
      "exceptions.0.date": "2026-12-25",
      "exceptions.0.label": "Christmas",
      "exceptions.0.kind": "closed",
    });
    for (const refused of [lead!, agent!]) {
      await as(refused);
      expect(await saveBusinessHoursAction(null, form)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect((await getBusinessHours(handle.db, account.id)).configured).toBe(false);

    await as(admin!);
    const result = await saveBusinessHoursAction(null, form);
    expect(result).toMatchObject({ ok: true, data: { version: 1, timeZone: "America/New_York" } });
    const state = await getBusinessHours(handle.db, account.id);
    expect(state.rules.weekly.fri).toEqual([{ start: "20:00", end: "02:00" }]);
    expect(state.rules.exceptions).toEqual([{ date: "2026-12-25", label: "Christmas", closed: true, ranges: [] }]);

    // A second save from the same (now stale) page is refused.
    expect(await saveBusinessHoursAction(null, form)).toMatchObject({ ok: false, error: { code: "conflict", message: "stale_version" } });
  });

  it("bad input comes back as field errors", async () => {
    const { members } = await createAccountWithMembers(handle, ["admin"]);
    await as(members[0]!);
    const result = await saveBusinessHoursAction(
      null,
      hoursForm({ timeZone: "Nowhere/Else", "weekly.mon.0.start": "09:00", "weekly.mon.0.end": "09:00", autoReply: "Back {when}" }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
      fieldErrors: { timeZone: ["time_zone_invalid"], "weekly.mon.0.end": ["range_empty"], autoReply: ["auto_reply_placeholder"] },
    });
  });

  it("another store's admin cannot read or change this store's hours, even by naming its account", async () => {
    const demo = await createAccountWithMembers(handle, ["admin"]);
    const other = await createAccountWithMembers(handle, ["admin"]);
    await as(demo.members[0]!);
    await saveBusinessHoursAction(null, hoursForm({ "weekly.mon.0.start": "09:00", "weekly.mon.0.end": "17:00" }));

    await as(other.members[0]!, demo.account.id);
    const result = await saveBusinessHoursAction(null, hoursForm({ timeZone: "Europe/Lisbon", "weekly.sun.0.start": "00:00", "weekly.sun.0.end": "00:00" }));
    expect(result).toMatchObject({ ok: true, data: { version: 1, timeZone: "Europe/Lisbon" } });
    const demoHours = await getBusinessHours(handle.db, demo.account.id);
    expect([demoHours.timeZone, demoHours.version, demoHours.rules.weekly.sun]).toEqual(["America/New_York", 1, []]);
    expect((await getBusinessHours(handle.db, other.account.id)).rules.weekly.sun).toEqual([{ start: "00:00", end: "00:00" }]);
  });

  it("every member sets their own presence in their active account; the heartbeat keeps the choice", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["agent", "agent"]);
    const [alex, blake] = members;
    await as(alex!);
    expect(await heartbeatAction()).toMatchObject({ ok: true, data: { status: "available" } });
    expect(await setPresenceAction("away")).toMatchObject({ ok: true, data: { status: "away" } });
    expect(await heartbeatAction()).toMatchObject({ ok: true, data: { status: "away" } });
    expect(await setPresenceAction("busy" as never)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await presenceOf(handle.db, { accountId: account.id, userId: alex!.id })).toBe("away");
    expect(await presenceOf(handle.db, { accountId: account.id, userId: blake!.id })).toBe("available");

    session.current = null;
    expect(await heartbeatAction()).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("signing in does not make a lead or admin Available: they start Away until they choose, and the choice is remembered", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["admin", "lead", "agent"]);
    const [admin, lead, agent] = members;
    for (const member of [admin!, lead!]) {
      await as(member);
      expect(await presenceOf(handle.db, { accountId: account.id, userId: member.id, role: member.role })).toBe("away");
      expect(await heartbeatAction()).toMatchObject({ ok: true, data: { status: "away" } });
    }
    await as(agent!);
    expect(await heartbeatAction()).toMatchObject({ ok: true, data: { status: "available" } });
    // A lead who chose Available is Available at the next sign-in's first heartbeat.
    await as(lead!);
    expect(await setPresenceAction("available")).toMatchObject({ ok: true, data: { status: "available" } });
    expect(await heartbeatAction()).toMatchObject({ ok: true, data: { status: "available" } });
    expect(await presenceOf(handle.db, { accountId: account.id, userId: lead!.id, role: "lead" })).toBe("available");
  });
});
