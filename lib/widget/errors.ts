import { nulFieldErrors } from "@/lib/validation/safe-input";
import { AppError, type ErrorCode } from "@/lib/errors";
import { widgetErrorCodes, type WidgetErrorCode } from "@/lib/widget/contract";

const isWidgetCode = (code: ErrorCode): code is WidgetErrorCode => Object.hasOwn(widgetErrorCodes, code);

/**
 * The widget API's one mapping from AppError codes to answers, `{"error":{"code","message","fields?"}}`:
 * its public codes keep their status; any other code is Baton's own failure (500 internal).
 */
export function errorResponse(error: AppError, headers: Record<string, string> = {}): Response {
  const known = isWidgetCode(error.code);
  const code: WidgetErrorCode = known ? (error.code as WidgetErrorCode) : "internal";
  const message = known ? error.message : "Something went wrong on Baton's side.";
  const body = { error: { code, message, ...(known && error.fields ? { fields: error.fields } : {}) } };
  return Response.json(body, { status: widgetErrorCodes[code], headers: { ...headers, ...error.headers } });
}

/**
 * Parses with a zod schema or fails with validation_failed and the fields at fault; text with a
 * NUL character fails in any field, named, before the schema runs.
 */
export function parseOr422<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  value: unknown,
): T {
  const nul = nulFieldErrors(value);
  if (nul) throw new AppError("validation_failed", "Text fields may not contain NUL characters.", nul);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[issue.path.map(String).join(".") || "body"] ??= []).push(issue.message);
  throw new AppError("validation_failed", "The request has invalid or missing fields.", fields);
}
