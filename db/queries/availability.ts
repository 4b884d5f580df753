import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema/accounts";
import { agentPresence, businessHours, type HoursException, type PresenceStatus, type ReplyTranslations, type WeeklySchedule } from "@/db/schema/availability";

export type BusinessHoursValues = {
  weekly: WeeklySchedule;
  exceptions: HoursException[];
  autoReply: string | null;
  inHoursMessage: string | null;
  translations: ReplyTranslations;
};

/** The account's hours row (null: never saved), its time zone and language (that of the main texts). */
export async function findBusinessHours(db: Database, accountId: string) {
  const rows = await db
    .select({ timeZone: accounts.timeZone, locale: accounts.locale, hours: businessHours })
    .from(accounts)
    .leftJoin(businessHours, eq(businessHours.accountId, accounts.id))
    .where(eq(accounts.id, accountId))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Writes the hours and the account's time zone only if the stored version is still
 * `expectedVersion` (0: no row yet), in one transaction. Returns null when someone saved in between.
 */
export async function writeBusinessHours(
  db: Database,
  params: { accountId: string; userId: string; expectedVersion: number; timeZone: string; values: BusinessHoursValues },
) {
  return db.transaction(async (tx) => {
    const values = { ...params.values, updatedBy: params.userId, updatedAt: new Date() };
    const [written] =
      params.expectedVersion === 0
        ? await tx
            .insert(businessHours)
            .values({ accountId: params.accountId, version: 1, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(businessHours)
            .set({ ...values, version: params.expectedVersion + 1 })
            .where(and(eq(businessHours.accountId, params.accountId), eq(businessHours.version, params.expectedVersion)))
            .returning();
    if (!written) return null;
    await tx.update(accounts).set({ timeZone: params.timeZone }).where(eq(accounts.id, params.accountId));
    return written;
  });
}

/** Every member's presence choice and last heartbeat (rows exist once a member opened the dashboard). */
export async function listPresence(db: Database, accountId: string) {
  return db
    .select({ userId: agentPresence.userId, status: agentPresence.status, lastSeenAt: agentPresence.lastSeenAt })
    .from(agentPresence)
    .where(eq(agentPresence.accountId, accountId));
}

/** The team, each member with their presence (null before their first heartbeat), by name. */
export async function listTeamPresence(db: Database, accountId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role, status: agentPresence.status, lastSeenAt: agentPresence.lastSeenAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(agentPresence, and(eq(agentPresence.accountId, memberships.accountId), eq(agentPresence.userId, memberships.userId)))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function findPresence(db: Database, params: { accountId: string; userId: string }) {
  const rows = await db
    .select({ status: agentPresence.status, lastSeenAt: agentPresence.lastSeenAt })
    .from(agentPresence)
    .where(and(eq(agentPresence.accountId, params.accountId), eq(agentPresence.userId, params.userId)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Records a heartbeat, and the member's choice when `status` is given. A member's first heartbeat
 * makes them Available (opening the dashboard is starting work); later heartbeats keep their choice.
 */
/** `status`: the member's choice (kept until changed); `initialStatus`: where a first heartbeat starts. */
export async function touchPresence(
  db: Database,
  params: { accountId: string; userId: string; seenAt: Date; status?: PresenceStatus; initialStatus?: PresenceStatus },
) {
  const [row] = await db
    .insert(agentPresence)
    .values({ accountId: params.accountId, userId: params.userId, status: params.status ?? params.initialStatus ?? "available", lastSeenAt: params.seenAt })
    .onConflictDoUpdate({
      target: [agentPresence.accountId, agentPresence.userId],
      set: {
        lastSeenAt: sql`greatest(${agentPresence.lastSeenAt}, excluded.last_seen_at)`,
        ...(params.status ? { status: params.status, updatedAt: sql`now()` } : {}),
      },
    })
    .returning({ status: agentPresence.status, lastSeenAt: agentPresence.lastSeenAt });
  return row!;
}
