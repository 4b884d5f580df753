import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { addressAllowed, checkWebhookUrl } from "@/lib/webhooks/address-policy";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A receiver's answer is read up to this much, then the connection is cut: only its start is kept. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
export const EXCERPT_BYTES = 1024;

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;
const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export type WebhookFailureKind = "refused_url" | "refused_address" | "unresolvable" | "timeout" | "unreachable";

/** A webhook that got no HTTP answer; the message is Baton's own words, never the receiver's. */
export class WebhookPostError extends Error {
  constructor(
    readonly kind: WebhookFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "WebhookPostError";
  }
}

export type WebhookAnswer = { status: number; retryAfter: string | null; excerpt: string; durationMs: number };

/**
 * POSTs a signed webhook. The URL is checked (https only), its name resolved once and every
 * address checked; the connection then goes to the checked address (a pinned lookup), so a name
 * that resolves differently a moment later (DNS rebinding) cannot reach an internal service. TLS
 * still verifies the certificate against the name. Redirects are not followed: a 3xx is the
 * answer. The whole exchange has `timeoutMs`; at most 64 KB of the answer is read.
 */
export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number; signal?: AbortSignal; resolve?: Resolver },
): Promise<WebhookAnswer> {
  const verdict = checkWebhookUrl(rawUrl, { allowPrivate: options.allowPrivate });
  if (!verdict.ok) throw new WebhookPostError("refused_url", `The URL is not allowed (${verdict.reason}).`);
  const url = verdict.url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch {
    throw new WebhookPostError("unresolvable", `The name ${host} could not be resolved.`);
  }
  if (addresses.length === 0) throw new WebhookPostError("unresolvable", `The name ${host} could not be resolved.`);
  const refused = addresses.find((a) => !addressAllowed(a.address, { allowLoopback: options.allowPrivate }));
  if (refused) throw new WebhookPostError("refused_address", `${host} resolves to an address webhooks may not reach.`);
  const pinned = addresses[0]!;
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  return send(url, body, headers, lookup, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS, options.signal);
}

function send(
  url: URL,
  body: string,
  headers: Record<string, string>,
  lookup: LookupFunction,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<WebhookAnswer> {
  const started = performance.now();
  const client = url.protocol === "https:" ? https : http;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const request = client.request(url, {
      method: "POST",
      lookup,
      agent: false,
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Baton-Webhooks/1" },
    });
    const fail = (kind: WebhookFailureKind, message: string) => {
      request.destroy();
      finish(() => reject(new WebhookPostError(kind, message)));
    };
    const timer = setTimeout(() => fail("timeout", `No answer within ${Math.round(timeoutMs / 1000)} s.`), timeoutMs);
    const onAbort = () => fail("unreachable", "The worker stopped.");
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", () => fail("unreachable", `Could not connect to ${url.host}.`));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(() => {
          const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
          const retryAfter = response.headers["retry-after"];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: typeof retryAfter === "string" ? retryAfter : null,
            excerpt: text,
            durationMs: Math.round(performance.now() - started),
          });
          response.destroy();
        });
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES) done();
      });
      response.on("end", done);
      response.on("error", done);
    });
    request.end(body);
  });
}

/** Retry-After as milliseconds (seconds or an HTTP date); 0 when absent or unreadable. Capped at an hour. */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  if (!value) return 0;
  const seconds = Number(value.trim());
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : 0;
}
