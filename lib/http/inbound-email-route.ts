import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { routeErrorResponse } from "@/lib/http/with-session";
import { receiveInboundEmail } from "@/lib/services/inbound-email";

/** Constant-time: both sides hashed first, so neither the length nor a prefix leaks. */
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());

/** The secret a provider sends: `Authorization: Bearer <secret>`, or Basic with the secret as password (a URL's user:pass@). */
function givenSecret(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (bearer) return bearer.trim();
  const basic = /^Basic\s+(.+)$/i.exec(header)?.[1];
  if (!basic) return null;
  const decoded = Buffer.from(basic.trim(), "base64").toString("utf8");
  return decoded.includes(":") ? decoded.slice(decoded.indexOf(":") + 1) : null;
}

const tooLarge = (max: number) => new AppError("body_too_large", `The message is larger than ${max} bytes.`);

/** The body, refused as soon as it passes `max` bytes (whatever Content-Length claims). */
async function readBody(request: Request, max: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge(max);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The raw message: the body itself (message/rfc822, text/plain, application/octet-stream), or
 * from a form, the field that carries it in the providers' raw modes (`email`, `body-mime`).
 */
async function rawMessage(request: Request, body: Buffer): Promise<Buffer> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) return body;
  const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData().catch(() => null);
  const field = form?.get("email") ?? form?.get("body-mime") ?? form?.get("message");
  if (typeof field === "string") return Buffer.from(field, "utf8");
  if (field && typeof field === "object") return Buffer.from(await field.arrayBuffer());
  throw new AppError("validation_failed", "The form has no raw message field (email, body-mime or message).", { email: ["Required."] });
}

/** POST /api/email/inbound: a provider posts a received email, raw MIME, with the shared secret. */
export async function handleInboundEmail(request: Request): Promise<Response> {
  const secret = env().INBOUND_EMAIL_SECRET;
  try {
    if (!secret) throw new AppError("not_found", "Inbound email by webhook is not set up (INBOUND_EMAIL_SECRET).");
    const given = givenSecret(request);
    if (!given || !sameSecret(given, secret)) throw new AppError("unauthenticated", "Wrong or missing inbound email secret.");
    const max = env().INBOUND_EMAIL_MAX_BYTES;
    const raw = await rawMessage(request, await readBody(request, max));
    if (raw.length > max) throw tooLarge(max);
    if (raw.length === 0 || !/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.subarray(0, 4096).toString("latin1"))) {
      throw new AppError("validation_failed", "The body is not an email (raw MIME expected).");
    }
    const result = await receiveInboundEmail(await getDb(), raw, { via: "webhook" });
    if (result.outcome === "refused") {
      throw new AppError(
        "inbound_refused",
        result.reason === "forged_token" ? "The reply address is not one Baton signed." : "The email answers no conversation of Baton Inbox.",
      );
    }
    return Response.json({ outcome: result.outcome }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeErrorResponse("email inbound", error);
  }
}
