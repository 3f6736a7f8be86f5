/**
 * Graph's dateTimeTimeZone ({dateTime: "2023-12-12T12:00:00.0000000", timeZone: "UTC"}) → ISO 8601 with offset,
 * the form the core stores. Samråd asks Graph for UTC (`Prefer: outlook.timezone="UTC"`), but a service may still
 * answer in the event's own zone, given as an IANA name or a Windows name, so those are read as well.
 */
import { instantOf, isValidTimeZone, toZonedIso } from '../../core/time/zonedTime';
import { invalidResponse } from './shapes';

const UTC_NAMES = new Set(['utc', 'etc/utc', 'etc/gmt', 'gmt', 'z', 'coordinated universal time', 'tzone://microsoft/utc']);

/** The Windows zone names Outlook writes for Swedish and nearby calendars, with their IANA equivalents. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'W. Europe Standard Time': 'Europe/Stockholm',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
};

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/i;

function zoneOf(timeZone: string | null | undefined): string | null {
  const name = (timeZone ?? 'UTC').trim();
  if (UTC_NAMES.has(name.toLowerCase())) return 'UTC';
  if (isValidTimeZone(name)) return name;
  return WINDOWS_ZONES[name] ?? null;
}

/** The instant (epoch ms) a Graph dateTimeTimeZone names. */
export function instantOfGraphDateTime(value: { dateTime: string; timeZone?: string | null | undefined }): number {
  if (WITH_OFFSET.test(value.dateTime)) {
    const instant = Date.parse(value.dateTime);
    if (!Number.isNaN(instant)) return instant;
  }
  const m = WALL.exec(value.dateTime);
  const zone = zoneOf(value.timeZone);
  if (m === null || zone === null) {
    throw invalidResponse(`a date and time Samråd cannot read: ${JSON.stringify(value)}`);
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const seconds = Number(m[6] ?? '0') * 1000 + Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  if (zone === 'UTC') return Date.UTC(year, month - 1, day, hour, minute) + seconds;
  return instantOf({ year, month, day, hour, minute }, zone) + seconds;
}

/** ISO 8601 with the display zone's offset, e.g. 2023-12-12T13:00:00+01:00. */
export function isoOfGraphDateTime(
  value: { dateTime: string; timeZone?: string | null | undefined },
  displayZone: string,
): string {
  return toZonedIso(instantOfGraphDateTime(value), displayZone);
}
