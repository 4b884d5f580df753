import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env, requireSecret } from "@/lib/env";

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit IV. Each sealed value is stored with the id
 * of the key that sealed it (first 8 bytes of the key's SHA-256, hex), so keys can rotate: new
 * values use BATON_ENCRYPTION_KEY, and values sealed with a key listed in
 * BATON_ENCRYPTION_OLD_KEYS still open until they are re-sealed.
 */
export type Sealed = { ciphertext: string; keyId: string };

type Key = { id: string; bytes: Buffer };

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 32) throw new Error("Encryption keys must be 32 bytes, base64-encoded.");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 16), bytes };
}

function currentKey(): Key {
  return toKey(requireSecret("BATON_ENCRYPTION_KEY"));
}

function keyById(id: string): Key {
  const keys = [currentKey(), ...(env().BATON_ENCRYPTION_OLD_KEYS ?? []).map(toKey)];
  const key = keys.find((k) => k.id === id);
  if (!key) throw new Error(`No encryption key with id ${id} is configured (BATON_ENCRYPTION_KEY / BATON_ENCRYPTION_OLD_KEYS).`);
  return key;
}

export function seal(plaintext: string): Sealed {
  const key = currentKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return { ciphertext: ["v1", iv.toString("base64"), tag.toString("base64"), data.toString("base64")].join("."), keyId: key.id };
}

export function open(sealed: Sealed): string {
  const [version, iv, tag, data] = sealed.ciphertext.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised sealed value.");
  const decipher = createDecipheriv("aes-256-gcm", keyById(sealed.keyId).bytes, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** Seals a JSON value (credentials are objects: tokens, emails, expiries). */
export const sealJson = (value: unknown): Sealed => seal(JSON.stringify(value));
export const openJson = <T>(sealed: Sealed): T => JSON.parse(open(sealed)) as T;

/** True when the value was sealed with an old key and should be re-sealed. */
export const needsResealing = (sealed: Sealed): boolean => sealed.keyId !== currentKey().id;
