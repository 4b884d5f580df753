import { useTranslations } from "@/lib/i18n/client";
import { helpdeskErrorKinds } from "@/lib/helpdesks/error-kinds";

// The error codes every destination shares, with their text in integrations.onboarding.errors. A
// code only one destination raises has its text in that destination's catalog instead
// (integrations.onboarding.<id>.errors.<code>, lib/helpdesks/<id>/messages/).
export const onboardingErrorCodes = [
  ...helpdeskErrorKinds,
  "site_invalid",
  "invalid_email",
  "oauth_denied",
  "oauth_failed",
  "oauth_state_invalid",
  "oauth_not_configured",
  "not_connected",
  "forbidden",
  "unauthenticated",
  "validation_failed",
  "internal",
] as const;

export type OnboardingErrorCode = (typeof onboardingErrorCodes)[number];

export function asOnboardingError(code: string | null | undefined): OnboardingErrorCode {
  return (onboardingErrorCodes as readonly string[]).includes(code ?? "") ? (code as OnboardingErrorCode) : "internal";
}

/**
 * One destination's words on the Integrations page (`destination` is a registry id): a text its
 * own catalog words differently (integrations.providers.<id>.<key>, e.g. testTicket.created for a
 * destination that sends an email, not a ticket) wins over the shared one, and so does its own text
 * for an error code.
 */
export function useDestinationTexts(destination: string) {
  const t = useTranslations("integrations");
  type Key = Parameters<typeof t>[0];
  type Values = Parameters<typeof t>[1];
  const own = (key: string) => `providers.${destination}.${key}` as Key;
  const ownError = (code: string) => `onboarding.${destination}.errors.${code}` as Key;
  const hasText = (code: string) => t.has(ownError(code)) || (onboardingErrorCodes as readonly string[]).includes(code);
  const error = (code: string, values?: Values) =>
    t.has(ownError(code)) ? t(ownError(code), values) : t(`onboarding.errors.${asOnboardingError(code)}`, values);
  return {
    /** The destination's wording of a shared integrations.* text, else the shared one. */
    text: (key: "ticket" | "testTicket.created" | "testTicket.open" | "testTicket.last", values?: Values) =>
      t.has(own(key)) ? t(own(key), values) : t(key, values),
    /** An error code in words: the destination's own text for it, else the shared one, else "internal". */
    error,
    /** An action failure in words: the destination's failure kind when it has a text, else the error's own code. */
    failure: (failure: { code: string; message: string }, values?: Values) =>
      error(failure.code === "helpdesk_failed" || failure.code === "not_found" || hasText(failure.message) ? failure.message : failure.code, values),
  };
}
