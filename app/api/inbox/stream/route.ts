// GET /api/inbox/stream — server-sent events for the member's account: `change` with the
// conversation id whenever a handoff arrives or changes or a message is added (any server
// process, through LISTEN/NOTIFY). It carries ids only; the page refetches what it shows.
// `handoff` (for the desktop notification) goes only to members Available when it arrives.
import { getDb } from "@/db/client";
import { withSession } from "@/lib/http/with-session";
import { logFailure } from "@/lib/log-failure";
import { subscribeToChanges, type Change } from "@/lib/realtime/changes";
import { handoffNoticeFor } from "@/lib/services/handoff-notices";

export const dynamic = "force-dynamic";

// The stream ends after a while and the browser reconnects, so that a removed membership or a
// switched account takes effect; a comment line every 15 s keeps proxies from closing it.
const STREAM_MS = 5 * 60_000;
const KEEPALIVE_MS = 15_000;
/** A handoff counts as new for this long before the stream (re)connected: reconnects do not replay older ones. */
const NEW_HANDOFF_GRACE_MS = 5_000;

export const GET = withSession({ name: "GET /api/inbox/stream" }, async ({ member, request }) => {
  const encoder = new TextEncoder();
  let write = (_text: string) => {};
  const since = new Date(Date.now() - NEW_HANDOFF_GRACE_MS);
  const notified = new Set<string>();
  const db = await getDb();
  // An escalation written: maybe a new handoff to announce (once per stream; tabs share a tag).
  const noticeFor = (change: Change) => {
    if (change.source !== "escalations" || notified.has(change.conversationId)) return;
    notified.add(change.conversationId);
    handoffNoticeFor(db, member, { conversationId: change.conversationId, since })
      .then((notice) => {
        // Judged once, at its first change: an Away member is not notified later by an update.
        if (notice) write(`event: handoff\ndata: ${JSON.stringify(notice)}\n\n`);
      })
      .catch((error: unknown) => {
        notified.delete(change.conversationId);
        logFailure("handoff notice", error);
      });
  };
  // Listen first: a process that cannot listen answers an error, so the browser polls instead.
  const unsubscribe = await subscribeToChanges({ accountId: member.accountId }, (change) => {
    write(`event: change\ndata: ${JSON.stringify({ conversationId: change.conversationId })}\n\n`);
    noticeFor(change);
  });
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
