// The widget's side of /api/widget/v1: authenticated calls and the server-sent events stream.
import type { ConversationEvent } from "../lib/widget/contract";

/** A refused call, with the API's stable error code and the HTTP status. */
export type ApiError = Error & { code?: string; status?: number };

/** What the shopper reads when a step fails: the store turned its agent off, or "try again". */
export const failureText = (texts: Record<string, string>, error: ApiError) => (error.code === "agent_disabled" ? texts.agentOff : texts.error) ?? "";

/** The conversation this tab is in; `email` is the one the shopper typed, to show it after a reload. */
export type StoredConversation = { id: string; token: string; email?: string };

export type WidgetApi = ReturnType<typeof createApi>;

export function createApi(base: string, key: string, conversation: () => StoredConversation | null) {
  async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>, signal?: AbortSignal) {
    const h: Record<string, string> = { Authorization: `Bearer ${key}`, ...headers };
    if (body) h["Content-Type"] = "application/json";
    const conv = conversation();
    if (conv) h["X-Conversation-Token"] = conv.token;
    const response = await fetch(base + path, { method, headers: h, body: body ? JSON.stringify(body) : undefined, signal });
    if (response.ok) return response;
    const error = ((await response.json().then(
      (b: { error?: { code?: string; message?: string } }) => b.error,
      () => null,
    )) ?? {}) as {
      code?: string;
      message?: string;
    };
    throw Object.assign(new Error(error.message || `HTTP ${response.status}`), { code: error.code, status: response.status }) as ApiError;
  }

  async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await call(method, path, body)).json() as Promise<T>;
  }

  /** Server-sent events over fetch (EventSource cannot send the Authorization header). */
  async function stream(path: string, signal: AbortSignal, onOpen: () => void, onEvent: (event: ConversationEvent) => void) {
    const response = await call("GET", path, undefined, { Accept: "text/event-stream" }, signal);
    if (!/event-stream/.test(response.headers.get("content-type") ?? "") || !response.body) throw new Error("no stream");
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, "\n");
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const data = buffer
          .slice(0, end)
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trim())
          .join("\n");
        buffer = buffer.slice(end + 2);
        if (data) onEvent(JSON.parse(data) as ConversationEvent);
      }
    }
  }

  return { call, json, stream };
}
