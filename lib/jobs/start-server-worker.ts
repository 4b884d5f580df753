import { getDb } from "@/db/client";
import { smtpConfigured } from "@/lib/email/smtp";
import { env } from "@/lib/env";
import { startEmailWorker } from "@/lib/jobs/email-worker";
import { startForwardingWorker } from "@/lib/jobs/forwarding-worker";

/** The outbox workers inside the web server (the only option with PGlite, one process). */
export async function startServerWorker() {
  if (env().FORWARDING_WORKER === "off") return;
  const db = await getDb();
  const workers = [startForwardingWorker(db), ...(smtpConfigured() ? [startEmailWorker(db)] : [])];
  process.once("SIGTERM", () => void Promise.all(workers.map((w) => w.stop())));
}
