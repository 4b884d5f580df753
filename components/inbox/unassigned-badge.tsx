"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useTitleCount } from "@/components/notifications/title-count";
import { useLiveJson } from "./live-reads";

/**
 * The sidebar's count of open handoffs nobody has claimed, kept live, and the same count in the
 * tab's title. The sidebar keys it by the server's count, so a server render (navigation, refresh)
 * starts it afresh; a failed read keeps the last count.
 */
export function UnassignedBadge({ initial }: { initial: number }) {
  const t = useTranslations("nav");
  const count = useLiveJson("/api/inbox/unassigned", { unassigned: initial }).data.unassigned;
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
