/**
 * Dates and clock times as invitations write them: "12 december 2023", "tisdagen den 12 december",
 * "den 12/12", "2023-12-12", "December 12, 2023"; "kl. 13.00-14.30", "13:00–14:30", "kl 13–15", "1 pm".
 * Finds them inside a longer value ("Tid och datum: 12 december 2023 kl. 13.00-14.30").
 */
import type { ClockTime } from './shapes';
import { Claims } from './spans';

export interface CalendarDate {
  readonly year: number | null; // null when the text leaves it out ("den 12/12")
  readonly month: number;
  readonly day: number;
}

export interface FoundDate extends CalendarDate {
  readonly index: number;
  readonly text: string;
}

const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const monthByName = new Map<string, number>();
MONTHS.forEach((names, i) => {
  for (const n of names) monthByName.set(n, i + 1);
});
const MONTH_ALTERNATION = [...monthByName.keys()].sort((a, b) => b.length - a.length).join('|');
// The patterns below are ASCII (the month names too), so they go without the "u" flag: case-insensitive matching
// is much cheaper without Unicode case folding, and \s and \b mean the same either way.

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?::[ae]|st|nd|rd|th)?\\.?\\s{1,3}(${MONTH_ALTERNATION})\\b\\.?(?:,?\\s{1,3}(\\d{4})\\b)?`,
  'gi',
);
const MONTH_DAY = new RegExp(
  `\\b(${MONTH_ALTERNATION})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s{1,3}(\\d{4})\\b)?`,
  'gi',
);
/** "12/12", "12/12/2023", "12/12-23", "12/12 2023". */
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:[/-](\d{4}|\d{2})|\s(\d{4}))?(?![\d/])/g;

function plausible(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const y = year ?? 2024; // a leap year, so 29/2 without a year is allowed
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate() && (year === null || (year >= 1990 && year <= 2200));
}

/** Every date in a text, in order of appearance. Where two readings overlap, the more explicit form wins. */
export function findDates(text: string): FoundDate[] {
  // Every form has a digit; most lines of prose have none, and the month patterns are costly to run.
  if (!/\d/.test(text)) return [];
  const found: FoundDate[] = [];
  const claims = new Claims();
  const add = (index: number, match: string, year: number | null, month: number, day: number): void => {
    if (!plausible(year, month, day) || !claims.claim(index, index + match.length)) return;
    found.push({ index, text: match, year, month, day });
  };
  for (const m of text.matchAll(ISO_DATE)) add(m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(DAY_MONTH)) {
    add(m.index, m[0], m[3] === undefined ? null : Number(m[3]), monthByName.get((m[2] ?? '').toLowerCase()) ?? 0, Number(m[1]));
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    add(m.index, m[0], m[3] === undefined ? null : Number(m[3]), monthByName.get((m[1] ?? '').toLowerCase()) ?? 0, Number(m[2]));
  }
  for (const m of text.matchAll(SLASHED)) {
    const written = m[3] ?? m[4];
    const y = written === undefined ? null : written.length === 2 ? 2000 + Number(written) : Number(written);
    add(m.index, m[0], y, Number(m[2]), Number(m[1])); // Swedish order: day/month
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The text with its dates blanked out, positions kept, so that "12 december" is never read as a clock time. */
function withoutDates(text: string): string {
  const pieces: string[] = [];
  let at = 0;
  for (const d of findDates(text)) {
    pieces.push(text.slice(at, d.index), ' '.repeat(d.text.length));
    at = d.index + d.text.length;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

export interface FoundTimeRange {
  readonly start: ClockTime;
  readonly end: ClockTime | null;
}

const CLOCK = String.raw`(\d{1,2})(?:[.:](\d{2}))?\s{0,2}(am|pm|a\.m\.|p\.m\.)?`;
const RANGE = new RegExp(
  String.raw`(?:\b(?:kl\.?|klockan|at|from)\s{0,3})?(?<![\d.:])` +
    CLOCK +
    String.raw`\s{0,3}(?:-|–|—|till|to|until)\s{0,3}(?:kl\.?\s{0,3})?` +
    CLOCK,
  'gi',
);
const SINGLE_WITH_MARKER = new RegExp(String.raw`\b(?:kl\.?|klockan|at)\s{0,3}` + CLOCK, 'gi');
const SINGLE_WITH_MINUTES = /\b(\d{1,2})[.:](\d{2})\b/g;

function toClock(hour: string | undefined, minute: string | undefined, meridiem: string | undefined): ClockTime | null {
  let h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (hour === undefined || Number.isNaN(h) || m > 59) return null;
  const mer = meridiem?.toLowerCase().replace(/\./g, '');
  if (mer === 'pm' && h < 12) h += 12;
  if (mer === 'am' && h === 12) h = 0;
  return h <= 23 ? { hour: h, minute: m } : null;
}

/** The start's clock: "10–11 pm" is 22–23, but "10–12 pm" is 10–12, as no meeting runs backwards. */
function rangeStart(m: RegExpMatchArray, end: ClockTime): ClockTime | null {
  const own = toClock(m[1], m[2], m[3]);
  if (m[3] !== undefined || m[6] === undefined) return own;
  const shared = toClock(m[1], m[2], m[6]);
  return shared !== null && minutesBetween(shared, end) > 0 ? shared : own;
}

/**
 * The first clock time or range in a text. A bare number counts as a time only with a marker ("kl 13–15",
 * "1 pm") or with minutes ("13.00"), so "2023–2025" or "12 december" are never read as times — unless the
 * caller knows the text is a time (`marked`: the value of a "Tid:" label), where "13–15" is a range.
 */
export function findTimeRange(text: string, options: { readonly marked?: boolean } = {}): FoundTimeRange | null {
  const masked = withoutDates(text);
  for (const m of masked.matchAll(RANGE)) {
    const hasMarker = options.marked === true || /^(kl|klockan|at|from)/i.test(m[0]) || m[3] !== undefined || m[6] !== undefined;
    const hasMinutes = m[2] !== undefined || m[5] !== undefined;
    if (!hasMarker && !hasMinutes) continue;
    const end = toClock(m[4], m[5], m[6]);
    const start = end === null ? null : rangeStart(m, end);
    if (start !== null && end !== null) return { start, end };
  }
  const marked = SINGLE_WITH_MARKER.exec(masked);
  SINGLE_WITH_MARKER.lastIndex = 0;
  if (marked) {
    const start = toClock(marked[1], marked[2], marked[3]);
    if (start !== null) return { start, end: null };
  }
  for (const m of masked.matchAll(SINGLE_WITH_MINUTES)) {
    const start = toClock(m[1], m[2], undefined);
    if (start !== null) return { start, end: null };
  }
  return null;
}

/** Minutes between two clock times on the same day; negative when the end is earlier. */
export function minutesBetween(start: ClockTime, end: ClockTime): number {
  return end.hour * 60 + end.minute - (start.hour * 60 + start.minute);
}

/** "(15 min)", "(ca 20 minuter)", ", 10 min", "– 5 minutes" at the end of an agenda line. */
const DURATION =
  /\s{0,3}(?:\((?:ca\.?|cirka|about|approx\.?)?\s{0,2}(\d{1,3})\s{0,2}(?:min|minuter|minutes|mins)\.?\)|[,–—-]\s{0,3}(?:ca\.?\s{0,2})?(\d{1,3})\s{0,2}(?:min|minuter|minutes|mins)\.?)\s{0,3}$/i;

export function extractDuration(text: string): { text: string; minutes: number | null } {
  const m = DURATION.exec(text);
  if (!m) return { text, minutes: null };
  return { text: text.slice(0, m.index).trim(), minutes: Number(m[1] ?? m[2]) };
}
