import { isAppError } from "@/lib/errors";
import { isHelpdeskError, type HelpdeskError } from "@/lib/helpdesks/request";

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

/** The HelpdeskError a call fails with (anything else fails the test). */
export async function helpdeskFailure(promise: Promise<unknown>): Promise<HelpdeskError> {
  const error = await rejection(promise);
  if (!isHelpdeskError(error)) throw new Error(`expected a HelpdeskError, got ${String(error)}`);
  return error;
}

/** The AppError a call fails with, as {code, message, fields}. */
export async function appFailure(promise: Promise<unknown>) {
  const error = await rejection(promise);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message, fields: error.fields };
}
