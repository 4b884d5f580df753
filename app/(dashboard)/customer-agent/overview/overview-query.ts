import { queryOptions } from "@tanstack/react-query";
import type { OverviewData } from "@/lib/overview/contract";
import { filtersToSearch, type OverviewFilters } from "@/lib/validation/overview";

/** Thrown when GET /api/overview answers with an error; `code` is the API's error code. */
export class OverviewRequestError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

async function fetchOverview(filters: OverviewFilters, signal: AbortSignal): Promise<OverviewData> {
  const response = await fetch(`/api/overview?${filtersToSearch(filters)}`, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new OverviewRequestError(body?.error?.code ?? "internal");
  }
  return (await response.json()) as OverviewData;
}

/**
 * The overview's query, shared by the page (which prefetches it on the server with the service
 * as its queryFn) and the client view (which refetches it through GET /api/overview).
 */
export const overviewQueryOptions = (filters: OverviewFilters) =>
  queryOptions({
    queryKey: ["overview", filters] as const,
    queryFn: ({ signal }) => fetchOverview(filters, signal),
  });
