// GET /api/overview over real Requests: only the session's decoding is stubbed (next-auth reads
// cookies through Next's request scope); membership, role and account come from the database.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { setTimeZone, writeConversations } from "@/db/testing/overview-data";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { sessionFor } from "@/db/testing/session";
import { resetEnvForTests } from "@/lib/env";
import { todayIn } from "@/lib/overview/days";
import type { OverviewData } from "@/lib/overview/contract";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; accountId?: string; sid: string } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
const { GET } = await import("@/app/api/overview/route");

let handle: DatabaseHandle;
const saved = { ...process.env };
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await handle.close();
});

const signedIn = async (user: { id: string; email: string; name: string }, accountId?: string) => {
  session.current = await sessionFor(handle, user, accountId);
};

async function get(query = "") {
  const response = await GET(new NextRequest(`http://localhost/api/overview${query}`));
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as OverviewData & { error?: { code: string; message: string; fields?: Record<string, string[]> } },
  };
}

async function storeWithToday(conversations: number) {
  const store = await createAccountWithMembers(handle, ["admin", "lead", "agent"]);
  await setTimeZone(handle.db, store.account.id, "UTC");
  const today = todayIn("UTC");
  await writeConversations(
    handle.db,
    store.account.id,
    "UTC",
    Array.from({ length: conversations }, () => ({ local: `${today} 00:01`, channel: "web_chat" as const, status: "resolved" as const })),
  );
  return store;
}

describe("GET /api/overview", () => {
  it("answers admins and leads with their account's figures, never cached", async () => {
    const { members } = await storeWithToday(3);
    for (const member of members.slice(0, 2)) {
      await signedIn(member);
      const res = await get("?range=7");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.json.current.conversations).toBe(3);
      expect(res.json.current.outcomes.resolved).toBe(3);
    }
  });

  it("refuses agents with 403 JSON, and anonymous callers with 401 JSON", async () => {
    const { members } = await storeWithToday(1);
    await signedIn(members[2]!);
    expect(await get()).toMatchObject({ status: 403, json: { error: { code: "forbidden", message: expect.any(String) } } });
    session.current = null;
    expect(await get()).toMatchObject({ status: 401, json: { error: { code: "unauthenticated" } } });
  });

  it("never shows another account's figures, even when the session asks for that account", async () => {
    const demo = await storeWithToday(5);
    const other = await storeWithToday(2);
    await signedIn(other.members[0]!, demo.account.id);
    const res = await get("?range=7");
    expect(res.status).toBe(200);
    expect(res.json.current.conversations).toBe(2);
    // A user removed from the account loses access at once.
    session.current = {
      user: { id: "00000000-0000-4000-8000-000000000000", email: "gone@example.test", name: "Gone" },
      accountId: demo.account.id,
      sid: "00000000-0000-4000-8000-000000000001",
    };
    expect((await get()).status).toBe(401);
  });

  it("refuses invalid filters with 422 and the fields at fault", async () => {
    const { members } = await storeWithToday(0);
    await signedIn(members[0]!);
    const reversed = await get("?range=custom&from=2026-05-10&to=2026-05-01");
    expect(reversed).toMatchObject({ status: 422, json: { error: { code: "validation_failed", fields: { to: ["range_reversed"] } } } });
    expect((await get("?range=custom&from=2024-01-01&to=2026-01-01")).json.error?.fields).toEqual({ to: ["range_too_long"] });
    expect((await get("?range=14")).status).toBe(422);
    expect((await get("?channel=email")).status).toBe(422);
    expect((await get("?range=custom&from=2026-02-30&to=2026-03-01")).json.error?.fields).toEqual({ from: ["invalid_date"] });
  });
});
