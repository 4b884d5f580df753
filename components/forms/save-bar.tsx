"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A settings form's Save button and what became of the last save: saved, or why not (a save
 * from a stale page offers a reload). `errorText` words an error code.
 */
export function SaveBar({
  result,
  pending,
  disabled,
  labels,
  errorText,
  className = "",
}: {
  result: ActionResult<unknown> | null;
  pending: boolean;
  disabled?: boolean;
  labels: { save: string; saving: string; saved: string; reload: string };
  errorText: (code: string) => string;
  className?: string;
}) {
  // A stale save is a conflict; other failures are named by their code.
  const formError = result && !result.ok ? (result.error.code === "conflict" ? "stale_version" : result.error.code) : null;
  // The button is disabled while saving, which drops its focus to the page: once the save is
  // over, focus comes back to it.
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!pending && result && (!document.activeElement || document.activeElement === document.body)) button.current?.focus();
  }, [pending, result]);
  return (
    <div className={`flex flex-wrap items-center gap-4 ${className}`}>
      <Button ref={button} type="submit" disabled={pending || disabled}>
        {pending ? labels.saving : labels.save}
      </Button>
      <div aria-live="polite" className="text-sm">
        {result?.ok && !pending ? (
          <p role="status" key={result.at} className="text-emerald-700">
            {labels.saved}
          </p>
        ) : null}
        {result && !result.ok && !pending ? (
          <p role="alert" key={result.at} className="flex flex-wrap items-center gap-3 text-red-700">
            {errorText(formError ?? "internal")}
            {formError === "stale_version" ? (
              <Button type="button" variant="secondary" onClick={() => window.location.reload()}>
                {labels.reload}
              </Button>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
