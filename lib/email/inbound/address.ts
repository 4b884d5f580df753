/**
 * The mailbox an address delivers to, for comparing senders: the domain is case-insensitive
 * (RFC 5321), and so in practice is the local part at every provider a shopper uses; a
 * `+tag` subaddress reaches the same mailbox (sam+shop@ is sam@).
 */
export function mailboxKey(address: string): string {
  const trimmed = address.trim().replace(/^<|>$/g, "");
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return trimmed.toLowerCase();
  let local = trimmed.slice(0, at);
  // A quoted local part ("sam smith"@…) compares by its content.
  if (local.startsWith('"') && local.endsWith('"')) local = local.slice(1, -1).replace(/\\(.)/g, "$1");
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  return `${local.toLowerCase()}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** Whether two addresses name the same mailbox. */
export const sameMailbox = (a: string, b: string) => mailboxKey(a) === mailboxKey(b);
