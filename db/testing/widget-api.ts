import { NextRequest } from "next/server";
import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@/db/client";
import { addOrigin } from "@/db/queries/widget-keys";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { setPresence } from "@/lib/services/availability";
import { rotateKey } from "@/lib/services/widget-keys";

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const ORIGIN = "https://shop.example.test";

/**
 * An account with both widget keys and one allowed origin, whose admin is Available with an open
 * dashboard (so Baton Inbox handoffs reach a human; `staffed: false` leaves nobody available).
 */
export async function widgetAccount(handle: DatabaseHandle, options: { staffed?: boolean } = {}) {
  const { account, members } = await createAccountWithMembers(handle);
  if (options.staffed !== false) await setPresence(handle.db, { accountId: account.id, userId: members[0]!.id }, "available");
  const pk = await rotateKey(handle.db, { accountId: account.id, kind: "publishable" });
  const sk = await rotateKey(handle.db, { accountId: account.id, kind: "secret" });
  await addOrigin(handle.db, { accountId: account.id, origin: ORIGIN });
  return { account, admin: members[0]!, pk, sk };
}

/** Calls a route handler the way Next.js would, over a real Request. */
export async function call(
  handler: RouteHandler,
  options: {
    method?: string;
    params?: Record<string, string>;
    key?: string;
    origin?: string | null;
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    query?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    [CLIENT_ADDRESS_HEADER]: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    ...options.headers,
  };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (options.token) headers["x-conversation-token"] = options.token;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const request = new NextRequest(`http://localhost/api/widget/v1/test${options.query ?? ""}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return {
    status: response.status,
    headers: response.headers,
    json: json as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string[]> } },
    text,
  };
}

export const newKey = () => randomUUID();
