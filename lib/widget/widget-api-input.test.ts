import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, newKey, widgetAccount } from "@/db/testing/widget-api";
import * as start from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import * as escalationsRoute from "@/app/api/widget/v1/escalations/route";

// Input PostgreSQL cannot store (NUL characters, year 0) is refused with the field named, never a 500.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

const at = "2026-11-24T10:00:00Z";
const escalation = (extra: Record<string, unknown> = {}) => ({
  channel: "web_chat",
  consent: true,
  shopper: { email: "sam@example.com" },
  transcript: [{ role: "shopper", text: "Hello", at }],
  ...extra,
});

describe("text and timestamps PostgreSQL cannot store", () => {
  it("a NUL character in any text field is 422 with that field named", async () => {
    const { pk, sk } = await widgetAccount(handle);
    for (const shopper of [{ name: "Sam\u0000" }, { profileId: "p\u0000" }]) {
      const res = await call(start.POST, { key: pk, body: { channel: "web_chat", shopper } });
      expect([res.status, res.json.error?.code, res.json.error?.fields]).toEqual([
        422,
        "validation_failed",
        { [`shopper.${Object.keys(shopper)[0]}`]: ["nul_character"] },
      ]);
    }
    const started = await call(start.POST, { key: pk, body: { channel: "web_chat" } });
    const { id, token } = started.json as unknown as { id: string; token: string };
    const message = await call(messages.POST, { key: pk, token, params: { id }, body: { text: "where is \u0000 my order" } });
    expect([message.status, message.json.error?.fields]).toEqual([422, { text: ["nul_character"] }]);
    const answer = await call(handoff.POST, { key: pk, token, params: { id }, body: { consent: true, email: "a\u0000@b.co" } });
    expect([answer.status, answer.json.error?.fields]).toEqual([422, { email: ["nul_character"] }]);

    const post = (body: unknown) => call(escalationsRoute.POST, { key: sk, origin: null, body, headers: { "idempotency-key": newKey() } });
    for (const [body, field] of [
      [escalation({ reason: "why\u0000" }), "reason"],
      [escalation({ transcript: [{ role: "assistant", text: "hi\u0000", at }] }), "transcript.0.text"],
      [escalation({ shopper: { email: "sam@example.com", name: "\u0000" } }), "shopper.name"],
    ] as const) {
      const res = await post(body);
      expect([res.status, res.json.error?.code, res.json.error?.fields]).toEqual([422, "validation_failed", { [field]: ["nul_character"] }]);
    }
  });

  it("a transcript timestamp outside 2000–2100 is 422 naming it", async () => {
    const { sk } = await widgetAccount(handle);
    for (const when of ["0000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      const res = await call(escalationsRoute.POST, {
        key: sk,
        origin: null,
        body: escalation({ transcript: [{ role: "shopper", text: "Hello", at: when }] }),
        headers: { "idempotency-key": newKey() },
      });
      expect([res.status, res.json.error?.code, res.json.error?.fields]).toEqual([422, "validation_failed", { "transcript.0.at": ["out_of_range"] }]);
    }
  });
});
