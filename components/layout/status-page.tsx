import type { ReactNode } from "react";

/** Full-page message for 403, 404 and unexpected errors. */
export function StatusPage({ code, title, body, action }: { code?: string; title: string; body: string; action: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        {code ? <p className="text-sm font-semibold text-indigo-600">{code}</p> : null}
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-2 text-sm text-slate-600">{body}</p>
        <div className="mt-6">{action}</div>
      </div>
    </main>
  );
}
