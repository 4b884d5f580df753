// Inbound email: shoppers' answers through Baton's SMTP receiver into the inbox. Messages per
// second with 8 sending connections, and the time from the sending server starting a message to
// the inbox's change notification (what wakes every open inbox stream), p50/p95, sent one at a time.
import { randomUUID } from "node:crypto";
import { percentile } from "./load";

type Target = { conversationId: string; address: string; shopper: string };

/** On PGlite, or on a fresh database of the PostgreSQL server at `serverUrl` (dropped afterwards). */
export async function benchInboundEmail(options: { total: number; serverUrl?: string }) {
  if (!options.serverUrl) return benchOn({ total: options.total });
  const name = `bench_inbound_${Date.now()}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(`${options.serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  try {
    return await benchOn({ total: options.total, databaseUrl: `${options.serverUrl}/${name}` });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

async function benchOn(options: { total: number; databaseUrl?: string }) {
  process.env.BATON_INBOUND_DOMAIN = "in.bench.test";
  process.env.NEXTAUTH_SECRET ||= randomUUID() + randomUUID();
  const [
    { openPglite, openPostgres },
    { createAccountWithMembers },
    { resetEnvForTests },
    { shopperTexts },
    { createEscalation },
    token,
    receiverModule,
    { CHANGES_CHANNEL },
    nodemailer,
  ] = await Promise.all([
    import("@/db/client"),
    import("@/db/testing/test-database"),
    import("@/lib/env"),
    import("@/lib/i18n/shopper-texts"),
    import("@/lib/services/escalations"),
    import("@/lib/email/inbound/reply-token"),
    import("@/lib/email/inbound/start-receiver"),
    import("@/lib/realtime/channel"),
    import("nodemailer"),
  ]);
  resetEnvForTests();
  const handle = options.databaseUrl ? await openPostgres(options.databaseUrl, { max: 10 }) : await openPglite();
  await handle.migrate();
  const where = options.databaseUrl ? "PostgreSQL" : "PGlite";
  const { account } = await createAccountWithMembers(handle, ["agent"]);
  const targets: Target[] = [];
  const count = options.total + 100;
  for (let i = 0; i < count; i++) {
    const shopper = `shopper${i}@bench.example`;
    const { body } = await createEscalation(handle.db, {
      accountId: account.id,
      idempotencyKey: `bench-${i}`,
      texts: shopperTexts("en"),
      input: {
        channel: "web_chat",
        consent: true,
        shopper: { email: shopper },
        transcript: [{ role: "shopper", text: "Where is my order?", at: new Date().toISOString() }],
      },
    });
    const conversationId = body.conversationId;
    targets.push({ conversationId, shopper, address: token.replyAddress(token.replyToken({ accountId: account.id, conversationId }), "in.bench.test") });
  }
  const receiver = (await receiverModule.startInboundReceiver(handle.db, { port: 0, host: "127.0.0.1" }))!;
  const waiting = new Map<string, () => void>();
  const unlisten = await handle.listen(CHANGES_CHANNEL, (payload) => {
    const { conversationId, source } = JSON.parse(payload) as { conversationId: string; source: string };
    if (source === "conversation_events") waiting.get(conversationId)?.();
  });
  const raw = (t: Target) =>
    Buffer.from(
      `From: <${t.shopper}>\r\nTo: <${t.address}>\r\nSubject: Re: your question\r\nMessage-ID: <${randomUUID()}@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThanks, it arrived!\r\n\r\nOn Tue, Dec 1, 2026 at 9:58 AM Store wrote:\r\n> Your order ships today.\r\n`,
    );
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 8,
    maxMessages: Infinity,
  });
  const lines = [`inbound email: ${options.total} shoppers' answers through the SMTP receiver into Baton Inbox (${where})`];
  try {
    // Throughput: 8 connections, every message appended before it counts.
    const batch = targets.slice(0, options.total);
    const started = performance.now();
    await Promise.all(batch.map((t) => transport.sendMail({ envelope: { from: t.shopper, to: [t.address] }, raw: raw(t) })));
    const seconds = (performance.now() - started) / 1000;
    const perSecond = options.total / seconds;
    lines.push(
      `  throughput ${perSecond.toFixed(1)} messages/s (${options.total} in ${seconds.toFixed(2)} s, 8 connections; target ≥ 50/s: ${perSecond >= 50 ? "met" : "MISSED"})`,
    );
    // Latency: one message at a time, from the first SMTP command to the inbox's notification.
    const latencies: number[] = [];
    for (const t of targets.slice(options.total)) {
      const seen = new Promise<void>((resolve) => waiting.set(t.conversationId, resolve));
      const begin = performance.now();
      await transport.sendMail({ envelope: { from: t.shopper, to: [t.address] }, raw: raw(t) });
      await seen;
      latencies.push(performance.now() - begin);
    }
    const p95 = percentile(latencies, 95);
    lines.push(
      `  SMTP → inbox stream notification (100 sequential) p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${Math.max(...latencies).toFixed(1)} ms (target p95 ≤ 500 ms: ${p95 <= 500 ? "met" : "MISSED"})`,
    );
  } finally {
    transport.close();
    await unlisten();
    await receiver.close();
    await handle.close();
  }
  return lines;
}
