import { describe, expect, it } from "vitest";
import { businessDeadline } from "./business-time";
import { alwaysOpen, mapWeek, type HoursRules } from "./rules";

const weekdays9to17: HoursRules = {
  weekly: mapWeek((d) => (d === "sat" || d === "sun" ? [] : [{ start: "09:00", end: "17:00" }])),
  exceptions: [],
};
const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const threeMinutes = 3 * 60_000;

describe("businessDeadline", () => {
  it("adds the threshold as is when the team is open around the clock", () => {
    expect(iso(businessDeadline({ weekly: alwaysOpen, exceptions: [] }, "UTC", at("2026-03-04T23:59:00Z"), threeMinutes))).toBe("2026-03-05T00:02:00.000Z");
  });

  it("counts inside business hours only: a handoff before opening waits from the opening", () => {
    expect(iso(businessDeadline(weekdays9to17, "UTC", at("2026-03-04T07:00:00Z"), threeMinutes))).toBe("2026-03-04T09:03:00.000Z");
  });

  it("carries the rest over the night and the weekend", () => {
    // Friday 16:59 UTC: one minute on Friday, two on Monday.
    expect(iso(businessDeadline(weekdays9to17, "UTC", at("2026-03-06T16:59:00Z"), threeMinutes))).toBe("2026-03-09T09:02:00.000Z");
  });

  it("follows the account's time zone", () => {
    // 09:00 in São Paulo (UTC-3) is 12:00 UTC.
    expect(iso(businessDeadline(weekdays9to17, "America/Sao_Paulo", at("2026-03-04T10:00:00Z"), threeMinutes))).toBe("2026-03-04T12:03:00.000Z");
  });

  it("skips a closed holiday", () => {
    const rules = { ...weekdays9to17, exceptions: [{ date: "2026-03-04", label: "Holiday", closed: true, ranges: [] }] };
    expect(iso(businessDeadline(rules, "UTC", at("2026-03-04T10:00:00Z"), threeMinutes))).toBe("2026-03-05T09:03:00.000Z");
  });

  it("is null when the hours never open", () => {
    expect(businessDeadline({ weekly: mapWeek(() => []), exceptions: [] }, "UTC", at("2026-03-04T10:00:00Z"), threeMinutes)).toBeNull();
  });
});
