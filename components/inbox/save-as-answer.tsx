"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { saveAsAnswerAction } from "@/lib/actions/knowledge";

/** Turns the shopper's question and the team's reply into a draft knowledge entry. */
export function SaveAsAnswer({ conversationId }: { conversationId: string }) {
  const t = useTranslations("inbox.saveAsAnswer");
  const [result, save, pending] = useActionState(saveAsAnswerAction, null);
  return (
    <form action={save} className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-4 py-3 text-sm sm:px-6">
      <input type="hidden" name="conversationId" value={conversationId} />
      <Button type="submit" variant="secondary" disabled={pending || result?.ok}>
        {pending ? t("saving") : t("button")}
      </Button>
      {result?.ok ? (
        <p role="status" className="text-emerald-700">
          {t("saved")}
        </p>
      ) : result ? (
        <p role="alert" className="text-red-700">
          {result.error.code === "conflict" ? t("duplicate") : t("failed")}
        </p>
      ) : (
        <span className="text-slate-500">{t("hint")}</span>
      )}
    </form>
  );
}
