"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { controlClass, Field } from "@/components/forms/field";
import { SaveBar } from "@/components/forms/save-bar";
import { saveAccountLanguagesAction } from "@/lib/actions/account-languages";

type Option = { locale: string; name: string };
const known = ["locale_required", "forbidden", "unauthenticated", "validation_failed", "internal"] as const;

/** The account's language (tickets, the main version of its texts) and the shoppers' default language. */
export function LanguagesForm(props: { languages: Option[]; locale: string; shopperLocale: string | null; canEdit: boolean }) {
  const t = useTranslations("handoff.languages");
  const [result, formAction, pending] = useActionState(saveAccountLanguagesAction, null);
  const text = (code: string) => t(`errors.${(known as readonly string[]).includes(code) ? (code as (typeof known)[number]) : "internal"}`);
  const errorFor = (name: string) => (result && !result.ok && result.fieldErrors?.[name]?.[0] ? text(result.fieldErrors[name][0]) : undefined);
  return (
    <form action={formAction} aria-labelledby="languages-title" className="max-w-3xl rounded-xl border border-slate-200 bg-white p-5">
      <h3 id="languages-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <LanguageSelect
          id="account-locale"
          name="locale"
          label={t("accountLabel")}
          hint={t("accountHint")}
          error={errorFor("locale")}
          value={props.locale}
          languages={props.languages}
          disabled={!props.canEdit}
        />
        <LanguageSelect
          id="shopper-locale"
          name="shopperLocale"
          label={t("shopperLabel")}
          hint={t("shopperHint")}
          error={errorFor("shopperLocale")}
          value={props.shopperLocale ?? "auto"}
          languages={[{ locale: "auto", name: t("automatic") }, ...props.languages]}
          disabled={!props.canEdit}
        />
      </div>
      {props.canEdit ? (
        <SaveBar
          className="mt-4"
          result={result}
          pending={pending}
          labels={{ save: t("save"), saving: t("saving"), saved: t("saved"), reload: t("save") }}
          errorText={text}
        />
      ) : null}
    </form>
  );
}

// Each control is disabled on its own (no disabled fieldset): a read-only page has one form-wide fieldset, the handoff form's.
function LanguageSelect(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  error?: string;
  value: string;
  languages: Option[];
  disabled: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {({ describedBy, invalid }) => (
        <select
          id={props.id}
          name={props.name}
          defaultValue={props.value}
          disabled={props.disabled}
          aria-describedby={describedBy}
          className={controlClass(invalid)}
        >
          {props.languages.map((l) => (
            <option key={l.locale} value={l.locale}>
              {l.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
