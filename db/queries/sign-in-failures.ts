import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { Database } from "@/db/client";
import { signInFailures } from "@/db/schema/sign-in-failures";

export type FailureCount = { count: number; oldest: Date | null };

export async function countFailuresSince(
  db: Database,
  params: { email: string; ip: string; since: Date },
): Promise<{ byEmail: FailureCount; byIp: FailureCount }> {
  const tally = async (column: typeof signInFailures.email | typeof signInFailures.ip, value: string) => {
    const [row] = await db
      .select({ count: count(), oldest: min(signInFailures.createdAt) })
      .from(signInFailures)
      .where(and(eq(column, value), gt(signInFailures.createdAt, params.since)));
    return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
  };
  const [byEmail, byIp] = await Promise.all([
    tally(signInFailures.email, params.email),
    tally(signInFailures.ip, params.ip),
  ]);
  return { byEmail, byIp };
}

export async function recordFailure(db: Database, params: { email: string; ip: string; at: Date }) {
  await db.insert(signInFailures).values({ email: params.email, ip: params.ip, createdAt: params.at });
}

export async function deleteFailuresBefore(db: Database, before: Date) {
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, before));
}
