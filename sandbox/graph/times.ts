/**
 * Graph's time shapes. Events carry `{dateTime, timeZone}` with a wall time and no offset; Exchange stores the
 * instant and renders it in UTC unless the request says `Prefer: outlook.timezone="…"` (an IANA name or a
 * Windows name). Other resources use ISO instants, which Outlook writes with seven fraction digits.
 */
import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { instantOf, isValidTimeZone, toZonedIso } from '../../src/core/time/zonedTime';
import { badRequest } from '../http/errors';

/** The Windows zone names Outlook writes for Europe, mapped to an IANA zone with the same rules. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Stockholm',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
};

/** An IANA zone for a Graph time zone name, or null when the sandbox does not know it. */
export function ianaZone(name: string): string | null {
  const windows = WINDOWS_ZONES[name];
  if (windows !== undefined) return windows;
  return isValidTimeZone(name) ? name : null;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

/** `{dateTime: "2023-12-12T13:00:00", timeZone: "W. Europe Standard Time"}` → epoch ms. */
export function instantOfDateTimeTimeZone(value: DateTimeTimeZone | null | undefined, field: string): number {
  const dateTime = value?.dateTime ?? '';
  const zoneName = value?.timeZone ?? 'UTC';
  const zone = ianaZone(zoneName);
  if (zone === null) throw badRequest(`The time zone '${zoneName}' of ${field} is not supported.`, 'ErrorTimeZoneNotSupported');
  const m = WALL.exec(dateTime);
  if (m === null) {
    throw badRequest(`${field}.dateTime '${dateTime}' is not a date and time like 2023-12-12T13:00:00.`, 'ErrorInvalidRequest');
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const wall = { year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0 };
  return instantOf(wall, zone) + (second ?? 0) * 1000;
}

/** Renders an instant the way Outlook does: wall time in the zone, seven fraction digits, the zone as asked. */
export function toDateTimeTimeZone(instant: number, zoneName: string): DateTimeTimeZone {
  const zone = ianaZone(zoneName) ?? 'UTC';
  return { dateTime: `${toZonedIso(instant, zone).slice(0, 19)}.0000000`, timeZone: zoneName };
}

/** The zone named by `Prefer: outlook.timezone="…"`, or UTC. */
export function preferredZone(prefer: string | undefined): string {
  const m = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer ?? '');
  const name = m?.[1];
  return name !== undefined && ianaZone(name) !== null ? name : 'UTC';
}

/** `Prefer: outlook.body-content-type="text"` asks for bodies as text. */
export function prefersTextBody(prefer: string | undefined): boolean {
  return /outlook\.body-content-type\s*=\s*"?text"?/i.test(prefer ?? '');
}

/** Outlook's instant format, e.g. 2023-11-20T09:00:00.0000000Z. */
export function outlookInstant(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}.0000000Z`;
}

/** Mail's received/sent times: whole seconds, e.g. 2023-11-20T09:00:00Z. */
export function mailInstant(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}
