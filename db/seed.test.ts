import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { demoAccounts, DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { openTestDatabase } from "@/db/testing/test-database";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const slugs = demoAccounts.map((a) => a.slug);
const emails = demoAccounts.flatMap((a) => a.members.map((m) => m.email));

async function tally() {
  const db = handle.db;
  const [a] = await db.select({ n: count() }).from(accounts).where(inArray(accounts.slug, slugs));
  const [u] = await db.select({ n: count() }).from(users).where(inArray(users.email, emails));
  const [m] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(users.email, emails));
  return { accounts: a?.n, users: u?.n, memberships: m?.n };
}

describe("seedDemo", () => {
  it("creates Demo Store and Other Store with their users, and running it twice adds nothing", async () => {
    await seedDemo(handle.db);
    const first = await tally();
    expect(first.accounts).toBe(2);
    expect(first.users).toBe(4);
    await seedDemo(handle.db);
    await seedDemo(handle.db);
    expect(await tally()).toEqual(first);
  });

  it("gives every demo user the demo password and the documented role", async () => {
    await seedDemo(handle.db);
    for (const account of demoAccounts) {
      for (const member of account.members) {
        const user = await findUserByEmail(handle.db, member.email);
        expect(user, member.email).not.toBeNull();
        expect(await verifyPassword(DEMO_PASSWORD, user!.passwordHash)).toBe(true);
        expect(await verifyPassword("wrong", user!.passwordHash)).toBe(false);
      }
    }
    const rows = await handle.db
      .select({ email: users.email, role: memberships.role, slug: accounts.slug })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(inArray(users.email, emails));
    expect(rows.sort((x, y) => x.email.localeCompare(y.email))).toEqual([
      { email: "admin@demo.test", role: "admin", slug: "demo-store" },
      { email: "admin@other.test", role: "admin", slug: "other-store" },
      { email: "agent@demo.test", role: "agent", slug: "demo-store" },
      { email: "lead@demo.test", role: "lead", slug: "demo-store" },
    ]);
  });
});
