import { createHmac, timingSafeEqual } from "node:crypto";
import { requireSecret } from "@/lib/env";

// The token in a reply address (reply+<token>@BATON_INBOUND_DOMAIN): the conversation's id and an
// 80-bit HMAC of it under a key of the conversation's account, derived from NEXTAUTH_SECRET. In
// base32, lowercase, because mail systems may change the case of a local part; 42 characters keep
// the local part far under SMTP's 64.
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const MAC_BYTES = 10;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.toLowerCase()) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const uuidText = (bytes: Buffer) => {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

function mac(accountId: string, conversationId: string): Buffer {
  const accountKey = createHmac("sha256", requireSecret("NEXTAUTH_SECRET")).update(`baton reply address key:${accountId}`).digest();
  return createHmac("sha256", accountKey).update(`conversation:${conversationId}`).digest().subarray(0, MAC_BYTES);
}

/** The token for a conversation of an account. */
export function replyToken(params: { accountId: string; conversationId: string }): string {
  return base32(Buffer.concat([uuidBytes(params.conversationId), mac(params.accountId, params.conversationId)]));
}

/** The conversation a token names, unverified (its account is needed to check the signature), or null when malformed. */
export function readReplyToken(token: string): { conversationId: string; signature: Buffer } | null {
  if (!/^[a-z2-7]{42}$/i.test(token)) return null;
  const bytes = fromBase32(token);
  if (!bytes || bytes.length < 16 + MAC_BYTES) return null;
  return { conversationId: uuidText(bytes.subarray(0, 16)), signature: bytes.subarray(16, 16 + MAC_BYTES) };
}

/** Whether the signature was made for this conversation of this account (constant-time). */
export function replyTokenSigned(signature: Buffer, params: { accountId: string; conversationId: string }): boolean {
  const expected = mac(params.accountId, params.conversationId);
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}

/** reply+<token>@<domain>. */
export const replyAddress = (token: string, domain: string) => `reply+${token}@${domain}`;

/** The token of a reply address at this domain (any case), or null when the address is not one. */
export function tokenOfAddress(address: string, domain: string): string | null {
  const match = /^reply\+([a-z2-7]+)@(.+)$/i.exec(address.trim());
  return match && match[2]!.toLowerCase() === domain.toLowerCase() ? match[1]!.toLowerCase() : null;
}
