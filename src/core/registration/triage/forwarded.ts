/**
 * Separating what the sender wrote from what their mail program quoted under it. A reply quotes the mail it
 * answers (the invitation, or the sender's own registration — which must not register them again), a forward
 * carries someone else's mail (whose writer is the registrant). Both arrive in a handful of shapes:
 *
 * - Outlook: a rule line, then "Från: … / Skickat: … / Till: … / Ämne: …" (or From/Sent/To/Subject);
 * - Gmail: "---------- Forwarded message ---------" or "---------- Vidarebefordrat meddelande ---------",
 *   then From/Date/Subject/To; replies as "Den tis 5 dec. 2023 kl 10:12 skrev Anna <anna@org.se>:";
 * - Apple Mail: "Början av vidarebefordrat meddelande:" / "Begin forwarded message:";
 * - old clients: "-----Original Message-----", and lines quoted with ">".
 *
 * Outlook writes the same header block for a reply and a forward; the subject's prefix (VB:/FW: versus SV:/RE:)
 * tells them apart, and a quote of a mail from the registration address is the invitation whatever the prefix.
 */
import type { MailAddress } from '../../ports/registrationMail';

export interface QuotedMail {
  /** The quoted mail's sender as its header gives it; null when the header has none that can be read. */
  readonly from: MailAddress | null;
  readonly subject: string | null;
  /** The quoted mail's own text, itself without further quotes. */
  readonly lines: readonly string[];
}

export interface MailParts {
  /** What the sender wrote. */
  readonly own: readonly string[];
  /** The mail forwarded under it, if any. */
  readonly forwarded: QuotedMail | null;
  /** Quoted text of a reply was cut off. */
  readonly quotedReply: boolean;
}

const FORWARD_MARKER =
  /^[-–—_=*<> ]*(?:forwarded message|vidarebefordrat meddelande|början av vidarebefordrat meddelande|begin forwarded message|videresendt (?:melding|meddelelse)|weitergeleitete nachricht|message transféré)[-–—_=*:> ]*$/i;
const ORIGINAL_MARKER =
  /^[-–—_=* ]*(?:original message|ursprungligt meddelande|originalmeddelande|oprindelig meddelelse)[-–—_=* ]*$/i;
// "Den tis 5 dec. 2023 kl 10:12 skrev Anna Berg <anna@org.se>:" and "On Tue, Dec 5, 2023 at 10:12 AM Anna … wrote:".
// Swedish puts the writer after the verb ("… skrev Anna <…>:"), English before it ("… Anna <…> wrote:").
const REPLY_INTRO =
  /^(?:(?:den|on|am|le|el) .{3,200} (?:skrev|wrote|schrieb|a écrit|escribió)(?: .{1,200})?|.{3,200} (?:skrev|wrote))\s*:$/i;
const HEADER_FROM = /^\*?(?:från|from|von|fra|de|van)\*?\s*:\s*(.*)$/i;
const HEADER_FIELD =
  /^\*?(?:från|from|von|fra|de|van|skickat|sent|sendt|date|datum|dato|gesendet|till|to|an|ämne|subject|emne|betreff|kopia|cc|bcc|svara till|reply-to|prioritet|importance)\*?\s*:/i;
const HEADER_SUBJECT = /^\*?(?:ämne|subject|emne|betreff)\*?\s*:\s*(.*)$/i;
/** Rule lines Outlook and others put above a quote. */
const RULE_LINE = /^[-–—_=*]{4,}$/;
/** How many lines a header block may take: Outlook writes four or five, with Cc more. */
const HEADER_WINDOW = 6;
const MAX_DEPTH = 3;

