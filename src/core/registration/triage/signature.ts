/**
 * Finding the signature at the end of what the sender wrote. People sign in many shapes: after a closing
 * ("Med vänliga hälsningar", "Mvh", "Best regards,"), with the name on the closing line ("Mvh Henrik"), after a
 * "-- " delimiter, as "/Anna", as an HTML table, or just as a last block of short lines (name, title,
 * organisation, phone). The signature is where the name and organisation are most often written out in full.
 */
import { isPersonName, isFullName, nameInLine } from './names';

export interface Signature {
  /** Index in the own lines where the signature (including its closing line) begins. */
  readonly start: number;
  /** The lines after the closing, name first when there is one. */
  readonly lines: readonly string[];
  readonly name: string | null;
}

/** Lines that mobile mail programs add under everything. */
const DEVICE_LINE =
  /^(?:skickat från|sent from|hämta|get|skickades från)\b.{0,60}(?:iphone|ipad|android|outlook|samsung|galaxy|mobil|mobile|telefon|phone)/i;
const CLOSING = new RegExp(
  '^(?:' +
    [
      '(?:med )?(?:vänlig(?:a|en)?|bästa|varma|varm|många|hjärtliga|soliga|glada) hälsning(?:ar)?',
      'hälsningar',
      'hälsning',
      'hälsar',
      'mvh',
      'mvg',
      'vh',
      'vänligen',
      'tack(?: på förhand| igen| så mycket)?',
      '(?:best|kind|warm|warmest|kindest) (?:regards|wishes)',
      'best',
      'regards',
      'many thanks',
      'thanks(?: in advance| again)?',
      'thank you',
      'cheers',
      'sincerely',
      'yours(?: sincerely| truly)?',
      'all the best',
      'ha det (?:bra|gott)',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);
/** What may follow the closing phrase on its line: separators, another closing (" / Kind regards") or the name. */
const CLOSING_SEPARATORS = /^[\s,.!:;/\-–—]+/;
/** How far up from the end a closing may stand: signatures are short, message text is not searched. */
const SEARCH_LINES = 15;
const MAX_CLOSING_LINE = 60;

function isClosing(line: string, isOrganisation: (text: string) => boolean): { readonly inlineName: string | null } | null {
  if (line.length > MAX_CLOSING_LINE) return null;
  const m = CLOSING.exec(line);
  if (m === null) return null;
  const rest = line.slice(m[0].length).replace(CLOSING_SEPARATORS, '').trim();
  if (rest === '') return { inlineName: null };
  if (CLOSING.test(rest) && rest.length <= MAX_CLOSING_LINE) return { inlineName: null };
  const name = nameInLine(rest, isOrganisation);
  return name !== null ? { inlineName: name } : null;
}

/** A short line without sentence punctuation at its end: how signature lines look. */
function isSignatureLike(line: string): boolean {
  return line !== '' && line.length <= 80 && !/[.!?:;,]$/.test(line);
}

/** The signature's name: the first full name among its first lines, else a lone first name ("Ebba", "/Jonas"). */
function nameOf(lines: readonly string[], isOrganisation: (text: string) => boolean): string | null {
  const early = lines.filter((l) => l !== '' && l !== '--').slice(0, 4);
  const names = early.map((l) => nameInLine(l, isOrganisation));
  return (
    names.find((n): n is string => n !== null && isFullName(n)) ?? names.slice(0, 2).find((n): n is string => n !== null) ?? null
  );
}

function build(
  start: number,
  lines: readonly string[],
  isOrganisation: (text: string) => boolean,
  inlineName: string | null = null,
): Signature {
  const found = nameOf(lines, isOrganisation);
  // "Mvh Henrik" then a full signature below: the full name wins; alone, the inline one is the name.
  const name = found !== null && (inlineName === null || isFullName(found)) ? found : (inlineName ?? found);
  return { start, lines: lines.filter((l) => l !== ''), name };
}

/** The signature of the sender's own lines (quotes already cut), or null when none can be told. */
export function findSignature(own: readonly string[], isOrganisation: (text: string) => boolean): Signature | null {
  let end = own.length;
  while (end > 0 && ((own[end - 1] ?? '') === '' || DEVICE_LINE.test(own[end - 1] ?? ''))) end -= 1;
  const from = Math.max(0, end - SEARCH_LINES);

  for (let i = end - 1; i >= from; i--) {
    const closing = isClosing(own[i] ?? '', isOrganisation);
    if (closing !== null) return build(i, own.slice(i + 1, end), isOrganisation, closing.inlineName);
  }
  for (let i = end - 1; i >= from; i--) {
    if ((own[i] ?? '').trim() === '--') return build(i, own.slice(i + 1, end), isOrganisation);
  }
  for (let i = end - 1; i >= Math.max(from, end - 6); i--) {
    const line = own[i] ?? '';
    if (/^\/\s*\p{Lu}/u.test(line) && nameInLine(line, isOrganisation) !== null)
      return build(i, own.slice(i, end), isOrganisation);
  }
  // No closing at all: the last block of short lines, when it starts with a name.
  let start = end;
  while (start > from && isSignatureLike(own[start - 1] ?? '')) start -= 1;
  for (let k = start; k < Math.min(end, start + 3); k++) {
    const name = nameInLine(own[k] ?? '', isOrganisation);
    // The first line of the whole mail is a greeting or the message, never a signature.
    if (name !== null && k > 0 && isPersonName(name, isOrganisation)) return build(k, own.slice(k, end), isOrganisation);
  }
  return null;
}
