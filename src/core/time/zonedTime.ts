/**
 * Wall-clock time in an IANA zone (Europe/Stockholm) ↔ instants, with Intl only: no library, no Date.now().
 * All arithmetic on meeting times is done on instants (epoch milliseconds), so a plan across a daylight-saving
 * change is right by construction; wall-clock values are only derived for display and for ISO offsets.
 */
import { SamradError } from '../errors';

export const STOCKHOLM = 'Europe/Stockholm';

export interface WallTime {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function requireTimeZone(timeZone: string): Intl.DateTimeFormat {
  try {
    return formatterFor(timeZone);
  } catch (cause) {
    throw new SamradError(
      'invalid-time-zone',
      { sv: `Okänd tidszon: ${timeZone}.`, en: `Unknown time zone: ${timeZone}.` },
      { sv: 'Ange en IANA-tidszon, till exempel Europe/Stockholm.', en: 'Use an IANA time zone such as Europe/Stockholm.' },
      { cause },
    );
  }
}

interface Fields extends WallTime {
  readonly second: number;
}

function fieldsAt(instant: number, timeZone: string): Fields {
  const parts = requireTimeZone(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Stockholm: +60 in winter, +120 in summer). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const f = fieldsAt(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = fieldsAt(instant, timeZone);
  return { year, month, day, hour, minute };
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by the spring change (02:30 in Stockholm on the
 * last Sunday of March) is moved forward by the gap; a time that occurs twice in autumn takes the earlier one —
 * the same choice as Temporal's "compatible" disambiguation and as Outlook.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetMinutesAt(naive - 86_400_000, timeZone);
  const after = offsetMinutesAt(naive + 86_400_000, timeZone);
  const candidates = [naive - before * 60_000, naive - after * 60_000]
    .filter((instant) => {
      const w = wallTimeAt(instant, timeZone);
      return w.hour === wall.hour && w.minute === wall.minute && w.day === wall.day;
    })
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return earliest;
  // In the gap: interpret with the offset before the change, which lands after the gap.
  return naive - before * 60_000;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2023-12-12T13:00:00+01:00. */
export function toZonedIso(instant: number, timeZone: string): string {
  const f = fieldsAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${formatOffset(offset)}`;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses ISO 8601 that carries an offset; rejects local times (ambiguous) and impossible dates. */
export function parseZonedIso(value: string): number {
  const m = ISO_WITH_OFFSET.exec(value);
  const instant = m === null ? Number.NaN : Date.parse(value);
  if (m === null || Number.isNaN(instant) || Number(m[2]) > 12 || Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
    throw new SamradError(
      'invalid-date-time',
      { sv: `Ogiltig tidpunkt: ${value}.`, en: `Invalid date and time: ${value}.` },
      {
        sv: 'Skriv tiden som ISO 8601 med tidszonsförskjutning, till exempel 2023-12-12T13:00:00+01:00.',
        en: 'Write it as ISO 8601 with an offset, e.g. 2023-12-12T13:00:00+01:00.',
      },
    );
  }
  return instant;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const MINUTE_MS = 60_000;
