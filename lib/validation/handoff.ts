import { z } from "zod";
import { destinationIdSchema } from "@/lib/helpdesks/registry";
import { shopperLocales } from "@/lib/i18n/shopper-locales";
import { parseJsonField } from "@/lib/validation/json-field";

import type { DestinationId } from "@/lib/helpdesks/registry";
import type { HandoffSnapshot as StoredHandoff } from "@/db/schema/handoff-settings";

export type { HandoffLink, MessageTranslations } from "@/db/schema/handoff-settings";
/** A handoff setting as the dashboard sees it: the stored one, its destination one of the registry's. */
export type HandoffSnapshot = Omit<StoredHandoff, "destination"> & { destination: DestinationId };

import { HANDOFF_LINK_LABEL_MAX, HANDOFF_MESSAGE_MAX, HANDOFF_LINKS_MAX, withScheme } from "@/lib/validation/handoff-fields";

// The limits and helpers the browser needs live in handoff-fields.ts, which has no zod.
export * from "@/lib/validation/handoff-fields";
export type { DestinationId } from "@/lib/helpdesks/registry";

// Error messages are message keys (messages/en.json → handoff.errors.*), turned into text by the form.

const linkSchema = z.object({
  label: z.string().trim().min(1, { error: "link_label_required" }).max(HANDOFF_LINK_LABEL_MAX, { error: "link_label_too_long" }),
  url: z
    .string()
    .trim()
    .min(1, { error: "link_url_required" })
    .max(2000, { error: "link_url_invalid" })
    // "help.example.com" is what people type: it means the https page.
    .transform(withScheme)
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "link_url_invalid" })),
});

const version = z.coerce.number({ error: "stale_version" }).int().min(0);

/**
 * The message in other shopper languages: each may be left empty (then shoppers in that language
 * read the main message); a language with links but no text is refused.
 */
const translationsSchema = z
  .partialRecord(
    z.enum(shopperLocales),
    z
      .object({
        message: z.string().trim().max(HANDOFF_MESSAGE_MAX, { error: "message_too_long" }).default(""),
        links: z.array(linkSchema).max(HANDOFF_LINKS_MAX, { error: "too_many_links" }).default([]),
      })
      .refine((t) => t.message !== "" || t.links.length === 0, { error: "message_required", path: ["message"] }),
  )
  .transform((all) => Object.fromEntries(Object.entries(all).filter(([, t]) => t && t.message !== "")));

/**
 * A save: the chosen method with only its own fields, plus the version the form was loaded with
 * (optimistic concurrency). The other method's stored values are kept as they are.
 */
export const saveHandoffSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("helpdesk"), destination: destinationIdSchema("destination_required"), version }),
    z.object({
      method: z.literal("message"),
      message: z.string().trim().min(1, { error: "message_required" }).max(HANDOFF_MESSAGE_MAX, { error: "message_too_long" }),
      links: z.array(linkSchema).max(HANDOFF_LINKS_MAX, { error: "too_many_links" }),
      translations: translationsSchema.optional(),
      version,
    }),
  ],
  { error: "method_required" },
);

export type SaveHandoffInput = z.infer<typeof saveHandoffSchema>;

/** Reads the Handoff form's fields (links as links.N.label / links.N.url, translations as JSON) into the schema's shape. */
export function handoffFormToObject(form: FormData): Record<string, unknown> {
  const links: Array<{ label: unknown; url: unknown }> = [];
  for (const [key, value] of form.entries()) {
    const match = /^links\.(\d+)\.(label|url)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index > 50) continue;
    links[index] ??= { label: "", url: "" };
    links[index][match[2] as "label" | "url"] = value;
  }
  return {
    method: form.get("method"),
    destination: form.get("destination"),
    message: form.get("message") ?? "",
    links: links.filter(Boolean).filter((l) => String(l.label).trim() !== "" || String(l.url).trim() !== ""),
    translations: parseJsonField(form.get("translations")),
    version: form.get("version"),
  };
}
