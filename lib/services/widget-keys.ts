import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { addOrigin, listActiveKeyKinds, removeOrigin, replaceKey } from "@/db/queries/widget-keys";

export type KeyKind = "publishable" | "secret";

const prefix: Record<KeyKind, string> = { publishable: "pk_", secret: "sk_" };

export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Issues a new key of that kind and revokes the previous one in the same transaction, so exactly
 * one of each kind works at a time. Returns the new key; a secret key is never shown again.
 */
export async function rotateKey(db: Database, params: { accountId: string; kind: KeyKind }): Promise<string> {
  const key = `${prefix[params.kind]}${randomBytes(24).toString("base64url")}`;
  await replaceKey(db, {
    accountId: params.accountId,
    kind: params.kind,
    keyHash: hashKey(key),
    display: params.kind === "publishable" ? key : `${key.slice(0, 7)}…`,
  });
  return key;
}

/** Creates both keys for an account that has none yet (idempotent). */
export async function ensureKeys(db: Database, accountId: string): Promise<void> {
  const existing = await listActiveKeyKinds(db, accountId);
  for (const kind of ["publishable", "secret"] as const) {
    if (!existing.includes(kind)) await rotateKey(db, { accountId, kind });
  }
}

/** Allows the widget on one more site of the account (an origin like `https://shop.example`). */
export async function allowOrigin(db: Database, params: { accountId: string; origin: string }) {
  await addOrigin(db, params);
}

export async function disallowOrigin(db: Database, params: { accountId: string; origin: string }) {
  await removeOrigin(db, params);
}
