import "server-only";
import { revalidatePath } from "next/cache";

// What every destination's onboarding actions share (lib/actions/connect-<destination>.ts).

/** A connected destination, as the onboarding's success says it. */
export type Connected = { site: string; agentEmail: string };

export const formFields = (form: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, form.get(n) ?? ""]));

/** The pages that show connections and the handoff destination. */
export function refreshDestinations() {
  revalidatePath("/integrations");
  revalidatePath("/customer-agent/settings/handoff");
}
