import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, ORIGIN, widgetAccount } from "@/db/testing/widget-api";
import * as config from "@/app/api/widget/v1/config/route";
import * as conversations from "@/app/api/widget/v1/conversations/route";
import * as messages from "@/app/api/widget/v1/conversations/[id]/messages/route";
import * as handoff from "@/app/api/widget/v1/conversations/[id]/handoff/route";
import * as resolve from "@/app/api/widget/v1/conversations/[id]/resolve/route";
import * as events from "@/app/api/widget/v1/conversations/[id]/events/route";
import * as summary from "@/app/api/widget/v1/conversations/[id]/route";
import * as escalationsRoute from "@/app/api/widget/v1/escalations/route";
import * as unknownPath from "@/app/api/widget/v1/[...path]/route";
import { resetEnvForTests } from "@/lib/env";
import { rotateKey } from "@/lib/services/widget-keys";
import { widgetErrorCodes } from "@/lib/widget/contract";

const RUNS = Number(process.env.WIDGET_FUZZ_RUNS || 10_000);
/** How many answers of each status and code the run produced. */
const stats: Record<string, number> = {};

let handle: DatabaseHandle;
let keys: { pk: string; sk: string; revoked: string };
let conversation: { id: string; token: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
  const a = await widgetAccount(handle);
  const revoked = a.pk;
  const pk = await rotateKey(handle.db, { accountId: a.account.id, kind: "publishable" });
  keys = { pk, sk: a.sk, revoked };
  Object.assign(process.env, { WIDGET_RATE_LIMIT_PER_KEY: "1000000", WIDGET_RATE_LIMIT_PER_IP: "1000000" });
  resetEnvForTests();
  const started = await call(conversations.POST, { key: pk, body: { channel: "web_chat" } });
  conversation = started.json as unknown as { id: string; token: string };
});
afterAll(async () => {
  delete process.env.WIDGET_RATE_LIMIT_PER_KEY;
  delete process.env.WIDGET_RATE_LIMIT_PER_IP;
  resetEnvForTests();
  await handle.close();
});

const routes = { config, conversations, summary, messages, handoff, resolve, events, escalations: escalationsRoute, unknown: unknownPath };

// Bodies that look like real ones, with any field replaced by anything; plus raw junk.
const nearValid = fc.record(
  {
    channel: fc.oneof(fc.constantFrom("web_chat", "sms", "fax", ""), fc.anything()),
    shopper: fc.oneof(
      fc.record(
        {
          email: fc.oneof(fc.emailAddress(), fc.string(), fc.anything()),
          phone: fc.oneof(fc.constant("+14155550123"), fc.string(), fc.integer()),
          profileId: fc.anything(),
          name: fc.string(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    text: fc.oneof(fc.string({ maxLength: 5000 }), fc.anything()),
    consent: fc.oneof(fc.boolean(), fc.anything()),
    email: fc.oneof(fc.emailAddress(), fc.string()),
    transcript: fc.oneof(
      fc.array(
        fc.record({
          role: fc.constantFrom("shopper", "assistant", "robot"),
          text: fc.string(),
          at: fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.string(),
          ),
        }),
        { maxLength: 4 },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 5, arbitrary: nearValid.map((b) => ({ json: b as unknown })) },
  { weight: 2, arbitrary: fc.jsonValue().map((j) => ({ json: j as unknown })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 300 }).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.constant({ raw: "x".repeat(70_000) }) },
  { weight: 1, arbitrary: fc.constant({}) },
);

const request = fc.record({
  route: fc.constantFrom(...(Object.keys(routes) as Array<keyof typeof routes>)),
  method: fc.oneof({ weight: 8, arbitrary: fc.constant("native") }, { weight: 2, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS") }),
  key: fc.oneof({ weight: 6, arbitrary: fc.constant("pk") }, { weight: 4, arbitrary: fc.constantFrom("sk", "revoked", "none", "junk") }),
  origin: fc.oneof(
    { weight: 7, arbitrary: fc.constant<string | null>(ORIGIN) },
    { weight: 3, arbitrary: fc.constantFrom<string | null>("https://evil.example", null) },
  ),
  id: fc.oneof({ weight: 6, arbitrary: fc.constant("valid") }, { weight: 4, arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })) }),
  token: fc.oneof({ weight: 7, arbitrary: fc.constant("valid") }, { weight: 3, arbitrary: fc.constantFrom("wrong", "none") }),
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    { weight: 2, arbitrary: fc.constantFrom("text/plain", "application/json; charset=utf-8", "") },
  ),
  idempotencyKey: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 300 })),
  query: fc.oneof(
    fc.constant(""),
    fc.string({ maxLength: 20 }).map((s) => `?after=${encodeURIComponent(s)}`),
  ),
  body,
});

describe("the widget API under generated bad input", () => {
  it(`answers ${RUNS} generated requests with no 5xx, and every error is JSON with a stable code`, async () => {
    const codes = new Set(Object.keys(widgetErrorCodes));
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const routeModule = routes[r.route] as unknown as Record<string, Parameters<typeof call>[0]>;
        const method = r.method === "native" ? (r.route === "config" || r.route === "events" || r.route === "summary" ? "GET" : "POST") : r.method;
        const handler = routeModule[method];
        if (!handler) return;
        const key = { pk: keys.pk, sk: keys.sk, revoked: keys.revoked, none: undefined, junk: "pk_not-a-real-key-at-all" }[r.key];
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.idempotencyKey !== undefined && /^[\t\x20-\x7e]*$/.test(r.idempotencyKey)) headers["idempotency-key"] = r.idempotencyKey;
        const hasBody = method !== "GET" && method !== "OPTIONS";
        const res = await call(handler, {
          method,
          key,
          origin: r.origin,
          params: { id: r.id === "valid" ? conversation.id : r.id, path: "x" },
          token: r.token === "valid" ? conversation.token : r.token === "wrong" ? "ct_wrong" : undefined,
          headers,
          query: r.query,
          ...(hasBody && "json" in r.body ? { body: r.body.json } : {}),
          ...(hasBody && "raw" in r.body ? { rawBody: r.body.raw } : {}),
        });
        const label = `${res.status} ${res.json?.error?.code ?? "ok"}`;
        stats[label] = (stats[label] ?? 0) + 1;
        expect(res.status, `${method} ${r.route} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.json?.error?.code && codes.has(res.json.error.code), res.text.slice(0, 200)).toBe(true);
          expect(typeof (res.json.error as { message?: unknown }).message).toBe("string");
        } else if (res.status !== 204) {
          expect(res.json, res.text.slice(0, 200)).not.toBeNull();
        }
      }),
      { numRuns: RUNS },
    );
    // Which answers the run produced: a run that never got past authentication would prove little.
    console.log("widget API fuzz answers:", JSON.stringify(stats));
    // With a full run, the answers must span success and the main failures (a short run may not).
    if (RUNS < 5_000) return;
    for (const expected of [
      "200 ok",
      "201 ok",
      "422 validation_failed",
      "401 unauthenticated",
      "403 origin_not_allowed",
      "413 body_too_large",
      "400 invalid_json",
    ]) {
      expect(stats[expected] ?? 0, expected).toBeGreaterThan(0);
    }
  }, 300_000);
});
