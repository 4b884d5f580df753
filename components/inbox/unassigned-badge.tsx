"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { inboxUnassignedQuery } from "@/lib/inbox/query-options";
import { useInboxRefetchInterval } from "./live-updates";

/** The sidebar's count of open handoffs nobody has claimed, kept live. */
export function UnassignedBadge({ initial }: { initial: number }) {
  const t = useTranslations("nav");
  const { data } = useQuery({ ...inboxUnassignedQuery(), initialData: { unassigned: initial }, refetchInterval: useInboxRefetchInterval() });
  if (data.unassigned <= 0) return null;
  return (
    <span
      data-testid="inbox-badge"
      aria-label={t("inboxBadge", { count: data.unassigned })}
      className="ml-auto rounded-full bg-indigo-500 px-2 py-0.5 text-xs font-semibold text-white"
    >
      {data.unassigned}
    </span>
  );
}
