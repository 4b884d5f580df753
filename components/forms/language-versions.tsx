"use client";

import { useState, type ReactNode } from "react";
import { controlClass } from "@/components/forms/field";

type Language = { locale: string; name: string };

/**
 * Texts a merchant writes per shopper language: a picker of the language being edited (the
 * first, the account's, is the main text and the fallback; the others are optional). The main
 * fields stay in the form (hidden) while another language is edited, so they are always sent;
 * the other languages' versions go as one JSON field, `translations`.
 */
export function LanguageVersions<V>(props: {
  languages: Language[];
  versions: Record<string, V>;
  labels: { picker: string; main: (language: string) => string; empty: (language: string) => string };
  isWritten: (version: V | undefined) => boolean;
  /** The versions as the form sends them. */
  field: string;
  testId: string;
  main: ReactNode;
  other: (locale: string, version: V) => ReactNode;
}) {
  const [mainLanguage, ...others] = props.languages;
  const [editing, setEditing] = useState(mainLanguage?.locale ?? "");
  const other = others.find((l) => l.locale === editing);
  const version = other ? props.versions[other.locale] : undefined;
  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium text-slate-900">
        {props.labels.picker}
        <select value={editing} onChange={(e) => setEditing(e.target.value)} data-testid={props.testId} className={`mt-2 ${controlClass(false)}`}>
          {props.languages.map((l, i) => (
            <option key={l.locale} value={l.locale}>
              {i === 0 ? props.labels.main(l.name) : props.isWritten(props.versions[l.locale]) ? l.name : props.labels.empty(l.name)}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="translations" value={props.field} />
      <div hidden={Boolean(other)}>{props.main}</div>
      {other && version !== undefined ? <div key={other.locale}>{props.other(other.locale, version)}</div> : null}
    </div>
  );
}
