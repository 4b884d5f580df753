import { describe, expect, it } from "vitest";
import { percentileFromHistogram } from "@/lib/overview/reply-buckets";
import { pointsChange, relativeChange } from "@/lib/overview/figures";
import { groupQuestions } from "@/lib/overview/question-groups";
import { filtersFromSearch, filtersToSearch, resolveRange } from "@/lib/validation/overview";

describe("changes", () => {
  it("compares rates in points and counts relative to the previous period", () => {
    expect(pointsChange(0.64, 0.6)).toEqual({ kind: "points", delta: expect.closeTo(4, 9) });
    expect(relativeChange(120, 100)).toEqual({ kind: "relative", delta: expect.closeTo(0.2, 9) });
    expect(relativeChange(5, 0)).toEqual({ kind: "new" });
    expect(relativeChange(0, 0)).toEqual({ kind: "relative", delta: 0 });
    expect(pointsChange(null, 0.5)).toEqual({ kind: "none" });
  });
});

describe("percentiles from the histogram", () => {
  it("finds the bucket holding the nearest rank", () => {
    // 10 replies: buckets 10 (≈ 0.6 s), 50 (≈ 10.8 s) ×8, 100 (≈ 134 s).
    const histogram = [
      { bucket: 50, replies: 8 },
      { bucket: 10, replies: 1 },
      { bucket: 100, replies: 1 },
    ];
    expect(percentileFromHistogram(histogram, 0.5)).toBe(11);
    expect(percentileFromHistogram(histogram, 0.1)).toBe(1);
    expect(percentileFromHistogram(histogram, 0.95)).toBe(134);
    expect(percentileFromHistogram([], 0.5)).toBeNull();
  });
});

describe("question groups", () => {
  const q = (reason: string, stems: string[], status: "routed" | "message_shown" = "routed") => ({ reason, stems, status });
  it("groups the same stems in any order, then similar groups, most frequent first", () => {
    const questions = [
      q("Do you ship to Canada?", ["ship", "canada"]),
      q("Can I change my shipping address?", ["chang", "ship", "address"]),
      q("can I change my shipping address", ["chang", "ship", "address"], "message_shown"),
      q("Change the shipping address on my order", ["chang", "ship", "address", "order"]),
      q("Shipping to Canada?", ["ship", "canada"]),
      q("Address change for shipping", ["address", "chang", "ship"]),
      q("???", []),
    ];
    const groups = groupQuestions(questions);
    expect(groups.map(({ key: _key, reasons: _reasons, ...g }) => g)).toEqual([
      {
        question: "Can I change my shipping address?",
        count: 4,
        routed: 3,
        messageShown: 1,
        variants: ["Address change for shipping", "Change the shipping address on my order"],
      },
      { question: "Do you ship to Canada?", count: 2, routed: 2, messageShown: 0, variants: ["Shipping to Canada?"] },
      { question: "???", count: 1, routed: 1, messageShown: 0, variants: [] },
    ]);
    // A dismissed group ("Not a knowledge gap") is left out by its key, whatever joined it.
    expect(groups[1]!.key).toBe("canada ship");
    expect(groupQuestions(questions, 10, new Set(["canada ship"])).map((g) => g.question)).toEqual(["Can I change my shipping address?", "???"]);
  });
});

describe("filters", () => {
  it("round-trips through the URL, and falls back to the defaults when invalid", () => {
    const custom = filtersFromSearch(new URLSearchParams("range=custom&from=2026-01-01&to=2026-01-31&channel=sms"));
    expect(custom).toEqual({ range: "custom", from: "2026-01-01", to: "2026-01-31", channel: "sms" });
    expect(filtersFromSearch(filtersToSearch(custom))).toEqual(custom);
    expect(filtersToSearch({ range: "30", channel: "all" }).toString()).toBe("");
    expect(filtersFromSearch({ range: "custom", from: "2026-02-01" })).toEqual({ range: "30", channel: "all" });
    expect(filtersFromSearch({ range: "7", from: "2026-02-01", to: "2026-02-03" })).toEqual({ range: "7", channel: "all" });
  });

  it("resolves presets to the last days including today in the account's time zone", () => {
    // 02:00 UTC on 1 March is still 28 February in New York.
    const now = new Date("2026-03-01T02:00:00Z");
    expect(resolveRange({ range: "7", channel: "all" }, "America/New_York", now)).toEqual({
      from: "2026-02-22",
      to: "2026-02-28",
      days: 7,
      previousFrom: "2026-02-15",
      previousTo: "2026-02-21",
    });
    expect(resolveRange({ range: "7", channel: "all" }, "Asia/Tokyo", now).to).toBe("2026-03-01");
  });
});
