import "server-only";
import type { NextRequest } from "next/server";
import { getDb, type Database } from "@/db/client";
import { findActiveKeyByHash, isOriginAllowed, isOriginKnown } from "@/db/queries/widget-keys";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { limiter } from "@/lib/limits/limiter";
import { AppError, isAppError } from "@/lib/errors";
import { errorResponse } from "@/lib/widget/errors";
import { widgetErrorCodes } from "@/lib/widget/contract";
import { logFailure } from "@/lib/log-failure";
import { hashKey, type KeyKind } from "@/lib/services/widget-keys";

export const MAX_BODY_BYTES = 64 * 1024;
const ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-Conversation-Token, Idempotency-Key, Last-Event-ID";

export type WidgetContext = {
  db: Database;
  accountId: string;
  keyKind: KeyKind;
  /** The browser's Accept-Language: shopper languages are negotiated per conversation (lib/services/shopper-language.ts). */
  acceptLanguage: string | null;
  request: NextRequest;
  params: Record<string, string>;
  /** The parsed JSON body (undefined when the request has none). */
  body: unknown;
};

/** Widget API limits, per minute, counted across every process (lib/limits/limiter.ts). */
const perAddress = () => limiter({ name: "widget_address", points: env().WIDGET_RATE_LIMIT_PER_IP, durationSeconds: 60 });
const perKey = () => limiter({ name: "widget_key", points: env().WIDGET_RATE_LIMIT_PER_KEY, durationSeconds: 60 });

/**
 * The page's origin for a browser request. Browsers omit `Origin` on same-origin GETs, and say
 * so in `Sec-Fetch-Site` (which page scripts cannot set): then it is this server's own origin,
 * still checked against the account's allowed origins.
 */
function browserOrigin(request: NextRequest): string | null {
  const origin = request.headers.get("origin");
  if (origin) return origin;
  return request.headers.get("sec-fetch-site") === "same-origin" ? request.nextUrl.origin : null;
}

function corsHeaders(origin: string): Record<string, string> {
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin", "Access-Control-Expose-Headers": "Retry-After" };
}

/** OPTIONS: the preflight carries no key, so it succeeds only for origins some account allows. */
export async function widgetPreflight(request: NextRequest): Promise<Response> {
  const origin = request.headers.get("origin");
  if (!origin || !(await isOriginKnown(await getDb(), origin))) {
    return errorResponse(new AppError("origin_not_allowed", "This origin may not call the widget API."));
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
    },
  });
}

async function readJsonBody(request: NextRequest): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("body_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new AppError("body_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
      }
      chunks.push(value);
    }
  }
  if (size === 0) return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("unsupported_media_type", "Send JSON with Content-Type: application/json.");
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

/**
 * Wraps a /api/widget/v1 route handler: resolves the account from the Bearer key, checks the
 * browser's origin for publishable keys (and refuses secret keys from browsers), applies the
 * per-key and per-IP limits, reads at most 64 KB of JSON, and turns every failure into a JSON
 * error with a stable code. Unexpected errors are logged and answered as `internal`.
 */
export function withWidgetKey(handler: (ctx: WidgetContext) => Promise<Response>) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const origin = browserOrigin(request);
    let cors: Record<string, string> = {};
    try {
      const db = await getDb();
      const retryIp = await (await perAddress()).consume(clientIp(request.headers));
      if (retryIp) throw new AppError("rate_limited", "Too many requests from this address.", undefined, { "Retry-After": String(retryIp) });

      const auth = request.headers.get("authorization") ?? "";
      const key = /^Bearer\s+((?:pk|sk)_[A-Za-z0-9_-]{10,100})$/.exec(auth.trim())?.[1];
      const keyHash = key ? hashKey(key) : null;
      const found = keyHash ? await findActiveKeyByHash(db, keyHash) : null;
      if (origin && found && (await isOriginAllowed(db, { accountId: found.accountId, origin }))) cors = corsHeaders(origin);
      if (!found) throw new AppError("unauthenticated", "Send a valid API key as Authorization: Bearer <key>.");
      if (found.kind === "publishable" && !cors["Access-Control-Allow-Origin"]) {
        throw new AppError("origin_not_allowed", "Publishable keys work only from the account's allowed origins.");
      }
      if (found.kind === "secret" && origin) {
        throw new AppError("secret_key_in_browser", "Secret keys are for servers; use the publishable key in browsers.");
      }
      const retryKey = await (await perKey()).consume(keyHash!);
      if (retryKey) throw new AppError("rate_limited", "Too many requests for this key.", undefined, { "Retry-After": String(retryKey) });

      const response = await handler({
        db,
        accountId: found.accountId,
        keyKind: found.kind,
        acceptLanguage: request.headers.get("accept-language"),
        request,
        params: await context.params,
        body: await readJsonBody(request),
      });
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      return response;
    } catch (error) {
      if (isAppError(error) && Object.hasOwn(widgetErrorCodes, error.code)) return errorResponse(error, cors);
      const requestId = logFailure(`widget api ${request.method} ${request.nextUrl.pathname}`, error);
      return errorResponse(new AppError("internal", `Something went wrong on Baton's side (request ${requestId}).`), { ...cors, "X-Request-Id": requestId });
    }
  };
}
