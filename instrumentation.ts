// Runs once when the Next.js server starts (never during `next build`): starts the outbox runner
// in this process unless FORWARDING_WORKER=off (e.g. when `npm run worker` runs it).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxInServer } = await import("@/lib/outbox/start-in-server");
  await startOutboxInServer();
}
