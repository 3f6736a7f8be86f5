/**
 * Resolves when the meeting is, from the date and time phrases an invitation contains. Years left out
 * ("den 12/12") are taken from the invitation's other dates, else from a reference instant (the next such day),
 * and the review report says so. Nothing is guessed silently.
 */
import { SamradError } from '../errors';
import { instantOf, parseZonedIso, toZonedIso, wallTimeAt } from '../time/zonedTime';
import { findDates, findTimeRange, type CalendarDate, type FoundDate, type FoundTimeRange } from './dates';
import type { ReportBuilder } from './report';
import type { ClockTime } from './shapes';

export interface TimeSource {
  readonly line: number;
  readonly text: string;
}

export interface MeetingTimeInput {
  /** Values of date/time labels and lines of a "Tid och plats" section, most specific first. */
  readonly labelled: readonly TimeSource[];
  /** Every other line, searched only when nothing is labelled. */
  readonly unlabelled: readonly TimeSource[];
  readonly agendaStart: ClockTime | null;
  readonly agendaEnd: ClockTime | null;
  readonly timeZone: string;
  readonly referenceInstant: number | undefined;
  readonly fallbackStart: string | undefined;
  readonly fallbackEnd: string | undefined;
}

export interface MeetingTime {
  readonly start: string;
  readonly end: string;
  readonly date: CalendarDate & { readonly year: number };
  /** The end's clock time when the text states it (not taken from the programme or the calendar item). */
  readonly statedEnd: ClockTime | null;
}

function noMeetingTime(what: { sv: string; en: string }): SamradError {
  return new SamradError('unreadable-invitation', what, {
    sv: 'Skriv datum och tid på en rad som "Tid och datum: 12 december 2023 kl. 13.00–14.30", eller ange mötets tid från kalenderobjektet.',
    en: 'Add a line such as "Date and time: 12 December 2023, 13:00–14:30", or give the meeting time from the calendar item.',
  });
}

