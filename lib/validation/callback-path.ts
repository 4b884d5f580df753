export const homePath = "/customer-agent/overview";

/** Only same-site paths survive: "/inbox" is kept; "https://evil.test", "//evil.test" become home. */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return homePath;
  if (path.startsWith("/sign-in") || path.startsWith("/api/")) return homePath;
  return path;
}
