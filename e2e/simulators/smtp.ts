// A recording SMTP server for tests and the demo: it accepts every message on loopback, keeps it
// (envelope and raw source), and can be told to answer 451 (try later) or 550 (refused) to RCPT.
// Like a real server, it keeps a message once it has read the message's end (the final ".") and
// discards one whose connection closed before that.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; header: (name: string) => string | null };
export type SmtpFault = "busy" | "refuse";

export type SmtpCatcher = {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** The next `times` recipients get this answer; `failRandomly` answers a fraction of them with 451. */
  failNext: (fault: SmtpFault, times?: number) => void;
  failRandomly: (ratio: number) => void;
  /** Resolves with the first mail to `address` matching `match`, waiting for it to arrive. */
  waitFor: (address: string, match?: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  /** Resolves once no client is connected: everything sent so far is kept or discarded. */
  idle: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) as text; the space between two of them is dropped. */
function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(=\?)/g, "$1$2").replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** A header's value from a raw message (folded lines joined, encoded words decoded). */
function headerOf(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : null;
}

export async function startSmtpCatcher(options: { port?: number } = {}): Promise<SmtpCatcher> {
  const mails: ReceivedMail[] = [];
  const queued: SmtpFault[] = [];
  let ratio = 0;
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const fault = queued.shift() ?? (Math.random() < ratio ? "busy" : null);
      if (fault === "busy") return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      if (fault === "refuse") return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      // The client went away before the message's end: nothing is kept (smtp-server destroys the stream).
      stream.on("error", () => undefined);
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, header: (name) => headerOf(raw, name) });
        waiters.forEach((wake) => wake());
        callback();
      });
    },
  });
  // A client that vanishes mid-message (a killed worker) resets its connection: that is expected here.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    failNext: (fault, times = 1) => queued.push(...Array<SmtpFault>(times).fill(fault)),
    failRandomly: (r) => void (ratio = r),
    waitFor(address, match = () => true, timeoutMs = 10_000) {
      const find = () => mails.find((m) => m.to.includes(address) && match(m));
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = find();
          if (!mail) return;
          cleanup();
          resolve(mail);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no mail to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const check = () => {
          if (server.connections.size === 0) return setImmediate(resolve);
          if (Date.now() > deadline) return reject(new Error(`${server.connections.size} SMTP clients still connected`));
          setTimeout(check, 5);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
