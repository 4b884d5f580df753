"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

type Variant = "primary" | "secondary" | "ghost";

/**
 * A destructive submit that asks first, inside its form: the button becomes a question with
 * Confirm (the real submit, focused) and Cancel (focus back to the button). `done` is the action's
 * last result: when it changes the question closes, and focus returns to the button rather than
 * to the page.
 */
export function ConfirmSubmit({
  label,
  ariaLabel,
  question,
  confirmLabel,
  cancelLabel,
  pending = false,
  pendingLabel,
  done,
  variant = "secondary",
}: {
  label: string;
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  pendingLabel?: string;
  done?: unknown;
  variant?: Variant;
}) {
  const [asking, setAsking] = useState(false);
  const [seen, setSeen] = useState(done);
  const trigger = useRef<HTMLButtonElement>(null);
  // Bumped whenever the question closes: the effect then puts focus back on the button.
  const [closedTimes, setClosedTimes] = useState(0);
  const questionId = useId();
  if (seen !== done) {
    setSeen(done);
    setAsking(false);
    setClosedTimes((n) => n + 1);
  }
  useEffect(() => {
    if (closedTimes === 0) return;
    if (!document.activeElement || document.activeElement === document.body) trigger.current?.focus();
  }, [closedTimes]);

  if (!asking) {
    return (
      <Button ref={trigger} type="button" variant={variant} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span role="group" aria-labelledby={questionId} className="flex flex-wrap items-center justify-end gap-2">
      <span id={questionId} className="w-full text-sm text-slate-700">
        {question}
      </span>
      <Button type="submit" variant={variant === "ghost" ? "secondary" : variant} disabled={pending} autoFocus>
        {pending && pendingLabel ? pendingLabel : confirmLabel}
      </Button>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setAsking(false);
          setClosedTimes((n) => n + 1);
        }}
      >
        {cancelLabel}
      </Button>
    </span>
  );
}
