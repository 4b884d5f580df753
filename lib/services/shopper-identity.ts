import "server-only";
import { randomBytes } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Database } from "@/db/client";
import { findShopperIdentity, storeIdentitySecret, storeUnverifiedHandoff } from "@/db/queries/shopper-identity";
import { open, seal } from "@/lib/crypto";
import { identityClaimsSchema, type IdentityClaims } from "@/lib/validation/shopper-identity";
import { AppError } from "@/lib/errors";

/** Tokens are for the page view that carries them: anything meant to live longer than a day is refused. */
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Issues the account's identity secret, sealed at rest, replacing the previous one (tokens it
 * signed stop verifying at once). Returned once, to be shown once.
 */
export async function issueIdentitySecret(db: Database, accountId: string): Promise<string> {
  const secret = `bis_${randomBytes(32).toString("base64url")}`;
  const sealed = seal(secret);
  await storeIdentitySecret(db, { accountId, secretSealed: sealed.ciphertext, secretKeyId: sealed.keyId, secretHint: `${secret.slice(0, 8)}…` });
  return secret;
}

/** What the Widget tab shows: which secret is in use (its first characters), when it was issued, the policy. */
export async function identitySettings(db: Database, accountId: string) {
  const row = await findShopperIdentity(db, accountId);
  return { secretHint: row?.secretHint ?? null, rotatedAt: row?.rotatedAt ?? null, unverifiedHandoff: row?.unverifiedHandoff ?? "email" };
}

export async function saveUnverifiedHandoff(db: Database, params: { accountId: string; unverifiedHandoff: "email" | "message" }) {
  await storeUnverifiedHandoff(db, params);
}

/** Signs a shopper as a merchant's server does (the demo store, tests). */
export async function signShopperIdentity(secret: string, claims: IdentityClaims, lifetimeSeconds = 600): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

/** The demo store's secret, opened on the server to sign its demo shopper (never sent to a browser). */
export async function identitySecretFor(db: Database, accountId: string): Promise<string | null> {
  const row = await findShopperIdentity(db, accountId);
  return row?.secretSealed && row.secretKeyId ? open({ ciphertext: row.secretSealed, keyId: row.secretKeyId }) : null;
}

/**
 * Verifies a shopper identity token against the account's secret: HS256 only, `exp` required and
 * at most a day ahead, claims validated. Every failure is refused with its code; nothing ever
 * falls back to "verified".
 */
export async function verifyShopperIdentity(db: Database, accountId: string, token: string): Promise<IdentityClaims> {
  const secret = await identitySecretFor(db, accountId);
  if (!secret) throw new AppError("identity_not_configured", "This account has no identity secret yet (Widget settings).");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"], requiredClaims: ["exp"] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AppError("identity_expired", "The shopper identity token has expired; sign a fresh one.");
    throw new AppError("identity_invalid", "The shopper identity token is not signed with this account's identity secret (HS256), or is malformed.");
  }
  if (typeof payload.exp !== "number" || payload.exp - Date.now() / 1000 > MAX_LIFETIME_SECONDS) {
    throw new AppError("identity_invalid", "Shopper identity tokens must expire within a day.");
  }
  const claims = identityClaimsSchema.safeParse(payload);
  if (!claims.success) throw new AppError("identity_invalid", "The shopper identity token's claims are invalid (email, profileId, name).");
  return claims.data;
}
