import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { MAIL_ID } from "@/lib/validation/demo-mailbox";

/**
 * The demo mailbox's folder (DEMO_MAILBOX_DIR): one .eml file per mail, named by when it arrived
 * so the names sort in time order. `received` mail is what Baton sent (kept by the demo mail
 * catcher); `sent` mail is a shopper's answer from the mailbox page, kept so the thread shows it.
 */
export type MailDirection = "received" | "sent";

export type DemoMail = {
  id: string;
  direction: MailDirection;
  messageId: string | null;
  /** The thread's first message: References' first, else In-Reply-To, else its own Message-ID. */
  rootId: string | null;
  references: string[];
  from: { name: string; address: string } | null;
  to: string | null;
  replyTo: string | null;
  subject: string;
  date: Date;
  text: string;
};

const first = (value: AddressObject | AddressObject[] | undefined) => (Array.isArray(value) ? value[0] : value)?.value[0];

/** Keeps a raw message in the folder; written under a temporary name first, so a reader never sees half a mail. */
export async function writeMailFile(dir: string, direction: MailDirection, raw: Buffer): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const id = `${Date.now()}-${randomBytes(3).toString("hex")}.${direction}`;
  const file = path.join(dir, `${id}.eml`);
  await fs.writeFile(`${file}.tmp`, raw);
  await fs.rename(`${file}.tmp`, file);
  return id;
}

export async function readMailFile(dir: string, id: string): Promise<DemoMail | null> {
  if (!MAIL_ID.test(id)) return null;
  const raw = await fs.readFile(path.join(dir, `${id}.eml`)).catch(() => null);
  if (!raw) return null;
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, checksumAlgo: false });
  const references = typeof mail.references === "string" ? mail.references.split(/\s+/).filter(Boolean) : (mail.references ?? []);
  const messageId = mail.messageId ?? null;
  const from = first(mail.from);
  return {
    id,
    direction: id.endsWith(".sent") ? "sent" : "received",
    messageId,
    rootId: references[0] ?? mail.inReplyTo ?? messageId,
    references,
    from: from?.address ? { name: from.name, address: from.address } : null,
    to: first(mail.to)?.address ?? null,
    replyTo: first(mail.replyTo)?.address ?? null,
    subject: (mail.subject ?? "").trim(),
    date: mail.date ?? new Date(Number(id.slice(0, 13))),
    text: (mail.text ?? "").trim(),
  };
}

/** Every mail in the folder, oldest first. */
export async function readMailFolder(dir: string): Promise<DemoMail[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const ids = names
    .filter((n) => n.endsWith(".eml"))
    .map((n) => n.slice(0, -4))
    .filter((id) => MAIL_ID.test(id))
    .sort();
  const mails = await Promise.all(ids.map((id) => readMailFile(dir, id)));
  return mails.filter((m) => m !== null);
}
