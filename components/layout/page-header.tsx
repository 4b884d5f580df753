import type { ReactNode } from "react";

export function PageHeader({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white px-4 pt-6 sm:px-8 sm:pt-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className={children ? "mt-6" : "pb-6"}>{children}</div>
    </header>
  );
}
