import { z } from "zod";

export type { PresenceStatus } from "@/db/schema/availability";

export const presenceSchema = z.object({ status: z.enum(["available", "away"], { error: "status_invalid" }) });
export const heartbeatSchema = z.object({});
