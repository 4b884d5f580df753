import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, users, type Role } from "@/db/schema/accounts";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoHistory } from "@/db/seed-history";
import { seedDemoWidget } from "@/db/seed-widget";
import { demoStoreStory, lojaDemoStory, type DemoStory } from "@/db/seed-stories";

/** Demo only: every demo user signs in with this password. */
export const DEMO_PASSWORD = "baton-demo";

export const demoAccounts = [
  {
    slug: "demo-store",
    name: "Demo Store",
    timeZone: "America/New_York",
    locale: "en",
    members: [
      { email: "admin@demo.test", name: "Ada Admin", role: "admin" },
      { email: "lead@demo.test", name: "Lee Lead", role: "lead" },
      { email: "agent@demo.test", name: "Alex Agent", role: "agent" },
    ],
  },
  {
    slug: "other-store",
    name: "Other Store",
    timeZone: "Europe/Lisbon",
    locale: "en",
    members: [{ email: "admin@other.test", name: "Otto Other", role: "admin" }],
  },
  {
    slug: "loja-demo",
    name: "Loja Demo",
    timeZone: "America/Sao_Paulo",
    locale: "pt-BR",
    members: [
      { email: "admin@loja.test", name: "Paula Prado", role: "admin" },
      { email: "lead@loja.test", name: "Rita Rocha", role: "lead" },
      { email: "agent@loja.test", name: "Caio Campos", role: "agent" },
    ],
  },
] as const satisfies ReadonlyArray<{
  slug: string;
  name: string;
  timeZone: string;
  locale: string;
  members: ReadonlyArray<{ email: string; name: string; role: Role }>;
}>;

/** The stores with a storefront, a widget and 90 days of history. */
const stories: Record<string, DemoStory> = { "demo-store": demoStoreStory, "loja-demo": lojaDemoStory };

/**
 * Creates the demo accounts and users, and Demo Store's and Loja Demo's widgets and 90 days of conversations. Idempotent: rows are matched on their natural keys
 * (account slug, user email, account + user), so running it again changes nothing.
 */
export async function seedDemo(db: Database, options: { widgetOrigins?: string[] } = {}): Promise<{ demoStoreId: string }> {
  let demoStoreId = "";
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    const [row] = await db
      .insert(accounts)
      .values({ slug: account.slug, name: account.name, timeZone: account.timeZone, locale: account.locale })
      .onConflictDoUpdate({ target: accounts.slug, set: { name: sql`excluded.name` } })
      .returning({ id: accounts.id });
    if (!row) throw new Error(`Could not seed account ${account.slug}`);
    for (const member of account.members) {
      await db.insert(users).values({ email: member.email, name: member.name, passwordHash }).onConflictDoNothing({ target: users.email });
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.email} = ${member.email}`);
      if (!user) throw new Error(`Could not seed user ${member.email}`);
      await db
        .insert(memberships)
        .values({ accountId: row.id, userId: user.id, role: member.role })
        .onConflictDoUpdate({ target: [memberships.accountId, memberships.userId], set: { role: member.role } });
    }
    const story = stories[account.slug];
    if (story) {
      await seedDemoWidget(db, { accountId: row.id, origins: options.widgetOrigins ?? [], story });
      await seedDemoHistory(db, { accountId: row.id, story });
      if (account.slug === "demo-store") demoStoreId = row.id;
    }
  }
  return { demoStoreId };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { openConfiguredDatabase } = await import("@/db/client");
  const handle = await openConfiguredDatabase();
  try {
    await seedDemo(handle.db);
    console.log("Seeded Demo Store, Other Store and Loja Demo.");
  } finally {
    await handle.close();
  }
}
