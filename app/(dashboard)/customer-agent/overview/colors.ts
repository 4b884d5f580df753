import type { Outcome } from "@/lib/overview/contract";

// Chart colours (Tailwind's palette), one meaning each across the page.
export const outcomeColors: Record<Outcome, string> = {
  resolved: "#10b981", // emerald-500
  handed_off_later: "#a7f3d0", // emerald-200: resolved, but not for good
  routed: "#6366f1", // indigo-500
  message_shown: "#f59e0b", // amber-500
  declined: "#f43f5e", // rose-500
  open: "#cbd5e1", // slate-300
};

export const forwardingColors = { delivered: "#10b981", retrying: "#f59e0b", failed: "#f43f5e" } as const;

export const funnelColors = { offered: "#6366f1", accepted: "#10b981", declined: "#f43f5e", abandoned: "#94a3b8" } as const;
