import { z } from "zod";

/** The longest "waiting too long" threshold the form accepts: two hours. */
export const MAX_OVERDUE_SECONDS = 7200;

export const notificationSoundSchema = z.object({ sound: z.boolean({ error: "sound_invalid" }) });

/**
 * The threshold as typed, in minutes (decimals allowed), stored in whole seconds. `minSeconds` is
 * a minute, or less where OVERDUE_MIN_SECONDS allows it (end-to-end tests wait seconds, not minutes).
 */
export const overdueThresholdSchema = (minSeconds: number) =>
  z.object({
    minutes: z.coerce
      .number({ error: "minutes_invalid" })
      .refine((m) => Number.isFinite(m), "minutes_invalid")
      .transform((m) => Math.round(m * 60))
      .refine((s) => s >= minSeconds && s <= MAX_OVERDUE_SECONDS, "minutes_invalid"),
  });
