/** Thrown when a dashboard JSON route answers with an error; `code` is its `{error:{code}}`. */
export class ApiRequestError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** GET a dashboard JSON route from the browser (React Query's fetcher for every dashboard read). */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new ApiRequestError(body?.error?.code ?? "internal");
  }
  return (await response.json()) as T;
}
