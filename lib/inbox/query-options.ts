import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { InboxFilter } from "@/db/queries/escalations/inbox";
import { getJson } from "@/lib/http/get-json";
import type { InboxConversationView, InboxPage } from "./types";

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
  return new URLSearchParams({
    assignee: filter.assignee,
    state: filter.state,
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.q ? { q: filter.q } : {}),
  }).toString();
}

/** A view's pages, each fetched after the previous page's cursor ("Load more"). */
export const inboxListQuery = (filter: InboxFilter) =>
  infiniteQueryOptions({
    queryKey: inboxKeys.list(filter),
    initialPageParam: null as string | null,
    getNextPageParam: (page: InboxPage) => page.nextCursor,
    queryFn: ({ signal, pageParam }) =>
      getJson<InboxPage>(`/api/inbox?${filterQuery(filter)}${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ""}`, signal),
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
