// GET /api/inbox/stream — server-sent events for the member's account: `change` with the
// conversation id whenever a handoff arrives or changes or a message is added (any server
// process, through LISTEN/NOTIFY). It carries ids only; the page refetches what it shows.
import { withSession } from "@/lib/http/with-session";
import { subscribeToChanges } from "@/lib/realtime/changes";

export const dynamic = "force-dynamic";

// The stream ends after a while and the browser reconnects, so that a removed membership or a
// switched account takes effect; a comment line every 15 s keeps proxies from closing it.
const STREAM_MS = 5 * 60_000;
const KEEPALIVE_MS = 15_000;

export const GET = withSession({ name: "GET /api/inbox/stream" }, async ({ member, request }) => {
  const encoder = new TextEncoder();
  let write = (_text: string) => {};
  // Listen first: a process that cannot listen answers an error, so the browser polls instead.
  const unsubscribe = await subscribeToChanges({ accountId: member.accountId }, (change) =>
    write(`event: change\ndata: ${JSON.stringify({ conversationId: change.conversationId })}\n\n`),
  );
  let cleanup = unsubscribe;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const keepalive = setInterval(() => write(": keepalive\n\n"), KEEPALIVE_MS);
      const end = setTimeout(() => cleanup(), STREAM_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(keepalive);
        clearTimeout(end);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => cleanup(), { once: true });
      // `ready` makes the page refetch once, covering anything that changed while it connected.
      write("retry: 2000\nevent: ready\ndata: {}\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" } });
});
