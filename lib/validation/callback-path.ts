export const homePath = "/customer-agent/overview";

// Any origin works as the base: a path that stays on it stays on Baton's own origin, whatever it is.
const base = "https://baton.invalid";

/**
 * Only same-origin paths survive: "/inbox" is kept; anything that a browser could read as another
 * site becomes `fallback` (home; sign-in passes "/", which sends each role to its own start page).
 * Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.test" or "/\evil.test"
 * mean "//evil.test": control characters and backslashes are refused outright, then the path is
 * parsed against an origin and must stay on it. The result is the parser's own serialisation, so
 * what is checked is what the browser gets.
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = homePath): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || /[\u0000-\u001f\u007f-\u009f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || path.startsWith("/sign-in") || path.startsWith("/api/")) return fallback;
  return path;
}
