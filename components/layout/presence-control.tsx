"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useId, useState, useTransition } from "react";
import type { PresenceStatus } from "@/lib/validation/presence";
import { heartbeatAction, setPresenceAction } from "@/lib/actions/availability";

const options = ["available", "away"] as const;

/**
 * The member's Available / Away switch, and the heartbeat that keeps an Available member counted
 * while any dashboard page is open (a closed browser stops it, and the member turns offline).
 */
export function PresenceControl({ initial, heartbeatMs }: { initial: PresenceStatus; heartbeatMs: number }) {
  const t = useTranslations("presence");
  const [status, setStatus] = useState(initial);
  const [failed, setFailed] = useState(false);
  const [, startTransition] = useTransition();
  const hintId = useId();

  useEffect(() => {
    let stopped = false;
    const beat = () =>
      heartbeatAction()
        .then((result) => {
          // Another tab may have changed the choice: follow it.
          if (!stopped && result.ok) setStatus(result.data.status);
        })
        .catch(() => undefined);
    void beat();
    const timer = setInterval(beat, heartbeatMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [heartbeatMs]);

  const choose = (next: PresenceStatus) => {
    const previous = status;
    setStatus(next);
    setFailed(false);
    startTransition(async () => {
      const result = await setPresenceAction(next).catch(() => null);
      if (!result?.ok) {
        setStatus(previous);
        setFailed(true);
      }
    });
  };

  return (
    <fieldset className="px-2 pb-3" aria-describedby={hintId} data-testid="presence-control" data-status={status}>
      <legend className="mb-2 px-0 text-xs font-medium uppercase tracking-wide text-slate-400">{t("legend")}</legend>
      <div className="grid grid-cols-2 gap-1 rounded-lg bg-slate-800 p-1">
        {options.map((option) => (
          <label
            key={option}
            className="flex cursor-pointer items-center justify-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-300 transition hover:text-white has-checked:bg-slate-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-indigo-400"
          >
            <input type="radio" name="presence" value={option} checked={status === option} onChange={() => choose(option)} className="sr-only" />
            <span aria-hidden="true" className={`size-2 rounded-full ${option === "available" ? "bg-emerald-400" : "bg-amber-400"}`} />
            {t(option)}
          </label>
        ))}
      </div>
      <p id={hintId} className="mt-1.5 px-0.5 text-xs text-slate-400" role={failed ? "alert" : undefined}>
        {failed ? t("failed") : status === "available" ? t("availableHint") : t("awayHint")}
      </p>
    </fieldset>
  );
}
