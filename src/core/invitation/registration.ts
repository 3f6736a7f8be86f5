/**
 * The registration settings an invitation states, wherever it states them: the address to register with, the
 * deadline, the number of seats and a waitlist. Labels are read first ("Anmälan senast:"), then the registration
 * text, then — for what cannot be mistaken — any line. What is not found stays unknown and is flagged.
 */
import * as z from 'zod/mini';
import { instantOf, toZonedIso } from '../time/zonedTime';
import type { Collected } from './collect';
import { findDates, findTimeRange } from './dates';
import type { MeetingTime, TimeSource } from './meetingTime';
import { note, type ReportBuilder } from './report';

const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const emailSchema = z.email();
/** "N platser", "N deltagare" — but not "2 personer per organisation", which limits each organisation. */
const CAPACITY =
  /(\d{1,5})\s{0,2}(?:platser|deltagare|personer|places|seats|participants)(?!\s{0,2}(?:per|från varje|från respektive|from each|for each|each)\b)/i;
const CAPACITY_PREFIX =
  /(?:högst|max(?:imalt|imum)?\.?|upp till|begränsat till|up to|limited to|at most)\s{0,2}(\d{1,5})(?!\s{0,2}(?:\S+\s{1,2})?(?:per|från varje|from each|for each)\b)/i;
/** Outside the registration text only an unmistakable limit counts ("högst 60 deltagare", "40 platser"). */
const CAPACITY_ANYWHERE =
  /(?:högst|max(?:imalt|imum)?\.?|upp till|begränsat till|up to|limited to|at most)\s{0,2}(\d{1,5})\s{0,2}(?:platser|deltagare|personer|places|seats|participants)(?!\s{0,2}(?:per|från varje|from each|for each)\b)|(\d{1,5})\s{0,2}(?:platser|places|seats)\b(?!\s{0,2}(?:per|från varje|from each|for each)\b)/i;
const WAITLIST = /väntelista|reservlista|waiting list|waitlist/i;
const NO_WAITLIST = /(?:ingen|inte någon|ej|no|not a)\s{1,3}(?:väntelista|reservlista|waiting list|waitlist)/i;
const DEADLINE_WORD = /\b(?:senast|sista dag|by|before|no later than|deadline)\b/i;
const REGISTRATION_WORD = /anmäl|register|osa|rsvp/i;
/** A deadline's clock time stands right after its date ("30 april kl. 12.00"), not anywhere on the line. */
const DEADLINE_TIME_REACH = 25;
const END_OF_DAY = { hour: 23, minute: 59 } as const;

/** The first address in the sources that is a valid e-mail address (the schema's own check decides). */
function firstEmail(sources: readonly TimeSource[]): { email: string; source: TimeSource } | null {
  for (const source of sources) {
    for (const m of source.text.matchAll(EMAIL)) {
      const email = m[0].replace(/^[.'-]+|[.'-]+$/g, '').toLowerCase();
      if (emailSchema.safeParse(email).success) return { email, source };
    }
  }
  return null;
}

export function resolveContact(c: Collected, everything: readonly TimeSource[], report: ReportBuilder): string | null {
  const contact = firstEmail([...c.registrationTexts, ...c.deadlineTexts, ...c.contactTexts]) ?? firstEmail(everything);
  if (contact === null) {
    report.review(
      'registration.contactEmail',
      null,
      '',
      note('Ingen e-postadress för anmälan hittades', 'No e-mail address for registration was found'),
    );
    return null;
  }
  report.recognise('registration.contactEmail', contact.source.line, contact.email, note('Anmälan till', 'Register with'));
  return contact.email;
}

