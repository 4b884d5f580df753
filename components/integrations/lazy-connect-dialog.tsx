"use client";

import dynamic from "next/dynamic";

/**
 * The connect dialog, loaded when someone opens it: its code (every destination's onboarding steps)
 * stays out of the Integrations and Handoff pages' first load (README, Page weights).
 */
export const ConnectDialog = dynamic(() => import("./connect-dialog").then((m) => m.ConnectDialog), { ssr: false });
