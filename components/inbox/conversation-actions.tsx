"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { submitWith } from "@/components/forms/submit-with";
import { claimAction, closeAction, replyAction } from "@/lib/actions/inbox";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { useInboxChanges } from "./live-updates";

const knownErrors = ["already_claimed", "closed", "reply_required", "reply_too_long", "nul_character", "not_found", "forbidden", "internal"] as const;
const errorKey = (result: ActionResult<unknown> | null) => {
  if (!result || result.ok) return null;
  const code = result.fieldErrors?.text?.[0] ?? result.error.message;
  return (knownErrors as readonly string[]).includes(code) ? (code as (typeof knownErrors)[number]) : "internal";
};

export function ConversationActions({
  conversationId,
  claimedByMe,
  claimedBy,
  closed,
}: {
  conversationId: string;
  claimedByMe: boolean;
  claimedBy: string | null;
  closed: boolean;
}) {
  const t = useTranslations("inbox");
  const [claimed, claim, claiming] = useActionState(claimAction, null);
  const [replied, reply, sending] = useActionState(replyAction, null);
  const [closedResult, close, closing] = useActionState(closeAction, null);
  const error = errorKey(claimed) ?? errorKey(replied) ?? errorKey(closedResult);

  // Whatever the outcome (a lost claim included), show the conversation as it now is: every live
  // read on the page (the conversation, the sidebar's badge) reads again.
  const { changed } = useInboxChanges();
  useEffect(() => {
    if (!claimed && !replied && !closedResult) return;
    changed();
  }, [claimed, replied, closedResult, changed]);

  // Submitted through a transition so a failed send keeps the typed reply; cleared once sent.
  const replyForm = useRef<HTMLFormElement>(null);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  // Sent: the box is emptied and keeps focus (the Send button, disabled while sending, lost it).
  useEffect(() => {
    if (!replied?.ok) return;
    replyForm.current?.reset();
    if (!document.activeElement || document.activeElement === document.body) replyBox.current?.focus();
  }, [replied]);
  // Closed: the buttons are gone, so focus goes to the sentence that says so.
  const closedNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (closedResult?.ok && closed) closedNote.current?.focus();
  }, [closedResult, closed]);
  // The Claim button is gone once it worked: focus goes to the reply box, not to the page.
  useEffect(() => {
    if (claimed?.ok && claimedByMe) replyBox.current?.focus();
  }, [claimed, claimedByMe]);
  const onReply = submitWith(reply);

  if (closed) {
    return (
      <p ref={closedNote} tabIndex={-1} className="border-t border-slate-200 px-4 py-4 text-sm text-slate-600 focus:outline-2 focus:outline-indigo-600 sm:px-6">
        {t("closed")}
      </p>
    );
  }
  return (
    <div className="space-y-3 border-t border-slate-200 px-4 py-4 sm:px-6">
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      {claimedBy ? <p className="text-sm text-slate-600">{t("claimedBy", { name: claimedBy })}</p> : null}
      {!claimedByMe && !claimedBy ? (
        <form action={claim}>
          <input type="hidden" name="conversationId" value={conversationId} />
          <Button type="submit" disabled={claiming}>
            {claiming ? t("claiming") : t("claim")}
          </Button>
        </form>
      ) : null}
      {claimedByMe ? (
        <>
          <form ref={replyForm} onSubmit={onReply} className="flex items-end gap-2">
            <input type="hidden" name="conversationId" value={conversationId} />
            <label className="min-w-0 flex-1">
              <span className="sr-only">{t("replyLabel")}</span>
              <textarea
                ref={replyBox}
                name="text"
                rows={2}
                required
                placeholder={t("replyPlaceholder")}
                aria-label={t("replyLabel")}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
              />
            </label>
            <Button type="submit" disabled={sending}>
              {sending ? t("sending") : t("send")}
            </Button>
          </form>
          <form action={close}>
            <input type="hidden" name="conversationId" value={conversationId} />
            {/* Closing cannot be undone from here, so it asks first. */}
            <ConfirmSubmit
              label={t("close")}
              question={t("closeConfirm")}
              confirmLabel={t("closeYes")}
              cancelLabel={t("closeCancel")}
              pending={closing}
              pendingLabel={t("closing")}
              done={closedResult}
            />
          </form>
        </>
      ) : null}
    </div>
  );
}
