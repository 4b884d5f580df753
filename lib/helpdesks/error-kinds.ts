// How a helpdesk request can fail, in its own module so the onboarding dialog (a client component)
// can name the same kinds without loading the request code.
export const helpdeskErrorKinds = [
  "not_found_account",
  "invalid_credentials",
  "insufficient_role",
  "rate_limited",
  "timeout",
  "unreachable",
  "server_error",
  "invalid_request",
  "unexpected_response",
] as const;

export type HelpdeskErrorKind = (typeof helpdeskErrorKinds)[number];
