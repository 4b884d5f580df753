import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { conversations } from "@/db/schema/conversations";
import { knowledgeEntries } from "@/db/schema/knowledge";
import { demoAccounts, DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { openTestDatabase } from "@/db/testing/test-database";
import { findUserByEmail } from "@/db/queries/accounts/users";
import { verifyPassword } from "@/lib/auth/password";
import { getOverview } from "@/lib/services/overview";

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
  const [m] = await db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(inArray(users.email, emails));
  return { accounts: a?.n, users: u?.n, memberships: m?.n };
}

describe("seedDemo", () => {
  it("creates Demo Store, Other Store and Loja Demo with their users, and running it twice adds nothing", async () => {
    await seedDemo(handle.db);
    const first = await tally();
    expect(first.accounts).toBe(3);
    expect(first.users).toBe(7);
    await seedDemo(handle.db);
    await seedDemo(handle.db);
    expect(await tally()).toEqual(first);
  }, 90_000); // the demo seed (three stores, 90 days of history) twice

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
      { email: "admin@loja.test", role: "admin", slug: "loja-demo" },
      { email: "admin@other.test", role: "admin", slug: "other-store" },
      { email: "agent@demo.test", role: "agent", slug: "demo-store" },
      { email: "agent@loja.test", role: "agent", slug: "loja-demo" },
      { email: "lead@demo.test", role: "lead", slug: "demo-store" },
      { email: "lead@loja.test", role: "lead", slug: "loja-demo" },
    ]);
  });

  it("makes Loja Demo a Brazilian store: Portuguese account, São Paulo time, Portuguese knowledge and history", async () => {
    await seedDemo(handle.db);
    const [loja] = await handle.db.select().from(accounts).where(eq(accounts.slug, "loja-demo"));
    expect(loja).toMatchObject({ name: "Loja Demo", locale: "pt-BR", timeZone: "America/Sao_Paulo" });
    const knowledge = await handle.db
      .select({ locale: knowledgeEntries.locale, question: knowledgeEntries.question })
      .from(knowledgeEntries)
      .where(eq(knowledgeEntries.accountId, loja!.id));
    expect(knowledge.length).toBeGreaterThan(4);
    expect(knowledge.every((k) => k.locale === "pt-BR")).toBe(true);
    const history = await handle.db
      .select({ locale: conversations.locale, n: count() })
      .from(conversations)
      .where(eq(conversations.accountId, loja!.id))
      .groupBy(conversations.locale);
    expect(history).toEqual([{ locale: "pt-BR", n: expect.any(Number) }]);
    expect(history[0]!.n).toBeGreaterThan(2000);

    // The overview's knowledge gaps read in Portuguese, each topic's wordings grouped by Portuguese stems.
    const { knowledgeGaps } = await getOverview(handle.db, { accountId: loja!.id, filters: { range: "90", channel: "all" } });
    const top = knowledgeGaps.questions.map((g) => g.question);
    expect(top.filter((q) => /endereço/i.test(q))).toHaveLength(1);
    expect(top.filter((q) => /gravação/i.test(q))).toHaveLength(1);
    expect(top.filter((q) => /cancel/i.test(q))).toHaveLength(1);
    expect(knowledgeGaps.questions[0]!.question).toMatch(/endereço de entrega/);
  });
});
