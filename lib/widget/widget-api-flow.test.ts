import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { conversations as conversationsTable } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { insertKnowledge } from "@/db/queries/knowledge";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, widgetAccount } from "@/db/testing/widget-api";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import * as resolve from "@/app/api/widget/v1/conversations/[id]/resolve/route";
import * as events from "@/app/api/widget/v1/conversations/[id]/events/route";
import { resetEnvForTests } from "@/lib/env";
import { connectZendeskWithToken } from "@/lib/helpdesks/zendesk/connect";
import { deliverNow } from "@/lib/services/escalation-delivery";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";

let handle: DatabaseHandle;
let zendesk: ZendeskSimulator;
const saved = { ...process.env };
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
  zendesk = await startZendeskSimulator();
  zendesk.addAccount({ subdomain: "shop", agents: [{ email: "agent@shop.test", name: "Agent", role: "agent", apiToken: "tok" }] });
  Object.assign(process.env, { BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"), ZENDESK_URL_TEMPLATE: zendesk.urlTemplate });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), zendesk.close()]);
});

async function shop() {
  const a = await widgetAccount(handle);
  await insertKnowledge(handle.db, [{ accountId: a.account.id, question: "How long does shipping take?", answer: "Orders arrive in 3-5 days." }]);
  return a;
}

async function open(pk: string, shopper: Record<string, string> = {}, channel = "web_chat") {
  const res = await call(start.POST, { key: pk, body: { channel, shopper } });
  expect(res.status).toBe(201);
  return res.json as unknown as { id: string; token: string };
}

const say = (pk: string, c: { id: string; token: string }, text: string) =>
  call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text } });
const answer = (pk: string, c: { id: string; token: string }, body: Record<string, unknown>) =>
  call(handoff.POST, { key: pk, params: { id: c.id }, token: c.token, body });

