import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { signInFailures } from "@/db/schema/sign-in-attempts";
import { touchPresence } from "@/db/queries/availability";
import { addOrigin, getPublishableKeyForSlug } from "@/db/queries/widget-keys";
import { hashPassword } from "@/lib/auth/password";
import { ensureKeys } from "@/lib/services/widget-keys";
import { DEMO_PASSWORD } from "@/db/seed";

export const fixturesFile = path.resolve("test-results", "e2e-fixtures.json");

export type E2eFixtures = { demoStoreId: string; otherStoreId: string; e2eStoreId: string; hoursStoreId: string; hoursStoreKey: string };

/** Users only the e2e suite needs, on top of the demo seed; ids are written for the specs. */
export async function seedE2eFixtures(db: Database, options: { widgetOrigins: string[] }): Promise<void> {
  await db.delete(signInFailures);
  const idOf = async (slug: string) => {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug));
    if (!row) throw new Error(`missing account ${slug}`);
    return row.id;
  };
  // An account of the suite's own, so specs that change settings do not race the Demo Store journey.
  await db.insert(accounts).values({ slug: "e2e-store", name: "E2E Store" }).onConflictDoNothing();
  // Business hours and presence are per account: this one's team and widget belong to
  // business-hours.spec.ts alone, so its "nobody available" cases race no other spec.
  await db.insert(accounts).values({ slug: "hours-store", name: "Hours Store", timeZone: "America/New_York" }).onConflictDoNothing();
  const hoursStoreId = await idOf("hours-store");
  await ensureKeys(db, hoursStoreId);
  for (const origin of options.widgetOrigins) await addOrigin(db, { accountId: hoursStoreId, origin });
  const fixtures: E2eFixtures = {
    demoStoreId: await idOf("demo-store"),
    otherStoreId: await idOf("other-store"),
    e2eStoreId: await idOf("e2e-store"),
    hoursStoreId,
    hoursStoreKey: (await getPublishableKeyForSlug(db, "hours-store"))!,
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const add = async (email: string, name: string, roles: Array<[string, "admin" | "lead" | "agent"]>) => {
    await db.insert(users).values({ email, name, passwordHash }).onConflictDoNothing({ target: users.email });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`missing user ${email}`);
    for (const [accountId, role] of roles) {
      await db.insert(memberships).values({ accountId, userId: user.id, role }).onConflictDoNothing();
    }
    return user.id;
  };
  await add("switcher@e2e.test", "Sam Switcher", [
    [fixtures.demoStoreId, "agent"],
    [fixtures.otherStoreId, "lead"],
  ]);
  await add("locked@e2e.test", "Lou Locked", [[fixtures.otherStoreId, "agent"]]);
  await add("admin@e2e.test", "Eve Admin", [[fixtures.e2eStoreId, "admin"]]);
  await add("lead@e2e.test", "Lena Lead", [[fixtures.e2eStoreId, "lead"]]);
  await add("hours-admin@e2e.test", "Hana Hours", [[hoursStoreId, "admin"]]);
  await add("hours-lead@e2e.test", "Hugo Hours", [[hoursStoreId, "lead"]]);
  await add("hours-agent@e2e.test", "Hal Hours", [[hoursStoreId, "agent"]]);
  // Demo Store's agent is on duty for the whole run, as if their inbox were open (the server runs
  // with a day-long presence timeout): the shopper specs expect a human to be available.
  const [demoAgent] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent@demo.test"));
  await touchPresence(db, { accountId: fixtures.demoStoreId, userId: demoAgent!.id, seenAt: new Date(), status: "available" });
  fs.mkdirSync(path.dirname(fixturesFile), { recursive: true });
  fs.writeFileSync(fixturesFile, JSON.stringify(fixtures));
}

export function readFixtures(): E2eFixtures {
  return JSON.parse(fs.readFileSync(fixturesFile, "utf8")) as E2eFixtures;
}
