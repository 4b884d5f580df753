import { z } from "zod";

export const presenceSchema = z.object({ status: z.enum(["available", "away"], { error: "status_invalid" }) });
export const heartbeatSchema = z.object({});
