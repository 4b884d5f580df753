/** The short list of error codes Baton shows to callers. Anything else is an unexpected error. */
export const errorCodes = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 422,
  conflict: 409,
  rate_limited: 429,
  /** An outside helpdesk refused or failed; the message is the HelpdeskError kind. */
  helpdesk_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** An expected failure: its code and message may be shown to the caller. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string[]>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string[]>) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
