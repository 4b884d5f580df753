import { z } from "zod";

// Shared pieces of the destinations' connect forms (their schemas live in lib/helpdesks/<id>/schemas.ts).
// Error messages are message keys (messages/en.json → integrations.errors.*).

/**
 * A helpdesk site as merchants paste it: with `suffix` ".zendesk.com", `acme`, `acme.zendesk.com`
 * and `https://acme.zendesk.com/agent` all mean `acme`.
 */
export function siteSchema(suffix: string) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .transform((raw) =>
      raw
        .replace(/^https?:\/\//, "")
        .split("/")[0]!
        .replace(suffix, ""),
    )
    .pipe(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { error: "site_invalid" }));
}

/** A pasted token or key: required, and no longer than any real one. */
export const secretSchema = (code: string) => z.string().trim().min(1, { error: code }).max(500, { error: code });
