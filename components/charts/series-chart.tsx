"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip, type TooltipView } from "./chart-tooltip";

export type Series = { key: string; label: string; color: string };
export type SeriesDatum = { key: string; label: string } & Record<string, number | string | null>;

const axis = { stroke: "#94a3b8", fontSize: 12, tickLine: false, axisLine: false } as const;

/**
 * Values over time (or over categories), as lines or stacked bars: a thin Recharts wrapper with
 * the house axes, grid, legend and tooltip. `tooltip` gives the exact numbers of one point.
 */
export function SeriesChart({
  kind,
  data,
  series,
  title,
  height = 260,
  yFormat,
  yDomain,
  layout = "horizontal",
  showLegend = true,
  tooltip,
  shaded = [],
}: {
  kind: "line" | "stacked-bar";
  data: SeriesDatum[];
  series: Series[];
  title: string;
  height?: number;
  yFormat?: (value: number) => string;
  yDomain?: [number, number];
  /** "vertical": categories down the side, bars across. */
  layout?: "horizontal" | "vertical";
  /** Off when the categories already name every series (one bar per series). */
  showLegend?: boolean;
  tooltip: (index: number) => TooltipView | null;
  /** Labels of the points to shade behind the data (e.g. days the Customer Agent was off); the chart's text says what they mean. */
  shaded?: string[];
}) {
  const common = { data, title, responsive: true, style: { width: "100%", height }, margin: { top: 8, right: 12, bottom: 0, left: 0 } };
  const tip = (
    <Tooltip
      cursor={kind === "line" ? { stroke: "#cbd5e1" } : { fill: "#f1f5f9" }}
      isAnimationActive={false}
      content={({ active, payload }) => {
        const key = (payload?.[0]?.payload as SeriesDatum | undefined)?.key;
        const index = data.findIndex((d) => d.key === key);
        return active && index >= 0 ? <ChartTooltip view={tooltip(index)} /> : null;
      }}
    />
  );
  const legend = showLegend ? (
    <Legend
      iconType="circle"
      iconSize={8}
      wrapperStyle={{ fontSize: 12, paddingTop: 8 }}
      formatter={(value) => <span className="text-slate-600">{value}</span>}
    />
  ) : null;
  const grid = <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={layout === "vertical"} horizontal={layout === "horizontal"} />;
  // Each shaded point is its own band (a line chart's points get bands too, so a single day has a width).
  const shading = shaded.map((label) => <ReferenceArea key={`shade-${label}`} x1={label} x2={label} fill="#e2e8f0" fillOpacity={0.7} ifOverflow="hidden" />);
  const valueAxisProps = { ...axis, tickFormatter: yFormat, domain: yDomain, allowDecimals: false, width: 48 };

  if (kind === "line") {
    return (
      <LineChart {...common}>
        {grid}
        <XAxis dataKey="label" {...axis} minTickGap={24} scale={shaded.length > 0 ? "band" : undefined} />
        <YAxis {...valueAxisProps} />
        {shading}
        {tip}
        {legend}
        {series.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={data.length <= 16} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    );
  }
  return (
    <BarChart {...common} layout={layout} barCategoryGap={layout === "vertical" ? 10 : "20%"}>
      {grid}
      {layout === "vertical" ? (
        <>
          <XAxis type="number" {...valueAxisProps} />
          <YAxis type="category" dataKey="label" {...axis} width={110} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" {...axis} minTickGap={16} />
          <YAxis {...valueAxisProps} />
        </>
      )}
      {layout === "horizontal" ? shading : null}
      {tip}
      {legend}
      {series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="stack"
          fill={s.color}
          isAnimationActive={false}
          radius={i === series.length - 1 ? (layout === "vertical" ? [0, 3, 3, 0] : [3, 3, 0, 0]) : 0}
        />
      ))}
    </BarChart>
  );
}
