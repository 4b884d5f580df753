import http from "node:http";
import https from "node:https";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The header that carries the caller's address to route handlers. Set on every request by the
 * socket hook below, which overwrites whatever a client sent under the same name.
 */
export const CLIENT_ADDRESS_HEADER = "x-baton-client-address";

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** "::ffff:203.0.113.5" (an IPv4 client on a dual-stack socket) counts as "203.0.113.5". */
const normalize = (address: string) =>
  address
    .trim()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1")
    .toLowerCase();

/**
 * The address a limit may count, which a client cannot choose: the socket's peer when no proxy
 * is trusted, else the entry `trustedHops` places left of it in X-Forwarded-For (each trusted
 * proxy appends the address it saw, so everything further left was written by the client). A
 * shorter chain than promised gives its leftmost entry.
 */
export function clientAddressOf(params: { forwardedFor: string | undefined; socketAddress: string | undefined; trustedHops: number }): string {
  const chain = [
    ...(params.forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    params.socketAddress || "unknown",
  ];
  return normalize(chain[Math.max(0, chain.length - 1 - params.trustedHops)]!);
}

/**
 * Installs the hook on Node's HTTP(S) servers of this process (`next start` serves through one):
 * every request gets CLIENT_ADDRESS_HEADER from its socket before Next.js sees it. Idempotent.
 */
export function trustClientAddresses(trustedHops: number): void {
  const flag = globalThis as unknown as { batonClientAddressHook?: boolean };
  if (flag.batonClientAddressHook) return;
  flag.batonClientAddressHook = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf({
          forwardedFor: header(request.headers, "x-forwarded-for"),
          socketAddress: request.socket?.remoteAddress,
          trustedHops,
        });
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
}

/** The caller's address as the socket hook recorded it ("unknown" outside a hooked server). */
export function clientIp(headers: HeaderBag): string {
  return header(headers, CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
