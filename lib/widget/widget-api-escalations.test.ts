import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, newKey, widgetAccount } from "@/db/testing/widget-api";
import * as route from "@/app/api/widget/v1/escalations/route";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

const transcript = [
  { role: "shopper", text: "Can I change the engraving?", at: "2026-11-24T10:00:00Z" },
  { role: "assistant", text: "I'm not sure. Want a human?", at: "2026-11-24T10:00:02Z" },
];
const body = (extra: Record<string, unknown> = {}) => ({
  channel: "web_chat",
  consent: true,
  shopper: { email: "sam@example.com", profileId: "01GDDKASAP8TKDDA2GRZDSVP4H" },
  transcript,
  ...extra,
});
const post = (sk: string, key: string | undefined, payload: unknown) =>
  call(route.POST, { key: sk, origin: null, body: payload, headers: key ? { "idempotency-key": key } : {} });

describe("POST /escalations", () => {
  it("is server to server: a publishable key gets 403 secret_key_required and creates nothing", async () => {
    const { pk, account } = await widgetAccount(handle);
    const res = await call(route.POST, { key: pk, body: body(), headers: { "idempotency-key": newKey() } });
    expect([res.status, res.json.error?.code]).toEqual([403, "secret_key_required"]);
    expect(await handle.db.select().from(conversations).where(eq(conversations.accountId, account.id))).toEqual([]);
  });

  it("needs an Idempotency-Key", async () => {
    const { sk } = await widgetAccount(handle);
    const res = await post(sk, undefined, body());
    expect([res.status, res.json.error?.code]).toEqual([400, "idempotency_key_required"]);
  });

  it("creates nothing without consent (web chat) or without an email", async () => {
    const { sk, account } = await widgetAccount(handle);
    const noConsent = await post(sk, newKey(), body({ consent: undefined }));
    expect([noConsent.status, noConsent.json.error?.code]).toEqual([422, "consent_required"]);
    const noEmail = await post(sk, newKey(), body({ shopper: {} }));
    expect([noEmail.status, noEmail.json.error?.code]).toEqual([422, "email_required"]);
    expect(await handle.db.select().from(conversations).where(eq(conversations.accountId, account.id))).toEqual([]);
  });

  it("records the conversation with its transcript and timestamps and hands it to the inbox", async () => {
    const { sk, account } = await widgetAccount(handle);
    const res = await post(sk, newKey(), body());
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ outcome: "handed_to_inbox", destination: "baton_inbox", escalationId: expect.any(String) });
    const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.accountId, account.id));
    expect(conversation).toMatchObject({
      status: "routed",
      shopperEmail: "sam@example.com",
      shopperProfileId: "01GDDKASAP8TKDDA2GRZDSVP4H",
      reason: "Can I change the engraving?",
    });
  });

  it("returns the first answer to retries — ten at once make one escalation — and refuses the key with another body", async () => {
    const { sk, account } = await widgetAccount(handle);
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 10 }, () => post(sk, key, body())));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => (r.json as { escalationId: string }).escalationId)).size).toBe(1);
    expect(results.filter((r) => r.headers.get("idempotent-replayed") === "false")).toHaveLength(1);
    expect(await handle.db.select().from(escalations).where(eq(escalations.accountId, account.id))).toHaveLength(1);

    const other = await post(sk, key, body({ reason: "something else" }));
    expect([other.status, other.json.error?.code]).toEqual([422, "idempotency_key_reused"]);
  });

  it("keeps keys per account", async () => {
    const a = await widgetAccount(handle);
    const b = await widgetAccount(handle);
    const key = newKey();
    const first = await post(a.sk, key, body());
    const second = await post(b.sk, key, body());
    expect(second.status).toBe(201);
    expect((second.json as { escalationId: string }).escalationId).not.toBe((first.json as { escalationId: string }).escalationId);
  });
});
