"use client";

import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/forms/field";
import { AUTO_REPLY_MAX, BACK_AT, IN_HOURS_MESSAGE_MAX } from "@/lib/validation/business-hours";

/** The auto-reply (with what a shopper would read right now) and the optional in-hours message. */
export function ReplyFields({
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
}) {
  const t = useTranslations("businessHours");
  return (
    <div className="space-y-6">
      <div>
        <TextAreaField
          id="auto-reply"
          name="autoReply"
          label={t("autoReplyLabel")}
          hint={t("autoReplyHint", { backAt: BACK_AT })}
          error={errorFor("autoReply")}
          count={{ value: autoReply.length, max: AUTO_REPLY_MAX, text: t("characters", { count: autoReply.length, max: AUTO_REPLY_MAX }) }}
          rows={3}
          value={autoReply}
          onChange={(e) => onAutoReply(e.target.value)}
          placeholder={autoReplyDefault}
        />
        <figure className="mt-3 rounded-lg bg-slate-50 p-3">
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
        id="in-hours-message"
        name="inHoursMessage"
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
