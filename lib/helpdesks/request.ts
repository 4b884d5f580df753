import { z } from "zod";
import type { RateLimitSeen, RequestBudget } from "@/lib/helpdesks/budget";

/**
 * A helpdesk reached over HTTP, described by its own folder (lib/helpdesks/<id>/helpdesk.ts): its
 * id (budget keys), its name (error messages), how its answers state the account's rate limit and
 * what its error bodies say.
 */
export type Helpdesk = {
  id: string;
  name: string;
  rateHeaders: (headers: Headers) => RateLimitSeen | null;
  /** A JSON error body in its words: its identifier for the error, if any, and its sentences in order; null when the body is not its shape. */
  errorWords: (body: object) => ErrorWords | null;
};

/** What a helpdesk's error body says (credentials never appear in one). */
export type ErrorWords = { code?: string; said: string[] };

import type { HelpdeskErrorKind } from "@/lib/helpdesks/error-kinds";

export const DEFAULT_TIMEOUT_MS = 8000;

/** When a 429 carries no usable Retry-After (the Zendesk Java client's choice too). */
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

const KIND_TEXT: Record<HelpdeskErrorKind, string> = {
  not_found_account: "no such account",
  invalid_credentials: "credentials were refused",
  insufficient_role: "the user's role does not allow this",
  rate_limited: "rate limit reached",
  timeout: "no answer in time",
  unreachable: "could not be reached",
  server_error: "server error",
  invalid_request: "request refused",
  unexpected_response: "unexpected response",
};

/**
 * A helpdesk call that failed. The message is built only from the kind, the HTTP status and the
 * helpdesk's own error description, never from the request, so credentials cannot leak into it.
 */
export class HelpdeskError extends Error {
  /** The helpdesk's id. */
  readonly helpdesk: string;
  readonly kind: HelpdeskErrorKind;
  readonly status?: number;
  /** For rate_limited (always set) and server_error (when the helpdesk sent Retry-After). */
  readonly retryAfterSeconds?: number;
  /** The helpdesk's error code, e.g. `RecordInvalid`, `IdempotentRequestError`, `invalid_grant`. */
  readonly code?: string;
  readonly description?: string;

  constructor(
    helpdesk: Helpdesk,
    kind: HelpdeskErrorKind,
    details: { status?: number; retryAfterSeconds?: number; code?: string; description?: string; cause?: unknown } = {},
  ) {
    const status = details.status ? ` (HTTP ${details.status})` : "";
    const wait = details.retryAfterSeconds !== undefined ? `, retry after ${details.retryAfterSeconds} s` : "";
    const said = details.description ? `: ${details.description}` : "";
    super(`${helpdesk.name}: ${KIND_TEXT[kind]}${status}${wait}${said}`, { cause: details.cause });
    this.name = "HelpdeskError";
    this.helpdesk = helpdesk.id;
    this.kind = kind;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.code = details.code;
    this.description = details.description;
  }
}

export function isHelpdeskError(error: unknown): error is HelpdeskError {
  return error instanceof HelpdeskError;
}

export type HelpdeskRequest<T> = {
  helpdesk: Helpdesk;
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Validates the success body; a mismatch is `unexpected_response`. */
  schema: z.ZodType<T>;
  timeoutMs?: number;
  /** The helpdesk account's shared budget: spent before the request, taught by the answer. */
  budget?: RequestBudget;
  /** Aborts the request wherever it is (the outbox worker was killed): its connection is cut. */
  signal?: AbortSignal;
};

export type HelpdeskResponse<T> = { status: number; headers: Headers; data: T };

/**
 * The one way Baton calls a helpdesk: a timeout, JSON in and out, the body checked against a
 * schema, and every failure turned into a HelpdeskError with a kind callers can act on.
 * A 404 maps to `not_found_account`: every endpoint called through here is account-level, so a
 * 404 means the subdomain or domain does not exist.
 */
export async function helpdeskRequest<T>(request: HelpdeskRequest<T>): Promise<HelpdeskResponse<T>> {
  const { helpdesk } = request;
  const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
  if (request.json !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  let text: string;
  await request.budget?.spend();
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    request.signal?.throwIfAborted();
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal: request.signal ? AbortSignal.any([timeout, request.signal]) : timeout,
      redirect: "manual",
    });
    text = await response.text();
  } catch (error) {
    // Killed, the outcome is unknown as when the process dies: the next attempt searches first.
    throw new HelpdeskError(helpdesk, isTimeout(error) ? "timeout" : "unreachable", {
      cause: error,
      description: request.signal?.aborted ? "the worker was stopped" : undefined,
    });
  }
  request.budget?.observe(response.status, response.headers);
  const body = parseJson(text);

  if (response.status >= 200 && response.status < 300) {
    if (body === undefined) throw new HelpdeskError(helpdesk, "unexpected_response", { status: response.status, description: "body is not JSON" });
    const parsed = request.schema.safeParse(body);
    if (!parsed.success) {
      // Paths and zod's messages only: the values could be personal data.
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"} ${i.message}`);
      throw new HelpdeskError(helpdesk, "unexpected_response", { status: response.status, description: issues.join("; ") });
    }
    return { status: response.status, headers: response.headers, data: parsed.data };
  }
  throw errorFor(helpdesk, response, body, text);
}

function errorFor(helpdesk: Helpdesk, response: Response, body: unknown, text: string): HelpdeskError {
  const { status } = response;
  const { code, description } = describe(helpdesk, body, text, response.headers.get("content-type"));
  const details = { status, code, description };
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  if (status === 401) return new HelpdeskError(helpdesk, "invalid_credentials", details);
  if (status === 403) return new HelpdeskError(helpdesk, "insufficient_role", details);
  if (status === 404) return new HelpdeskError(helpdesk, "not_found_account", details);
  if (status === 429) {
    return new HelpdeskError(helpdesk, "rate_limited", {
      ...details,
      retryAfterSeconds: retryAfter ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS,
    });
  }
  if (status >= 500) return new HelpdeskError(helpdesk, "server_error", { ...details, retryAfterSeconds: retryAfter });
  if (status >= 400) return new HelpdeskError(helpdesk, "invalid_request", details);
  // 1xx/3xx: nothing Baton asks for answers with a redirect.
  return new HelpdeskError(helpdesk, "unexpected_response", details);
}

/** Retry-After as seconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** The helpdesk's own words: what its error body says (its `errorWords`), or a short plain-text body. Capped in length. */
function describe(helpdesk: Helpdesk, body: unknown, text: string, contentType: string | null): { code?: string; description?: string } {
  const words = body !== null && typeof body === "object" ? helpdesk.errorWords(body) : null;
  if (words) {
    const description = words.said.length > 0 ? words.said.join("; ") : words.code;
    return { code: words.code, description: description?.slice(0, 300) };
  }
  if (contentType?.startsWith("text/plain") && text.trim()) return { description: text.trim().slice(0, 300) };
  return {};
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isTimeout(error: unknown): boolean {
  const name = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.name : undefined);
  return name(error) === "TimeoutError" || name((error as { cause?: unknown } | undefined)?.cause) === "TimeoutError";
}

export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** `${baseUrl}${path}` with exactly one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** A base URL as people read it: no scheme, no trailing slash (`acme.zendesk.com`). */
export const withoutScheme = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/+$/, "");
