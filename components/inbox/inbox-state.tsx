"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { InboxRowView } from "@/lib/inbox/types";

type StateRow = Pick<InboxRowView, "status" | "destination" | "closedAt" | "closedAs" | "closedByName" | "firstHumanReplyAt">;

/** The message key of the helpdesk a forward was meant for. */
export function helpdeskNameKey(destination: InboxRowView["destination"]) {
  return `handoff.destinations.${destination}.name` as const;
}

/**
 * Where a conversation stands for the team: waiting in Baton Inbox or its forward failed while
 * open; once closed, how it ended (forwarded after all, answered, failed forward or no reply) and who closed it.
 */
export function InboxState({ row }: { row: StateRow }) {
  const t = useTranslations();
  const helpdesk = t(helpdeskNameKey(row.destination));
  const name = row.closedByName ?? t("inbox.final.formerMember");
  const [tone, text] = !row.closedAt
    ? row.status === "failed"
      ? (["failed", t("inbox.statuses.failed", { helpdesk })] as const)
      : (["open", t("inbox.statuses.in_inbox")] as const)
    : row.closedAs === "forwarded"
      ? (["done", t("inbox.final.forwarded", { helpdesk })] as const)
      : row.status === "failed"
        ? (["failed", t("inbox.final.failedClosed", { helpdesk, name })] as const)
        : row.firstHumanReplyAt
          ? (["done", t("inbox.final.answered", { name })] as const)
          : (["quiet", t("inbox.final.unanswered", { name })] as const);
  const tones = {
    open: "bg-indigo-50 text-indigo-700",
    failed: "bg-red-50 text-red-700",
    done: "bg-emerald-50 text-emerald-800",
    quiet: "bg-slate-100 text-slate-700",
  };
  return (
    <span data-testid="inbox-state" className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tones[tone]}`}>
      {text}
    </span>
  );
}
