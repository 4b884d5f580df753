import { AppError, isErrorCode } from "@/lib/errors";

/**
 * GET a dashboard JSON route from the browser (React Query's fetcher for every dashboard read).
 * An error answer is thrown as the AppError it was on the server (`{error:{code,message}}`).
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const code = body?.error?.code ?? "internal";
    throw new AppError(isErrorCode(code) ? code : "internal", body?.error?.message);
  }
  return (await response.json()) as T;
}
