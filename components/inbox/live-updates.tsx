"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

/** How often inbox readers poll while the live stream is down (it reconnects by itself). */
export const FALLBACK_POLL_MS = 3_000;

/** A new handoff for a notification: the stream sends these only to members Available when it arrived. */
export type HandoffNotice = { conversationId: string; preview: string | null };
type HandoffListener = (notice: HandoffNotice) => void;

type Live = { live: boolean; changes: number; changed: () => void; onHandoff: (listener: HandoffListener) => () => void };
const noSubscription = () => () => undefined;
const LiveContext = createContext<Live>({ live: false, changes: 0, changed: () => undefined, onHandoff: noSubscription });

/**
 * Keeps the inbox live on every dashboard page: one server-sent event stream per tab
 * (/api/inbox/stream). Each change (and each reconnect, to catch up) counts one; readers refetch
 * when the count moves (the sidebar badge, the inbox list and conversation: ./live-reads.ts).
 * While the stream is down, `useInboxRefetchInterval` turns on polling instead.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState(false);
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  const handoffListeners = useRef(new Set<HandoffListener>());
  const onHandoff = useCallback((listener: HandoffListener) => {
    handoffListeners.current.add(listener);
    return () => void handoffListeners.current.delete(listener);
  }, []);
  // True once React runs in the browser (false in the server's HTML): tests wait for it before
  // using controls that need the page's script.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  useEffect(() => {
    const source = new EventSource("/api/inbox/stream");
    source.addEventListener("ready", () => {
      setLive(true);
      changed();
    });
    source.addEventListener("change", changed);
    source.addEventListener("handoff", (event) => {
      let notice: HandoffNotice;
      try {
        notice = JSON.parse((event as MessageEvent<string>).data) as HandoffNotice;
      } catch {
        return;
      }
      for (const listener of handoffListeners.current) listener(notice);
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [changed]);
  const value = useMemo(() => ({ live, changes, changed, onHandoff }), [live, changes, changed, onHandoff]);
  return (
    <LiveContext.Provider value={value}>
      <span hidden data-testid="inbox-live" data-live={live ? "true" : "false"} data-ready={ready ? "true" : "false"} />
      {children}
    </LiveContext.Provider>
  );
}

/** Polling interval for inbox readers: off while the stream is live, every 3 s while it is not. */
export function useInboxRefetchInterval(): number | false {
  return useContext(LiveContext).live ? false : FALLBACK_POLL_MS;
}

/** How many changes this tab has heard of, and a way to say "I just changed something". */
export function useInboxChanges(): { changes: number; changed: () => void } {
  const { changes, changed } = useContext(LiveContext);
  return { changes, changed };
}

/** Calls `listener` for each new handoff this member's stream announces (see /api/inbox/stream). */
export function useHandoffNotices(listener: HandoffListener) {
  const { onHandoff } = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => onHandoff((notice) => latest.current(notice)), [onHandoff]);
}
