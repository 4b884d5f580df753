"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOutHere, switchSessionAccount } from "@/lib/auth/session-client";
import { signOutEverywhereAction } from "@/lib/actions/session";
import type { AccountMenuProps } from "./account-menu";
import { LanguagePicker } from "./language-picker";

/**
 * What the account menu shows once opened: who is signed in, the other accounts, the language and
 * signing out. Loaded on the first open (./account-menu.tsx), not with every dashboard page.
 */
export default function AccountMenuPanel({
  email,
  currentAccountId,
  accounts,
  language,
  onSwitched,
}: Omit<AccountMenuProps, "role"> & { onSwitched: () => void }) {
  const t = useTranslations("accountMenu");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    onSwitched();
    router.refresh();
  }

  return (
    <>
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
        <button type="button" onClick={() => void signOutHere()} className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-200 hover:bg-slate-700">
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
    </>
  );
}
