import { BlockList, isIP } from "node:net";

/**
 * Which addresses a webhook may reach. Endpoints are typed by merchants, so an endpoint must never
 * become a way into Baton's own network (SSRF): loopback, private, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, multicast and reserved ranges are refused, in IPv4 and IPv6 (including
 * IPv4-mapped and NAT64 forms). Loopback is allowed only when private webhooks are allowed
 * (development and tests), and only loopback.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address (::ffff:a.b.c.d), if any. */
function embeddedIpv4(address: string): string | null {
  const m = /^::(?:ffff:(?:0+:)?)?((?:\d{1,3}\.){3}\d{1,3})$/i.exec(address);
  if (m) return m[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export const isLoopback = (address: string) => {
  const v4 = embeddedIpv4(address) ?? address;
  return isIP(v4) === 4 ? loopback.check(v4, "ipv4") : loopback.check(v4, "ipv6");
};

/** Whether Baton may connect to this IP address. */
export function addressAllowed(address: string, options: { allowLoopback: boolean }): boolean {
  const v4 = embeddedIpv4(address);
  const ip = v4 ?? address.replace(/^\[|\]$/g, "");
  const family = isIP(ip);
  if (family === 0) return false;
  if (options.allowLoopback && isLoopback(ip)) return true;
  return !blocked.check(ip, family === 4 ? "ipv4" : "ipv6");
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: "invalid_url" | "https_required" | "credentials_in_url" };

/** A URL a webhook may have: https (http only to loopback, when private webhooks are allowed), no user:password. */
export function checkWebhookUrl(raw: string, options: { allowPrivate: boolean }): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "invalid_url" };
  }
  if (url.username || url.password) return { ok: false, reason: "credentials_in_url" };
  if (url.protocol === "https:") return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local = host === "localhost" || (isIP(host) !== 0 && isLoopback(host));
  if (url.protocol === "http:" && options.allowPrivate && local) return { ok: true, url };
  return { ok: false, reason: url.protocol === "http:" ? "https_required" : "invalid_url" };
}
