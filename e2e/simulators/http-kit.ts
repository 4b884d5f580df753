// Shared plumbing for the helpdesk simulators: a node:http server whose handlers return plain
// response objects, so every response can be recorded and fault-injected in one place.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Clock = () => number;

export type SimRequest = {
  method: string;
  /** Path without the account prefix, e.g. `/api/v2/tickets.json`. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON or form body; undefined when empty or unparsable (see `bodyInvalid`). */
  body: unknown;
  bodyInvalid: boolean;
};

export type SimResponse = {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  contentType?: string;
  /** Answered this late (after the work is done), e.g. to outlast the client's timeout. */
  delayMs?: number;
};

export type RecordedRequest = {
  at: number;
  method: string;
  /** The full path including the account prefix, e.g. `/acme/api/v2/tickets.json`. */
  path: string;
  account: string | null;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
};

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  body,
  headers,
  contentType: "application/json; charset=utf-8",
});

export const text = (status: number, body: string, headers: Record<string, string> = {}): SimResponse => ({
  status,
  body,
  headers,
  contentType: "text/plain; charset=utf-8",
});

export const html = (status: number, body: string, headers: Record<string, string> = {}): SimResponse => ({
  status,
  body,
  headers,
  contentType: "text/html; charset=utf-8",
});

export const redirect = (location: string): SimResponse => ({ status: 302, headers: { Location: location } });

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Decodes `Authorization: Basic …` into its user and password, or null. */
export function parseBasic(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function parseBearer(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? null;
}

export type SimServer = {
  url: string;
  /** Waits, unless the server closes first (then the promise never settles and the socket dies). */
  delay: (ms: number) => Promise<void>;
  close: () => Promise<void>;
};

export type ListenOptions = {
  port: number;
  now: Clock;
  /** Added before each request is handled (fault injection). */
  latencyMs: () => number;
  handle: (account: string, request: SimRequest) => Promise<SimResponse> | SimResponse;
  record: (entry: RecordedRequest) => void;
};

/**
 * Listens on 127.0.0.1. The first path segment names the account (`/acme/api/...`); `handle`
 * receives it and the rest of the path. Every answered request is passed to `record`.
 */
export async function listen({ port, now, latencyMs, handle, record }: ListenOptions): Promise<SimServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "Content-Type": "text/plain" }).end(`Simulator error: ${String(error)}`);
      }
    });
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rawBody = await readBody(req);
    const { body, invalid } = parseBody(rawBody, req.headers["content-type"]);
    const [, account = "", ...rest] = url.pathname.split("/");
    const request: SimRequest = {
      method: req.method ?? "GET",
      path: `/${rest.join("/")}`,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body,
      bodyInvalid: invalid,
    };
    await delay(latencyMs());
    const response = await handle(decodeURIComponent(account), request);
    if (response.delayMs) await delay(response.delayMs);
    record({
      at: now(),
      method: request.method,
      path: url.pathname,
      account: account || null,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body,
      status: response.status,
    });
    // The client may have given up (timeouts); there is nobody left to answer.
    if (res.destroyed) return;
    const payload = response.body === undefined ? "" : typeof response.body === "string" ? response.body : JSON.stringify(response.body);
    const headers: Record<string, string> = { ...response.headers };
    if (response.contentType && payload) headers["Content-Type"] = response.contentType;
    res.writeHead(response.status, headers).end(payload);
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    delay,
    close: () =>
      new Promise((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(raw: string, contentType: string | undefined): { body: unknown; invalid: boolean } {
  if (!raw) return { body: undefined, invalid: false };
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return { body: Object.fromEntries(new URLSearchParams(raw)), invalid: false };
  }
  try {
    return { body: JSON.parse(raw) as unknown, invalid: false };
  } catch {
    return { body: undefined, invalid: true };
  }
}

/** A deterministic JSON rendering (sorted keys), to compare request bodies. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const asString = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
