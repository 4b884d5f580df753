"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextAreaField } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { DEMO_ANSWER_MAX } from "@/lib/validation/demo-mailbox-fields";

type State = { status: "idle" | "sending" | "sent" } | { status: "error"; message: string };

/** The shopper's answer to the thread's last email from Baton, posted to the demo mailbox's route. */
export function AnswerForm({ mailId, shopper, address }: { mailId: string; shopper: string; address: string }) {
  const t = useTranslations("demoMailbox");
  const router = useRouter();
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setState({ status: "error", message: t("errors.answerRequired") });
    if (trimmed.length > DEMO_ANSWER_MAX) return setState({ status: "error", message: t("errors.answerTooLong", { max: DEMO_ANSWER_MAX }) });
    setState({ status: "sending" });
    const response = await fetch("/api/demo/mailbox/answer", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mailId, text: trimmed }),
    }).catch(() => null);
    if (!response?.ok) return setState({ status: "error", message: t("errors.failed") });
    setText("");
    setState({ status: "sent" });
    router.refresh();
  }

  const error = state.status === "error" ? state.message : undefined;
  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-slate-200 pt-4 [overflow-wrap:anywhere]">
      <TextAreaField
        id="demo-answer"
        label={t("answerLabel")}
        hint={t("answerHint", { shopper, address })}
        error={error}
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={state.status === "sending"}>
          {state.status === "sending" ? t("sending") : t("send")}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {state.status === "sent" ? t("sent") : ""}
        </p>
      </div>
    </form>
  );
}
