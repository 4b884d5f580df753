"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";

/** How often inbox readers poll while the live stream is down (it reconnects by itself). */
export const FALLBACK_POLL_MS = 3_000;

type Live = { live: boolean; changes: number; changed: () => void };
const noSubscription = () => () => undefined;
const LiveContext = createContext<Live>({ live: false, changes: 0, changed: () => undefined });

/**
 * Keeps the inbox live on every dashboard page: one server-sent event stream per tab
 * (/api/inbox/stream). Each change (and each reconnect, to catch up) counts one; readers refetch
 * when the count moves (the sidebar badge; the inbox pages' React Query, `InboxQueriesFollowLive`).
 * While the stream is down, `useInboxRefetchInterval` turns on polling instead. No React Query here:
 * pages without the inbox do not ship it.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState(false);
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
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
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [changed]);
  const value = useMemo(() => ({ live, changes, changed }), [live, changes, changed]);
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
