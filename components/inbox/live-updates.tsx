"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { inboxKeys } from "@/lib/inbox/query-options";

/** How often inbox queries poll while the live stream is down (it reconnects by itself). */
export const FALLBACK_POLL_MS = 3_000;

const LiveContext = createContext(false);

/**
 * Keeps the inbox live: one server-sent event stream per tab (/api/inbox/stream). Each change
 * invalidates the inbox queries, which refetch what is on screen. While the stream is down,
 * `useInboxRefetchInterval` turns on polling instead, and a reconnect refetches once to catch up.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/inbox/stream");
    const refresh = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    source.addEventListener("ready", () => {
      setLive(true);
      refresh();
    });
    source.addEventListener("change", refresh);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [queryClient]);
  return (
    <LiveContext.Provider value={live}>
      <span hidden data-testid="inbox-live" data-live={live ? "true" : "false"} />
      {children}
    </LiveContext.Provider>
  );
}

/** `refetchInterval` for inbox queries: off while the stream is live, polling while it is not. */
export function useInboxRefetchInterval(): number | false {
  return useContext(LiveContext) ? false : FALLBACK_POLL_MS;
}
