"use client";

import { useTranslations } from "@/lib/i18n/client";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import type { Role } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/locales";

type AccountOption = { id: string; name: string; role: Role };

export type AccountMenuProps = {
  email: string;
  role: Role;
  currentAccountId: string;
  accounts: AccountOption[];
  language: { chosen: Locale | null; options: Array<{ locale: Locale; name: string }> };
};

// The panel (account switching, language, signing out) is fetched when the menu is about to open:
// every dashboard page shows the button, few open it.
const loadPanel = () => import("./account-menu-panel");
const AccountMenuPanel = lazy(loadPanel);

export function AccountMenu(props: AccountMenuProps) {
  const { role, currentAccountId, accounts } = props;
  const t = useTranslations("accountMenu");
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const current = accounts.find((a) => a.id === currentAccountId);

  useEffect(() => {
    if (!open) return;
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        // Escape closes this menu only (not the phone's navigation panel around it), and focus
        // goes back to the button rather than to a menu item that is about to disappear.
        if (e.key !== "Escape" || !open) return;
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      {open ? (
        <div id={menuId} className="absolute bottom-full left-0 right-0 mb-2 rounded-lg border border-slate-700 bg-slate-800 p-2 shadow-xl">
          <Suspense fallback={<p className="px-2 py-1 text-xs text-slate-400">{t("loading")}</p>}>
            <AccountMenuPanel {...props} onSwitched={() => setOpen(false)} />
          </Suspense>
        </div>
      ) : null}
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-3 rounded-md px-2 py-2 text-left hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-400"
      >
        <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-md bg-indigo-500 text-sm font-semibold text-white">
          {(current?.name ?? "?").slice(0, 1).toUpperCase()}
        </span>
        <span className="min-w-0 flex-1">
          {/* The name is this visible text with a prefix, so speech control can say what it sees. */}
          <span className="sr-only">{t("label")} </span>
          <span data-testid="account-name" className="block truncate text-sm font-medium text-white">
            {current?.name}
          </span>
          <span className="block truncate text-xs text-slate-400">{t(`roles.${role}`)}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-slate-400" fill="currentColor">
          <path d="M10 3l4 5H6zm0 14l-4-5h8z" />
        </svg>
      </button>
    </div>
  );
}
