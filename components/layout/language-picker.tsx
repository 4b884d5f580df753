"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { setLanguageAction } from "@/lib/actions/language";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The user's dashboard language, in the account menu: a supported language, or the browser's.
 * Saved on the user; the refresh re-renders every server component in the new language.
 */
export function LanguagePicker({ chosen, options }: { chosen: Locale | null; options: Array<{ locale: Locale; name: string }> }) {
  const t = useTranslations("accountMenu");
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(chosen ?? "");
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  const choose = (next: string) => {
    const previous = value;
    setValue(next);
    setFailed(false);
    startTransition(async () => {
      const result = await setLanguageAction((next || null) as Locale | null).catch(() => null);
      if (!result?.ok) {
        setValue(previous);
        setFailed(true);
        return;
      }
      router.refresh();
    });
  };

  return (
    <div className="border-t border-slate-700 px-2 py-2">
      <label htmlFor={id} className="block pb-1 text-xs font-medium uppercase tracking-wide text-slate-400">
        {t("language")}
      </label>
      <select
        id={id}
        value={value}
        disabled={pending}
        onChange={(e) => choose(e.target.value)}
        data-testid="language-picker"
        className="w-full rounded-md border border-slate-600 bg-slate-900 px-2 py-1.5 text-sm text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-400"
      >
        <option value="">{t("languageAuto")}</option>
        {options.map((o) => (
          <option key={o.locale} value={o.locale} lang={o.locale}>
            {o.name}
          </option>
        ))}
      </select>
      {failed ? (
        <p role="alert" className="pt-1 text-xs text-red-300">
          {t("languageFailed")}
        </p>
      ) : null}
    </div>
  );
}
