// The sign-in form's own checks, before anything is sent: the same codes as signInSchema
// (lib/validation/auth.ts), which the server applies again. Written without zod so the sign-in
// page does not ship a validation library for two fields.

export type SignInFieldError = "invalid_email" | "password_required" | "password_too_long";

/** A deliberately simple address shape: the server's schema has the last word. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function signInFieldErrors(input: { email: string; password: string }): { email?: SignInFieldError; password?: SignInFieldError } {
  const email = input.email.trim().toLowerCase();
  return {
    ...(!EMAIL_SHAPE.test(email) || email.length > 254 ? { email: "invalid_email" as const } : {}),
    ...(input.password.length === 0
      ? { password: "password_required" as const }
      : input.password.length > 72
        ? { password: "password_too_long" as const }
        : {}),
  };
}
