/**
 * Every code an expected failure can carry, with its default HTTP status. Surfaces map codes to
 * their own answers in one place each: the widget API in lib/widget/errors.ts (its public codes,
 * lib/widget/contract.ts), server actions in lib/actions/run-action.ts, dashboard routes in
 * lib/http/with-session.ts. Anything that is not an AppError is an unexpected error.
 */
export const errorCodes = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 422,
  conflict: 409,
  rate_limited: 429,
  /** An outside helpdesk refused or failed (its HelpdeskError's kind is the message). */
  helpdesk_failed: 502,
  /** The SMTP server refused or failed: email_refused (5xx) or email_unavailable. */
  email_failed: 502,
  internal: 500,
  /** Inbound email that names no conversation, or a reply address whose signature is not Baton's. */
  inbound_refused: 422,
  // The widget API's own conditions (documented in its OpenAPI document).
  invalid_json: 400,
  idempotency_key_required: 400,
  invalid_conversation_token: 401,
  identity_invalid: 401,
  identity_expired: 401,
  origin_not_allowed: 403,
  secret_key_in_browser: 403,
  secret_key_required: 403,
  method_not_allowed: 405,
  conversation_closed: 409,
  /** An admin turned the account's Customer Agent off (Settings tab). */
  agent_disabled: 409,
  /** Feedback on an answer the agent never gave, or a second, different verdict on one. */
  no_answer: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  consent_required: 422,
  identity_not_configured: 422,
  email_required: 422,
  idempotency_key_reused: 422,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(errorCodes, value);

/**
 * The one error class: an expected failure whose code and message may be shown to the caller,
 * with the fields at fault and headers (e.g. Retry-After) when they matter. Outside systems' own
 * transport errors (HelpdeskError in lib/helpdesks/request.ts, EmailError in lib/email/smtp.ts)
 * are internal: the outbox reads them as attempt outcomes (ticket deliveries through each
 * adapter's `classify`, reply emails in lib/services/email-outbox.ts), and every caller that
 * shows a failure gets them as AppErrors from `asAppError` (lib/helpdesks/verified.ts).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string[]>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string[]>, headers?: Record<string, string>) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.headers = headers;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
