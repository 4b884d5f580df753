import type { Headers } from "mailparser";

/**
 * What kind of mail this is, from its headers: a delivery status notification (a bounce), other
 * automatic mail (RFC 3834's Auto-Submitted, Precedence bulk/junk/list, the auto-responders'
 * own headers, an out-of-office subject), or a person's message. Automatic mail is never
 * appended, so Baton and a shopper's auto-responder cannot answer each other forever.
 */
export type MailKind = "bounce" | "automatic" | "personal";

const header = (headers: Headers, name: string) => {
  const value = headers.get(name);
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.toLowerCase();
  if (typeof value === "object" && "value" in value && typeof value.value === "string") {
    const params = "params" in value && value.params ? Object.entries(value.params).map(([k, v]) => `${k}=${String(v)}`) : [];
    return [value.value, ...params].join("; ").toLowerCase();
  }
  return String(value).toLowerCase();
};

// Subjects auto-responders use, in the shopper languages Baton speaks.
const AUTO_SUBJECT =
  /^(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autoreply|resposta autom[aá]tica|ausente|fora do escrit[oó]rio|respuesta autom[aá]tica|fuera de la oficina|r[ée]ponse automatique|absence|abwesenheitsnotiz|automatische antwort|ich bin (zurzeit )?nicht im b[üu]ro)\b/i;

export function mailKind(headers: Headers, subject: string, fromAddress: string): MailKind {
  const contentType = header(headers, "content-type");
  if (contentType.startsWith("multipart/report") && contentType.includes("delivery-status")) return "bounce";
  if (/^(mailer-daemon|postmaster)@/i.test(fromAddress) && /undeliver|delivery status|failure|returned mail|não entregue/i.test(subject)) return "bounce";
  const autoSubmitted = header(headers, "auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return "automatic";
  if (/^(bulk|junk|list|auto_reply)$/.test(header(headers, "precedence").trim())) return "automatic";
  if (headers.has("x-autoreply") || headers.has("x-autorespond") || headers.has("x-auto-response-suppress")) {
    // Outlook puts X-Auto-Response-Suppress on ordinary mail too; only its auto-replies say so in the subject.
    if (headers.has("x-autoreply") || headers.has("x-autorespond") || AUTO_SUBJECT.test(subject.trim())) return "automatic";
  }
  if (AUTO_SUBJECT.test(subject.trim())) return "automatic";
  return "personal";
}
