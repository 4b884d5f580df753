// `npm run worker`: the forwarding worker (and, with SMTP_URL, the email worker) as its own
// process (PostgreSQL only; PGlite allows one process, so with it the web server runs them). Run
// web servers with FORWARDING_WORKER=off or alongside: several workers share the queues safely.
import { openConfiguredDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { smtpConfigured } from "@/lib/email/smtp";
import { startEmailWorker } from "@/lib/jobs/email-worker";
import { startForwardingWorker } from "@/lib/jobs/forwarding-worker";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database the web server runs the worker itself.");
  process.exit(1);
}
const handle = await openConfiguredDatabase();
const workers = [startForwardingWorker(handle.db, { concurrency: 8 }), ...(smtpConfigured() ? [startEmailWorker(handle.db)] : [])];
console.log(`Forwarding worker${workers.length > 1 ? " and email worker" : ""} running. Ctrl-C stops after the deliveries in flight.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.all(workers.map((w) => w.stop())).then(() => handle.close()).then(() => process.exit(0));
  });
}
