/**
 * What a delivery status notification (RFC 3464) says about the message it returns: the
 * Message-IDs found in the returned message or headers (after the report's own header), and the
 * reason the receiving server gave.
 */
export function readBounce(raw: string): { messageIds: string[]; reason: string } {
  const bodyStart = raw.search(/\r?\n\r?\n/);
  const body = bodyStart >= 0 ? raw.slice(bodyStart) : raw;
  const messageIds = [...body.matchAll(/^(?:X-Original-)?Message-ID:\s*(<[^>\s]+>)/gim)].map((m) => m[1]!);
  const diagnostic = /^Diagnostic-Code:\s*(?:smtp;\s*)?(.+(?:\r?\n[ \t].+)*)/im.exec(body)?.[1];
  const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(body)?.[1];
  const reason = (diagnostic ?? (status ? `Status ${status}` : "The receiving server returned the email.")).replace(/\s+/g, " ").trim();
  return { messageIds: [...new Set(messageIds)], reason: reason.slice(0, 500) };
}
