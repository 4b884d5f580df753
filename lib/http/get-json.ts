/**
 * GETs a dashboard JSON route from the browser (the overview's and the inbox's reads). Any error
 * answer is a failed read: readers keep what they show and say it could not be refreshed, whatever
 * the code, so the error classes of lib/errors stay out of the pages' script.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}
