import { z } from "zod";
import { emailSchema } from "@/lib/validation/auth";

export const emailAddressSchema = z.object({ address: emailSchema });

export const emailCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: "code_invalid" }),
});
