"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { retryForwardingAction } from "@/lib/actions/inbox";

/** "Retry now" beside a failed forward: one attempt at once; the conversation updates live with its result. */
export function RetryForwardingButton({ conversationId, helpdesk }: { conversationId: string; helpdesk: string }) {
  const t = useTranslations("inbox.forwarding");
  const [result, retry, pending] = useActionState(retryForwardingAction, null);
  const outcome = result?.ok ? result.data.outcome : null;
  return (
    <form action={retry} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="conversationId" value={conversationId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("retrying") : t("retry")}
      </Button>
      <span role="status" className="text-xs">
        {result && !result.ok ? <span className="text-red-700">{t("retryFailed")}</span> : null}
        {outcome === "in_progress" ? t("inProgress") : null}
        {outcome === "retrying" || outcome === "deferred" ? t("stillFailing", { helpdesk }) : null}
        {outcome === "failed" ? t("failedAgain", { helpdesk }) : null}
      </span>
    </form>
  );
}
