"use client";

import { useTranslations } from "@/lib/i18n/client";
import { TextAreaField } from "@/components/forms/field";
import { AUTO_REPLY_MAX, BACK_AT, IN_HOURS_MESSAGE_MAX } from "@/lib/validation/business-hours-limits";

/**
 * The auto-reply (with what a shopper would read right now) and the optional in-hours message.
 * `language`: another language's version than the account's (no form names: the form sends
 * those as one JSON field, see reply-languages.tsx).
 */
export function ReplyFields({
  language,
  autoReply,
  inHoursMessage,
  onAutoReply,
  onInHoursMessage,
  shopperWouldRead,
  autoReplyDefault,
  errorFor,
}: {
  autoReply: string;
  inHoursMessage: string;
  onAutoReply: (text: string) => void;
  onInHoursMessage: (text: string) => void;
  /** The handoff messages a shopper would get now if nobody were available. */
  shopperWouldRead: string[];
  /** Baton's default auto-reply in the account's language, shown while the field is empty. */
  autoReplyDefault: string;
  errorFor: (field: string) => string | undefined;
  language?: string;
}) {
  const t = useTranslations("businessHours");
  const named = (name: string) => (language ? undefined : name);
  const id = (base: string) => (language ? `${base}-${language}` : base);
  return (
    <div className="space-y-6">
      <div>
        <TextAreaField
          id={id("auto-reply")}
          name={named("autoReply")}
          label={t("autoReplyLabel")}
          hint={t("autoReplyHint", { backAt: BACK_AT })}
          error={errorFor("autoReply")}
          count={{ value: autoReply.length, max: AUTO_REPLY_MAX, text: t("characters", { count: autoReply.length, max: AUTO_REPLY_MAX }) }}
          rows={3}
          value={autoReply}
          onChange={(e) => onAutoReply(e.target.value)}
          placeholder={autoReplyDefault}
        />
        <figure hidden={shopperWouldRead.length === 0} className="mt-3 rounded-lg bg-slate-50 p-3">
          <figcaption className="text-xs text-slate-500">{t("shopperSees")}</figcaption>
          <div data-testid="auto-reply-preview" className="mt-2 space-y-2">
            {shopperWouldRead.map((text, i) => (
              <p key={i} className="max-w-[90%] rounded-2xl rounded-bl-sm border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800">
                {text}
              </p>
            ))}
          </div>
        </figure>
      </div>
      <TextAreaField
        id={id("in-hours-message")}
        name={named("inHoursMessage")}
        label={t("inHoursLabel")}
        hint={t("inHoursHint")}
        error={errorFor("inHoursMessage")}
        count={{ value: inHoursMessage.length, max: IN_HOURS_MESSAGE_MAX, text: t("characters", { count: inHoursMessage.length, max: IN_HOURS_MESSAGE_MAX }) }}
        rows={2}
        value={inHoursMessage}
        onChange={(e) => onInHoursMessage(e.target.value)}
        placeholder={t("inHoursPlaceholder")}
      />
    </div>
  );
}
