/**
 * From raw extracted text to logical lines. Text copied from a PDF breaks lines wherever the page did ("soft"
 * breaks), often with a blank line after every line; the structure of an invitation (headings, "Label: value"
 * lines, bullets, numbered questions, timed agenda rows) is what survives. This module rebuilds the lines a
 * writer meant, remembering the source line number of each for the review report.
 */
import { SamradError } from '../errors';
import { extractDuration } from './dates';
import { classifyStart, type LineShape } from './shapes';
import { CLOSING_MAX_LENGTH, isClosing } from './vocabulary';

export interface LogicalLine {
  /** 1-based number of the first source line. */
  readonly line: number;
  readonly text: string;
  readonly shape: LineShape;
  /**
   * A blank line or a paragraph mark separates the line from the one before. Where blank lines are noise, every
   * logical line counts as separated: nothing then says that two lines belong together.
   */
  readonly paragraphStart: boolean;
}

interface Entry {
  readonly line: number;
  readonly text: string;
  readonly blankBefore: boolean;
  /** The raw line ends a sentence and then carries two or more spaces: how Word marks a paragraph in a PDF's text. */
  readonly markedEnd: boolean;
}

const MAX_CHARACTERS = 200_000;

function unreadable(what: { sv: string; en: string }): SamradError {
  return new SamradError('unreadable-invitation', what, {
    sv: 'Klistra in inbjudans text som vanlig text (till exempel kopierad ur PDF:en eller mejlet).',
    en: 'Paste the invitation as plain text (for example copied from the PDF or the e-mail).',
  });
}

/** Rejects what is not the text of an invitation before any parsing: empty, binary or absurdly long input. */
export function assertReadableText(input: string): void {
  if (input.trim() === '') {
    throw unreadable({ sv: 'Texten är tom.', en: 'The text is empty.' });
  }
  if (input.length > MAX_CHARACTERS) {
    throw unreadable({
      sv: `Texten är för lång (${input.length} tecken, högst ${MAX_CHARACTERS}).`,
      en: `The text is too long (${input.length} characters, at most ${MAX_CHARACTERS}).`,
    });
  }
  // Control characters other than tab/newline/carriage return/form feed mean a binary file or a broken encoding.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const controls = input.match(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (controls > Math.max(3, input.length / 200)) {
    throw unreadable({
      sv: 'Texten innehåller binära tecken eller fel teckenkodning.',
      en: 'The text contains binary characters or a broken character encoding.',
    });
  }
}

