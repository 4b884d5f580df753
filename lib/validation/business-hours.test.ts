import { describe, expect, it } from "vitest";
import { businessHoursFormToObject, saveBusinessHoursSchema } from "./business-hours";

const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const valid = { timeZone: "America/New_York", weekly: week, exceptions: [], autoReply: "", inHoursMessage: "", version: 0 };

function errors(input: Record<string, unknown>) {
  const result = saveBusinessHoursSchema.safeParse({ ...valid, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("business hours input", () => {
  it("accepts overnight and 24-hour ranges, canonicalises the zone, and sorts exceptions by date", () => {
    const parsed = saveBusinessHoursSchema.parse({
      ...valid,
      timeZone: "europe/lisbon",
      weekly: {
        ...week,
        fri: [
          { start: "09:00", end: "12:00" },
          { start: "22:00", end: "02:00" },
        ],
        sat: [{ start: "00:00", end: "00:00" }],
      },
      exceptions: [
        { date: "2026-12-31", label: "", closed: false, ranges: [{ start: "10:00", end: "14:00" }] },
        { date: "2026-12-25", label: " Christmas ", closed: true, ranges: [{ start: "10:00", end: "11:00" }] },
      ],
      autoReply: "  Back {backAt}.  ",
    });
    expect(parsed.timeZone).toBe("Europe/Lisbon");
    expect(parsed.exceptions.map((e) => [e.date, e.label, e.ranges.length])).toEqual([
      ["2026-12-25", "Christmas", 0],
      ["2026-12-31", "", 1],
    ]);
    expect([parsed.autoReply, parsed.inHoursMessage]).toEqual(["Back {backAt}.", null]);
  });

  it("names each bad field", () => {
    expect(errors({ timeZone: "Mars/Olympus" })).toEqual({ timeZone: "time_zone_invalid" });
    expect(errors({ weekly: { ...week, mon: [{ start: "25:00", end: "10:00" }] } })).toEqual({ "weekly.mon.0.start": "time_invalid" });
    expect(errors({ weekly: { ...week, tue: [{ start: "09:00", end: "09:00" }] } })).toEqual({ "weekly.tue.0.end": "range_empty" });
    expect(
      errors({
        weekly: {
          ...week,
          wed: [
            { start: "13:00", end: "18:00" },
            { start: "09:00", end: "13:30" },
          ],
        },
      }),
    ).toEqual({ "weekly.wed.0.start": "ranges_overlap" });
    expect(
      errors({
        weekly: {
          ...week,
          thu: [
            { start: "20:00", end: "02:00" },
            { start: "01:00", end: "03:00" },
          ],
        },
      }),
    ).toEqual({});
    expect(errors({ exceptions: [{ date: "2026-02-30", label: "", closed: true, ranges: [] }] })).toEqual({ "exceptions.0.date": "date_invalid" });
    expect(errors({ exceptions: [{ date: "2026-12-24", label: "", closed: false, ranges: [] }] })).toEqual({ "exceptions.0.ranges": "special_hours_required" });
    const twice = { date: "2026-12-25", label: "", closed: true, ranges: [] };
    expect(errors({ exceptions: [twice, twice] })).toEqual({ "exceptions.1.date": "date_duplicate" });
    expect(errors({ autoReply: "Back {when}" })).toEqual({ autoReply: "auto_reply_placeholder" });
    expect(errors({ autoReply: "x".repeat(601) })).toEqual({ autoReply: "auto_reply_too_long" });
  });

  it("reads the form's dotted fields", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      timeZone: "UTC",
      "weekly.mon.0.start": "09:00",
      "weekly.mon.0.end": "17:00",
      "weekly.fri.1.start": "22:00",
      "weekly.fri.1.end": "02:00",
      "weekly.fri.0.start": "09:00",
      "weekly.fri.0.end": "12:00",
      "exceptions.0.date": "2026-12-25",
      "exceptions.0.label": "Christmas",
      "exceptions.0.kind": "closed",
      "exceptions.1.date": "2026-12-24",
      "exceptions.1.kind": "hours",
      "exceptions.1.ranges.0.start": "09:00",
      "exceptions.1.ranges.0.end": "12:00",
      autoReply: "",
      version: "3",
    }))
      form.append(k, v);
    const parsed = saveBusinessHoursSchema.parse(businessHoursFormToObject(form));
    expect(parsed.weekly.fri).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "22:00", end: "02:00" },
    ]);
    expect(parsed.weekly.sun).toEqual([]);
    expect(parsed.exceptions).toEqual([
      { date: "2026-12-24", label: "", closed: false, ranges: [{ start: "09:00", end: "12:00" }] },
      { date: "2026-12-25", label: "Christmas", closed: true, ranges: [] },
    ]);
    expect(parsed.version).toBe(3);
  });
});
