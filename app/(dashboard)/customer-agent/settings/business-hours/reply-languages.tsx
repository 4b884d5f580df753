"use client";

import { useTranslations } from "@/lib/i18n/client";
import { LanguageVersions } from "@/components/forms/language-versions";
import type { ReplyTranslations } from "@/lib/validation/business-hours";
import { ReplyFields } from "./reply-fields";

type Version = { autoReply: string; inHoursMessage: string };
export type ReplyVersions = Record<string, Version>;
export type ReplyLanguage = { locale: string; name: string; autoReplyDefault: string };

/** The other languages' versions as the form keeps them, from the saved ones. */
export const initialReplyVersions = (languages: ReplyLanguage[], saved: ReplyTranslations): ReplyVersions =>
  Object.fromEntries(
    languages.map(({ locale }) => [locale, { autoReply: saved[locale]?.autoReply ?? "", inHoursMessage: saved[locale]?.inHoursMessage ?? "" }]),
  );

/** The auto-reply and in-hours message in each shopper language (see LanguageVersions). */
export function ReplyLanguages(props: {
  languages: ReplyLanguage[];
  main: Version;
  onMain: (v: Version) => void;
  versions: ReplyVersions;
  onVersions: (v: ReplyVersions) => void;
  shopperWouldRead: string[];
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("businessHours");
  const { main, versions, onVersions } = props;
  return (
    <LanguageVersions
      languages={props.languages}
      versions={versions}
      labels={{
        picker: t("replyLanguage"),
        main: (language) => t("replyLanguageMain", { language }),
        empty: (language) => t("replyLanguageEmpty", { language }),
      }}
      isWritten={(v) => Boolean(v && (v.autoReply.trim() || v.inHoursMessage.trim()))}
      field={JSON.stringify(versions)}
      testId="reply-language"
      main={
        <ReplyFields
          autoReply={main.autoReply}
          inHoursMessage={main.inHoursMessage}
          onAutoReply={(autoReply) => props.onMain({ ...main, autoReply })}
          onInHoursMessage={(inHoursMessage) => props.onMain({ ...main, inHoursMessage })}
          shopperWouldRead={props.shopperWouldRead}
          autoReplyDefault={props.languages[0]?.autoReplyDefault ?? ""}
          errorFor={props.errorFor}
        />
      }
      other={(locale, version) => (
        <ReplyFields
          language={locale}
          autoReply={version.autoReply}
          inHoursMessage={version.inHoursMessage}
          onAutoReply={(autoReply) => onVersions({ ...versions, [locale]: { ...version, autoReply } })}
          onInHoursMessage={(inHoursMessage) => onVersions({ ...versions, [locale]: { ...version, inHoursMessage } })}
          shopperWouldRead={[]}
          autoReplyDefault={main.autoReply.trim() || (props.languages.find((l) => l.locale === locale)?.autoReplyDefault ?? "")}
          errorFor={(field) => props.errorFor(`translations.${locale}.${field}`)}
        />
      )}
    />
  );
}
