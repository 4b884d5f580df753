// The demo's mail catcher: an SMTP server on loopback that takes every message Baton sends
// (SMTP_URL points at it) and keeps it as an .eml file in the demo mailbox's folder, where the
// /demo/mailbox page reads it. Nothing leaves the machine.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { writeMailFile } from "@/lib/email/demo-mailbox-files";

export type DemoMailCatcher = { url: string; port: number; close: () => Promise<void> };

export async function startDemoMailCatcher(options: { dir: string; port: number; host?: string }): Promise<DemoMailCatcher> {
  const server = new SMTPServer({
    name: "demo-mail-catcher",
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // The sender went away mid-message: nothing is kept, as a real server would.
      stream.on("error", () => undefined);
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error("Message too big"), { responseCode: 552 }));
        writeMailFile(options.dir, "received", Buffer.concat(chunks)).then(
          () => callback(),
          (error: Error) => callback(Object.assign(error, { responseCode: 451 })),
        );
      });
    },
  });
  server.on("error", () => undefined);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://${host}:${port}`, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
