import { nulFieldErrors } from "@/lib/validation/safe-input";
import { widgetErrorCodes, type WidgetErrorCode } from "@/lib/widget/contract";

/** An expected failure of the widget API, answered as {"error":{"code","message","fields?"}}. */
export class WidgetError extends Error {
  constructor(
    readonly code: WidgetErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "WidgetError";
  }

  get status(): number {
    return widgetErrorCodes[this.code];
  }
}

export function errorResponse(error: WidgetError, headers: Record<string, string> = {}): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return Response.json(body, { status: error.status, headers: { ...headers, ...error.headers } });
}

/**
 * Parses with a zod schema or fails with validation_failed and the fields at fault; text with a
 * NUL character fails in any field, named, before the schema runs.
 */
export function parseOr422<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown): T {
  const nul = nulFieldErrors(value);
  if (nul) throw new WidgetError("validation_failed", "Text fields may not contain NUL characters.", nul);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[issue.path.map(String).join(".") || "body"] ??= []).push(issue.message);
  throw new WidgetError("validation_failed", "The request has invalid or missing fields.", fields);
}
