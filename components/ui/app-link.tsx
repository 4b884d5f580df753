"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: string;
  /** Fetch the page ahead when the pointer or focus reaches the link (default); off where a click must read afresh. */
  prefetch?: boolean;
};

/**
 * The app's in-app link: an anchor that the router follows without a page load, with the page
 * fetched ahead when the pointer or focus reaches it. next/link does the same (and prefetches
 * every link in view), but through the sidebar its 3 KB gzipped would be in every dashboard page's
 * first load; the router it calls is already there. A modified click (new tab, download) and a
 * target other than this tab stay the browser's.
 */
export function AppLink({ href, prefetch = true, onClick, onMouseEnter, onFocus, ...anchor }: Props) {
  const router = useRouter();
  const ahead = () => {
    if (prefetch) router.prefetch(href);
  };
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (anchor.target && anchor.target !== "_self") return;
    e.preventDefault();
    router.push(href);
  };
  return (
    <a
      href={href}
      {...anchor}
      onClick={follow}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        ahead();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        ahead();
      }}
    />
  );
}
