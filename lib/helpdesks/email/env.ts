import { z } from "zod";
import { envFor } from "@/lib/env";

const schema = z.object({
  /** Handoff emails per support address and minute, shared by every process. */
  EMAIL_DESTINATION_PER_MINUTE: z.coerce.number().int().positive().default(120),
});

/** The Email destination's own settings (lib/env.ts reads them). */
export const emailDestinationEnv = () => envFor(schema);
