import { z } from "zod";

/** The Settings tab's Customer Agent switch: the state the admin asks for. */
export const agentSwitchSchema = z.object({
  enabled: z.enum(["on", "off"], { error: "state_required" }).transform((value) => value === "on"),
});
export type AgentSwitchInput = z.infer<typeof agentSwitchSchema>;
