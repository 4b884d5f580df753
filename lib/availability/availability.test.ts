import { describe, expect, it } from "vitest";
import { backAtText, computeAvailability, fillAutoReply, type AgentPresence, type BackAtTexts } from "./availability";
import type { HoursException, HoursRules, WeeklySchedule } from "./rules";
import { closingAfter, isOpenAt, nextOpeningAfter } from "./schedule";
import { instantOf, localDayAndMinute } from "./time-zone";

// Every case runs on a fixed clock ("now" is an argument), in the account's zone.
const NY = "America/New_York";
const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const closed: WeeklySchedule = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const nineToFive = { start: "09:00", end: "17:00" };
const weekdays9to5: WeeklySchedule = { ...closed, mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive] };
const rules = (weekly: WeeklySchedule, exceptions: HoursException[] = []): HoursRules => ({ weekly, exceptions });
const here = (now: Date): AgentPresence => ({ status: "available", lastSeenAt: new Date(now.getTime() - 10_000) });
const TIMEOUT = 3 * MIN;

function availability(hours: HoursRules | null, now: Date, presence: AgentPresence[] = [here(now)], timeZone = NY) {
  return computeAvailability({ hours, timeZone, presence, presenceTimeoutMs: TIMEOUT, now });
}

describe("business hours in the account's time zone", () => {
  it("a range that crosses midnight belongs to the day it starts and runs into the next", () => {
    const hours = rules({ ...closed, fri: [{ start: "20:00", end: "02:00" }] });
    // Friday 2026-03-06 23:00 EST and Saturday 01:30 EST are inside Friday's range.
    expect(availability(hours, at("2026-03-07T04:00:00Z"))).toMatchObject({ available: true, reason: "available" });
    expect(availability(hours, at("2026-03-07T06:30:00Z"))).toMatchObject({ available: true });
    // Saturday 02:00 EST it has closed; the next opening is Friday 20:00, by then EDT (UTC-4).
    expect(availability(hours, at("2026-03-07T07:00:00Z"))).toEqual({
      available: false,
      reason: "outside_hours",
      nextOpeningAt: at("2026-03-14T00:00:00Z"),
      agentsAvailable: 1,
    });
    // Thursday evening: the opening is later the same week.
    expect(availability(hours, at("2026-03-05T22:00:00Z")).nextOpeningAt).toEqual(at("2026-03-07T01:00:00Z"));
  });

  it("several ranges a day: the gap between them is closed and the next range is the opening", () => {
    const hours = rules({
      ...closed,
      wed: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "18:00" },
      ],
    });
    // Wednesday 2026-06-10 12:30 EDT.
    expect(availability(hours, at("2026-06-10T16:30:00Z"))).toMatchObject({
      available: false,
      reason: "outside_hours",
      nextOpeningAt: at("2026-06-10T17:00:00Z"),
    });
    expect(availability(hours, at("2026-06-10T17:00:00Z")).available).toBe(true);
  });

  it("a holiday closes the whole day, and the next opening skips it", () => {
    const hours = rules(weekdays9to5, [{ date: "2026-12-25", label: "Christmas", closed: true, ranges: [] }]);
    // Friday 2026-12-25 10:00 EST: a weekday, but a holiday. Back Monday 09:00 EST.
    expect(availability(hours, at("2026-12-25T15:00:00Z"))).toEqual({
      available: false,
      reason: "holiday",
      nextOpeningAt: at("2026-12-28T14:00:00Z"),
      agentsAvailable: 1,
    });
    // Thursday evening, the day before: the next opening is after the holiday too.
    expect(availability(hours, at("2026-12-24T23:00:00Z")).nextOpeningAt).toEqual(at("2026-12-28T14:00:00Z"));
  });

  it("an overnight range that starts the day before a holiday still runs into it", () => {
    const hours = rules({ ...closed, thu: [{ start: "22:00", end: "02:00" }] }, [{ date: "2026-12-25", label: "Christmas", closed: true, ranges: [] }]);
    expect(availability(hours, at("2026-12-25T06:00:00Z")).available).toBe(true); // Fri 01:00 EST
    expect(availability(hours, at("2026-12-25T07:00:00Z")).reason).toBe("holiday"); // Fri 02:00 EST
  });

  it("special hours replace the weekly ranges of their date", () => {
    const hours = rules(weekdays9to5, [{ date: "2026-12-24", label: "Christmas Eve", closed: false, ranges: [{ start: "09:00", end: "12:00" }] }]);
    expect(availability(hours, at("2026-12-24T16:00:00Z")).available).toBe(true); // 11:00 EST
    expect(availability(hours, at("2026-12-24T18:00:00Z"))).toMatchObject({ reason: "outside_hours", nextOpeningAt: at("2026-12-25T14:00:00Z") });
    // A Saturday with special hours opens although the week has none.
    const saturday = rules(weekdays9to5, [{ date: "2026-12-26", label: "Sale", closed: false, ranges: [{ start: "10:00", end: "14:00" }] }]);
    expect(availability(saturday, at("2026-12-25T23:00:00Z")).nextOpeningAt).toEqual(at("2026-12-26T15:00:00Z"));
  });

  it("follows daylight saving time: spring forward and fall back", () => {
    // 2026-03-08 02:00 EST the clocks jump to 03:00 EDT.
    const spring = rules({ ...closed, sun: [{ start: "01:00", end: "03:00" }] });
    expect(isOpenAt(spring, NY, at("2026-03-08T06:30:00Z").getTime())).toBe(true); // 01:30 EST
    expect(isOpenAt(spring, NY, at("2026-03-08T07:00:00Z").getTime())).toBe(false); // 03:00 EDT: one hour long
    // A range starting in the skipped hour starts when the clocks show the same distance past the jump.
    const skipped = rules({ ...closed, sun: [{ start: "02:30", end: "05:00" }] });
    expect(nextOpeningAfter(skipped, NY, at("2026-03-08T07:00:00Z").getTime())).toBe(at("2026-03-08T07:30:00Z").getTime());
    // The week after the change, Monday 09:00 is 13:00 UTC, not 14:00.
    expect(availability(rules(weekdays9to5), at("2026-03-07T17:00:00Z")).nextOpeningAt).toEqual(at("2026-03-09T13:00:00Z"));

    // 2026-11-01 02:00 EDT the clocks go back to 01:00 EST: 00:00–03:00 lasts four hours.
    const fall = rules({ ...closed, sun: [{ start: "00:00", end: "03:00" }] });
    expect(isOpenAt(fall, NY, at("2026-11-01T03:59:00Z").getTime())).toBe(false);
    expect(isOpenAt(fall, NY, at("2026-11-01T07:59:00Z").getTime())).toBe(true);
    expect(isOpenAt(fall, NY, at("2026-11-01T08:00:00Z").getTime())).toBe(false);
    // 01:30 happens twice; a range starting then starts at the first.
    expect(instantOf(localDayAndMinute(at("2026-11-01T12:00:00Z").getTime(), NY).day, 90, NY)).toBe(at("2026-11-01T05:30:00Z").getTime());
  });

  it("computes in the account's zone, including half-hour offsets", () => {
    const hours = rules(weekdays9to5);
    // Monday 2026-06-08 02:00 UTC is 07:30 in Kolkata: opens at 09:00 IST = 03:30 UTC.
    expect(availability(hours, at("2026-06-08T02:00:00Z"), undefined, "Asia/Kolkata").nextOpeningAt).toEqual(at("2026-06-08T03:30:00Z"));
    // The same instant is still Sunday evening in New York: opens Monday 09:00 EDT.
    expect(availability(hours, at("2026-06-08T02:00:00Z")).nextOpeningAt).toEqual(at("2026-06-08T13:00:00Z"));
  });

  it("touching ranges close together, and round-the-clock hours never close", () => {
    const hours = rules({ ...closed, mon: [{ start: "22:00", end: "00:00" }], tue: [{ start: "00:00", end: "06:00" }] });
    expect(closingAfter(hours, NY, at("2026-06-09T03:00:00Z").getTime())).toBe(at("2026-06-09T10:00:00Z").getTime());
    const allDay = rules({
      ...closed,
      mon: [{ start: "00:00", end: "00:00" }],
      tue: [{ start: "00:00", end: "00:00" }],
      wed: [{ start: "00:00", end: "00:00" }],
      thu: [{ start: "00:00", end: "00:00" }],
      fri: [{ start: "00:00", end: "00:00" }],
      sat: [{ start: "00:00", end: "00:00" }],
      sun: [{ start: "00:00", end: "00:00" }],
    });
    expect(closingAfter(allDay, NY, at("2026-06-09T03:00:00Z").getTime())).toBeNull();
  });

  it("a schedule that never opens has no next opening", () => {
    expect(availability(rules(closed), at("2026-06-10T16:00:00Z"))).toEqual({
      available: false,
      reason: "outside_hours",
      nextOpeningAt: null,
      agentsAvailable: 1,
    });
  });
});

