"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useState, useSyncExternalStore, type ReactNode } from "react";
import { submitWith } from "@/components/forms/submit-with";
import { controlClass, Field } from "@/components/forms/field";
import { SaveBar } from "@/components/forms/save-bar";
import { saveBusinessHoursAction } from "@/lib/actions/availability";
import { autoReplyIfNobody } from "@/lib/availability/availability";
import { alwaysOpen, mapWeek, weekdays, type HoursException, type HoursRules, type WeeklySchedule } from "@/lib/availability/rules";
import { rangeMinutes } from "@/lib/availability/schedule";
import { canonicalTimeZone, dayOf } from "@/lib/availability/time-zone";
import { shopperTranslator, type ShopperMessages } from "@/lib/i18n/shopper-translator";
import { AUTO_REPLY_MAX, BACK_AT, EXCEPTION_LABEL_MAX, EXCEPTIONS_MAX, IN_HOURS_MESSAGE_MAX, RANGES_PER_DAY_MAX } from "@/lib/validation/business-hours-limits";
import type { ReplyTranslations } from "@/lib/validation/business-hours";
import { ExceptionFields, type EditableException } from "./exception-fields";
import { withKeys } from "./range-list";
import { initialReplyVersions, ReplyLanguages, type ReplyLanguage } from "./reply-languages";
import { WeeklyFields, type EditableWeek } from "./weekly-fields";

const knownErrors = [
  "time_invalid",
  "range_empty",
  "ranges_overlap",
  "too_many_ranges",
  "time_zone_invalid",
  "date_invalid",
  "date_duplicate",
  "label_too_long",
  "special_hours_required",
  "too_many_exceptions",
  "auto_reply_too_long",
  "auto_reply_placeholder",
  "in_hours_message_too_long",
  "stale_version",
  "forbidden",
  "unauthenticated",
  "validation_failed",
  "internal",
] as const;
type KnownError = (typeof knownErrors)[number];
const asKnown = (code: string): KnownError => ((knownErrors as readonly string[]).includes(code) ? (code as KnownError) : "internal");
const maxFor: Partial<Record<KnownError, number>> = {
  too_many_ranges: RANGES_PER_DAY_MAX,
  label_too_long: EXCEPTION_LABEL_MAX,
  too_many_exceptions: EXCEPTIONS_MAX,
  auto_reply_too_long: AUTO_REPLY_MAX,
  in_hours_message_too_long: IN_HOURS_MESSAGE_MAX,
};

export type BusinessHoursFormProps = {
  timeZone: string;
  rules: HoursRules;
  /** False while the account has no hours: an empty week then previews as open around the clock. */
  configured: boolean;
  autoReply: string | null;
  inHoursMessage: string | null;
  version: number;
  canEdit: boolean;
  timeZones: Array<{ value: string; label: string }>;
  /** The page's render time, so server and browser preview the same moment. */
  now: string;
  /** The account's date today, YYYY-MM-DD. */
  today: string;
  /** What the server computed for the saved hours, shown until the browser computes it live. */
  initialPreview: string[];
  /** The shopper texts of the account's language, for the live preview. */
  shopper: { locale: string; messages: ShopperMessages };
  /** The shopper languages, the account's first, for the texts written per language. */
  languages: ReplyLanguage[];
  translations: ReplyTranslations;
};

const toWeek = (weekly: WeeklySchedule): EditableWeek => mapWeek((d) => ({ open: weekly[d].length > 0, ranges: withKeys(weekly[d]) }));
const noSubscription = () => () => {};

