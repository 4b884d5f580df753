import { describe, expect, it } from "vitest";
import { agentOffDays, overlapsOff } from "@/lib/overview/agent-off-days";

const at = (iso: string) => new Date(iso);
const range = { from: "2026-11-01", to: "2026-11-30", timeZone: "America/New_York", now: at("2026-11-30T20:00:00Z") };

describe("agentOffDays", () => {
  it("marks every local day touched by an off period, in the account's time zone", () => {
    // Off 23:30 New York time on Nov 3 (04:30Z Nov 4) until 01:00 on Nov 5 local (06:00Z).
    const switches = [
      { enabled: false, at: at("2026-11-04T04:30:00Z") },
      { enabled: true, at: at("2026-11-05T06:00:00Z") },
    ];
    expect(agentOffDays(switches, range)).toEqual([{ from: "2026-11-03", to: "2026-11-05" }]);
    expect(agentOffDays(switches, { ...range, timeZone: "UTC" })).toEqual([{ from: "2026-11-04", to: "2026-11-05" }]);
  });

  it("keeps separate periods apart, clips to the range and runs an open period until now", () => {
    const switches = [
      { enabled: false, at: at("2026-10-20T12:00:00Z") },
      { enabled: true, at: at("2026-11-02T12:00:00Z") },
      { enabled: false, at: at("2026-11-10T15:00:00Z") },
      { enabled: true, at: at("2026-11-10T16:00:00Z") },
      { enabled: false, at: at("2026-11-28T15:00:00Z") },
    ];
    expect(agentOffDays(switches, range)).toEqual([
      { from: "2026-11-01", to: "2026-11-02" },
      { from: "2026-11-10", to: "2026-11-10" },
      { from: "2026-11-28", to: "2026-11-30" },
    ]);
  });

  it("is empty for an agent that was never off, or turned on again before the range", () => {
    expect(agentOffDays([], range)).toEqual([]);
    const before = [
      { enabled: false, at: at("2026-10-01T12:00:00Z") },
      { enabled: true, at: at("2026-10-02T12:00:00Z") },
    ];
    expect(agentOffDays(before, range)).toEqual([]);
  });

  it("an off period ending exactly at midnight does not mark the next day", () => {
    const switches = [
      { enabled: false, at: at("2026-11-12T10:00:00Z") },
      { enabled: true, at: at("2026-11-13T00:00:00Z") },
    ];
    expect(agentOffDays(switches, { ...range, timeZone: "UTC" })).toEqual([{ from: "2026-11-12", to: "2026-11-12" }]);
  });

  it("overlapsOff tells whether a week touches an off day", () => {
    const ranges = [{ from: "2026-11-10", to: "2026-11-10" }];
    expect(overlapsOff(ranges, "2026-11-09", "2026-11-15")).toBe(true);
    expect(overlapsOff(ranges, "2026-11-11", "2026-11-17")).toBe(false);
  });
});
