import EmailReplyParser from "email-reply-parser";

// Lines mail clients put above the quoted history in the languages Baton speaks, when
// email-reply-parser's own patterns miss them (Outlook's header block, Apple Mail's "On … wrote:"
// folded over two lines, Portuguese clients).
const HISTORY_STARTS = [
  /^-{2,}\s*(original message|mensagem original|mensaje original|message d'origine|ursprüngliche nachricht)\s*-{2,}/im,
  /^_{10,}\s*$/m,
  /^(from|de|von|da):\s.+\r?\n(sent|enviado|enviada|envoyé|gesendet|date|data|fecha):\s/im,
  /^(on|em|el|le|am)\s[^\n]{0,200}\r?\n?[^\n]{0,200}(wrote|escreveu|escribió|a écrit|schrieb)\s?:\s*$/im,
  /^>/m,
];

/**
 * The new text of a reply: quoted history and signature removed (email-reply-parser, then the
 * history markers above as a second pass), blank lines collapsed. Falls back to the whole text
 * when stripping leaves nothing (a reply that is all quote still says something).
 */
export function newReplyText(text: string): string {
  const normalized = text.replace(/\r\n/g, "\n").replace(/\u00a0/g, " ");
  let visible = new EmailReplyParser().read(normalized).getVisibleText();
  for (const pattern of HISTORY_STARTS) {
    const match = pattern.exec(visible);
    if (match) visible = visible.slice(0, match.index);
  }
  const cleaned = visible
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return cleaned || normalized.trim();
}
