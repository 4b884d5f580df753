// GET /api/widget/v1/conversations/{id}/events — new messages and status changes after ?after=; SSE with Accept: text/event-stream.
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { changeLatch } from "@/lib/realtime/changes";
import { readEvents } from "@/lib/services/conversations";
import { eventsQuerySchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";
import { logFailure } from "@/lib/log-failure";

// A stream stays open this long, then ends; EventSource-style clients reconnect with Last-Event-ID.
const STREAM_MS = 25_000;
// New events wake the stream through LISTEN/NOTIFY (any server process); this slow re-read is
// only a safety net should a notification ever be missed.
const SAFETY_POLL_MS = 10_000;

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  GET: async (ctx) => {
    const caller = conversationCaller(ctx);
    const query = parseOr422(eventsQuerySchema, Object.fromEntries(ctx.request.nextUrl.searchParams));
    const lastEventId = Number(ctx.request.headers.get("last-event-id"));
    let after = Number.isSafeInteger(lastEventId) && lastEventId > query.after ? lastEventId : query.after;
    const streaming = (ctx.request.headers.get("accept") ?? "").includes("text/event-stream");
    if (!streaming) {
      const events = await readEvents(ctx.db, caller, after);
      return Response.json({ events, cursor: events.at(-1)?.id ?? after });
    }

    // Listen before the first read, so that nothing committed in between is missed.
    const signal = ctx.request.signal;
    const latch = await changeLatch({ accountId: caller.accountId, conversationId: caller.id }, signal);
    let first: Awaited<ReturnType<typeof readEvents>>;
    try {
      first = await readEvents(ctx.db, caller, after);
    } catch (error) {
      latch.stop();
      throw error;
    }
    const encoder = new TextEncoder();
    // The shopper's browser may go away between two reads: once the stream is cancelled, nothing
    // more may be enqueued (and it must not be closed a second time).
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
      async start(controller) {
        const send = (events: typeof first) => {
          if (cancelled) return;
          for (const e of events) controller.enqueue(encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`));
          after = events.at(-1)?.id ?? after;
        };
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        send(first);
        const end = Date.now() + STREAM_MS;
        try {
          while (!signal.aborted && !cancelled && Date.now() < end) {
            await latch.wait(Math.min(SAFETY_POLL_MS, end - Date.now()));
            if (signal.aborted || cancelled) break;
            send(await readEvents(ctx.db, caller, after));
          }
        } catch (error) {
          logFailure("widget events stream", error);
        } finally {
          latch.stop();
        }
        if (!cancelled) controller.close();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" } });
  },
});
