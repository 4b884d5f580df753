// Runs once when the Next.js server starts (never during `next build`): records each request's
// client address from its socket (TRUST_PROXY_HOPS), and starts the outbox runner in this process
// unless FORWARDING_WORKER=off (e.g. when `npm run worker` runs it), and on the embedded database
// the inbound SMTP receiver when INBOUND_SMTP_PORT is set.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { trustClientAddresses }] = await Promise.all([import("@/lib/env"), import("@/lib/http/client-ip")]);
  trustClientAddresses(env().TRUST_PROXY_HOPS);
  const { startOutboxInServer } = await import("@/lib/outbox/start-in-server");
  await startOutboxInServer();
  const { startInboundInServer } = await import("@/lib/email/inbound/start-receiver");
  await startInboundInServer();
}
