"use client";

import type { OverviewData } from "@/lib/overview/contract";
import { ChannelChart, DestinationsChart, FunnelChart } from "./breakdown-charts";
import { OutcomesChart, RatesChart } from "./trend-charts";

/** The overview's charts, in the overview grid: the one part that needs Recharts (loaded apart). */
export default function OverviewCharts({ data }: { data: OverviewData }) {
  return (
    <>
      <RatesChart data={data} className="lg:col-span-2" />
      <FunnelChart data={data} />
      <OutcomesChart data={data} className="lg:col-span-2" />
      <div className="grid gap-4">
        <ChannelChart data={data} />
        <DestinationsChart data={data} />
      </div>
    </>
  );
}
