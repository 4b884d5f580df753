"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * Copies a text to the clipboard and says so in a polite status next to it. Labels come from the
 * server page, so this component needs no catalog of its own in the browser.
 */
export function CopyButton({ text, label, copiedLabel, failedLabel }: { text: string; label: string; copiedLabel: string; failedLabel: string }) {
  const [said, setSaid] = useState("");
  const copy = async () => {
    const ok = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setSaid(ok ? copiedLabel : failedLabel);
  };
  return (
    <span className="inline-flex items-center gap-3">
      <Button type="button" variant="secondary" onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {said}
      </span>
    </span>
  );
}
