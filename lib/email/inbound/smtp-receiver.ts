import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { logFailure } from "@/lib/log-failure";

export type ReceiverHandlers = {
  /** Whether mail for this address is taken: unknown addresses get 550, forged reply tokens too. */
  recipient: (address: string) => Promise<"accepted" | "unknown" | "forged">;
  /** A whole message within the size limit; `refused` answers 550 after DATA. */
  message: (raw: Buffer, envelopeRecipients: string[]) => Promise<"accepted" | "refused">;
};

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

async function readLimited(stream: SMTPServerDataStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return stream.sizeExceeded ? null : Buffer.concat(chunks);
}

/**
 * Baton's own SMTP receiver: plain SMTP (a relay or the MX in front terminates TLS, or the
 * connection is local), no authentication, every sender welcome, only BATON_INBOUND_DOMAIN
 * recipients (550 otherwise), at most `maxRecipients` per transaction (452), messages up to
 * `maxBytes` (advertised with SIZE; larger ones get 552). A failure while handling answers 451 so
 * the sending server tries again later.
 */
export async function startSmtpReceiver(options: { host: string; port: number; maxBytes: number; maxRecipients: number; handlers: ReceiverHandlers }) {
  const server = new SMTPServer({
    name: "baton-inbound",
    banner: "Baton inbound mail",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: options.maxBytes,
    logger: false,
    socketTimeout: 60_000,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= options.maxRecipients) return callback(smtpError(452, "4.5.3 Too many recipients"));
      options.handlers
        .recipient(address.address)
        .then((status) => {
          if (status === "accepted") return callback();
          callback(smtpError(550, status === "forged" ? "5.1.1 Unknown reply address" : "5.1.1 No such recipient here"));
        })
        .catch((error: unknown) => {
          logFailure("inbound smtp recipient", error);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        });
    },
    onData(stream, session, callback) {
      readLimited(stream)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, `5.3.4 Message too big (limit ${options.maxBytes} bytes)`));
          const outcome = await options.handlers.message(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          );
          callback(outcome === "refused" ? smtpError(550, "5.7.1 Message not accepted for this conversation") : null);
        })
        .catch((error: unknown) => {
          logFailure("inbound smtp message", error);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        });
    },
  });
  server.on("error", (error) => logFailure("inbound smtp", error));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
