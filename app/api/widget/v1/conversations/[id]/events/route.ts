// GET /api/widget/v1/conversations/{id}/events — new messages and status changes after ?after=; SSE with Accept: text/event-stream.
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { readEvents } from "@/lib/services/conversations";
import { eventsQuerySchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";

// A stream stays open this long, then ends; EventSource-style clients reconnect with Last-Event-ID.
const STREAM_MS = 25_000;
const POLL_MS = 1_000;

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  GET: async (ctx) => {
    const caller = conversationCaller(ctx);
    const query = parseOr422(eventsQuerySchema, Object.fromEntries(ctx.request.nextUrl.searchParams));
    const lastEventId = Number(ctx.request.headers.get("last-event-id"));
    let after = Number.isSafeInteger(lastEventId) && lastEventId > query.after ? lastEventId : query.after;
    const first = await readEvents(ctx.db, caller, after);
    if (!(ctx.request.headers.get("accept") ?? "").includes("text/event-stream")) {
      return Response.json({ events: first, cursor: first.at(-1)?.id ?? after });
    }

    const encoder = new TextEncoder();
    const signal = ctx.request.signal;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (events: typeof first) => {
          for (const e of events) controller.enqueue(encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`));
          after = events.at(-1)?.id ?? after;
        };
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        send(first);
        const end = Date.now() + STREAM_MS;
        try {
          while (!signal.aborted && Date.now() < end) {
            await new Promise((r) => setTimeout(r, POLL_MS));
            if (signal.aborted) break;
            send(await readEvents(ctx.db, caller, after));
          }
        } catch (error) {
          console.error("[widget events] stream failed", error);
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" } });
  },
});
