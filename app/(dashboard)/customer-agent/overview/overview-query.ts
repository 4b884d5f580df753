import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import type { OverviewData } from "@/lib/overview/contract";
import { filtersToSearch, type OverviewFilters } from "@/lib/validation/overview-filters";

/**
 * The overview's query, shared by the page (which prefetches it on the server with the service
 * as its queryFn) and the client view (which refetches it through GET /api/overview).
 */
export const overviewQueryOptions = (filters: OverviewFilters) =>
  queryOptions({
    queryKey: ["overview", filters] as const,
    queryFn: ({ signal }) => getJson<OverviewData>(`/api/overview?${filtersToSearch(filters)}`, signal),
  });
