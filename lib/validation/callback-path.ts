export const homePath = "/customer-agent/overview";

/**
 * Only same-site paths survive: "/inbox" is kept; "https://evil.test", "//evil.test" become
 * `fallback` (home; sign-in passes "/", which sends each role to its own start page).
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = homePath): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (path.startsWith("/sign-in") || path.startsWith("/api/")) return fallback;
  return path;
}
