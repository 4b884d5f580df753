"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { Role } from "@/lib/auth/roles";
import { signOutHere, switchSessionAccount } from "@/lib/auth/session-client";
import { signOutEverywhereAction } from "@/lib/actions/session";
import type { Locale } from "@/lib/i18n/locales";
import { LanguagePicker } from "./language-picker";

type AccountOption = { id: string; name: string; role: Role };

export function AccountMenu({
  email,
  role,
  currentAccountId,
  accounts,
  language,
}: {
  email: string;
  role: Role;
  currentAccountId: string;
  accounts: AccountOption[];
  language: { chosen: Locale | null; options: Array<{ locale: Locale; name: string }> };
}) {
  const t = useTranslations("accountMenu");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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

  // Ends every session of this user on the server (other browsers are out at their next
  // request), then this browser's own cookie.
  async function signOutEverywhere() {
    setBusy(true);
    setError(null);
    const result = await signOutEverywhereAction().catch(() => null);
    if (!result?.ok) {
      setBusy(false);
      setError(t("signOutEverywhereFailed"));
      return;
    }
    await signOutHere();
  }

  async function switchTo(accountId: string) {
    setBusy(true);
    setError(null);
    const switched = await switchSessionAccount(accountId).catch(() => null);
    setBusy(false);
    if (switched !== accountId) {
      setError(t("switchFailed"));
      return;
    }
    setOpen(false);
    router.refresh();
  }

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
          <p className="px-2 pt-1 text-xs text-slate-400">{t("signedInAs")}</p>
          <p className="truncate px-2 pb-2 text-sm text-white">{email}</p>
          {accounts.length > 1 ? (
            <div className="border-t border-slate-700 py-2">
              <p className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-slate-400">{t("switchTo")}</p>
              <ul>
                {accounts.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      disabled={busy || a.id === currentAccountId}
                      onClick={() => switchTo(a.id)}
                      className="flex w-full items-center justify-between rounded-md px-2 py-1.5 text-left text-sm text-slate-200 hover:bg-slate-700 disabled:cursor-default disabled:hover:bg-transparent"
                    >
                      <span className="truncate">{a.name}</span>
                      <span className="text-xs text-slate-400">{a.id === currentAccountId ? t("current") : t(`roles.${a.role}`)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {error ? (
                <p role="alert" className="px-2 pt-1 text-xs text-red-300">
                  {error}
                </p>
              ) : null}
            </div>
          ) : null}
          <LanguagePicker chosen={language.chosen} options={language.options} />
          <div className="border-t border-slate-700 pt-2">
            <button
              type="button"
              onClick={() => void signOutHere()}
              className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-200 hover:bg-slate-700"
            >
              {t("signOut")}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={signOutEverywhere}
              className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-200 hover:bg-slate-700 disabled:opacity-60"
            >
              {t("signOutEverywhere")}
            </button>
            {error && accounts.length <= 1 ? (
              <p role="alert" className="px-2 pt-1 text-xs text-red-300">
                {error}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
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
