import { z } from "zod";
import { emailSchema } from "@/lib/validation/auth";

/** The claims a merchant's server signs for its signed-in shopper (HS256 JWT, with `exp`). */
export const identityClaimsSchema = z.object({
  email: emailSchema,
  profileId: z.string().trim().min(1).max(128).optional(),
  name: z.string().trim().min(1).max(120).optional(),
});
export type IdentityClaims = z.infer<typeof identityClaimsSchema>;

/** A compact JWS as sent by the widget: three base64url parts. */
export const identityTokenSchema = z
  .string()
  .max(4096)
  .regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, { error: "identity_malformed" });

export const unverifiedHandoffSchema = z.object({ unverifiedHandoff: z.enum(["email", "message"]) });