function cleanLine(raw: string): string {
  return (
    raw
      .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
      // A few stray control characters (fewer than assertReadableText tolerates) are dropped, as are zero-width ones.
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u200B-\u200D\uFEFF\u0000-\u0008\u000B\u000E-\u001F]/g, '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Joins a soft-broken line to the text so far, mending a word or a year range split at the break. The text is
 * kept as pieces and only the last one (a source line) is looked at or changed: appending to one growing string
 * and testing its end would copy it at every join, which is quadratic on a long run of joined lines.
 */
function join(pieces: string[], next: string): void {
  const last = pieces[pieces.length - 1] ?? '';
  // "2023–" + "2025." → "2023–2025.": a range split after its dash.
  if (/\d[–-]$/.test(last) && /^\d/.test(next)) pieces.push(next);
  // "civil-" + "samhället" → "civilsamhället".
  else if (/[a-zåäö]-$/.test(last) && /^[a-zåäö]/.test(next)) pieces.splice(-1, 1, last.slice(0, -1), next);
  // Keep the hyphen after a capital or digit ("OGP-" + "processen").
  else if (/[A-ZÅÄÖ0-9]-$/.test(last) && /^[a-zåäö]/.test(next)) pieces.push(next);
  else pieces.push(' ', next);
}

const PARAGRAPH_MARK = /[.!?]["”’)]?[ \u00A0]{2,}$/;

function entriesOf(input: string): Entry[] {
  const raw = input.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  const entries: Entry[] = [];
  let blank = 0;
  raw.forEach((r, index) => {
    const text = cleanLine(r);
    if (text === '') {
      blank += 1;
      return;
    }
    entries.push({ line: index + 1, text, blankBefore: blank > 0, markedEnd: PARAGRAPH_MARK.test(r) });
    blank = 0;
  });
  return entries;
}

interface Building {
  line: number;
  /** The source lines joined so far, with the spaces between them; see join(). */
  pieces: string[];
  /** The last source line joined in: how the text ends is judged on it, never on the whole (long) text. */
  lastRaw: string;
  /** The shape of the first source line; judged again on the whole text once lines were joined. */
  shape: LineShape;
  markedEnd: boolean;
  paragraphStart: boolean;
}

/** The text of a line being built, but only when short: what is judged on the whole text is short by nature. */
function shortText(current: Building, max: number): string | null {
  if (current.pieces.length === 1) return current.lastRaw.length <= max ? current.lastRaw : null;
  let length = 0;
  for (const piece of current.pieces) {
    length += piece.length;
    if (length > max) return null;
  }
  return current.pieces.join('');
}

/**
 * Rebuilds logical lines. Two lines are one when the second is no structural start and the first reads on:
 * it does not end a sentence, the second goes on in lower case, or the first is as long as the text's typical
 * line (a sentence that happens to end at the page margin). A short line that ends a sentence ends a paragraph.
 */
export function toLogicalLines(input: string): LogicalLine[] {
  assertReadableText(input);
  const entries = entriesOf(input);
  const blanksAreNoise = blankLinesAreNoise(entries);
  const typicalLength = percentile(
    entries.map((e) => e.text.length),
    0.75,
  );

  const out: LogicalLine[] = [];
  let current: Building | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    const text = current.pieces.join('');
    // A line's shape can depend on its full text (a heading is judged on the whole line).
    const shape = current.pieces.length > 1 ? classifyStart(text) : current.shape;
    out.push({ line: current.line, text, shape, paragraphStart: current.paragraphStart });
  };
  for (const entry of entries) {
    const shape = classifyStart(entry.text);
    if (current !== undefined && readsOn(current, entry, shape, blanksAreNoise, typicalLength)) {
      join(current.pieces, entry.text);
      current.lastRaw = entry.text;
      current.markedEnd = entry.markedEnd;
      continue;
    }
    flush();
    const paragraphStart = out.length === 0 || blanksAreNoise || entry.blankBefore || (current?.markedEnd ?? false);
    current = { line: entry.line, pieces: [entry.text], lastRaw: entry.text, shape, markedEnd: entry.markedEnd, paragraphStart };
  }
  flush();
  return out;
}

/** "… transparens och" / "civil-" / "…, ": the line stops mid-sentence. */
function stopsMidSentence(text: string): boolean {
  return /(?:[,\p{L}\d][-–]|,|\s(?:och|eller|samt|från|för|med|till|i|på|av|om|att|som|vid|the|and|or|of|to|for|with|from|in|on|by|at))$/iu.test(
    text,
  );
}

/** "insyn i …": the line goes on with a sentence begun above it. */
function goesOnInLowerCase(text: string): boolean {
  return /^[a-zåäö(,]/.test(text);
}

/**
 * Extracted PDFs often put a blank line after every line; then a blank line says nothing about paragraphs. It
 * takes both: nearly every line has a blank line before it, and some blank line falls inside a sentence — a
 * letter written in paragraphs, one per line, has the first but never the second.
 */
function blankLinesAreNoise(entries: readonly Entry[]): boolean {
  if (entries.length <= 4) return false;
  let withBlank = 0;
  let insideSentence = false;
  for (let i = 1; i < entries.length; i += 1) {
    const [previous, entry] = [entries[i - 1], entries[i]];
    if (previous === undefined || entry?.blankBefore !== true) continue;
    withBlank += 1;
    if (goesOnInLowerCase(entry.text) || stopsMidSentence(previous.text)) insideSentence = true;
  }
  return insideSentence && withBlank >= 0.6 * (entries.length - 1);
}

function readsOn(current: Building, next: Entry, nextShape: LineShape, blanksAreNoise: boolean, typicalLength: number): boolean {
  if (nextShape.kind !== 'text') return false;
  if (current.shape.kind === 'heading' || current.markedEnd) return false;
  // A programme row with its length ("Inledning (15 min)") is complete, however long.
  if (extractDuration(current.lastRaw).minutes !== null) return false;
  // "Kind regards," ends on a comma but the signature under it is a line of its own.
  const closing = shortText(current, CLOSING_MAX_LENGTH);
  if (closing !== null && isClosing(closing)) return false;
  // Where blank lines are meaningful, they end a paragraph.
  if (next.blankBefore && !blanksAreNoise) return false;
  // A label alone on its line ("Plats:", "Datum") has its value on the next line, as a line of its own.
  if (current.shape.kind === 'label' && (current.shape.value === '' || current.lastRaw.endsWith(':'))) return false;
  // A sentence going on in lower case ("… transparens och" + "insyn i …").
  if (goesOnInLowerCase(next.text)) return true;
  // A line that stops on a comma, a little word or a broken word stops mid-sentence ("… tjänstepersoner från" +
  // "Finansdepartementet", "organi-" + "sationer", "2025–" + "2027").
  if (stopsMidSentence(` ${current.lastRaw}`)) return true;
  // Otherwise only a line that reached the margin reads on; a short line ends its paragraph or stands alone.
  return current.lastRaw.length >= 0.85 * typicalLength;
}
