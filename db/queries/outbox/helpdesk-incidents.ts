import { and, asc, count, eq, isNull, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema/accounts";
import { escalations } from "@/db/schema/escalations";
import { helpdeskIncidents } from "@/db/schema/outbox";

type Destination = (typeof helpdeskIncidents.$inferSelect)["destination"];
export type HelpdeskIncident = typeof helpdeskIncidents.$inferSelect;

/** Records a transient failure: opens the destination's incident if none is open, else updates it. */
export async function recordIncidentFailure(db: Database, params: { accountId: string; destination: Destination; error: string; at: Date }) {
  await db
    .insert(helpdeskIncidents)
    .values({ accountId: params.accountId, destination: params.destination, startedAt: params.at, lastFailureAt: params.at, lastError: params.error })
    .onConflictDoUpdate({
      target: [helpdeskIncidents.accountId, helpdeskIncidents.destination],
      targetWhere: isNull(helpdeskIncidents.resolvedAt),
      set: { lastFailureAt: params.at, lastError: params.error },
    });
}

/** A delivery went through: the destination's open incident, if any, is over. */
export async function resolveIncident(db: Database, params: { accountId: string; destination: Destination; at: Date }) {
  await db
    .update(helpdeskIncidents)
    .set({ resolvedAt: params.at })
    .where(and(eq(helpdeskIncidents.accountId, params.accountId), eq(helpdeskIncidents.destination, params.destination), isNull(helpdeskIncidents.resolvedAt)));
}

/**
 * Takes the right to email admins about an open incident that started at or before `startedBy`:
 * one caller wins, once per incident. Returns the incident, or null.
 */
export async function claimIncidentAlert(db: Database, params: { accountId: string; destination: Destination; startedBy: Date; at: Date }) {
  const [row] = await db
    .update(helpdeskIncidents)
    .set({ notifiedAt: params.at })
    .where(
      and(
        eq(helpdeskIncidents.accountId, params.accountId),
        eq(helpdeskIncidents.destination, params.destination),
        isNull(helpdeskIncidents.resolvedAt),
        isNull(helpdeskIncidents.notifiedAt),
        lte(helpdeskIncidents.startedAt, params.startedBy),
      ),
    )
    .returning();
  return row ?? null;
}

/** Gives the alert back (the email could not be sent), so a later failure tries again. */
export async function releaseIncidentAlert(db: Database, id: string) {
  await db.update(helpdeskIncidents).set({ notifiedAt: null }).where(eq(helpdeskIncidents.id, id));
}

/** The account's open incidents, each with how many escalations wait for that destination. */
export async function listOpenIncidents(db: Database, params: { accountId: string }) {
  const open = await db
    .select()
    .from(helpdeskIncidents)
    .where(and(eq(helpdeskIncidents.accountId, params.accountId), isNull(helpdeskIncidents.resolvedAt)))
    .orderBy(asc(helpdeskIncidents.startedAt));
  if (open.length === 0) return [];
  const waiting = await db
    .select({ destination: escalations.destination, n: count() })
    .from(escalations)
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.status, "queued")))
    .groupBy(escalations.destination);
  return open.map((incident) => ({ ...incident, waiting: waiting.find((w) => w.destination === incident.destination)?.n ?? 0 }));
}

/** Where to email an account's admins, with the dashboard language each chose (null: none). */
export async function listAdminEmails(db: Database, params: { accountId: string }): Promise<Array<{ email: string; locale: string | null }>> {
  return db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, params.accountId), eq(memberships.role, "admin")));
}
