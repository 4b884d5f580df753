import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { call, widgetAccount } from "@/db/testing/widget-api";
import { withWidgetKey } from "@/lib/http/with-widget-key";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

describe("logs of failed requests", () => {
  it("carry the error's code and a request id, never the query's parameters", async () => {
    const { pk } = await widgetAccount(handle);
    const email = "private.shopper@example.com";
    const failing = withWidgetKey(async (ctx) => {
      await ctx.db.execute(sql`select ${email}::int`);
      return Response.json({});
    });
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}\n${String(a.cause)}` : String(a))).join(" "));
    });
    try {
      const res = await call(failing, { key: pk, body: {} });
      expect([res.status, res.json.error?.code]).toEqual([500, "internal"]);
      const requestId = res.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const line = logged.join("\n");
      expect(line).toContain(`request=${requestId}`);
      expect(line).toContain("code=22P02");
      expect(line).not.toContain(email);
      expect(line).not.toContain("select");
    } finally {
      spy.mockRestore();
    }
  });
});
