import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { signIn } from "@/lib/services/sign-in";

// Defaults from lib/env.ts: 5 failures per email and address, 20 per address, 15-minute window; the
// counters live in PostgreSQL (TEST_DATABASE_URL) or in memory (PGlite).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
// The slow-down pause is recorded rather than waited, except where a test says otherwise.
const fast = { sleep: async () => {} };
afterAll(() => handle.close());

const uniqueIp = () => `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;

describe("signIn", () => {
  it("accepts the right password, ignoring case and spaces in the email, and returns the membership", async () => {
    const { account, members, password } = await createAccountWithMembers(handle, ["lead"]);
    const result = await signIn(handle.db, { email: `  ${members[0]!.email.toUpperCase()} `, password, ip: uniqueIp() });
    expect(result).toMatchObject({
      ok: true,
      user: { id: members[0]!.id },
      membership: { accountId: account.id, accountName: account.name, role: "lead" },
    });
  });

  it("refuses a wrong password and an unknown email with the same code", async () => {
    const { members } = await createAccountWithMembers(handle);
    const ip = uniqueIp();
    expect(await signIn(handle.db, { email: members[0]!.email, password: "nope", ip })).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await signIn(handle.db, { email: "nobody@example.test", password: "nope", ip })).toEqual({ ok: false, code: "invalid_credentials" });
  });

  it("treats malformed input as invalid credentials instead of throwing", async () => {
    for (const input of [
      { email: 42, password: "x" },
      { email: "not-an-email", password: "x" },
      { email: "a@b.test", password: "" },
      { email: "a@b.test", password: "x".repeat(73) },
      { email: undefined, password: undefined },
    ]) {
      expect(await signIn(handle.db, { ...input, ip: uniqueIp() })).toEqual({ ok: false, code: "invalid_credentials" });
    }
  });

  it("blocks an address after 5 failures on one email, even for the right password; other emails and addresses still work", async () => {
    const { members, password } = await createAccountWithMembers(handle, ["admin", "agent"]);
    const email = members[0]!.email;
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) expect(await signIn(handle.db, { email, password: "wrong", ip }, fast)).toMatchObject({ code: "invalid_credentials" });
    const blocked = await signIn(handle.db, { email, password, ip }, fast);
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((await signIn(handle.db, { email: members[1]!.email, password, ip }, fast)).ok).toBe(true);
  });

  it("never locks the owner out: failures from other addresses only slow their email down", async () => {
    const { members, password } = await createAccountWithMembers(handle);
    const email = members[0]!.email;
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    for (let i = 0; i < 12; i++) await signIn(handle.db, { email, password: "wrong", ip: uniqueIp() }, { sleep });
    expect(slept.length).toBeGreaterThan(0);
    slept.length = 0;
    // The owner, from an address with no failures: in, after at most a short pause.
    expect((await signIn(handle.db, { email, password, ip: uniqueIp() }, { sleep })).ok).toBe(true);
    expect(slept.every((ms) => ms <= 2000)).toBe(true);
    // Guessing stays throttled: each guessing address is blocked after 5 of its own failures.
    const guesser = uniqueIp();
    for (let i = 0; i < 5; i++) await signIn(handle.db, { email, password: `guess-${i}`, ip: guesser }, { sleep });
    expect(await signIn(handle.db, { email, password, ip: guesser }, { sleep })).toMatchObject({ code: "rate_limited" });
  });

  it("locks an address after 20 failures across different emails", async () => {
    const { members, password } = await createAccountWithMembers(handle);
    const ip = uniqueIp();
    for (let i = 0; i < 20; i++) {
      await signIn(handle.db, { email: `guess-${i}-${ip}@example.test`, password: "wrong", ip }, fast);
    }
    expect(await signIn(handle.db, { email: members[0]!.email, password, ip }, fast)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await signIn(handle.db, { email: members[0]!.email, password, ip: uniqueIp() }, fast)).ok).toBe(true);
  });

  it("signs in a user without a membership but reports none", async () => {
    const { members, password } = await createAccountWithMembers(handle);
    const { memberships } = await import("@/db/schema/accounts");
    const { eq } = await import("drizzle-orm");
    await handle.db.delete(memberships).where(eq(memberships.userId, members[0]!.id));
    expect(await signIn(handle.db, { email: members[0]!.email, password, ip: uniqueIp() })).toMatchObject({ ok: true, membership: null });
  });
});
