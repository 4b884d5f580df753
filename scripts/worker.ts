// `npm run worker`: the outbox runner (ticket deliveries, with SMTP_URL reply emails, the overdue-handoff checker) and, with
// INBOUND_SMTP_PORT, the inbound SMTP receiver, as its
// own process (PostgreSQL only; PGlite allows one process, so with it the web server runs it). Run
// web servers with FORWARDING_WORKER=off or alongside: several runners share the outbox safely.
import { openConfiguredDatabase } from "@/db/client";
import { startInboundReceiver } from "@/lib/email/inbound/start-receiver";
import { env } from "@/lib/env";
import { startOutbox } from "@/lib/outbox/queues";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database the web server runs the outbox itself.");
  process.exit(1);
}
const handle = await openConfiguredDatabase();
const outbox = await startOutbox(handle.db, { concurrency: 8, wakeOn: (wake) => handle.listen(CHANGES_CHANNEL, wake) });
const receiver = await startInboundReceiver(handle.db);
console.log(`Outbox runner running (${outbox.kinds.join(", ")}). Ctrl-C stops after the deliveries in flight.`);
if (receiver)
  console.log(`Inbound SMTP receiver on port ${receiver.port} for ${env().BATON_INBOUND_DOMAIN ?? "(no BATON_INBOUND_DOMAIN: every recipient refused)"}.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.all([outbox.stop(), receiver?.close()])
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}
