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

/**
 * The same receiver on its own thread, failing `faultRate` of requests (a third each: 500, no
 * answer, 429 with Retry-After: 1) by a seeded draw. Its own event loop keeps answering while the
 * test's thread is busy (PGlite runs queries on the test's thread), as a real receiver would.
 */
export async function startFaultyReceiverThread(options: { seed: number; faultRate: number }) {
  const { Worker } = await import("node:worker_threads");
  const code = `
    const http = require("node:http");
    const { parentPort, workerData } = require("node:worker_threads");
    let a = workerData.seed >>> 0;
    const random = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const roll = random() / workerData.faultRate;
        const status = roll < 1 / 3 ? 500 : roll < 2 / 3 ? 0 : roll < 1 ? 429 : 204;
        parentPort.postMessage({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now(), status });
        if (status === 0) return;
        res.writeHead(status, status === 429 ? { "retry-after": "1" } : {});
        res.end(status === 500 ? "boom" : "");
      });
    });
    server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
  `;
  const worker = new Worker(code, { eval: true, workerData: options });
  const received: Array<ReceivedWebhook & { status: number }> = [];
  const port = await new Promise<number>((resolve) => {
    worker.on("message", (m: { port?: number } & ReceivedWebhook & { status: number }) => (m.port ? resolve(m.port) : received.push(m)));
  });
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => worker.terminate().then(() => undefined) };
}
