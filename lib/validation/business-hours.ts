import { z } from "zod";
import { mapWeek, type TimeRange } from "@/lib/availability/rules";
import { canonicalTimeZone, dayOf, minuteOf } from "@/lib/availability/time-zone";
import { shopperLocales } from "@/lib/i18n/shopper-locales";
import { parseJsonField } from "@/lib/validation/json-field";
import { AUTO_REPLY_MAX, EXCEPTION_LABEL_MAX, EXCEPTIONS_MAX, IN_HOURS_MESSAGE_MAX, RANGES_PER_DAY_MAX } from "@/lib/validation/business-hours-limits";

export type { ReplyTranslations } from "@/db/schema/availability";

// Error messages are message keys (messages/en.json → businessHours.errors.*), turned into text by the form.
// The limits the browser's form needs live in business-hours-limits.ts, which has no zod.
export * from "@/lib/validation/business-hours-limits";

const time = z.string().refine((v) => minuteOf(v) !== null, { error: "time_invalid" });

const range = z
  .object({ start: time, end: time })
  // Equal times mean 24 hours only from midnight; 09:00–09:00 is far more often a slip.
  .refine((r) => r.start !== r.end || r.start === "00:00", { error: "range_empty", path: ["end"] });

/** A day's ranges may not overlap (an end at or before the start runs into the next day). */
const ranges = z
  .array(range)
  .max(RANGES_PER_DAY_MAX, { error: "too_many_ranges" })
  .superRefine((list, ctx) => {
    const spans = list
      .map((r: TimeRange, index) => {
        const start = minuteOf(r.start);
        const end = minuteOf(r.end);
        return start === null || end === null ? null : { index, start, end: end <= start ? end + 1440 : end };
      })
      .filter((s) => s !== null)
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.start < spans[i - 1]!.end) ctx.addIssue({ code: "custom", message: "ranges_overlap", path: [spans[i]!.index, "start"] });
    }
  });

const exception = z
  .object({
    date: z.string().refine((v) => dayOf(v) !== null, { error: "date_invalid" }),
    label: z.string().trim().max(EXCEPTION_LABEL_MAX, { error: "label_too_long" }),
    closed: z.boolean(),
    ranges,
  })
  .refine((e) => e.closed || e.ranges.length > 0, { error: "special_hours_required", path: ["ranges"] })
  .transform((e) => (e.closed ? { ...e, ranges: [] } : e));

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .transform((v) => (v === "" ? null : v));

const autoReplySchema = optionalText(AUTO_REPLY_MAX, "auto_reply_too_long").refine((v) => v === null || !/\{(?!backAt\})[^}]*\}/.test(v), {
  error: "auto_reply_placeholder",
});
const inHoursMessageSchema = optionalText(IN_HOURS_MESSAGE_MAX, "in_hours_message_too_long");

/** The auto-reply and in-hours message in other shopper languages; left empty, shoppers in that language read the main ones. */
const replyTranslationsSchema = z
  .partialRecord(z.enum(shopperLocales), z.object({ autoReply: autoReplySchema.default(""), inHoursMessage: inHoursMessageSchema.default("") }))
  .transform((all) => Object.fromEntries(Object.entries(all).filter(([, t]) => t && (t.autoReply !== null || t.inHoursMessage !== null))));

export const saveBusinessHoursSchema = z.object({
  timeZone: z.string().transform((v, ctx) => canonicalTimeZone(v.trim()) ?? (ctx.addIssue({ code: "custom", message: "time_zone_invalid" }), z.NEVER)),
  weekly: z.object(mapWeek(() => ranges)),
  exceptions: z
    .array(exception)
    .max(EXCEPTIONS_MAX, { error: "too_many_exceptions" })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((e, index) => {
        if (seen.has(e.date)) ctx.addIssue({ code: "custom", message: "date_duplicate", path: [index, "date"] });
        seen.add(e.date);
      });
    })
    .transform((list) => [...list].sort((a, b) => a.date.localeCompare(b.date))),
  /** Empty: Baton's default auto-reply, in the shopper's language. */
  autoReply: autoReplySchema,
  inHoursMessage: inHoursMessageSchema,
  translations: replyTranslationsSchema.optional(),
  version: z.coerce.number({ error: "stale_version" }).int().min(0),
});

export type SaveBusinessHoursInput = z.infer<typeof saveBusinessHoursSchema>;

/**
 * Reads the form's dotted field names (`weekly.mon.0.start`, `exceptions.2.ranges.0.end`) into
 * the schema's shape. A day without ranges (closed) sends no fields.
 */
export function businessHoursFormToObject(form: FormData): Record<string, unknown> {
  const weekly: Record<string, Array<Record<string, unknown>>> = mapWeek(() => []);
  const exceptions: Array<{ date: unknown; label: unknown; closed: boolean; ranges: Array<Record<string, unknown>> }> = [];
  for (const [key, value] of form.entries()) {
    const day = /^weekly\.(mon|tue|wed|thu|fri|sat|sun)\.(\d{1,2})\.(start|end)$/.exec(key);
    if (day) {
      (weekly[day[1]!]![Number(day[2])] ??= {})[day[3]!] = value;
      continue;
    }
    const match = /^exceptions\.(\d{1,3})\.(date|label|kind|ranges\.(\d{1,2})\.(start|end))$/.exec(key);
    if (!match || Number(match[1]) > EXCEPTIONS_MAX * 2) continue;
    const entry = (exceptions[Number(match[1])] ??= { date: "", label: "", closed: true, ranges: [] });
    if (match[2] === "date" || match[2] === "label") entry[match[2]] = value;
    else if (match[2] === "kind") entry.closed = value !== "hours";
    else (entry.ranges[Number(match[3])] ??= {})[match[4]!] = value;
  }
  const dense = <T>(list: T[]) => Array.from(list).filter((x) => x !== undefined);
  return {
    timeZone: form.get("timeZone") ?? "",
    weekly: Object.fromEntries(Object.entries(weekly).map(([d, list]) => [d, dense(list)])),
    exceptions: dense(exceptions).map((e) => ({ ...e, ranges: dense(e.ranges) })),
    autoReply: form.get("autoReply") ?? "",
    inHoursMessage: form.get("inHoursMessage") ?? "",
    translations: parseJsonField(form.get("translations")),
    version: form.get("version"),
  };
}
