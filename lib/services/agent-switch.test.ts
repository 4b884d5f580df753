import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { agentSwitchChanges } from "@/db/schema/agent-switch";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, widgetAccount } from "@/db/testing/widget-api";
import * as config from "@/app/api/widget/v1/config/route";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import * as resolve from "@/app/api/widget/v1/conversations/[id]/resolve/route";
import * as events from "@/app/api/widget/v1/conversations/[id]/events/route";
import { agentSwitchHistory, isAgentEnabled, setAgentEnabled } from "@/lib/services/agent-switch";
import { getOverview } from "@/lib/services/overview";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

type Conv = { id: string; token: string };
const open = async (pk: string) =>
  (await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: { email: "sam@example.com" } } })).json as unknown as Conv;
const say = (pk: string, c: Conv, text: string) => call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text } });

describe("Customer Agent on/off", () => {
  it("starts on; turning it off is recorded once, with who, and only for that account", async () => {
    const a = await widgetAccount(handle);
    const b = await widgetAccount(handle);
    expect(await isAgentEnabled(handle.db, a.account.id)).toBe(true);
    expect(await setAgentEnabled(handle.db, { accountId: a.account.id, userId: a.admin.id, enabled: false })).toEqual({ enabled: false, changed: true });
    // The same state again (a double click, a second tab) records nothing.
    expect(await setAgentEnabled(handle.db, { accountId: a.account.id, userId: a.admin.id, enabled: false })).toEqual({ enabled: false, changed: false });
    expect(await isAgentEnabled(handle.db, a.account.id)).toBe(false);
    expect(await isAgentEnabled(handle.db, b.account.id)).toBe(true);
    const history = await agentSwitchHistory(handle.db, a.account.id);
    expect(history.map((h) => [h.enabled, h.userName])).toEqual([[false, a.admin.name]]);
    expect(await agentSwitchHistory(handle.db, b.account.id)).toEqual([]);
  });

  it("while off: GET /config says so, conversations answer 409 agent_disabled with the JSON error shape; on again, they work", async () => {
    const { account, admin, pk } = await widgetAccount(handle);
    const before = await open(pk);
    await setAgentEnabled(handle.db, { accountId: account.id, userId: admin.id, enabled: false });

    const cfg = await call(config.GET, { key: pk });
    expect([cfg.status, (cfg.json as { enabled: boolean }).enabled]).toEqual([200, false]);

    const refused = [
      await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: {} } }),
      await say(pk, before, "Where is my order?"),
      await call(handoff.POST, { key: pk, params: { id: before.id }, token: before.token, body: { consent: true } }),
      await call(resolve.POST, { key: pk, params: { id: before.id }, token: before.token }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(409);
      expect(res.json).toEqual({ error: { code: "agent_disabled", message: expect.any(String) } });
    }
    // Reading what already happened still works (an open widget shows its transcript).
    expect((await call(events.GET, { key: pk, params: { id: before.id }, token: before.token })).status).toBe(200);

    await setAgentEnabled(handle.db, { accountId: account.id, userId: admin.id, enabled: true });
    expect((await call(config.GET, { key: pk })).json).toMatchObject({ enabled: true });
    expect((await say(pk, before, "Where is my order?")).status).toBe(200);
    expect((await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: {} } })).status).toBe(201);
  });

  it("a conversation already with the team continues: the shopper's messages reach the inbox", async () => {
    const { account, admin, pk } = await widgetAccount(handle);
    const c = await open(pk);
    expect((await say(pk, c, "Can I change the engraving on my order?")).json).toMatchObject({ reply: { type: "handoff_offer" } });
    expect((await call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body: { consent: true } })).json).toMatchObject({
      reply: { type: "handed_to_inbox" },
    });
    await setAgentEnabled(handle.db, { accountId: account.id, userId: admin.id, enabled: false });
    const res = await say(pk, c, "Are you still there?");
    expect([res.status, res.json]).toEqual([200, { reply: { type: "waiting_for_human", text: null } }]);
  });

  it("another account's key cannot see or change the state: each store's config answers for itself", async () => {
    const a = await widgetAccount(handle);
    const b = await widgetAccount(handle);
    await setAgentEnabled(handle.db, { accountId: a.account.id, userId: a.admin.id, enabled: false });
    expect((await call(config.GET, { key: b.pk })).json).toMatchObject({ enabled: true });
    expect((await call(start.POST, { key: b.pk, body: { channel: "web_chat", shopper: {} } })).status).toBe(201);
  });

  it("the overview names the days it was off and flags their points", async () => {
    const { account, admin } = await widgetAccount(handle);
    const now = new Date("2026-11-30T15:00:00Z");
    await handle.db.insert(agentSwitchChanges).values([
      { accountId: account.id, userId: admin.id, enabled: false, createdAt: new Date("2026-11-10T15:00:00Z") },
      { accountId: account.id, userId: admin.id, enabled: true, createdAt: new Date("2026-11-12T15:00:00Z") },
    ]);
    const data = await getOverview(handle.db, { accountId: account.id, filters: { range: "30", channel: "all" }, now });
    expect(data.agentOff).toEqual([{ from: "2026-11-10", to: "2026-11-12" }]);
    expect(data.series.filter((p) => p.agentOff).map((p) => p.start)).toEqual(["2026-11-10", "2026-11-11", "2026-11-12"]);
    const weekly = await getOverview(handle.db, { accountId: account.id, filters: { range: "90", channel: "all" }, now });
    expect(weekly.range.granularity).toBe("week");
    expect(weekly.series.filter((p) => p.agentOff).length).toBeGreaterThanOrEqual(1);
    expect(weekly.series.filter((p) => p.agentOff).length).toBeLessThanOrEqual(2);
  });
});
