import { randomUUID } from "node:crypto";

/** A short id that ties a log line to the answer a caller saw (sent back as X-Request-Id). */
export const newRequestId = () => randomUUID();

type Coded = { name?: unknown; code?: unknown; cause?: unknown; stack?: unknown };

/** The error's class and code (a PostgreSQL SQLSTATE, a Node errno), for it and each cause. */
function describe(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 3) return typeof error === "string" ? "string" : String(typeof error);
  const e = error as Coded;
  const name = typeof e.name === "string" ? e.name : "Error";
  const code = typeof e.code === "string" || typeof e.code === "number" ? ` code=${e.code}` : "";
  return `${name}${code}${e.cause ? ` ← ${describe(e.cause, depth + 1)}` : ""}`;
}

/** Where it happened, without the message: stack frames only. */
function frames(error: unknown): string {
  const stack = (error as Coded | null)?.stack;
  if (typeof stack !== "string") return "";
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join("\n");
}

/**
 * Logs an unexpected failure by its class, code and request id, never its message: a failed
 * query's message carries its parameters (shopper emails, token hashes), and other messages can
 * quote input.
 */
export function logFailure(context: string, error: unknown, requestId: string = newRequestId()): string {
  const where = frames(error);
  console.error(`[${context}] failed: ${describe(error)} request=${requestId}${where ? `\n${where}` : ""}`);
  return requestId;
}
