"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { controlClass } from "@/components/forms/field";
import type { HandoffLink, MessageTranslations } from "@/db/schema/handoff";
import { MessageFields, type EditableLink } from "./message-fields";

type Version = { message: string; links: EditableLink[] };
export type MessageVersions = Record<string, Version>;

const editable = (links: HandoffLink[]): EditableLink[] => links.map((l, i) => ({ key: i, ...l }));
const emptyRow = (): EditableLink[] => [{ key: 0, label: "", url: "" }];

/** The other languages' versions as the form keeps them, from the saved ones. */
export function initialVersions(languages: Array<{ locale: string }>, saved: MessageTranslations | undefined): MessageVersions {
  return Object.fromEntries(
    languages.map(({ locale }) => {
      const version = saved?.[locale];
      return [locale, { message: version?.message ?? "", links: version && version.links.length > 0 ? editable(version.links) : emptyRow() }];
    }),
  );
}

/** What the form sends for the other languages: one JSON field, links without their editing keys, empty rows dropped. */
export const versionsField = (versions: MessageVersions) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(versions).map(([locale, v]) => [locale, { message: v.message, links: v.links.filter((l) => l.label.trim() || l.url.trim()).map(({ label, url }) => ({ label, url })) }]),
    ),
  );

/**
 * The custom message in each shopper language: the account's language is the main text (and the
 * fallback), the others are optional. The main fields stay in the form while another language
 * is edited, so they are always sent.
 */
export function MessageLanguages(props: {
  languages: Array<{ locale: string; name: string }>;
  main: Version;
  onMain: (v: Version) => void;
  versions: MessageVersions;
  onVersions: (v: MessageVersions) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("handoff");
  const [mainLanguage, ...others] = props.languages;
  const [editing, setEditing] = useState(mainLanguage?.locale ?? "");
  const other = others.find((l) => l.locale === editing);
  const version = other ? props.versions[other.locale] : undefined;
  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium text-slate-900">
        {t("messageLanguage")}
        <select value={editing} onChange={(e) => setEditing(e.target.value)} data-testid="message-language" className={`mt-2 ${controlClass(false)}`}>
          {props.languages.map((l, i) => (
            <option key={l.locale} value={l.locale}>
              {i === 0 ? t("messageLanguageMain", { language: l.name }) : props.versions[l.locale]?.message.trim() ? l.name : t("messageLanguageEmpty", { language: l.name })}
            </option>
          ))}
        </select>
      </label>
      <p className="text-xs text-slate-500">{t("messageLanguageHint")}</p>
      <input type="hidden" name="translations" value={versionsField(props.versions)} />
      <div hidden={Boolean(other)}>
        <MessageFields
          message={props.main.message}
          links={props.main.links}
          onMessage={(message) => props.onMain({ ...props.main, message })}
          onLinks={(links) => props.onMain({ ...props.main, links })}
          errorFor={props.errorFor}
        />
      </div>
      {other && version ? (
        <MessageFields
          key={other.locale}
          language={other.locale}
          message={version.message}
          links={version.links}
          onMessage={(message) => props.onVersions({ ...props.versions, [other.locale]: { ...version, message } })}
          onLinks={(links) => props.onVersions({ ...props.versions, [other.locale]: { ...version, links } })}
          errorFor={(field) => props.errorFor(`translations.${other.locale}.${field}`)}
        />
      ) : null}
    </div>
  );
}
