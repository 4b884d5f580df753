"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { resendDeliveryAction } from "@/lib/actions/webhooks";
import { webhookError } from "../errors";

/** Resend one delivery: queued again with the same webhook-id; the log refreshes with its outcome. */
export function ResendButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("webhooks");
  const [result, resend, pending] = useActionState(resendDeliveryAction, null);
  return (
    <form action={resend} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" aria-label={label} disabled={pending}>
        {t("resend")}
      </Button>
      <p role="status" className="text-xs text-slate-600">
        {result?.ok ? t("resent") : result ? t(`errors.${webhookError(result.error.code)}`) : null}
      </p>
    </form>
  );
}