/** The most common year among the invitation's full dates. */
export function documentYear(sources: readonly TimeSource[]): number | null {
  const counts = new Map<number, number>();
  for (const s of sources)
    for (const d of findDates(s.text)) if (d.year !== null) counts.set(d.year, (counts.get(d.year) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) if (count > bestCount) [best, bestCount] = [year, count];
  return best;
}

/** The year that puts a day-and-month on or after the reference instant: the next such day. */
function nextOccurrenceYear(month: number, day: number, reference: number, timeZone: string): number {
  const now = wallTimeAt(reference, timeZone);
  const thisYear = now.month < month || (now.month === month && now.day <= day);
  return thisYear ? now.year : now.year + 1;
}

export function withYear(
  date: CalendarDate,
  docYear: number | null,
  referenceInstant: number | undefined,
  timeZone: string,
  report: ReportBuilder,
  field: string,
  source: TimeSource,
): (CalendarDate & { year: number }) | null {
  if (date.year !== null) return { ...date, year: date.year };
  if (docYear !== null) {
    report.review(field, source.line, source.text, {
      sv: `Året saknas; ${docYear} antogs från inbjudans andra datum`,
      en: `The year is missing; ${docYear} was taken from the invitation's other dates`,
    });
    return { ...date, year: docYear };
  }
  if (referenceInstant !== undefined) {
    const year = nextOccurrenceYear(date.month, date.day, referenceInstant, timeZone);
    report.review(field, source.line, source.text, {
      sv: `Året saknas; ${year} antogs (nästa gång dagen infaller)`,
      en: `The year is missing; ${year} was assumed (the next time the day comes)`,
    });
    return { ...date, year };
  }
  return null;
}

function firstWith<T>(sources: readonly TimeSource[], find: (text: string) => T | null): { value: T; source: TimeSource } | null {
  for (const source of sources) {
    const value = find(source.text);
    if (value !== null) return { value, source };
  }
  return null;
}

/** The calendar item's own times, when the text has no date; checked, since they come from outside. */
function fromFallback(input: MeetingTimeInput, report: ReportBuilder): MeetingTime | null {
  const { fallbackStart, fallbackEnd, timeZone } = input;
  if (fallbackStart === undefined || fallbackEnd === undefined) return null;
  const startInstant = parseZonedIso(fallbackStart);
  const endInstant = parseZonedIso(fallbackEnd);
  if (endInstant <= startInstant) {
    throw new SamradError(
      'invalid-input',
      { sv: 'Kalenderobjektets sluttid är inte efter dess starttid.', en: 'The calendar item’s end is not after its start.' },
      { sv: 'Ange en sluttid som är senare än starttiden.', en: 'Give an end that is later than the start.' },
    );
  }
  report.review('start', null, fallbackStart, {
    sv: 'Inbjudan anger inget datum; kalenderobjektets tid används',
    en: 'The invitation gives no date; the calendar item’s time is used',
  });
  return {
    start: toZonedIso(startInstant, timeZone),
    end: toZonedIso(endInstant, timeZone),
    date: wallTimeAt(startInstant, timeZone),
    statedEnd: null,
  };
}

/**
 * Where to look for the meeting's date: labelled lines if one has a date; otherwise, since a text without labels
 * also mentions other dates (decisions, deadlines), the first line with both a date and a time, else any date.
 */
function findMeetingDate(input: MeetingTimeInput): { value: FoundDate; source: TimeSource } | null {
  const firstDate = (t: string): FoundDate | null => findDates(t)[0] ?? null;
  const labelled = firstWith(input.labelled, firstDate);
  if (labelled !== null) return labelled;
  const all = [...input.labelled, ...input.unlabelled];
  const withTime = all.find((s) => findTimeRange(s.text) !== null && firstDate(s.text) !== null);
  if (withTime !== undefined) {
    const value = firstDate(withTime.text);
    if (value !== null) return { value, source: withTime };
  }
  return firstWith(all, firstDate);
}

export function resolveMeetingTime(input: MeetingTimeInput, report: ReportBuilder): MeetingTime {
  const { timeZone } = input;
  const dateHit = findMeetingDate(input);
  // A time is looked for next to the date first, then in labelled lines, then anywhere.
  const timeHit: { value: FoundTimeRange; source: TimeSource } | null =
    (dateHit !== null ? firstWith([dateHit.source], (t) => findTimeRange(t)) : null) ??
    // In a "Tid:" value a bare "13–15" is a time range.
    firstWith(input.labelled, (t) => findTimeRange(t, { marked: true })) ??
    (input.labelled.length === 0 ? firstWith(input.unlabelled, (t) => findTimeRange(t)) : null);

  if (dateHit === null) {
    const fallback = fromFallback(input, report);
    if (fallback !== null) return fallback;
    throw noMeetingTime({
      sv: 'Hittade inget datum för mötet i inbjudan.',
      en: 'Found no date for the meeting in the invitation.',
    });
  }
  const all = [...input.labelled, ...input.unlabelled];
  const date = withYear(dateHit.value, documentYear(all), input.referenceInstant, timeZone, report, 'start', dateHit.source);
  if (date === null) {
    throw noMeetingTime({
      sv: `Datumet "${dateHit.value.text}" saknar år och inbjudan anger inget annat år.`,
      en: `The date "${dateHit.value.text}" has no year and the invitation gives no other year.`,
    });
  }

  const startClock = timeHit?.value.start ?? input.agendaStart;
  const statedEnd = timeHit?.value.end ?? null;
  let endClock = statedEnd;
  if (startClock === null) {
    throw noMeetingTime({ sv: 'Hittade ingen starttid för mötet.', en: 'Found no start time for the meeting.' });
  }
  if (timeHit === null) {
    report.review('start', null, '', {
      sv: 'Starttiden togs från programmets första punkt',
      en: 'The start time was taken from the first programme row',
    });
  }
  if (endClock === null && input.agendaEnd !== null) {
    endClock = input.agendaEnd;
    report.review('end', null, '', {
      sv: 'Sluttiden togs från programmets sista punkt',
      en: 'The end time was taken from the last programme row',
    });
  }
  if (endClock === null) {
    throw noMeetingTime({ sv: 'Hittade ingen sluttid för mötet.', en: 'Found no end time for the meeting.' });
  }
  const startInstant = instantOf({ ...date, ...startClock }, timeZone);
  let endInstant = instantOf({ ...date, ...endClock }, timeZone);
  const overnight = endInstant <= startInstant;
  if (overnight) {
    // "kl. 22.00–01.00" ends at that clock time on the next calendar day (not 24 h later: a DST night is shorter).
    const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
    endInstant = instantOf(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), ...endClock },
      timeZone,
    );
    report.review('end', timeHit?.source.line ?? null, timeHit?.source.text ?? '', {
      sv: 'Sluttiden är före starttiden; mötet antas sluta nästa dag',
      en: 'The end is before the start; the meeting is taken to end the next day',
    });
  }
  const where = timeHit?.source ?? dateHit.source;
  const start = toZonedIso(startInstant, timeZone);
  const end = toZonedIso(endInstant, timeZone);
  report.recognise('start', where.line, start, { sv: 'Mötets start', en: 'Meeting start' });
  report.recognise('end', where.line, end, { sv: 'Mötets slut', en: 'Meeting end' });
  return { start, end, date, statedEnd: overnight ? null : statedEnd };
}
