import { z } from "zod";
import { envFor } from "@/lib/env";

const schema = z.object({
  /** Where a Gorgias domain lives; `{domain}` is replaced. */
  GORGIAS_URL_TEMPLATE: z.string().includes("{domain}").default("https://{domain}.gorgias.com"),
  /** Requests per Gorgias account and 20 seconds, shared by every process; lowered further by what its rate-limit header reports. */
  GORGIAS_REQUESTS_PER_20S: z.coerce.number().int().positive().default(40),
});

/** Gorgias's own settings (lib/env.ts reads them). */
export const gorgiasEnv = () => envFor(schema);
