import type { InboxFilter } from "@/db/queries/escalations/inbox";

/** A filter as the inbox page's and /api/inbox's query string. */
export function filterQuery(filter: InboxFilter): string {
  return new URLSearchParams({
    assignee: filter.assignee,
    state: filter.state,
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.q ? { q: filter.q } : {}),
  }).toString();
}

/** One page of a filter's rows, `after` the previous page's cursor. */
export const inboxListUrl = (filter: InboxFilter, after: string | null) =>
  `/api/inbox?${filterQuery(filter)}${after ? `&after=${encodeURIComponent(after)}` : ""}`;

export const inboxConversationUrl = (id: string) => `/api/inbox/${id}`;
