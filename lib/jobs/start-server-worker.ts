import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { startForwardingWorker } from "@/lib/jobs/forwarding-worker";

/** The forwarding worker inside the web server (the only option with PGlite, one process). */
export async function startServerWorker() {
  if (env().FORWARDING_WORKER === "off") return;
  const worker = startForwardingWorker(await getDb());
  process.once("SIGTERM", () => void worker.stop());
}
