/**
 * A mail's body as plain lines the rules can read, and the cleaning of every piece of text the triage hands on.
 * Mail arrives in every state mail systems leave it in: HTML with scripts, plain text with CRLF, quoted-printable
 * that was never decoded, UTF-8 read as Windows-1252, entities in plain text, non-breaking and zero-width spaces,
 * names typed on a Mac in decomposed form. All of it is reduced here, once, so the rules see one form.
 */
import type { IncomingMail } from '../../ports/registrationMail';
import { decodeEntities, htmlToText } from '../../publishing/htmlText';

/**
 * Registration mails are a few hundred characters; a long one is a thread or a newsletter whose beginning holds
 * what matters. The bound keeps every later step linear in a small number, whatever arrives.
 */
export const MAX_BODY_CHARS = 60_000;
export const MAX_NAME_LENGTH = 100;
export const MAX_ORGANISATION_LENGTH = 150;

// ---------------------------------------------------------------------------------------------------------------
// Encodings

/** Bytes as UTF-8, or null when they are not valid UTF-8 (then they were Latin-1 all along). */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    let code: number;
    let extra: number;
    if (lead < 0x80) [code, extra] = [lead, 0];
    else if (lead >= 0xc2 && lead <= 0xdf) [code, extra] = [lead & 0x1f, 1];
    else if (lead >= 0xe0 && lead <= 0xef) [code, extra] = [lead & 0x0f, 2];
    else if (lead >= 0xf0 && lead <= 0xf4) [code, extra] = [lead & 0x07, 3];
    else return null;
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return null;
      code = (code << 6) | (next & 0x3f);
    }
    const overlong = (extra === 2 && code < 0x800) || (extra === 3 && code < 0x10000);
    if (overlong || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    out += String.fromCodePoint(code);
    i += extra + 1;
  }
  return out;
}

const QP_RUN = /(?:=[0-9A-F]{2})+/g;
// Only text that shows quoted-printable's own marks is decoded: "=20" alone may be a formula or an equation, but a
// soft line break or an encoded UTF-8 sequence (=C3=A5) is never anything else.
const QP_SIGNS = /=\r?\n|=[C-F][0-9A-F]=[89AB][0-9A-F]/;

/** Undecoded quoted-printable ("Sj=C3=B6berg", soft line breaks "=\n") as the characters it stands for. */
export function decodeQuotedPrintableRemnants(text: string): string {
  if (!QP_SIGNS.test(text)) return text;
  return text.replace(/=\r?\n/g, '').replace(QP_RUN, (run) => {
    const bytes: number[] = [];
    for (let i = 0; i < run.length; i += 3) bytes.push(Number.parseInt(run.slice(i + 1, i + 3), 16));
    return decodeUtf8(bytes) ?? String.fromCharCode(...bytes);
  });
}

// Windows-1252 characters for the bytes 0x80–0x9F, read back to the byte (UTF-8 shown as Windows-1252 puts them in).
const CP1252_BYTES: ReadonlyMap<string, number> = new Map(
  Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ', (ch, i) => [ch, 0x80 + i]),
);
// The lead characters of UTF-8 read as Windows-1252 that Swedish and English text never has before such a byte:
// Ã (å ä ö é …), Â (non-breaking space, §) and â (– ’ “ ” €).
const MOJIBAKE = /[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,2}/g;

function byteOf(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  return code >= 0xa0 && code <= 0xff ? code : CP1252_BYTES.get(ch);
}

/** "NystrÃ¶m" → "Nyström": UTF-8 that some system on the way read as Windows-1252. */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (run) => {
    const bytes = Array.from(run, byteOf);
    if (bytes.some((b) => b === undefined)) return run;
    return decodeUtf8(bytes as number[]) ?? run;
  });
}

// Format characters (zero-width spaces and joiners, bidirectional overrides, soft hyphens, the BOM) are invisible
// and only ever get in the way of matching — or, for the overrides, make a name read differently than it is.
const FORMAT = /\p{Cf}/gu;
// Controls other than tab and newline; C1 controls are what is left of a wrongly decoded byte.
const CONTROL = /[^\P{Cc}\t\n]/gu;
const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** One form for all text: LF line ends, plain spaces, no invisible or control characters, NFC. */
export function normaliseText(text: string): string {
  return repairMojibake(decodeQuotedPrintableRemnants(text))
    .replace(/\r\n?|[\u2028\u2029\v\f\u0085]/g, '\n')
    .replace(FORMAT, '')
    .replace(CONTROL, '')
    .replace(SPACE_LIKE, ' ')
    .normalize('NFC');
}