describe("web chat with Baton Inbox", () => {
  it("answers known questions, then consent → email → the team's inbox, with the transcript as events", async () => {
    const { pk, account } = await shop();
    const c = await open(pk, { profileId: "01GDDKASAP8TKDDA2GRZDSVP4H" });
    expect((await say(pk, c, "how long does shipping take")).json.reply).toEqual({ type: "answer", text: "Orders arrive in 3-5 days." });

    const offer = (await say(pk, c, "Can I change the engraving on my order?")).json.reply;
    expect(offer).toMatchObject({ type: "handoff_offer", consentLabel: "Yes, connect me with an agent" });
    expect(await handle.db.select().from(escalations).where(eq(escalations.accountId, account.id))).toEqual([]);

    expect((await answer(pk, c, { consent: true })).json.reply).toMatchObject({ type: "email_required" });
    const bad = await answer(pk, c, { consent: true, email: "not-an-email" });
    expect([bad.status, bad.json.error?.fields]).toEqual([422, { email: ["invalid_email"] }]);
    const done = (await answer(pk, c, { consent: true, email: "Sam@Example.com" })).json.reply;
    expect(done).toMatchObject({ type: "handed_to_inbox", text: expect.stringContaining("sent your conversation to our team") });

    const [row] = await handle.db.select().from(conversationsTable).where(eq(conversationsTable.id, c.id));
    expect(row).toMatchObject({
      status: "routed",
      shopperEmail: "sam@example.com",
      shopperProfileId: "01GDDKASAP8TKDDA2GRZDSVP4H",
      reason: "Can I change the engraving on my order?",
    });
    const [escalation] = await handle.db.select().from(escalations).where(eq(escalations.conversationId, c.id));
    expect(escalation).toMatchObject({ destination: "baton_inbox", status: "in_inbox" });

    const feed = (await call(events.GET, { key: pk, params: { id: c.id }, token: c.token, query: "?after=0" })).json as unknown as {
      events: Array<{ type: string; author: string | null; at: string }>;
      cursor: number;
    };
    const transcript = feed.events.filter((e) => e.type === "message").map((e) => e.author);
    expect(transcript).toEqual(["shopper", "assistant", "shopper", "assistant", "assistant", "assistant"]);
    expect(feed.events.map((e) => e.type)).toContain("handed_to_inbox");
    expect(feed.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const later = (await call(events.GET, { key: pk, params: { id: c.id }, token: c.token, query: `?after=${feed.cursor}` })).json as unknown as {
      events: unknown[];
    };
    expect(later.events).toEqual([]);

    expect((await say(pk, c, "hello?")).json.reply).toEqual({ type: "waiting_for_human", text: null });
  });

  it("records a declined offer and creates nothing", async () => {
    const { pk } = await shop();
    const c = await open(pk, { email: "sam@example.com" });
    await say(pk, c, "Do you sell gift cards in Canada?");
    expect((await answer(pk, c, { consent: false })).json.reply).toMatchObject({ type: "declined" });
    const [row] = await handle.db.select().from(conversationsTable).where(eq(conversationsTable.id, c.id));
    expect(row!.status).toBe("declined");
    expect(await handle.db.select().from(escalations).where(eq(escalations.conversationId, c.id))).toEqual([]);
  });

  it("resolves a conversation once, and refuses after a handoff", async () => {
    const { pk } = await shop();
    const c = await open(pk);
    expect((await call(resolve.POST, { key: pk, params: { id: c.id }, token: c.token })).json).toEqual({ status: "resolved" });
    expect((await call(resolve.POST, { key: pk, params: { id: c.id }, token: c.token })).status).toBe(200);
    const d = await open(pk, { email: "a@b.test" });
    await say(pk, d, "Unknown thing?");
    await answer(pk, d, { consent: true });
    const refused = await call(resolve.POST, { key: pk, params: { id: d.id }, token: d.token });
    expect([refused.status, refused.json.error?.code]).toEqual([409, "conversation_closed"]);
  });
});

describe("other methods and channels", () => {
  it("SMS needs no consent: a known phone goes straight to the team", async () => {
    const { sk } = await shop();
    const res = await call(start.POST, { key: sk, origin: null, body: { channel: "sms", shopper: { phone: "+14155550123" } } });
    const c = res.json as unknown as { id: string; token: string };
    const reply = (await call(messages.POST, { key: sk, origin: null, params: { id: c.id }, body: { text: "Where is the engraving form?" } })).json.reply;
    expect(reply).toMatchObject({ type: "handed_to_inbox", text: expect.stringContaining("by SMS") });
  });

  it("the custom-message method shows the message and links and offers no human", async () => {
    const { pk, account, admin } = await shop();
    const links = [{ label: "FAQ", url: "https://shop.example.test/faq" }];
    await saveHandoffSettings(handle.db, { accountId: account.id, userId: admin.id, input: { method: "message", message: "Try our FAQ.", links, version: 0 } });
    const c = await open(pk, { email: "sam@example.com" });
    expect((await say(pk, c, "Can I pay with gold coins?")).json.reply).toEqual({ type: "message", text: "Try our FAQ.", links });
    const [row] = await handle.db.select().from(conversationsTable).where(eq(conversationsTable.id, c.id));
    expect(row!.status).toBe("message_shown");
    expect(await handle.db.select().from(escalations).where(eq(escalations.conversationId, c.id))).toEqual([]);
  });

  it("Zendesk: the session ends, the job is queued, and delivery creates the ticket with the transcript", async () => {
    const { pk, account, admin } = await shop();
    await connectZendeskWithToken(handle.db, { accountId: account.id, userId: admin.id }, { subdomain: "shop", email: "agent@shop.test", token: "tok" });
    await saveHandoffSettings(handle.db, { accountId: account.id, userId: admin.id, input: { method: "helpdesk", destination: "zendesk", version: 0 } });
    const c = await open(pk, { email: "sam@example.com", profileId: "01GDDKASAP8TKDDA2GRZDSVP4H", name: "Sam" });
    await say(pk, c, "Can I change the engraving?");
    const reply = (await answer(pk, c, { consent: true })).json.reply as { type: string; escalationId: string; followUp: string; sessionEnded: boolean };
    expect(reply).toMatchObject({ type: "ticket_created", followUp: "email", sessionEnded: true });
    const closed = await say(pk, c, "Hello?");
    expect([closed.status, closed.json.error?.code]).toEqual([409, "conversation_closed"]);

    // The route started delivering already; whichever attempt claims the job delivers it.
    await deliverNow(handle.db, reply.escalationId);
    await expect
      .poll(async () => (await handle.db.select().from(escalations).where(eq(escalations.id, reply.escalationId)))[0]?.status, { timeout: 10_000 })
      .toBe("delivered");
    const [escalation] = await handle.db.select().from(escalations).where(eq(escalations.id, reply.escalationId));
    expect(escalation).toMatchObject({ status: "delivered", attempts: 1 });
    const ticket = zendesk.tickets("shop").find((t) => String(t.id) === escalation!.externalTicketId);
    const comment = JSON.stringify(ticket);
    for (const expected of ["Can I change the engraving?", "sam@example.com", "01GDDKASAP8TKDDA2GRZDSVP4H", "UTC", `/inbox/${c.id}`])
      expect(comment).toContain(expected);
  });
});

describe("conversation tokens", () => {
  it("a token opens only its own conversation; other accounts' conversations are not found", async () => {
    const { pk } = await shop();
    const mine = await open(pk);
    const theirs = await open(pk);
    const wrong = await call(events.GET, { key: pk, params: { id: theirs.id }, token: mine.token });
    expect([wrong.status, wrong.json.error?.code]).toEqual([401, "invalid_conversation_token"]);
    const none = await call(events.GET, { key: pk, params: { id: theirs.id } });
    expect(none.json.error?.code).toBe("invalid_conversation_token");

    const other = await shop();
    const foreign = await call(events.GET, { key: other.pk, params: { id: mine.id }, token: mine.token });
    expect([foreign.status, foreign.json.error?.code]).toEqual([404, "not_found"]);
    const garbage = await call(events.GET, { key: pk, params: { id: "not-a-uuid" }, token: mine.token });
    expect([garbage.status, garbage.json.error?.code]).toEqual([404, "not_found"]);
  });
});
