/** A form field carrying JSON (e.g. texts per language, sent as one field); anything unreadable counts as `fallback`. */
export function parseJsonField(value: FormDataEntryValue | null, fallback: unknown = {}): unknown {
  if (typeof value !== "string" || value === "") return fallback;
  try {
    return JSON.parse(value);
  } catch {
    return fallback;
  }
}
