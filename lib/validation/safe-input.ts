// Checks every value a caller sends, whatever its schema, for what PostgreSQL cannot store.

/** The field code for text that contains a NUL character (PostgreSQL text cannot hold one). */
export const NUL_CODE = "nul_character";

/**
 * The paths ("shopper.name", "transcript.2.text") of every string in `value` that holds a NUL
 * character, checked before any schema runs so that no field can forget it.
 */
export function nulFields(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path.join(".") || "body");
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulFields(item, [...path, String(index)], found));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) found.push([...path, key].join("."));
      nulFields(item, [...path, key], found);
    }
  }
  return found;
}

/** Field errors for NUL characters, in the `{path: [code]}` shape both transports answer. */
export function nulFieldErrors(value: unknown): Record<string, string[]> | null {
  const paths = nulFields(value);
  return paths.length ? Object.fromEntries(paths.map((p) => [p, [NUL_CODE]])) : null;
}

/** Timestamps callers send must fall in 2000–2100: anything else is a mistake, and year 0 breaks storage. */
export const isPlausibleInstant = (iso: string) => {
  const year = new Date(iso).getUTCFullYear();
  return year >= 2000 && year <= 2100;
};
