import { useId, type ReactNode } from "react";

export type ChartTable = { caption: string; columns: string[]; rows: Array<{ key: string; cells: Array<string | number> }> };

/**
 * A chart in a card: its title and description label the figure, an empty state replaces it
 * when there is nothing to draw, and its data is also a table for screen readers (the chart
 * itself is keyboard-navigable, with a tooltip per point).
 */
export function ChartCard({
  title,
  description,
  info,
  empty,
  table,
  className = "",
  testId,
  children,
}: {
  title: string;
  description: string;
  info?: ReactNode;
  /** Text shown instead of the chart when set. */
  empty?: string | null;
  table: ChartTable;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-testid={testId}
      className={`flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <figcaption id={`${id}-title`} className="text-sm font-semibold text-slate-900">
            {title}
          </figcaption>
          <p id={`${id}-desc`} className="mt-0.5 text-xs text-slate-500">
            {description}
          </p>
        </div>
        {info}
      </div>
      <div className="mt-4 flex-1">
        {empty ? (
          <div className="flex h-full min-h-48 items-center justify-center rounded-lg border border-dashed border-slate-200 bg-slate-50/60 px-4 text-center text-sm text-slate-500">
            {empty}
          </div>
        ) : (
          children
        )}
      </div>
      {empty ? null : (
        // The wrapper hides it: a table ignores the 1px width that sr-only gives it.
        <div className="sr-only">
          <table>
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
