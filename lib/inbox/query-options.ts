import { queryOptions } from "@tanstack/react-query";
import type { InboxFilter } from "@/db/queries/inbox";
import { getJson } from "@/lib/http/get-json";
import type { InboxConversationView, InboxRowView } from "./types";

/**
 * React Query options for the inbox, used by the server prefetch (with a database query function)
 * and by the browser (fetching /api/inbox/*). Live updates invalidate `inboxKeys.all`.
 */
export const inboxKeys = {
  all: ["inbox"] as const,
  list: (filter: InboxFilter) => ["inbox", "list", filter] as const,
  conversation: (id: string) => ["inbox", "conversation", id] as const,
  unassigned: ["inbox", "unassigned"] as const,
};

export function filterQuery(filter: InboxFilter): string {
  return new URLSearchParams({ assignee: filter.assignee, state: filter.state, ...(filter.channel ? { channel: filter.channel } : {}) }).toString();
}

export const inboxListQuery = (filter: InboxFilter) =>
  queryOptions({
    queryKey: inboxKeys.list(filter),
    queryFn: ({ signal }) => getJson<InboxRowView[]>(`/api/inbox?${filterQuery(filter)}`, signal),
  });

export const inboxConversationQuery = (id: string) =>
  queryOptions({
    queryKey: inboxKeys.conversation(id),
    queryFn: ({ signal }) => getJson<InboxConversationView>(`/api/inbox/${id}`, signal),
  });

export const inboxUnassignedQuery = () =>
  queryOptions({
    queryKey: inboxKeys.unassigned,
    queryFn: ({ signal }) => getJson<{ unassigned: number }>("/api/inbox/unassigned", signal),
  });
