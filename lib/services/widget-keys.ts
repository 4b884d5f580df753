import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { widgetKeys } from "@/db/schema/widget";

export type KeyKind = "publishable" | "secret";

const prefix: Record<KeyKind, string> = { publishable: "pk_", secret: "sk_" };

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Issues a new key of that kind and revokes the previous one in the same transaction, so exactly
 * one of each kind works at a time. Returns the new key; a secret key is never shown again.
 */
export async function rotateKey(db: Database, params: { accountId: string; kind: KeyKind }): Promise<string> {
  const key = `${prefix[params.kind]}${randomBytes(24).toString("base64url")}`;
  await db.transaction(async (tx) => {
    await tx
      .update(widgetKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(widgetKeys.accountId, params.accountId), eq(widgetKeys.kind, params.kind), isNull(widgetKeys.revokedAt)));
    await tx.insert(widgetKeys).values({
      accountId: params.accountId,
      kind: params.kind,
      keyHash: hashKey(key),
      display: params.kind === "publishable" ? key : `${key.slice(0, 7)}…`,
    });
  });
  return key;
}

/** Creates both keys for an account that has none yet (idempotent). */
export async function ensureKeys(db: Database, accountId: string): Promise<void> {
  const existing = await db
    .select({ kind: widgetKeys.kind })
    .from(widgetKeys)
    .where(and(eq(widgetKeys.accountId, accountId), isNull(widgetKeys.revokedAt)));
  for (const kind of ["publishable", "secret"] as const) {
    if (!existing.some((k) => k.kind === kind)) await rotateKey(db, { accountId, kind });
  }
}
