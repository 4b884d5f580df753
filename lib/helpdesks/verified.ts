import { AppError } from "@/lib/errors";
import { isHelpdeskError } from "@/lib/helpdesks/request";

/** The admin connecting a destination. */
export type ConnectingActor = { accountId: string; userId: string };

/** Helpdesk failures become AppErrors whose message is the failure kind, shown as its own text. */
export async function verified<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isHelpdeskError(error)) throw new AppError("helpdesk_failed", error.kind);
    throw error;
  }
}
