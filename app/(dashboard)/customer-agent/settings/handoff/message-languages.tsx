"use client";

import { useTranslations } from "@/lib/i18n/client";
import { LanguageVersions } from "@/components/forms/language-versions";
import type { HandoffLink, MessageTranslations } from "@/lib/validation/handoff";
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
      Object.entries(versions).map(([locale, v]) => [
        locale,
        { message: v.message, links: v.links.filter((l) => l.label.trim() || l.url.trim()).map(({ label, url }) => ({ label, url })) },
      ]),
    ),
  );

/** The custom message and its links in each shopper language (see LanguageVersions). */
export function MessageLanguages(props: {
  languages: Array<{ locale: string; name: string }>;
  main: Version;
  onMain: (v: Version) => void;
  versions: MessageVersions;
  onVersions: (v: MessageVersions) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("handoff");
  const { main, versions, onVersions } = props;
  return (
    <LanguageVersions
      languages={props.languages}
      versions={versions}
      labels={{
        picker: t("messageLanguage"),
        main: (language) => t("messageLanguageMain", { language }),
        empty: (language) => t("messageLanguageEmpty", { language }),
      }}
      isWritten={(v) => Boolean(v?.message.trim())}
      field={versionsField(versions)}
      testId="message-language"
      main={
        <MessageFields
          message={main.message}
          links={main.links}
          onMessage={(message) => props.onMain({ ...main, message })}
          onLinks={(links) => props.onMain({ ...main, links })}
          errorFor={props.errorFor}
        />
      }
      other={(locale, version) => (
        <MessageFields
          language={locale}
          message={version.message}
          links={version.links}
          onMessage={(message) => onVersions({ ...versions, [locale]: { ...version, message } })}
          onLinks={(links) => onVersions({ ...versions, [locale]: { ...version, links } })}
          errorFor={(field) => props.errorFor(`translations.${locale}.${field}`)}
        />
      )}
    />
  );
}
