import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: Record<string, string>; body: string; at: number };
export type ReceiverAnswer = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };
type Responder = (request: ReceivedWebhook, index: number) => ReceiverAnswer;

/**
 * A webhook receiver on a local port (0: any): records every request (headers and raw body, as a
 * receiver verifying signatures needs them) and answers as `respond` says; `hang` never answers
 * (a timeout on Baton's side).
 */
export async function startWebhookReceiver(port = 0, respond: Responder = () => ({ status: 204 })) {
  const received: ReceivedWebhook[] = [];
  let responder = respond;
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      const request = { headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      const answer = responder(request, received.length);
      received.push(request);
      if (answer.hang) return;
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? "");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    port: address.port,
    received,
    respondWith: (next: Responder) => void (responder = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
