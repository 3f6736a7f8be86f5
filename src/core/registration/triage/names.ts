/**
 * Telling a person's name from the other short lines of a mail (titles, organisations, greetings, phone numbers),
 * and choosing among the names a mail gives for its sender: the From line ("Pettersson Lars", "Mattias G", an
 * address, "Anna Berg | Rädda Barnen"), the signature, a form field, "Jag heter …".
 */
import { cleanName, fold, foldedWords } from './text';

/** Words that end a Swedish title ("Policyansvarig", "Verksamhetsutvecklare") — compounds, so matched as endings. */
const TITLE_ENDINGS = [
  'utredare',
  'rådgivare',
  'handläggare',
  'samordnare',
  'utvecklare',
  'ledare',
  'ansvarig',
  'chef',
  'sekreterare',
  'ledamot',
  'sakkunnig',
  'kommunikatör',
  'analytiker',
  'ordförande',
  'strateg',
  'koordinator',
  'direktör',
  'forskare',
  'redaktör',
  'medarbetare',
  'representant',
  'talesperson',
  'jurist',
  'expert',
  'specialist',
  'assistent',
  'praktikant',
  'volontär',
  'konsult',
  'projektledare',
].map(fold);
/** English titles, matched as whole words (surnames like "Whitehead" must survive). */
const TITLE_WORDS = new Set(
  [
    'officer',
    'manager',
    'director',
    'advisor',
    'adviser',
    'coordinator',
    'assistant',
    'secretary',
    'chair',
    'chairman',
    'chairperson',
    'president',
    'analyst',
    'researcher',
    'head',
    'lead',
    'consultant',
    'editor',
    'programme',
    'program',
    'policy',
    'senior',
    'junior',
    'intern',
    'ceo',
    'vd',
  ].map(fold),
);
/** Words no name has: greetings, closings, contact labels and the generic words of organisation names. */
const NOT_NAME_WORDS = new Set(
  [
    'hej',
    'hejsan',
    'info',
    'kansli',
    'kansliet',
    'noreply',
    'support',
    'kontakt',
    'team',
    'hi',
    'hello',
    'dear',
    'hälsningar',
    'hälsning',
    'mvh',
    'tack',
    'thanks',
    'regards',
    'best',
    'kind',
    'med',
    'vänlig',
    'vänliga',
    'vänligen',
    'tel',
    'telefon',
    'mobil',
    'phone',
    'mobile',
    'e-post',
    'email',
    'mail',
    'www',
    'sverige',
    'sweden',
    'international',
    'skickat',
    'sent',
    'från',
    'from',
    'anmälan',
    'registration',
    'samråd',
    'samrådet',
    'ab',
    'och',
    'and',
    'the',
    'för',
    'for',
    'of',
    'i',
    'till',
    'to',
  ].map(fold),
);
/** Word shapes that only organisations have. */
const ORGANISATION_WORD =
  /^(?:.*(?:förening|förbund|stiftelse|organisation|sällskap|institut|nätverk|myndighet|departement|kommun|region|riksorg)\p{L}*|.*(?:verket|rådet|centrum|center)|sverige|sweden|international|foundation|association|network|council|society|union|ideell|ab)$/iu;

