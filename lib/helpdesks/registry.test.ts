import { describe, expect, it } from "vitest";
import { allDestinations, asDestinationId, destinationIds, isDestinationId } from "@/lib/helpdesks/registry";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { supportedLocales } from "@/lib/i18n/locales";

describe("the destination registry", () => {
  it("keys each destination by its own id", () => {
    expect(allDestinations().map((a) => a.id)).toEqual(destinationIds);
  });

  it("accepts only its ids, as the database's text columns hold them", () => {
    expect(destinationIds.every(isDestinationId)).toBe(true);
    expect(isDestinationId("freshdesk")).toBe(false);
    expect(isDestinationId("toString")).toBe(false);
    expect(() => asDestinationId("freshdesk")).toThrow(/Unknown destination/);
  });

  it("merges every destination's texts into the dashboard's catalog, in every language", async () => {
    for (const locale of supportedLocales) {
      const messages = await dashboardMessages(locale);
      for (const id of destinationIds) {
        expect(messages.handoff.destinations[id].name, `${locale} ${id}`).toBeTruthy();
        expect(messages.overview.destinations[id], `${locale} ${id}`).toBeTruthy();
      }
      // The shared texts beside them are still there.
      expect(messages.integrations.onboarding.errors.site_invalid).toBeTruthy();
      expect(messages.handoff.destinationLegend).toBeTruthy();
    }
  });
});
