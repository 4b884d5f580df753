// `npm run worker`: the forwarding worker as its own process (PostgreSQL only; PGlite allows one
// process, so with it the web server runs the worker). Run web servers with FORWARDING_WORKER=off
// or alongside: several workers share the queue safely.
import { openConfiguredDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { startForwardingWorker } from "@/lib/jobs/forwarding-worker";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database the web server runs the worker itself.");
  process.exit(1);
}
const handle = await openConfiguredDatabase();
const worker = startForwardingWorker(handle.db, { concurrency: 8 });
console.log("Forwarding worker running. Ctrl-C stops it after the deliveries in flight.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => handle.close()).then(() => process.exit(0));
  });
}