describe("agent presence", () => {
  const now = at("2026-06-10T16:00:00Z"); // Wednesday 12:00 EDT

  it("with every agent away nobody is available, even inside hours", () => {
    const away: AgentPresence[] = [
      { status: "away", lastSeenAt: now },
      { status: "away", lastSeenAt: now },
    ];
    expect(availability(null, now, away)).toEqual({ available: false, reason: "no_agent_available", nextOpeningAt: null, agentsAvailable: 0 });
    // With hours, the team is back at the latest when the next period opens: Thursday 09:00 EDT.
    expect(availability(rules(weekdays9to5), now, away)).toMatchObject({ reason: "no_agent_available", nextOpeningAt: at("2026-06-11T13:00:00Z") });
    expect(availability(null, now, [])).toMatchObject({ available: false, reason: "no_agent_available" });
  });

  it("an Available agent whose browser is gone longer than the timeout counts as away", () => {
    const stale: AgentPresence = { status: "available", lastSeenAt: new Date(now.getTime() - TIMEOUT - 1000) };
    const fresh: AgentPresence = { status: "available", lastSeenAt: new Date(now.getTime() - TIMEOUT + 1000) };
    expect(availability(null, now, [stale])).toMatchObject({ available: false, reason: "no_agent_available" });
    expect(availability(null, now, [stale, fresh])).toMatchObject({ available: true, agentsAvailable: 1 });
  });

  it("outside hours the hours decide, whoever is online", () => {
    expect(availability(rules(weekdays9to5), at("2026-06-13T16:00:00Z"))).toMatchObject({ available: false, reason: "outside_hours", agentsAvailable: 1 });
  });
});

describe("the next opening as shoppers read it", () => {
  const texts: BackAtTexts = (key, values) =>
    ({ backToday: `today at ${values?.time}`, backTomorrow: `tomorrow at ${values?.time}`, backOn: `on ${values?.day} at ${values?.time}`, backSoon: "soon" })[
      key
    ];
  const now = at("2026-12-24T23:00:00Z"); // Thursday 18:00 EST
  const say = (next: string | null) => backAtText(next ? at(next) : null, { timeZone: NY, locale: "en", now }, texts);

  it("names the day relative to the account's today, and the zone, with the plain spaces a browser writes", () => {
    expect(say("2026-12-25T01:00:00Z")).toBe("today at 8:00 PM EST");
    expect(say("2026-12-25T14:00:00Z")).toBe("tomorrow at 9:00 AM EST");
    expect(say("2026-12-28T14:00:00Z")).toBe("on Monday, December 28 at 9:00 AM EST");
    expect(say(null)).toBe("soon");
  });

  it("fills every {backAt} of the merchant's text and nothing else", () => {
    expect(fillAutoReply("Back {backAt}. Really {backAt}! {name}", "tomorrow")).toBe("Back tomorrow. Really tomorrow! {name}");
  });
});
