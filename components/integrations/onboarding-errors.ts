import { helpdeskErrorKinds } from "@/lib/helpdesks/error-kinds";
// The onboarding error codes that have their own text (messages/en.json → integrations.onboarding.errors).
export const onboardingErrorCodes = [
  ...helpdeskErrorKinds,
  "site_invalid",
  "invalid_email",
  "token_required",
  "api_key_required",
  "oauth_denied",
  "oauth_failed",
  "oauth_state_invalid",
  "oauth_not_configured",
  "not_connected",
  "forbidden",
  "unauthenticated",
  "validation_failed",
  "internal",
  "smtp_not_configured",
  "code_invalid",
  "code_expired",
  "email_refused",
  "email_unavailable",
] as const;

export type OnboardingErrorCode = (typeof onboardingErrorCodes)[number];

export function asOnboardingError(code: string | null | undefined): OnboardingErrorCode {
  return (onboardingErrorCodes as readonly string[]).includes(code ?? "") ? (code as OnboardingErrorCode) : "internal";
}

const known = (code: string) => (onboardingErrorCodes as readonly string[]).includes(code);

/** The code to show for an action failure: the destination's failure kind when it has a text, else the error's own code. */
export function failureCode(error: { code: string; message: string }): OnboardingErrorCode {
  return asOnboardingError(error.code === "helpdesk_failed" || error.code === "not_found" || known(error.message) ? error.message : error.code);
}
