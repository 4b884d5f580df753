import { getDbHandle } from "@/db/client";
import { env } from "@/lib/env";
import { startOutbox } from "@/lib/outbox/queues";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";

/** The outbox runner inside the web server (the only option with PGlite, one process). */
export async function startOutboxInServer() {
  if (env().FORWARDING_WORKER === "off") return;
  const handle = await getDbHandle();
  const outbox = await startOutbox(handle.db, { wakeOn: (wake) => handle.listen(CHANGES_CHANNEL, wake) });
  process.once("SIGTERM", () => void outbox.stop());
}