/** "Anna Berg <anna@org.se>", "Anna Berg [mailto:anna@org.se]", "*Anna Berg* <anna@org.se>", "anna@org.se". */
export function parseHeaderAddress(value: string): MailAddress | null {
  const text = value.replace(/\*/g, '').trim();
  const bracket = /^(.*?)[<[]\s*(?:mailto:)?([^<>[\]\s]+@[^<>[\]\s]+?)\s*[>\]]\s*$/i.exec(text);
  if (bracket !== null) return { name: (bracket[1] ?? '').replace(/^["'\s]+|["'\s]+$/g, ''), email: bracket[2] ?? '' };
  if (/^\S+@\S+$/.test(text)) return { name: '', email: text };
  return null;
}

function isHeaderStart(lines: readonly string[], index: number): boolean {
  if (!HEADER_FROM.test(lines[index] ?? '')) return false;
  for (let k = index + 1; k < Math.min(lines.length, index + HEADER_WINDOW); k++) {
    const line = lines[k] ?? '';
    if (line === '') continue;
    if (HEADER_FIELD.test(line)) return true;
  }
  return false;
}

type Boundary = { readonly at: number; readonly kind: 'forward' | 'reply' | 'header' | 'original' };

/** The first line where quoted text begins, and what kind of quote it opens. Lines are read once each. */
function firstBoundary(lines: readonly string[]): Boundary | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > 400) continue;
    if (FORWARD_MARKER.test(line)) return { at: i, kind: 'forward' };
    if (ORIGINAL_MARKER.test(line)) return { at: i, kind: 'original' };
    if (isHeaderStart(lines, i)) return { at: i, kind: 'header' };
    if (REPLY_INTRO.test(line) || (line.startsWith('>') && i > 0)) return { at: i, kind: 'reply' };
  }
  return null;
}

interface Header {
  readonly from: MailAddress | null;
  readonly subject: string | null;
  /** The first line after the header. */
  readonly end: number;
}

function readHeader(lines: readonly string[], start: number): Header {
  let from: MailAddress | null = null;
  let subject: string | null = null;
  let i = start;
  // Skip blank lines and the marker between a forward marker and its header.
  while (i < lines.length && i < start + 3 && !HEADER_FIELD.test(lines[i] ?? '')) i++;
  if (!HEADER_FIELD.test(lines[i] ?? '')) return { from, subject, end: start };
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') {
      // A blank line inside the header (Apple Mail writes them) ends it only when no field follows.
      if (HEADER_FIELD.test(lines[i + 1] ?? '')) continue;
      break;
    }
    if (!HEADER_FIELD.test(line)) break;
    const fromValue = HEADER_FROM.exec(line)?.[1];
    if (fromValue !== undefined && from === null) from = parseHeaderAddress(fromValue);
    const subjectValue = HEADER_SUBJECT.exec(line)?.[1];
    if (subjectValue !== undefined && subject === null) subject = subjectValue.trim();
  }
  return { from, subject, end: i };
}

function withoutTrailingRules(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && (out[out.length - 1] === '' || RULE_LINE.test(out[out.length - 1] ?? ''))) out.pop();
  return out;
}

/**
 * Splits a body into the sender's own lines and what was quoted. `subjectIsForward` is the subject's prefix
 * (VB:/FW:); `isOwnSide` says whether an address is the organiser's, whose quoted mail is never a registration.
 */
export function splitQuoted(
  lines: readonly string[],
  subjectIsForward: boolean,
  isOwnSide: (email: string) => boolean,
  depth = 0,
): MailParts {
  const boundary = firstBoundary(lines);
  if (boundary === null) return { own: withoutTrailingRules(lines), forwarded: null, quotedReply: false };
  const own = withoutTrailingRules(lines.slice(0, boundary.at));
  if (boundary.kind === 'reply') return { own, forwarded: null, quotedReply: true };

  const header = readHeader(lines, boundary.kind === 'header' ? boundary.at : boundary.at + 1);
  const isForward =
    // An Outlook header block or "Original Message" is a forward only when the subject says so.
    boundary.kind === 'forward' || subjectIsForward;
  const fromOwnSide = header.from !== null && isOwnSide(header.from.email);
  if (!isForward || fromOwnSide) return { own, forwarded: null, quotedReply: true };

  const rest = lines.slice(header.end);
  while (rest.length > 0 && rest[0] === '') rest.shift();
  // The forwarded mail may itself quote a reply; only its writer's own text counts.
  const inner = depth < MAX_DEPTH ? splitQuoted(rest, false, isOwnSide, depth + 1).own : rest;
  return { own, forwarded: { from: header.from, subject: header.subject, lines: inner }, quotedReply: false };
}
