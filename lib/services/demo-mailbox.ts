import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { readMailFile, readMailFolder, writeMailFile, type DemoMail } from "@/lib/email/demo-mailbox-files";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The demo's shoppers' mailbox (`npm run demo`, /demo/mailbox): Baton's outbound mail as the demo
// mail catcher kept it, grouped into threads, and a shopper's answer sent back the way a mail
// client would: threaded, to the Reply-To address, over SMTP into Baton's own receiver.

export type DemoThread = { id: string; subject: string; shopper: string | null; lastAt: Date; mails: DemoMail[] };

/** The mailbox's folder, or null outside the demo (the page and its route then answer 404). */
export const demoMailboxDir = () => env().DEMO_MAILBOX_DIR ?? null;

function requireDir(): string {
  const dir = demoMailboxDir();
  if (!dir) throw new AppError("not_found", "The demo mailbox is not set up.");
  return dir;
}

/** Every thread, the newest activity first; a thread's id is its first mail's. */
export async function listDemoThreads(): Promise<DemoThread[]> {
  const byRoot = new Map<string, DemoMail[]>();
  for (const mail of await readMailFolder(requireDir())) {
    const key = mail.rootId ?? mail.id;
    byRoot.set(key, [...(byRoot.get(key) ?? []), mail]);
  }
  return [...byRoot.values()]
    .map((mails) => {
      const opening = mails[0]!;
      return {
        id: opening.id,
        subject: opening.subject.replace(/^(re:\s*)+/i, ""),
        shopper: opening.direction === "received" ? opening.to : (opening.from?.address ?? null),
        lastAt: mails.at(-1)!.date,
        mails,
      };
    })
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
}

/** The plain text a mail client quotes below an answer: "On …, X wrote:" and the message with "> ". */
function quoted(mail: DemoMail): string {
  const who = mail.from ? (mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address) : "";
  const lines = mail.text.split(/\r?\n/).map((line) => `> ${line}`.trimEnd());
  return [`On ${mail.date.toUTCString()}, ${who} wrote:`, ...lines].join("\n");
}

/** Where the answer goes: Baton's SMTP receiver (INBOUND_SMTP_HOST/PORT), reached on loopback when it listens everywhere. */
function receiver(): { host: string; port: number } {
  const port = env().INBOUND_SMTP_PORT;
  if (port === undefined) throw new AppError("not_found", "The inbound SMTP receiver is not running in this demo.");
  const host = env().INBOUND_SMTP_HOST;
  return { host: host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host, port };
}

/**
 * The shopper answers a mail Baton sent: From the address it was sent to, To its Reply-To,
 * "Re: " its subject, In-Reply-To its Message-ID and References the thread's, the mail quoted
 * below. Delivered over SMTP to Baton's receiver, then kept in the mailbox as sent.
 */
export async function answerDemoMail(input: { mailId: string; text: string }): Promise<{ id: string; messageId: string }> {
  const dir = requireDir();
  const mail = await readMailFile(dir, input.mailId);
  if (!mail || mail.direction !== "received" || !mail.to) throw new AppError("not_found", "That mail is not in the demo mailbox.");
  const to = mail.replyTo ?? mail.from?.address;
  if (!to) throw new AppError("validation_failed", "That mail has no address to answer.");
  const domain = mail.to.split("@")[1] ?? "shopper.demo.test";
  const messageId = `<${randomUUID()}@${domain}>`;
  const raw = await new MailComposer({
    from: mail.to,
    to,
    subject: /^re:/i.test(mail.subject) ? mail.subject : `Re: ${mail.subject}`,
    messageId,
    ...(mail.messageId ? { inReplyTo: mail.messageId, references: [...mail.references, mail.messageId] } : {}),
    text: `${input.text}\n\n${quoted(mail)}\n`,
  })
    .compile()
    .build();
  const transport = nodemailer.createTransport({ ...receiver(), secure: false, ignoreTLS: true, connectionTimeout: 10_000, socketTimeout: 20_000 });
  try {
    await transport.sendMail({ envelope: { from: mail.to, to: [to] }, raw });
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; code?: string };
    throw new AppError(
      "email_failed",
      `Baton's mail receiver did not take the answer: ${e.responseCode ? `${e.responseCode} ${e.response ?? ""}` : (e.code ?? "no answer")}`.trim(),
    );
  } finally {
    transport.close();
  }
  return { id: await writeMailFile(dir, "sent", raw), messageId };
}
