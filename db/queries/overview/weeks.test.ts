import { describe, expect, it } from "vitest";
import { splitByWeeks } from "./weeks";

describe("splitByWeeks", () => {
  it("reads whole weeks (Monday to Sunday) from the week rows, the days around them from the day rows", () => {
    // 2026-09-03 is a Thursday, 2026-12-01 a Tuesday.
    expect(splitByWeeks("2026-09-03", "2026-12-01")).toEqual({
      weeks: ["2026-09-07", "2026-11-23"],
      days: [
        ["2026-09-03", "2026-09-06"],
        ["2026-11-30", "2026-12-01"],
      ],
    });
  });

  it("needs no days when the range starts on a Monday and ends on a Sunday", () => {
    expect(splitByWeeks("2026-11-02", "2026-11-29")).toEqual({ weeks: ["2026-11-02", "2026-11-23"], days: [] });
  });

  it("reads only days when no whole week fits", () => {
    expect(splitByWeeks("2026-11-25", "2026-12-01")).toEqual({ weeks: null, days: [["2026-11-25", "2026-12-01"]] });
    expect(splitByWeeks("2026-11-30", "2026-11-30")).toEqual({ weeks: null, days: [["2026-11-30", "2026-11-30"]] });
  });
});
