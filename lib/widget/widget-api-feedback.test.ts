// "Did that answer your question?" over the widget API: yes resolves, no goes to the handoff rules
// at once, with the same key, origin and conversation-token checks as the other routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { insertKnowledge } from "@/db/queries/knowledge";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, widgetAccount } from "@/db/testing/widget-api";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as feedback from "@/app/api/widget/v1/conversations/[id]/feedback/route";
import * as events from "@/app/api/widget/v1/conversations/[id]/events/route";
import * as summary from "@/app/api/widget/v1/conversations/[id]/route";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

async function shop() {
  const a = await widgetAccount(handle);
  await insertKnowledge(handle.db, [{ accountId: a.account.id, question: "How long does shipping take?", answer: "Orders arrive in 3-5 days." }]);
  return a;
}

type Conv = { id: string; token: string };
async function open(pk: string): Promise<Conv> {
  const res = await call(start.POST, { key: pk, body: { channel: "web_chat", shopper: { email: "sam@example.com" } } });
  expect(res.status).toBe(201);
  return res.json as unknown as Conv;
}
const say = (pk: string, c: Conv, text: string) => call(messages.POST, { key: pk, params: { id: c.id }, token: c.token, body: { text } });
const verdict = (pk: string, c: Conv, body: unknown, options: { origin?: string; token?: string } = {}) =>
  call(feedback.POST, { key: pk, params: { id: c.id }, token: options.token ?? c.token, origin: options.origin, body });
const status = async (pk: string, c: Conv) => (await call(summary.GET, { key: pk, params: { id: c.id }, token: c.token })).json.status;

describe("POST /conversations/{id}/feedback", () => {
  it("yes resolves the conversation and records the entry; the same verdict again is harmless, the other is refused", async () => {
    const { pk } = await shop();
    const c = await open(pk);
    expect((await say(pk, c, "how long does shipping take?")).json.reply).toMatchObject({ type: "answer" });
    const yes = await verdict(pk, c, { helpful: true });
    expect(yes.status).toBe(200);
    expect(yes.json).toMatchObject({ status: "resolved", reply: { type: "answer" } });
    expect(await status(pk, c)).toBe("resolved");
    const list = (await call(events.GET, { key: pk, params: { id: c.id }, token: c.token })).json.events as Array<{ type: string; data: unknown }>;
    expect(list.map((e) => e.type)).toEqual(["message", "message", "answer_feedback", "message", "resolved"]);
    expect(list[2]!.data).toMatchObject({ helpful: true, knowledgeEntryId: expect.any(String) });
    expect((await verdict(pk, c, { helpful: true })).status).toBe(200);
    const other = await verdict(pk, c, { helpful: false });
    expect(other.status).toBe(409);
    expect(other.json.error?.code).toBe("no_answer");
  });

  it("no goes to the handoff rules at once, with the question the answer missed as the reason", async () => {
    const { pk, account } = await shop();
    const c = await open(pk);
    await say(pk, c, "how long does shipping take to Canada?");
    const no = await verdict(pk, c, { helpful: false });
    expect(no.status).toBe(200);
    expect(no.json).toMatchObject({ status: "open", reply: { type: "handoff_offer" } });
    const { findConversation } = await import("@/db/queries/conversations");
    const row = await findConversation(handle.db, { accountId: account.id, id: c.id });
    expect(row).toMatchObject({ pendingHandoff: "consent", reason: "how long does shipping take to Canada?" });
  });

  it("refuses feedback before any answer, bad bodies, foreign origins and missing tokens with JSON errors", async () => {
    const { pk } = await shop();
    const c = await open(pk);
    const early = await verdict(pk, c, { helpful: true });
    expect([early.status, early.json.error?.code]).toEqual([409, "no_answer"]);
    await say(pk, c, "how long does shipping take?");
    const bad = await verdict(pk, c, { helpful: "yes" });
    expect([bad.status, bad.json.error?.code]).toEqual([422, "validation_failed"]);
    expect(bad.json.error?.fields).toHaveProperty("helpful");
    const origin = await verdict(pk, c, { helpful: true }, { origin: "https://evil.example.test" });
    expect([origin.status, origin.json.error?.code]).toEqual([403, "origin_not_allowed"]);
    const token = await verdict(pk, c, { helpful: true }, { token: "ct_wrong" });
    expect([token.status, token.json.error?.code]).toEqual([401, "invalid_conversation_token"]);
    const other = await shop();
    const foreign = await call(feedback.POST, { key: other.pk, params: { id: c.id }, token: c.token, body: { helpful: true } });
    expect(foreign.status).toBe(404);
    // Another account's own conversation token opens nothing here, with either account's key.
    const theirs = await open(other.pk);
    const borrowed = await call(feedback.POST, { key: other.pk, params: { id: c.id }, token: theirs.token, body: { helpful: true } });
    expect(borrowed.status).toBe(404);
    const mixed = await call(feedback.POST, { key: pk, params: { id: c.id }, token: theirs.token, body: { helpful: true } });
    expect(mixed.status).toBe(401);
    expect(await status(pk, c)).toBe("open");
    const get = await call(feedback.GET, { key: pk, params: { id: c.id }, token: c.token });
    expect([get.status, get.json.error?.code]).toEqual([405, "method_not_allowed"]);
  });
});
