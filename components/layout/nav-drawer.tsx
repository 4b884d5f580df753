"use client";

import { useTranslations } from "@/lib/i18n/client";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The sidebar's frame. From md up it is a column beside the page; on a phone the page gets a top
 * bar with a Menu button, and the sidebar opens over the page as a modal panel: focus moves into
 * it and stays there (Tab cycles), Escape or the close button shuts it and focus returns to the
 * Menu button. Following a link closes it too: it is open only for the path it was opened on.
 */
export function NavDrawer({ appName, children }: { appName: string; children: ReactNode }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpenOn(null);
    menuButton.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    // The page behind a modal panel does not scroll; a window grown to md width shows the column.
    const wide = window.matchMedia("(min-width: 48rem)");
    const onWide = () => wide.matches && setOpenOn(null);
    wide.addEventListener("change", onWide);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      wide.removeEventListener("change", onWide);
      document.body.style.overflow = overflow;
    };
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (e.key === "Escape") {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== "Tab" || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <>
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 bg-slate-900 px-4 text-white md:hidden">
        <span className="text-lg font-semibold tracking-tight">{appName}</span>
        <button
          ref={menuButton}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(pathname)}
          className="flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-400"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
            <path d="M4 7h16M4 12h16M4 17h16" />
          </svg>
          {t("menu")}
        </button>
      </header>
      {open ? <div aria-hidden="true" className="fixed inset-0 z-40 bg-slate-950/60 md:hidden" onClick={close} /> : null}
      <div
        id={panelId}
        ref={panel}
        role={open ? "dialog" : undefined}
        aria-modal={open ? true : undefined}
        aria-label={open ? t("label") : undefined}
        onKeyDown={onKeyDown}
        className={`${open ? "fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto" : "hidden"} shrink-0 bg-slate-900 md:static md:z-auto md:flex md:w-64 md:max-w-none md:overflow-visible`}
      >
        {open ? (
          <button
            ref={closeButton}
            type="button"
            onClick={close}
            className="m-3 mb-0 self-end rounded-md px-3 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-400 md:hidden"
          >
            {t("closeMenu")}
          </button>
        ) : null}
        {children}
      </div>
    </>
  );
}
