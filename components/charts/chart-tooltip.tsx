export type TooltipRow = { label: string; value: string; color?: string };
export type TooltipView = { title: string; rows: TooltipRow[]; footer?: TooltipRow };

/** The box a chart shows for the point under the pointer or keyboard focus: exact numbers. */
export function ChartTooltip({ view }: { view: TooltipView | null }) {
  if (!view) return null;
  return (
    <div className="min-w-48 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg backdrop-blur">
      <p className="mb-1.5 font-semibold text-slate-900">{view.title}</p>
      <dl className="space-y-1">
        {view.rows.map((row) => (
          <div key={row.label} className="flex items-center justify-between gap-4">
            <dt className="flex items-center gap-1.5 text-slate-600">
              {row.color ? <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: row.color }} /> : null}
              {row.label}
            </dt>
            <dd className="font-medium tabular-nums text-slate-900">{row.value}</dd>
          </div>
        ))}
        {view.footer ? (
          <div className="mt-1 flex items-center justify-between gap-4 border-t border-slate-100 pt-1">
            <dt className="text-slate-600">{view.footer.label}</dt>
            <dd className="font-semibold tabular-nums text-slate-900">{view.footer.value}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
