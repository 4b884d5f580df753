"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useState } from "react";
import { useTitleCount } from "@/components/notifications/title-count";
import { useInboxChanges, useInboxRefetchInterval } from "./live-updates";

/**
 * The sidebar's count of open handoffs nobody has claimed, kept live (a plain fetch: every page
 * shows it), and the same count in the tab's title.
 */
export function UnassignedBadge({ initial }: { initial: number }) {
  const t = useTranslations("nav");
  const [count, setCount] = useState(initial);
  // A server render (navigation, refresh) brings a fresh count.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setCount(initial);
  }
  const { changes } = useInboxChanges();
  const interval = useInboxRefetchInterval();
  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      fetch("/api/inbox/unassigned", { signal: controller.signal, headers: { Accept: "application/json" }, cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<{ unassigned: number }>) : null))
        .then((body) => body && setCount(body.unassigned))
        .catch(() => undefined);
    if (changes > 0) void refresh();
    const timer = interval ? setInterval(refresh, interval) : undefined;
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [changes, interval]);
  useTitleCount(count);
  if (count <= 0) return null;
  return (
    <span
      data-testid="inbox-badge"
      aria-label={t("inboxBadge", { count })}
      className="ml-auto rounded-full bg-indigo-500 px-2 py-0.5 text-xs font-semibold text-white"
    >
      {count}
    </span>
  );
}
