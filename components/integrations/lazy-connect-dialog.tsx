"use client";

import { lazy, Suspense, type ComponentProps } from "react";
import type { ConnectDialog as LoadedDialog } from "./connect-dialog";

// React's own lazy (next/dynamic's loader would add its own script to both pages).
const Dialog = lazy(() => import("./connect-dialog").then((m) => ({ default: m.ConnectDialog })));

/**
 * The connect dialog, loaded when someone opens it: its code (every destination's onboarding steps)
 * stays out of the Integrations and Handoff pages' first load (README, Page weights).
 */
export function ConnectDialog(props: ComponentProps<typeof LoadedDialog>) {
  return (
    <Suspense fallback={null}>
      <Dialog {...props} />
    </Suspense>
  );
}
