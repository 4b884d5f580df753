// `npm run worker`: the outbox runner (ticket deliveries, and with SMTP_URL reply emails) as its
// own process (PostgreSQL only; PGlite allows one process, so with it the web server runs it). Run
// web servers with FORWARDING_WORKER=off or alongside: several runners share the outbox safely.
import { openConfiguredDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { startOutbox } from "@/lib/outbox/queues";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database the web server runs the outbox itself.");
  process.exit(1);
}
const handle = await openConfiguredDatabase();
const outbox = await startOutbox(handle.db, { concurrency: 8, wakeOn: (wake) => handle.listen(CHANGES_CHANNEL, wake) });
console.log(`Outbox runner running (${outbox.kinds.join(", ")}). Ctrl-C stops after the deliveries in flight.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void outbox
      .stop()
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}
