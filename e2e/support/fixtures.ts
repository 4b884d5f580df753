import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { signInFailures } from "@/db/schema/sign-in-attempts";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/db/seed";

export const fixturesFile = path.resolve("test-results", "e2e-fixtures.json");

export type E2eFixtures = { demoStoreId: string; otherStoreId: string; e2eStoreId: string };

/** Users only the e2e suite needs, on top of the demo seed; ids are written for the specs. */
export async function seedE2eFixtures(db: Database): Promise<void> {
  await db.delete(signInFailures);
  const idOf = async (slug: string) => {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug));
    if (!row) throw new Error(`missing account ${slug}`);
    return row.id;
  };
  // An account of the suite's own, so specs that change settings do not race the Demo Store journey.
  await db.insert(accounts).values({ slug: "e2e-store", name: "E2E Store" }).onConflictDoNothing();
  const fixtures: E2eFixtures = {
    demoStoreId: await idOf("demo-store"),
    otherStoreId: await idOf("other-store"),
    e2eStoreId: await idOf("e2e-store"),
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const add = async (email: string, name: string, roles: Array<[string, "admin" | "lead" | "agent"]>) => {
    await db.insert(users).values({ email, name, passwordHash }).onConflictDoNothing({ target: users.email });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`missing user ${email}`);
    for (const [accountId, role] of roles) {
      await db.insert(memberships).values({ accountId, userId: user.id, role }).onConflictDoNothing();
    }
  };
  await add("switcher@e2e.test", "Sam Switcher", [
    [fixtures.demoStoreId, "agent"],
    [fixtures.otherStoreId, "lead"],
  ]);
  await add("locked@e2e.test", "Lou Locked", [[fixtures.otherStoreId, "agent"]]);
  await add("admin@e2e.test", "Eve Admin", [[fixtures.e2eStoreId, "admin"]]);
  await add("lead@e2e.test", "Lena Lead", [[fixtures.e2eStoreId, "lead"]]);
  fs.mkdirSync(path.dirname(fixturesFile), { recursive: true });
  fs.writeFileSync(fixturesFile, JSON.stringify(fixtures));
}

export function readFixtures(): E2eFixtures {
  return JSON.parse(fs.readFileSync(fixturesFile, "utf8")) as E2eFixtures;
}
