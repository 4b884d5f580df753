import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";

export async function findAccountIdBySlug(db: Database, slug: string): Promise<string | null> {
  const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug)).limit(1);
  return rows[0]?.id ?? null;
}
