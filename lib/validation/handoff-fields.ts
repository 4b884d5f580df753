// The Handoff form's limits and helpers, shared by the schema (handoff.ts) and the browser's form
// without zod, so the Handoff tab does not ship a validation library to show its counters.

export const HANDOFF_MESSAGE_MAX = 1000;
export const HANDOFF_LINKS_MAX = 5;
export const HANDOFF_LINK_LABEL_MAX = 60;

/** A link typed without a scheme gets https://; one with a scheme is left for the URL check. */
export function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
}
