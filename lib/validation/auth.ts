import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "invalid_email" }).max(254, { error: "invalid_email" }));

export const signInSchema = z.object({
  email: emailSchema,
  // bcrypt reads at most 72 bytes; longer input is refused rather than silently truncated.
  password: z.string().min(1, { error: "password_required" }).max(72, { error: "password_too_long" }),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const switchAccountSchema = z.object({ accountId: z.uuid() });
