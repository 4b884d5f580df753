import "server-only";
import { z } from "zod";
import { getDbHandle, type DatabaseHandle } from "@/db/client";
import { logFailure } from "@/lib/log-failure";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";

/**
 * Live updates across server processes. Database triggers (migration 0007) NOTIFY on the
 * `baton_changes` channel when a conversation event is added or an escalation changes; each
 * process LISTENs once and fans the changes out to its open streams (the inbox's and the
 * widgets'). Notifications only announce that something changed: readers then query the data
 * with their own account scope, so a lost or forged notification can never leak a row.
 */

const changeSchema = z.object({ accountId: z.uuid(), conversationId: z.uuid(), source: z.string() });
export type Change = z.infer<typeof changeSchema>;
type Listener = (change: Change) => void;

type Hub = { listeners: Set<Listener>; ready: Promise<void> };
const hubs = new WeakMap<DatabaseHandle, Hub>();

function hubFor(handle: DatabaseHandle): Hub {
  let hub = hubs.get(handle);
  if (!hub) {
    const listeners = new Set<Listener>();
    const ready = handle
      .listen(CHANGES_CHANNEL, (payload) => {
        let parsed: ReturnType<typeof changeSchema.safeParse>;
        try {
          parsed = changeSchema.safeParse(JSON.parse(payload));
        } catch {
          return;
        }
        if (!parsed.success) return;
        for (const listener of listeners) listener(parsed.data);
      })
      .then(() => undefined);
    hub = { listeners, ready };
    hubs.set(handle, hub);
    // A failed LISTEN is retried by the next subscriber; streams fall back to their slow poll.
    ready.catch((error: unknown) => {
      logFailure("realtime LISTEN", error);
      hubs.delete(handle);
    });
  }
  return hub;
}

/**
 * Calls `listener` for every change in `accountId` (optionally one conversation) until the
 * returned function is called. Resolves once the process listens, so a read made afterwards
 * cannot miss a change committed after it; rejects if the process cannot listen (callers then
 * poll instead).
 */
export async function subscribeToChanges(scope: { accountId: string; conversationId?: string }, listener: Listener): Promise<() => void> {
  const hub = hubFor(await getDbHandle());
  const filtered: Listener = (change) => {
    if (change.accountId !== scope.accountId) return;
    if (scope.conversationId && change.conversationId !== scope.conversationId) return;
    listener(change);
  };
  hub.listeners.add(filtered);
  const stop = () => void hub.listeners.delete(filtered);
  try {
    await hub.ready;
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

// Without notifications (LISTEN failed), a stream loop re-reads this often instead.
const UNNOTIFIED_POLL_MS = 1_000;

/**
 * A latch for stream loops: `wait(ms)` resolves as soon as a change arrived since the last wait
 * (or arrives now), after `ms` at the latest, or when the signal aborts. Should the process be
 * unable to listen, it degrades to waiting a second at most.
 */
export async function changeLatch(scope: { accountId: string; conversationId?: string }, signal: AbortSignal) {
  let pending = false;
  let wake: (() => void) | null = null;
  const onChange = () => {
    pending = true;
    wake?.();
  };
  const stop = await subscribeToChanges(scope, onChange).catch(() => null);
  const cap = stop ? Infinity : UNNOTIFIED_POLL_MS;
  signal.addEventListener("abort", () => wake?.(), { once: true });
  return {
    stop: stop ?? (() => {}),
    wait: (ms: number) =>
      new Promise<void>((resolve) => {
        if (pending || signal.aborted) {
          pending = false;
          resolve();
          return;
        }
        const timer = setTimeout(done, Math.min(ms, cap));
        function done() {
          clearTimeout(timer);
          wake = null;
          pending = false;
          resolve();
        }
        wake = done;
      }),
  };
}
