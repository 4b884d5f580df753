import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { getOverview } from "@/lib/services/overview";
import { filtersFromSearch } from "@/lib/validation/overview";
import { overviewQueryOptions } from "./overview-query";
import { OverviewView } from "./overview-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.overview");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  // Support leads and admins only: agents get the 403 page (and never see a link here).
  const member = await requireMember({ role: "lead" });
  const filters = filtersFromSearch(await searchParams);
  const db = await getDb();
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...overviewQueryOptions(filters), queryFn: () => getOverview(db, { accountId: member.accountId, filters }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView />
    </HydrationBoundary>
  );
}
