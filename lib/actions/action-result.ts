import type { ErrorCode } from "@/lib/errors";

/** The one result shape of every server action, as `useActionState` receives it. */
export type ActionResult<T> =
  { ok: true; data: T; at: number } | { ok: false; error: { code: ErrorCode; message: string }; fieldErrors?: Record<string, string[]>; at: number };
