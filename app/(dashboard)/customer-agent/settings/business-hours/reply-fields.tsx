"use client";

import { useTranslations } from "next-intl";
import { AUTO_REPLY_MAX, BACK_AT, IN_HOURS_MESSAGE_MAX } from "@/lib/validation/business-hours";

const area =
  "mt-2 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm outline-none transition placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 disabled:bg-slate-50 disabled:text-slate-600";

/** The auto-reply (with what a shopper would read right now) and the optional in-hours message. */
export function ReplyFields({
  autoReply,
  inHoursMessage,
  onAutoReply,
  onInHoursMessage,
  shopperWouldRead,
  errorFor,
}: {
  autoReply: string;
  inHoursMessage: string;
  onAutoReply: (text: string) => void;
  onInHoursMessage: (text: string) => void;
  /** The handoff messages a shopper would get now if nobody were available. */
  shopperWouldRead: string[];
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("businessHours");
  const tShopper = useTranslations("shopper");
  const autoReplyError = errorFor("autoReply");
  const inHoursError = errorFor("inHoursMessage");
  return (
    <div className="space-y-6">
      <div>
        <label htmlFor="auto-reply" className="block text-sm font-medium text-slate-900">
          {t("autoReplyLabel")}
        </label>
        <p id="auto-reply-hint" className="mt-1 text-xs text-slate-500">
          {t("autoReplyHint", { backAt: BACK_AT })}
        </p>
        <textarea
          id="auto-reply"
          name="autoReply"
          rows={3}
          value={autoReply}
          onChange={(e) => onAutoReply(e.target.value)}
          placeholder={tShopper.raw("autoReplyDefault") as string}
          aria-invalid={autoReplyError ? true : undefined}
          aria-describedby={`auto-reply-hint${autoReplyError ? " auto-reply-error" : ""}`}
          className={`${area} ${autoReplyError ? "border-red-500" : "border-slate-300"}`}
        />
        <div className="mt-1 flex justify-between gap-4 text-xs">
          <span id="auto-reply-error" className="text-red-700">
            {autoReplyError}
          </span>
          <span className={autoReply.length > AUTO_REPLY_MAX ? "text-red-700" : "text-slate-500"}>{t("characters", { count: autoReply.length, max: AUTO_REPLY_MAX })}</span>
        </div>
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
      <div>
        <label htmlFor="in-hours-message" className="block text-sm font-medium text-slate-900">
          {t("inHoursLabel")}
        </label>
        <p id="in-hours-hint" className="mt-1 text-xs text-slate-500">
          {t("inHoursHint")}
        </p>
        <textarea
          id="in-hours-message"
          name="inHoursMessage"
          rows={2}
          value={inHoursMessage}
          onChange={(e) => onInHoursMessage(e.target.value)}
          placeholder={t("inHoursPlaceholder")}
          aria-invalid={inHoursError ? true : undefined}
          aria-describedby={`in-hours-hint${inHoursError ? " in-hours-error" : ""}`}
          className={`${area} ${inHoursError ? "border-red-500" : "border-slate-300"}`}
        />
        <div className="mt-1 flex justify-between gap-4 text-xs">
          <span id="in-hours-error" className="text-red-700">
            {inHoursError}
          </span>
          <span className={inHoursMessage.length > IN_HOURS_MESSAGE_MAX ? "text-red-700" : "text-slate-500"}>
            {t("characters", { count: inHoursMessage.length, max: IN_HOURS_MESSAGE_MAX })}
          </span>
        </div>
      </div>
    </div>
  );
}