// Script, style and the head are never text. They are cut out here in one forward pass because an unclosed <script>
// repeated thousands of times would otherwise be searched for its end once per repetition.
const HIDDEN_OPEN = /<(script|style|head|title|template|xml|noscript)(?=[\s>/])/gi;

function withoutHiddenElements(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let position = 0;
  HIDDEN_OPEN.lastIndex = 0;
  for (let m = HIDDEN_OPEN.exec(html); m !== null; m = HIDDEN_OPEN.exec(html)) {
    out += html.slice(position, m.index);
    const close = lower.indexOf(`</${(m[1] ?? '').toLowerCase()}`, m.index + 1);
    const end = close < 0 ? -1 : lower.indexOf('>', close);
    position = end < 0 ? html.length : end + 1;
    HIDDEN_OPEN.lastIndex = position;
  }
  return out + html.slice(position);
}

export interface MailBody {
  readonly lines: readonly string[];
  /** The body was longer than MAX_BODY_CHARS and only its beginning was read. */
  readonly truncated: boolean;
}

/**
 * The body as trimmed lines. HTML is converted to text (never rendered); plain text keeps its blank lines, which
 * separate a signature from the message. Entities in plain text are decoded: some systems write them there too.
 */
export function bodyLines(mail: Pick<IncomingMail, 'bodyHtml' | 'bodyText'>): MailBody {
  const raw = mail.bodyHtml ?? mail.bodyText ?? '';
  const truncated = raw.length > MAX_BODY_CHARS;
  const cut = truncated ? raw.slice(0, MAX_BODY_CHARS) : raw;
  const text =
    mail.bodyHtml !== null ? htmlToText(withoutHiddenElements(normaliseText(cut))) : decodeEntities(normaliseText(cut));
  const lines = normaliseText(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^[ ]+/, ''));
  return { lines, truncated };
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning what the triage hands on

// A tag is anything from < to the next > with no < in between; stripping them leaves what a reader would see.
const TAG = /<[^<>]*>/g;
const EDGE_PUNCTUATION = /^[\s"'“”‘’«»„*•·▪►➢\-–—_,;:/\\|.]+|[\s"'“”‘’«»„*•·▪►➢\-–—_,;:/\\|]+$/gu;

function boundedCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('').trimEnd();
}

/**
 * Text as it may leave the triage: tags removed and any remaining angle bracket dropped (so no payload is HTML),
 * entities decoded, control and invisible characters gone, spaces collapsed, edge punctuation trimmed, NFC, and
 * at most `max` code points.
 */
export function cleanText(raw: string, max: number): string {
  const text = normaliseText(decodeEntities(raw.length > max * 20 ? raw.slice(0, max * 20) : raw))
    .replace(TAG, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '');
  return boundedCodePoints(text, max);
}

export const cleanName = (raw: string): string => cleanText(raw, MAX_NAME_LENGTH);
export const cleanOrganisation = (raw: string): string => cleanText(raw, MAX_ORGANISATION_LENGTH);

// ---------------------------------------------------------------------------------------------------------------
// Comparing

const FOLDED_LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Lower case without diacritics: "Rädda Barnen" and "radda barnen" compare equal, as do "Åberg" and "aberg". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæßđłþı]/g, (ch) => FOLDED_LETTERS[ch] ?? ch);
}

/** The words of a text, folded: letters and digits only. */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * Sentences of a text, for rules that must know what a phrase belongs to ("Maja kan tyvärr inte delta" is not the
 * sender's cancellation; "Hur anmäler jag mig?" is a question). Lines end sentences too: mail is written in lines.
 */
export function sentencesOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const sentence of line.split(/(?<=[.!?…])\s+(?=\S)/)) {
      const trimmed = sentence.trim();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses in running text

export interface FoundAddress {
  /** Where the address as written starts and ends in the text. */
  readonly start: number;
  readonly end: number;
  readonly email: string;
}

const LOCAL_CHAR = /[\p{L}\p{N}._%+\-'!#$&*=?^`{|}~]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
// RFC 5321's limits: they also bound the scan around each @, which keeps the search linear in the text.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/**
 * Addresses written in a text, found from each @ outwards rather than by one regular expression: a pattern with a
 * repeated class before the @ backtracks quadratically over a long run of characters that has no @ at all.
 */
export function findAddresses(text: string, normalise: (raw: string) => string | null): FoundAddress[] {
  const found: FoundAddress[] = [];
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text.charAt(end))) end += 1;
    while (start < at && text.charAt(start) === '.') start += 1;
    while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end -= 1;
    from = at + 1;
    if (start === at || end === at + 1) continue;
    const email = normalise(text.slice(start, end));
    if (email === null) continue;
    found.push({ start, end, email });
    from = end;
  }
  return found;
}
