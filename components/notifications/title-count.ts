"use client";

import { useEffect } from "react";

const prefix = /^\(\d+\) /;

/**
 * Puts the number of waiting handoffs before the tab's title ("(2) Inbox · Baton"), and keeps it
 * there when a navigation sets a new title (Next.js rewrites <title> from the page's metadata).
 */
export function useTitleCount(count: number) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(prefix, "");
      const wanted = count > 0 ? `(${count}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(prefix, "");
    };
  }, [count]);
}