/** Lines that may state the deadline: its labels, then registration text and any line about registering "by" a date. */
function deadlineCandidates(c: Collected, everything: readonly TimeSource[]): { source: TimeSource; from: number }[] {
  const afterWord = (source: TimeSource): { source: TimeSource; from: number }[] => {
    const word = DEADLINE_WORD.exec(source.text);
    return word === null ? [] : [{ source, from: word.index }];
  };
  const candidates = [
    ...c.deadlineTexts.map((source) => ({ source, from: 0 })),
    ...c.registrationTexts.flatMap(afterWord),
    ...everything.filter((s) => REGISTRATION_WORD.test(s.text)).flatMap(afterWord),
  ];
  // A line can qualify in several ways; it is read (and reported) once.
  const seen = new Set<number>();
  return candidates.filter(({ source }) => {
    if (seen.has(source.line)) return false;
    seen.add(source.line);
    return true;
  });
}

export function resolveDeadline(
  c: Collected,
  meeting: MeetingTime,
  everything: readonly TimeSource[],
  timeZone: string,
  report: ReportBuilder,
): string | null {
  const meetingEnd = Date.parse(meeting.end);
  for (const { source, from } of deadlineCandidates(c, everything)) {
    const rest = source.text.slice(from);
    const found = findDates(rest)[0];
    if (found === undefined) continue;
    let year = found.year;
    if (year === null) {
      // The deadline comes before the meeting: the meeting's year, or the year before for a later day of the year.
      const later = found.month > meeting.date.month || (found.month === meeting.date.month && found.day > meeting.date.day);
      year = later ? meeting.date.year - 1 : meeting.date.year;
      report.review('registration.deadline', source.line, source.text, {
        sv: `Året saknas; ${year} antogs (före mötet)`,
        en: `The year is missing; ${year} was assumed (before the meeting)`,
      });
    }
    const afterDate = found.index + found.text.length;
    const clock = findTimeRange(rest.slice(afterDate, afterDate + DEADLINE_TIME_REACH))?.start ?? END_OF_DAY;
    const instant = instantOf({ year, month: found.month, day: found.day, ...clock }, timeZone);
    if (instant > meetingEnd) {
      report.review('registration.deadline', source.line, source.text, {
        sv: 'Datumet ligger efter mötet och används inte som sista anmälningsdag',
        en: 'The date is after the meeting and is not used as the registration deadline',
      });
      continue;
    }
    const deadline = toZonedIso(instant, timeZone);
    report.recognise('registration.deadline', source.line, deadline, note('Sista anmälningsdag', 'Registration deadline'));
    return deadline;
  }
  report.review(
    'registration.deadline',
    null,
    '',
    note('Ingen sista anmälningsdag hittades', 'No registration deadline was found'),
  );
  return null;
}

function capacityIn(text: string, patterns: readonly RegExp[]): number | null {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    const value = Number(m?.[1] ?? m?.[2]);
    if (m !== null && Number.isInteger(value) && value > 0) return value;
  }
  return null;
}

/** Seats: a capacity label's number, else a limit in the registration text, else an unmistakable limit anywhere. */
export function resolveCapacity(c: Collected, everything: readonly TimeSource[], report: ReportBuilder): number | null {
  const tiers: [readonly TimeSource[], readonly RegExp[]][] = [
    [c.capacityTexts, [CAPACITY, CAPACITY_PREFIX, /(\d{1,5})/]],
    [
      [...c.registrationTexts, ...c.deadlineTexts],
      [CAPACITY, CAPACITY_PREFIX],
    ],
    [everything, [CAPACITY_ANYWHERE]],
  ];
  for (const [sources, patterns] of tiers) {
    for (const source of sources) {
      const value = capacityIn(source.text, patterns);
      if (value === null) continue;
      report.recognise('registration.capacity', source.line, String(value), note('Antal platser', 'Capacity'));
      return value;
    }
  }
  report.review('registration.capacity', null, '', note('Inget antal platser angavs', 'No capacity was given'));
  return null;
}

/** A waitlist mentioned anywhere ("Vid fler anmälningar förs en väntelista"), unless it is denied. */
export function resolveWaitlist(everything: readonly TimeSource[], report: ReportBuilder): boolean {
  const waitlist = everything.some((s) => WAITLIST.test(s.text) && !NO_WAITLIST.test(s.text));
  if (waitlist) report.recognise('registration.waitlist', null, '', note('Väntelista nämns', 'A waitlist is mentioned'));
  return waitlist;
}
