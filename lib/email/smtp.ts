import { connect, type Socket } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  html?: string;
  replyTo?: { name: string; address: string };
  /** The display name shown with SMTP_FROM's address (e.g. "Ana Souza via Baton"); SMTP_FROM's own otherwise. */
  fromName?: string;
  /** Threading headers (RFC 5322 3.6.4). */
  inReplyTo?: string | null;
  references?: string[];
  /** The envelope sender, where bounces go (SMTP_FROM's address otherwise). */
  returnPath?: string;
};

/**
 * A send that failed; `permanent` when the server refused it (5xx), so waiting will not help.
 * An internal transport class: the outbox (email-outbox.ts, the email destination's adapter)
 * turns it into an attempt outcome, and a service surfaces it as AppError("email_failed").
 */
export class EmailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The SMTP reply code, when the server answered (4xx, 5xx). */
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = "EmailError";
  }
}

export const isEmailError = (error: unknown): error is EmailError => error instanceof EmailError;

/** Whether emails can be sent at all (SMTP_URL set); otherwise they are only recorded. */
export const smtpConfigured = () => Boolean(env().SMTP_URL);

// One transport per process and URL (each message opens its own connection).
const cache = globalThis as unknown as { batonSmtp?: { url: string; options: SMTPTransport.Options; transport: Transporter } };

function transportOptions(): SMTPTransport.Options {
  const url = env().SMTP_URL;
  if (!url) throw new EmailError("Email sending is not configured (SMTP_URL).", false);
  if (cache.batonSmtp?.url !== url) {
    const parsed = new URL(url);
    const secure = parsed.protocol === "smtps:";
    const options: SMTPTransport.Options = {
      host: parsed.hostname,
      port: Number(parsed.port) || (secure ? 465 : 587),
      secure,
      auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    };
    cache.batonSmtp?.transport.close();
    cache.batonSmtp = { url, options, transport: nodemailer.createTransport(options) };
  }
  return cache.batonSmtp.options;
}

function transport(): Transporter {
  transportOptions();
  return cache.batonSmtp!.transport;
}

/**
 * A transport for one message whose connection `signal` cuts: a killed worker's socket is
 * destroyed at once, as the operating system would on a crash, so a message whose end the server
 * has not read is discarded there instead of finishing in the background and being sent again.
 */
function killableTransport(signal: AbortSignal): Transporter {
  const options = transportOptions();
  const oneMessage: SMTPTransport.Options = {
    ...options,
    getSocket(_options, callback) {
      const socket: Socket = connect({ host: options.host!, port: options.port! });
      const cut = () => socket.destroy(new Error("The worker was stopped."));
      signal.addEventListener("abort", cut, { once: true });
      socket.once("close", () => signal.removeEventListener("abort", cut));
      const timer = setTimeout(() => socket.destroy(new Error("Connection timeout")), options.connectionTimeout);
      let connected = false;
      socket.once("connect", () => {
        connected = true;
        clearTimeout(timer);
        callback(null, { connection: socket });
      });
      // Once connected, nodemailer listens to the socket itself.
      socket.once("error", (error) => {
        clearTimeout(timer);
        if (!connected) callback(error, null);
      });
    },
  };
  return nodemailer.createTransport(oneMessage);
}

/** SMTP_FROM's address alone, e.g. no-reply@baton.invalid from "Baton <no-reply@baton.invalid>". */
export const smtpFromAddress = () => /<([^>]+)>/.exec(env().SMTP_FROM)?.[1] ?? env().SMTP_FROM.trim();

/**
 * Sends one email through SMTP_URL; failures become EmailErrors (message without credentials).
 * `signal` (the outbox worker's kill) cuts the connection wherever the send is.
 */
export async function sendEmail(message: EmailMessage, options: { signal?: AbortSignal } = {}): Promise<void> {
  try {
    options.signal?.throwIfAborted();
    await (options.signal ? killableTransport(options.signal) : transport()).sendMail({
      from: message.fromName ? { name: message.fromName, address: smtpFromAddress() } : env().SMTP_FROM,
      to: message.to,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      ...(message.references?.length ? { references: message.references } : {}),
      ...(message.returnPath ? { envelope: { from: message.returnPath, to: message.to } } : {}),
    });
  } catch (error) {
    if (isEmailError(error)) throw error;
    const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
    const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
    const detail = e.responseCode ? `${e.responseCode} ${e.response ?? ""}`.trim() : (e.code ?? e.message ?? "unknown error");
    throw new EmailError(`SMTP: ${detail}`.slice(0, 300), permanent, e.responseCode);
  }
}
