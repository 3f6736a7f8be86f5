import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SamradError } from '../../../src/core/errors';
import { formatDate, formatMeetingTime } from '../../../src/core/time/format';
import {
  instantOf,
  isValidTimeZone,
  offsetMinutesAt,
  parseZonedIso,
  STOCKHOLM,
  toZonedIso,
  wallTimeAt,
} from '../../../src/core/time/zonedTime';

describe('Stockholm offsets', () => {
  it.each([
    ['2023-12-12T12:00:00Z', 60],
    ['2024-07-01T12:00:00Z', 120],
    ['2024-03-31T00:59:00Z', 60], // 01:59 winter time, a minute before the spring change
    ['2024-03-31T01:00:00Z', 120], // 03:00 summer time: 02:00–02:59 does not exist
    ['2024-10-27T00:59:00Z', 120], // 02:59 summer time
    ['2024-10-27T01:00:00Z', 60], // 02:00 winter time: 02:00–02:59 happens twice
  ])('%s is UTC%+d min', (iso, offset) => {
    expect(offsetMinutesAt(Date.parse(iso), STOCKHOLM)).toBe(offset);
  });
});

describe('instantOf (wall time → instant)', () => {
  it.each([
    [{ year: 2023, month: 12, day: 12, hour: 13, minute: 0 }, '2023-12-12T13:00:00+01:00'],
    [{ year: 2024, month: 5, day: 14, hour: 9, minute: 30 }, '2024-05-14T09:30:00+02:00'],
    // In the spring gap: moved forward by the gap, as Outlook and Temporal ("compatible") do.
    [{ year: 2024, month: 3, day: 31, hour: 2, minute: 30 }, '2024-03-31T03:30:00+02:00'],
    // Twice in autumn: the earlier one.
    [{ year: 2024, month: 10, day: 27, hour: 2, minute: 30 }, '2024-10-27T02:30:00+02:00'],
  ])('%o is %s', (wall, iso) => {
    expect(toZonedIso(instantOf(wall, STOCKHOLM), STOCKHOLM)).toBe(iso);
  });

  it('round-trips every minute-aligned instant through wall time (except the repeated autumn hour)', () => {
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z') / minute, max: Date.parse('2040-01-01T00:00:00Z') / minute }),
        (m) => {
          const instant = m * minute;
          const wall = wallTimeAt(instant, STOCKHOLM);
          const back = instantOf(wall, STOCKHOLM);
          const repeated = offsetMinutesAt(instant - 3_600_000, STOCKHOLM) > offsetMinutesAt(instant, STOCKHOLM);
          expect(repeated ? back === instant || back === instant - 3_600_000 : back === instant).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('ISO with offset', () => {
  it('round-trips through toZonedIso and parseZonedIso', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 946_684_800, max: 2_208_988_800 }),
        fc.constantFrom(STOCKHOLM, 'UTC', 'America/New_York', 'Asia/Kolkata'),
        (seconds, zone) => {
          const instant = seconds * 1000;
          expect(parseZonedIso(toZonedIso(instant, zone))).toBe(instant);
        },
      ),
    );
  });

  it.each(['2023-12-12T13:00:00', '2023-12-12 13:00+01:00', '2023-02-30T13:00:00+01:00', '2023-13-01T13:00:00Z', 'i morgon', ''])(
    'rejects %j with a typed, bilingual error',
    (value) => {
      expect(() => parseZonedIso(value)).toThrow(SamradError);
      try {
        parseZonedIso(value);
      } catch (error) {
        expect(error).toBeInstanceOf(SamradError);
        const e = error as SamradError;
        expect(e.code).toBe('invalid-date-time');
        expect(e.what.sv).toContain('Ogiltig tidpunkt');
        expect(e.hint.en).toContain('ISO 8601');
      }
    },
  );

  it('knows real time zones from made-up ones', () => {
    expect(isValidTimeZone(STOCKHOLM)).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
  });
});

describe('Swedish and English dates', () => {
  const start = Date.parse('2023-12-12T13:00:00+01:00');
  const end = Date.parse('2023-12-12T14:30:00+01:00');
  it.each([
    ['sv', '12 december 2023 kl. 13.00–14.30'],
    ['en', '12 December 2023, 13:00–14:30'],
  ] as const)('%s: %s', (language, text) => {
    expect(formatMeetingTime(start, end, STOCKHOLM, language)).toBe(text);
  });

  it('names the end date when the meeting runs past midnight', () => {
    const lateEnd = Date.parse('2023-12-13T01:00:00+01:00');
    expect(formatMeetingTime(start, lateEnd, STOCKHOLM, 'sv')).toBe('12 december 2023 kl. 13.00–13 december 2023 kl. 01.00');
  });

  it('writes the date in the meeting zone, not in UTC', () => {
    expect(formatDate(Date.parse('2024-06-30T23:30:00Z'), STOCKHOLM, 'sv')).toBe('1 juli 2024');
  });
});
