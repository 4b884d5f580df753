"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { retryEmailAction } from "@/lib/actions/inbox";

export function RetryEmailButton({ conversationId, emailId }: { conversationId: string; emailId: string }) {
  const t = useTranslations("inbox.email");
  const [result, retry, pending] = useActionState(retryEmailAction, null);
  return (
    <form action={retry} className="flex items-center gap-2">
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="emailId" value={emailId} />
      {result && !result.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {t("retryFailed")}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("retrying_button") : t("retry")}
      </Button>
    </form>
  );
}
