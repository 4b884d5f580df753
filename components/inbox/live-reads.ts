"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { getJson } from "@/lib/http/get-json";
import { useInboxChanges, useInboxRefetchInterval } from "./live-updates";

/*
 * The inbox's reads in the browser: each starts from what the server rendered and is read again
 * whenever the live stream reports a change (or this tab makes one), and every few seconds while
 * the stream is down. A page holds one list or one conversation, keyed by the page, so this needs
 * no cache shared between readers; React Query's (5.5 KB gzipped) would be most of the inbox's
 * script. A failed read keeps the last data on screen and says so (`failed`).
 */

/** Calls `read` on every change the stream reports and on the fallback interval; aborts it when they move on. */
function useRereads(read: (signal: AbortSignal) => Promise<void>, onFailure: () => void) {
  const { changes } = useInboxChanges();
  const interval = useInboxRefetchInterval();
  useEffect(() => {
    const controller = new AbortController();
    const reread = () => read(controller.signal).catch(() => void (controller.signal.aborted || onFailure()));
    if (changes > 0) void reread();
    const timer = interval ? setInterval(reread, interval) : undefined;
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [read, onFailure, changes, interval]);
}

/** One JSON document (a conversation), live. */
export function useLiveJson<T>(url: string, initial: T): { data: T; failed: boolean } {
  const [state, setState] = useState({ data: initial, failed: false });
  const read = useCallback(async (signal: AbortSignal) => setState({ data: await getJson<T>(url, signal), failed: false }), [url]);
  const failed = useCallback(() => setState((s) => ({ ...s, failed: true })), []);
  useRereads(read, failed);
  return state;
}

type Page<Row> = { rows: Row[]; nextCursor: string | null };

/**
 * A list read a page at a time (`after` a cursor), live: a change reads again as many pages as
 * are shown, from the first, so rows that moved are neither skipped nor repeated.
 */
export function useLivePages<Row>(url: (after: string | null) => string, initial: Page<Row>) {
  const [pages, setPages] = useState([initial]);
  const [failed, setFailed] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  // How many pages a re-read fetches: those on screen when it starts.
  const shown = useRef(1);
  useEffect(() => {
    shown.current = pages.length;
  }, [pages.length]);
  const read = useCallback(
    async (signal: AbortSignal) => {
      const fresh: Array<Page<Row>> = [];
      let after: string | null = null;
      do {
        const page: Page<Row> = await getJson<Page<Row>>(url(after), signal);
        fresh.push(page);
        after = page.nextCursor;
      } while (after && fresh.length < shown.current);
      setPages(fresh);
      setFailed(false);
    },
    [url],
  );
  const onFailure = useCallback(() => setFailed(true), []);
  useRereads(read, onFailure);
  const last = pages[pages.length - 1]!;
  const loadMore = async () => {
    if (!last.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await getJson<Page<Row>>(url(last.nextCursor));
      setPages((shownPages) => [...shownPages, next]);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };
  return { rows: pages.flatMap((p) => p.rows), hasMore: Boolean(last.nextCursor), loadMore, loadingMore, failed };
}