const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.]*(?:-[\p{L}\p{M}][\p{L}\p{M}'’.]*)*$/u;
/** Lower-case particles of Swedish and European surnames ("af", "von", "de la"), allowed between name words. */
const PARTICLES = new Set([
  'af',
  'av',
  'von',
  'van',
  'der',
  'den',
  'de',
  'la',
  'le',
  'da',
  'di',
  'del',
  'dos',
  'du',
  'ten',
  'ter',
  'al',
  'el',
  'bin',
  'ibn',
]);
const MAX_NAME_WORDS = 5;

function isTitleWord(word: string): boolean {
  const folded = fold(word);
  return TITLE_WORDS.has(folded) || TITLE_ENDINGS.some((ending) => folded.endsWith(ending));
}

/** A line is a title when its words are titles ("Policyrådgivare, demokrati och civilsamhälle", "Programme Officer"). */
export function isTitle(text: string): boolean {
  const first = text.trim().split(/[\s,]+/)[0] ?? '';
  return first !== '' && isTitleWord(first);
}

export function looksLikeOrganisationWords(text: string): boolean {
  return text.split(/\s+/).some((w) => ORGANISATION_WORD.test(w));
}

/**
 * Whether a text reads as a person's name: one to five words of letters (hyphens and apostrophes allowed), the
 * first and last capitalised, no title, greeting or organisation word, and not an organisation the caller knows.
 */
export function isPersonName(text: string, isOrganisation: (text: string) => boolean = () => false): boolean {
  const words = text.trim().replace(/\.$/, '').split(/\s+/);
  if (words.length === 0 || words.length > MAX_NAME_WORDS || words.some((w) => w.length > 40)) return false;
  const [first, last] = [words[0] ?? '', words[words.length - 1] ?? ''];
  if (!/^\p{Lu}/u.test(first) || !/^\p{Lu}/u.test(last)) return false;
  for (const word of words) {
    if (!NAME_WORD.test(word)) return false;
    if (word !== first && word !== last && !/^\p{Lu}/u.test(word) && !PARTICLES.has(word)) return false;
    if (NOT_NAME_WORDS.has(fold(word)) || isTitleWord(word) || ORGANISATION_WORD.test(word)) return false;
  }
  return !isOrganisation(text);
}

/** A name with a first name and a surname, each of two letters or more ("Mattias G" is not). */
export function isFullName(name: string): boolean {
  return name.split(/\s+/).filter((w) => w.replace(/[.'’-]/g, '').length >= 2).length >= 2;
}

/** The same words in any order and case: "Pettersson Lars" and "Lars Pettersson". */
export function sameWords(a: string, b: string): boolean {
  const x = foldedWords(a).sort();
  const y = foldedWords(b).sort();
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** "Mattias G" → "Mattias Grahn": every word of the short form starts a word of the long one, in order. */
export function isShortFormOf(short: string, long: string): boolean {
  const s = foldedWords(short);
  const l = foldedWords(long);
  return s.length > 0 && s.length <= l.length && s.every((w, i) => (l[i] ?? '').startsWith(w)) && s.join(' ') !== l.join(' ');
}

/** Shares at least one word: the same person signing with a first name, or a nickname with the surname. */
export function sharesWord(a: string, b: string): boolean {
  const y = new Set(foldedWords(b));
  return foldedWords(a).some((w) => y.has(w));
}

/** The name at the start of a line of a signature or list: "Leyla Yilmaz | Programme Officer", "/Mattias Grahn". */
export function nameInLine(line: string, isOrganisation: (text: string) => boolean): string | null {
  const first = line
    .replace(/^[\s/\-–—•*·▪►➢]+/u, '')
    .replace(/^\d{1,2}[.)]\s+/, '')
    .split(/\s*[|\t,;(]\s*|\s+[-–—]\s+|\s+\/\s+/)[0];
  if (first === undefined) return null;
  const words = cleanName(first).split(' ');
  // A title after the name on the same line, as an HTML signature table puts it ("Elin Björk Utredare").
  while (words.length > 1 && isTitleWord(words[words.length - 1] ?? '')) words.pop();
  const name = words.join(' ');
  return name !== '' && isPersonName(name, isOrganisation) ? name : null;
}

export interface DisplayName {
  /** The person's name, when the display name holds one. */
  readonly name: string | null;
  /** What stood beside it: "(Sveriges Konsumenter)", "| Hela Sverige ska leva". */
  readonly extra: string | null;
}

/**
 * A From display name taken apart. Exchange shows the address when there is no name; directories write
 * "Berg, Anna"; people add their organisation after "|", "-" or in parentheses; Google Groups add " via …".
 */
export function parseDisplayName(raw: string, isOrganisation: (text: string) => boolean): DisplayName {
  const text = cleanName(raw.replace(/\s+via\s+.*$/i, ''));
  if (text === '' || /^\S+@\S+$/.test(text)) return { name: null, extra: null };
  const paren = /^(.*?)\s*\((.+)\)$/.exec(text);
  const split = paren === null ? (/^(.*?)\s+(?:\||\/|-|–|—)\s+(.+)$/.exec(text) ?? /^(.*?)\s*\|\s*(.+)$/.exec(text)) : null;
  const [base, extra] =
    paren !== null ? [paren[1] ?? '', paren[2] ?? null] : split !== null ? [split[1] ?? '', split[2] ?? null] : [text, null];
  const comma = /^([^,]+),\s*([^,]+)$/.exec(base);
  let name = base;
  if (comma !== null) {
    const [left, right] = [(comma[1] ?? '').trim(), (comma[2] ?? '').trim()];
    const [leftWords, rightWords] = [left.split(' ').length, right.split(' ').length];
    // "Berg, Anna" is a directory's order; "Anna Berg, Rädda Barnen" is a name and an organisation. Only a short
    // surname part before the comma and a first name after it is read as the former.
    const directoryOrder =
      ((leftWords === 1 && rightWords <= 2) || (leftWords === 2 && rightWords === 1)) &&
      !isOrganisation(right) &&
      !looksLikeOrganisationWords(right);
    if (directoryOrder && isPersonName(`${right} ${left}`, isOrganisation)) name = `${right} ${left}`;
    else return { name: isPersonName(left, isOrganisation) ? left : null, extra: cleanName(right) || null };
  }
  const cleanedExtra = extra === null ? null : cleanName(extra);
  return {
    name: isPersonName(name, isOrganisation) ? name : null,
    extra: cleanedExtra === '' ? null : cleanedExtra,
  };
}

/** "anna.berg@org.se" → "Anna Berg": a last resort, marked as uncertain by the caller (diacritics are lost). */
export function nameFromAddress(email: string): string | null {
  const local = email.slice(0, email.indexOf('@'));
  const parts = local.split(/[._]/).filter((p) => /^\p{L}[\p{L}-]*$/u.test(p) && p.length >= 2);
  if (parts.length < 2 || parts.length > 4) return null;
  return parts.map((p) => p.replace(/(^|-)(\p{L})/gu, (_, dash: string, ch: string) => dash + ch.toUpperCase())).join(' ');
}

/** The display name in the address's word order, when the address says "first.last" and the name "Last First". */
export function inAddressOrder(name: string, email: string): string {
  const local = foldedWords(email.slice(0, email.indexOf('@')));
  const words = name.split(' ');
  if (words.length !== 2 || local.length !== 2) return name;
  const [a, b] = [fold(words[0] ?? ''), fold(words[1] ?? '')];
  return a === local[1] && b === local[0] ? `${words[1] ?? ''} ${words[0] ?? ''}` : name;
}

export interface NameChoice {
  readonly name: string;
  /** The name had to be guessed (from the address, a single first name, or an implausible display name). */
  readonly uncertain: boolean;
  /** The signature names someone else than the From line. */
  readonly conflicting: boolean;
}

/**
 * The sender's name from what the mail offers. The From line is the person's own account and wins when it is a
 * full name; a signature corrects its order ("Pettersson Lars") or completes it ("Mattias G"), and stands in for
 * it when it is missing or only an address. A form field or "Jag heter …" comes next; the address last.
 */
export function chooseName(
  candidates: { readonly display: string | null; readonly signature: string | null; readonly stated: string | null },
  email: string | null,
  fallback: string,
): NameChoice {
  const display =
    candidates.display === null ? null : email === null ? candidates.display : inAddressOrder(candidates.display, email);
  const { signature, stated } = candidates;
  if (display !== null && isFullName(display)) {
    if (signature !== null && isFullName(signature) && sameWords(signature, display))
      return { name: signature, uncertain: false, conflicting: false };
    if (signature !== null && isShortFormOf(display, signature)) return { name: signature, uncertain: false, conflicting: false };
    const conflicting = signature !== null && isFullName(signature) && !sharesWord(signature, display);
    return { name: display, uncertain: false, conflicting };
  }
  for (const full of [signature, stated]) {
    if (full !== null && isFullName(full) && (display === null || isShortFormOf(display, full) || sharesWord(display, full))) {
      return { name: full, uncertain: false, conflicting: false };
    }
  }
  for (const full of [signature, stated])
    if (full !== null && isFullName(full)) return { name: full, uncertain: display !== null, conflicting: display !== null };
  const fromAddress = email === null ? null : nameFromAddress(email);
  if (fromAddress !== null && (display === null || isShortFormOf(display, fromAddress)))
    return { name: fromAddress, uncertain: true, conflicting: false };
  const single = display ?? signature ?? stated;
  if (single !== null) return { name: single, uncertain: true, conflicting: false };
  return { name: cleanName(fallback), uncertain: true, conflicting: false };
}
