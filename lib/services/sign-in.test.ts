import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { signIn } from "@/lib/services/sign-in";

// Defaults from lib/env.ts: 5 failures per email, 20 per IP, 15-minute window.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
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

  it("locks an email after 5 failures from any IPs, even for the right password, until the window passes", async () => {
    const { members, password } = await createAccountWithMembers(handle);
    const email = members[0]!.email;
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      expect(await signIn(handle.db, { email, password: "wrong", ip: uniqueIp() }, at)).toMatchObject({ code: "invalid_credentials" });
    }
    const blocked = await signIn(handle.db, { email, password, ip: uniqueIp() }, new Date(start.getTime() + 5 * 60_000));
    // The oldest failure (10:00) leaves the 15-minute window at 10:15: ten minutes from 10:05.
    expect(blocked).toEqual({ ok: false, code: "rate_limited", retryAfterSeconds: 600 });
    const later = await signIn(handle.db, { email, password, ip: uniqueIp() }, new Date(start.getTime() + 15 * 60_000 + 1000));
    expect(later.ok).toBe(true);
  });

  it("locks an IP after 20 failures across different emails", async () => {
    const { members, password } = await createAccountWithMembers(handle);
    const ip = uniqueIp();
    const at = new Date("2026-02-01T10:00:00Z");
    for (let i = 0; i < 20; i++) {
      await signIn(handle.db, { email: `guess-${i}@example.test`, password: "wrong", ip }, at);
    }
    expect(await signIn(handle.db, { email: members[0]!.email, password, ip }, at)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await signIn(handle.db, { email: members[0]!.email, password, ip: uniqueIp() }, at)).ok).toBe(true);
  });

  it("signs in a user without a membership but reports none", async () => {
    const { members, password } = await createAccountWithMembers(handle);
    const { memberships } = await import("@/db/schema/accounts");
    const { eq } = await import("drizzle-orm");
    await handle.db.delete(memberships).where(eq(memberships.userId, members[0]!.id));
    expect(await signIn(handle.db, { email: members[0]!.email, password, ip: uniqueIp() })).toMatchObject({ ok: true, membership: null });
  });
});
