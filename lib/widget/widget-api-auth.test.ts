import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPostgres, useDatabaseForTests as serveFrom, type DatabaseHandle } from "@/db/client";
import { resetEnvForTests } from "@/lib/env";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, ORIGIN, widgetAccount } from "@/db/testing/widget-api";
import * as config from "@/app/api/widget/v1/config/route";
import * as conversations from "@/app/api/widget/v1/conversations/route";
import * as unknownPath from "@/app/api/widget/v1/[...path]/route";
import { RateLimiter } from "@/lib/http/rate-limit";
import { rotateKey } from "@/lib/services/widget-keys";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  serveFrom(handle);
});
afterAll(() => handle.close());

describe("keys and origins", () => {
  it("serves an allowed origin with its publishable key, with CORS headers", async () => {
    const { pk } = await widgetAccount(handle);
    const res = await call(config.GET, { key: pk });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.json).toMatchObject({
      method: "helpdesk",
      destination: "baton_inbox",
      webChat: { askConsent: true, consentLabel: "Yes, connect me with an agent" },
    });
  });

  it("refuses missing, malformed and unknown keys with 401 unauthenticated", async () => {
    for (const key of [undefined, "nope", "pk_unknownunknownunknown", "sk_x"]) {
      const res = await call(config.GET, { key });
      expect(res.status).toBe(401);
      expect(res.json.error?.code).toBe("unauthenticated");
    }
  });

  it("refuses a publishable key from another origin or with no origin, without CORS headers", async () => {
    const { pk } = await widgetAccount(handle);
    for (const origin of ["https://evil.example", null]) {
      const res = await call(config.GET, { key: pk, origin });
      expect(res.status).toBe(403);
      expect(res.json.error?.code).toBe("origin_not_allowed");
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("accepts a secret key from a server and refuses it from a browser", async () => {
    const { sk } = await widgetAccount(handle);
    expect((await call(config.GET, { key: sk, origin: null })).status).toBe(200);
    const browser = await call(config.GET, { key: sk });
    expect(browser.status).toBe(403);
    expect(browser.json.error?.code).toBe("secret_key_in_browser");
  });

  it("answers preflight for allowed origins only", async () => {
    await widgetAccount(handle);
    const ok = await call(config.OPTIONS, { method: "OPTIONS", headers: { "access-control-request-method": "POST" } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(ok.headers.get("access-control-allow-headers")).toContain("X-Conversation-Token");
    const other = await call(config.OPTIONS, { method: "OPTIONS", origin: "https://evil.example" });
    expect(other.status).toBe(403);
    expect(other.json.error?.code).toBe("origin_not_allowed");
  });

  it("rotating a key stops the old one at once", async () => {
    const { account, pk, sk } = await widgetAccount(handle);
    const newPk = await rotateKey(handle.db, { accountId: account.id, kind: "publishable" });
    const newSk = await rotateKey(handle.db, { accountId: account.id, kind: "secret" });
    expect((await call(config.GET, { key: pk })).status).toBe(401);
    expect((await call(config.GET, { key: sk, origin: null })).status).toBe(401);
    expect((await call(config.GET, { key: newPk })).status).toBe(200);
    expect((await call(config.GET, { key: newSk, origin: null })).status).toBe(200);
  });
});

describe("request limits and error shapes", () => {
  it("refuses bodies over 64 KB, bad JSON, other content types and invalid fields", async () => {
    const { pk } = await widgetAccount(handle);
    const big = await call(conversations.POST, { key: pk, rawBody: JSON.stringify({ channel: "web_chat", pad: "x".repeat(70_000) }) });
    expect([big.status, big.json.error?.code]).toEqual([413, "body_too_large"]);
    const bad = await call(conversations.POST, { key: pk, rawBody: "{nope" });
    expect([bad.status, bad.json.error?.code]).toEqual([400, "invalid_json"]);
    const form = await call(conversations.POST, { key: pk, rawBody: "channel=web_chat", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect([form.status, form.json.error?.code]).toEqual([415, "unsupported_media_type"]);
    const invalid = await call(conversations.POST, { key: pk, body: { channel: "fax", shopper: { email: "nope", phone: "555" } } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error).toMatchObject({
      code: "validation_failed",
      fields: { channel: expect.any(Array), "shopper.email": ["invalid_email"], "shopper.phone": ["invalid_phone"] },
    });
  });

  it("answers other methods and unknown paths with JSON errors", async () => {
    const { pk } = await widgetAccount(handle);
    const put = await conversations.PUT();
    expect(put.status).toBe(405);
    expect(await put.json()).toMatchObject({ error: { code: "method_not_allowed" } });
    const missing = await call(unknownPath.GET, { key: pk });
    expect([missing.status, missing.json.error?.code]).toEqual([404, "not_found"]);
  });

  it("limits requests per window and says when to retry", () => {
    const limiter = new RateLimiter(3, 60_000);
    const t = 1_000_000;
    expect([limiter.hit("k", t), limiter.hit("k", t), limiter.hit("k", t)]).toEqual([null, null, null]);
    expect(limiter.hit("k", t + 15_000)).toBe(45);
    expect(limiter.hit("other", t)).toBeNull();
    expect(limiter.hit("k", t + 60_000)).toBeNull();
  });

  it("answers 429 with Retry-After when a key is over its limit", async () => {
    const { pk } = await widgetAccount(handle);
    process.env.WIDGET_RATE_LIMIT_PER_KEY = "2";
    resetEnvForTests();
    try {
      await call(config.GET, { key: pk });
      await call(config.GET, { key: pk });
      const limited = await call(config.GET, { key: pk });
      expect([limited.status, limited.json.error?.code]).toEqual([429, "rate_limited"]);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      delete process.env.WIDGET_RATE_LIMIT_PER_KEY;
      resetEnvForTests();
    }
  });

  it.runIf(inject("databaseUrl"))("holds a key's limit across processes sharing the database (PostgreSQL)", async () => {
    // A second handle stands for a second server process: its own limiter objects, the same counters.
    const other = await openPostgres(inject("databaseUrl")!, { max: 2 });
    const { pk } = await widgetAccount(handle);
    process.env.WIDGET_RATE_LIMIT_PER_KEY = "6";
    resetEnvForTests();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        serveFrom(i % 2 ? other : handle);
        statuses.push((await call(config.GET, { key: pk })).status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    } finally {
      serveFrom(handle);
      delete process.env.WIDGET_RATE_LIMIT_PER_KEY;
      resetEnvForTests();
      await other.close();
    }
  });
});
