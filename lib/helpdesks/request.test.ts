import { describe, expect, it } from "vitest";
import { HelpdeskError, parseRetryAfter } from "@/lib/helpdesks/request";
import { zendeskHelpdesk } from "@/lib/helpdesks/zendesk/helpdesk";

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("2026-11-20T10:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Fri, 20 Nov 2026 10:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Fri, 20 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("HelpdeskError", () => {
  it("says which helpdesk, what happened and what the helpdesk said", () => {
    const error = new HelpdeskError(zendeskHelpdesk, "rate_limited", { status: 429, retryAfterSeconds: 7, description: "Too many" });
    expect(error.message).toBe("Zendesk: rate limit reached (HTTP 429), retry after 7 s: Too many");
  });
});
