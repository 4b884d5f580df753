import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { inboundRecipientStatus, receiveInboundEmail } from "@/lib/services/inbound-email";
import { startSmtpReceiver } from "./smtp-receiver";

/**
 * Starts the SMTP receiver on INBOUND_SMTP_PORT (with `port` overriding it) when one is set;
 * `npm run worker` calls it, and so does the web server on the embedded database.
 */
export async function startInboundReceiver(db: Database, options: { port?: number; host?: string } = {}) {
  const port = options.port ?? env().INBOUND_SMTP_PORT;
  if (port === undefined) return null;
  return startSmtpReceiver({
    host: options.host ?? env().INBOUND_SMTP_HOST,
    port,
    maxBytes: env().INBOUND_EMAIL_MAX_BYTES,
    maxRecipients: env().INBOUND_SMTP_MAX_RECIPIENTS,
    handlers: {
      recipient: (address) => inboundRecipientStatus(db, address),
      message: async (raw, recipients) => {
        const result = await receiveInboundEmail(db, raw, { via: "smtp", envelopeRecipients: recipients });
        return result.outcome === "refused" ? "refused" : "accepted";
      },
    },
  });
}

/**
 * The web server runs the receiver only on the embedded database (one process may open it); with
 * PostgreSQL `npm run worker` runs it, so several web servers never compete for the port.
 */
export async function startInboundInServer() {
  if (env().DATABASE_URL || env().INBOUND_SMTP_PORT === undefined) return;
  const { getDbHandle } = await import("@/db/client");
  const handle = await getDbHandle();
  const receiver = await startInboundReceiver(handle.db);
  if (receiver) process.once("SIGTERM", () => void receiver.close());
}