export function BusinessHoursForm(props: BusinessHoursFormProps) {
  const t = useTranslations("businessHours");
  const tShopper = shopperTranslator(props.shopper.locale, props.shopper.messages);
  const [result, formAction, pending] = useActionState(saveBusinessHoursAction, null);
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [week, setWeek] = useState(() => toWeek(props.rules.weekly));
  const [exceptions, setExceptions] = useState<EditableException[]>(() => props.rules.exceptions.map((e, i) => ({ key: i, ...e, ranges: withKeys(e.ranges) })));
  const [main, setMain] = useState(() => ({ autoReply: props.autoReply ?? "", inHoursMessage: props.inHoursMessage ?? "" }));
  const [versions, setVersions] = useState(() => initialReplyVersions(props.languages.slice(1), props.translations));
  const { autoReply } = main;
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const formVersion = Math.max(props.version, result?.ok ? result.data.version : 0);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const text = (code: string) => t(`errors.${asKnown(code)}`, { max: maxFor[asKnown(code)] ?? 0, backAt: BACK_AT });
  const errorFor = (name: string) => (fieldErrors[name]?.[0] ? text(fieldErrors[name][0]) : undefined);

  // What a shopper would read now with these (unsaved) hours: the same functions the server uses.
  const shopperWouldRead = (() => {
    if (!inBrowser) return props.initialPreview;
    const zone = canonicalTimeZone(timeZone) ?? props.timeZone;
    const valid = (r: { start: string; end: string }) => rangeMinutes(r) !== null;
    const untouched = !props.configured && weekdays.every((d) => !week[d].open) && exceptions.length === 0;
    const hours: HoursRules = {
      weekly: untouched ? alwaysOpen : mapWeek((d) => (week[d].open ? week[d].ranges.filter(valid) : [])),
      exceptions: exceptions.filter((e) => dayOf(e.date) !== null).map((e): HoursException => ({ ...e, ranges: e.closed ? [] : e.ranges.filter(valid) })),
    };
    const reply = autoReplyIfNobody(
      { hours, template: autoReply.trim() || null, timeZone: zone, locale: tShopper.locale, now: new Date(props.now) },
      (key, values) => tShopper(key, values),
    );
    return [tShopper("sentToInboxByEmail", { email: t("sampleEmail") }), reply];
  })();

  const onSubmit = submitWith(formAction);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={props.canEdit ? undefined : "hours-read-only"}>
      {!props.canEdit ? (
        <p id="hours-read-only" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700">
          {t("readOnly")}
        </p>
      ) : null}
      <input type="hidden" name="version" value={formVersion} />
      <fieldset disabled={!props.canEdit} className="space-y-6">
        <Card id="hours-zone" title={t("timeZoneLegend")}>
          <Field id="time-zone" label={t("timeZoneLabel")} hint={t("timeZoneHint")} error={errorFor("timeZone")}>
            {({ describedBy, invalid }) => (
              <select
                id="time-zone"
                name="timeZone"
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={`${controlClass(invalid)} max-w-md`}
              >
                {props.timeZones.map((z) => (
                  <option key={z.value} value={z.value}>
                    {z.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </Card>
        <Card id="hours-weekly" title={t("weeklyLegend")} hint={t("weeklyHint")}>
          <WeeklyFields week={week} onChange={setWeek} errorFor={errorFor} configured={props.configured} />
        </Card>
        <Card id="hours-exceptions" title={t("exceptionsLegend")} hint={t("exceptionsHint")}>
          <ExceptionFields exceptions={exceptions} onChange={setExceptions} errorFor={errorFor} today={props.today} />
        </Card>
        <Card id="hours-messages" title={t("messagesLegend")}>
          <ReplyLanguages
            languages={props.languages}
            main={main}
            onMain={setMain}
            versions={versions}
            onVersions={setVersions}
            shopperWouldRead={shopperWouldRead}
            errorFor={errorFor}
          />
        </Card>
        <SaveBar result={result} pending={pending} labels={{ save: t("save"), saving: t("saving"), saved: t("saved"), reload: t("reload") }} errorText={text} />
      </fieldset>
    </form>
  );
}

function Card({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-6">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {hint ? <p className="mt-1 text-sm text-slate-600">{hint}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
