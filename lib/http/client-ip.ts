type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's address as the nearest proxy reports it (`next start` sets x-forwarded-for from
 * the socket when no proxy did). Behind a proxy that appends to the header, the first entry is
 * the client's.
 */
export function clientIp(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header(headers, "x-real-ip")?.trim() || "unknown";
}
