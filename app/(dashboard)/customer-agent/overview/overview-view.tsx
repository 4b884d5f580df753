"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "@/lib/i18n/client";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { filtersFromSearch, filtersToSearch, type OverviewFilters as Filters } from "@/lib/validation/overview-filters";
import { Definitions } from "./definitions";
import { KnowledgeGaps } from "./knowledge-gaps";
import { OverviewFilters } from "./overview-filters";
import { overviewQueryOptions } from "./overview-query";
import { OverviewTiles } from "./overview-tiles";
import { useOverviewFormat } from "./use-overview-format";

// Recharts is most of this page's weight: the charts load after the figures and filters, so the
// page is usable (tiles, filters, knowledge gaps) before it arrives.
const OverviewCharts = dynamic(() => import("./overview-charts"), { ssr: false, loading: () => <ChartsLoading /> });

function ChartsLoading() {
  const t = useTranslations("overview");
  return (
    <p
      role="status"
      className="flex h-72 items-center justify-center rounded-xl border border-dashed border-slate-300 bg-white text-sm text-slate-600 lg:col-span-3"
    >
      {t("chartsLoading")}
    </p>
  );
}

/**
 * The overview, driven by the URL: filters live in the search params, so a view can be shared.
 * Changing them pushes a history entry (no navigation, no reload) and React Query fetches the new
 * figures while the previous ones stay on screen, dimmed.
 */
export function OverviewView() {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const format = useFormatter();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const query = useQuery({ ...overviewQueryOptions(filters), placeholderData: keepPreviousData });
  const data = query.data;
  const updating = query.isFetching && query.isPlaceholderData;

  const setFilters = (next: Filters) => {
    const search = filtersToSearch(next).toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  };

  return (
    <section aria-labelledby="overview-heading" className="space-y-6">
      <div className="flex flex-col justify-between gap-4 lg:flex-row lg:items-start">
        <div>
          <h2 id="overview-heading" className="text-lg font-semibold text-slate-900">
            {t("heading")}
          </h2>
          {data ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="range-summary">
              {t("rangeSummary", {
                range: f.range(data.range.from, data.range.to, true),
                previous: f.range(data.range.previousFrom, data.range.previousTo, true),
                timeZone: data.range.timeZone,
              })}
            </p>
          ) : null}
          {data && data.agentOff.length > 0 ? (
            <p className="mt-2 max-w-2xl rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="agent-off-note">
              {t("agentOff", { days: format.list(data.agentOff.map((r) => f.range(r.from, r.to))) })}
            </p>
          ) : null}
          <p role="status" className="mt-1 h-4 text-xs text-indigo-700">
            {updating ? t("updating") : null}
          </p>
        </div>
        {data ? <OverviewFilters key={JSON.stringify(filters)} filters={filters} range={data.range} onChange={setFilters} /> : null}
      </div>

      {query.isError && !query.isFetching ? (
        <div role="alert" className="flex items-center justify-between gap-4 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
          {t("loadError")}
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}

      {data ? (
        <div aria-busy={updating} data-testid="overview-figures" className={`space-y-6 transition-opacity ${updating ? "opacity-60" : ""}`}>
          <OverviewTiles data={data} />
          <div className="grid gap-4 lg:grid-cols-3">
            <OverviewCharts data={data} />
            <KnowledgeGaps gaps={data.knowledgeGaps} days={data.range.days} className="lg:col-span-3" />
          </div>
          <Definitions timeZone={data.range.timeZone} resolutionWindowHours={data.resolutionWindowHours} />
        </div>
      ) : null}
    </section>
  );
}
