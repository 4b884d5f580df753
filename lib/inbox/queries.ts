import type { InboxFilter } from "@/db/queries/inbox";
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

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new Error(body?.error?.code ?? `http_${response.status}`);
  }
  return (await response.json()) as T;
}

export function filterQuery(filter: InboxFilter): string {
  return new URLSearchParams({ assignee: filter.assignee, state: filter.state, ...(filter.channel ? { channel: filter.channel } : {}) }).toString();
}

export const inboxListQuery = (filter: InboxFilter) => ({
  queryKey: inboxKeys.list(filter),
  queryFn: () => getJson<InboxRowView[]>(`/api/inbox?${filterQuery(filter)}`),
});

export const inboxConversationQuery = (id: string) => ({
  queryKey: inboxKeys.conversation(id),
  queryFn: () => getJson<InboxConversationView>(`/api/inbox/${id}`),
});

export const inboxUnassignedQuery = () => ({
  queryKey: inboxKeys.unassigned,
  queryFn: () => getJson<{ unassigned: number }>("/api/inbox/unassigned"),
});
