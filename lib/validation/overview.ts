import { z } from "zod";
import { checkOverviewFilters, type OverviewFilters } from "@/lib/validation/overview-filters";

// The rules, helpers and types live in overview-filters.ts (no zod), which the browser uses.
export * from "@/lib/validation/overview-filters";

/** GET /api/overview's query: the shared rules, with their issues reported per field. */
export const overviewFiltersSchema = z.record(z.string(), z.unknown()).transform((input, ctx): OverviewFilters => {
  const checked = checkOverviewFilters(input);
  for (const issue of checked.issues) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  return checked.data ?? (z.NEVER as never);
});
