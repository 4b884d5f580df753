import { z } from "zod";

/** Actions that take no input still parse it: nothing may ride along. */
export const emptySchema = z.object({}).strict();
