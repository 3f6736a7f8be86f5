/**
 * Texts the importer cannot read must fail with `unreadable-invitation` and say why and what to do, in Swedish
 * and English; where options can supply what is missing (the calendar item's time, "now", the organiser), the
 * same text imports and the stand-in is flagged for review.
 */
import { describe, expect, it } from 'vitest';
import { isSamradError, type SamradError } from '../../../src/core/errors';
import { importInvitation, type ImportOptions } from '../../../src/core/invitation';

const NO_DATE = `Inbjudan till samråd om bostadsförsörjningen på landsbygden

Landsbygds- och infrastrukturdepartementet bjuder in till samråd om bostadsförsörjningen.

Plats: Microsoft Teams
Anmälan: till lisa.ek@regeringskansliet.se
`;

const NO_YEAR = `Inbjudan till samråd om bostadsförsörjningen på landsbygden

Landsbygds- och infrastrukturdepartementet bjuder in till samråd om bostadsförsörjningen.

Tid: den 4/6 kl. 13.00–15.00
Plats: Microsoft Teams
`;

const NO_ORGANISER = `Inbjudan till samråd om bostadsförsörjningen på landsbygden

Tid och datum: 4 juni 2024 kl. 13.00–15.00
Plats: Microsoft Teams

Varmt välkomna!
`;

const NO_TITLE = `Bakgrund
Regeringen vill veta hur bostadsförsörjningen på landsbygden kan förbättras.

Tid och datum: 4 juni 2024 kl. 13.00–15.00
Landsbygds- och infrastrukturdepartementet bjuder in till samråd.
`;

const BINARY =
  `PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000b\u00ee\u009dh^\u0001\u0000\u0000\u0090\u0004\u0000\u0000\u0013\u0000\b\u0002[Content_Types].xml \u00a2\u0004\u0002(\u00a0\u0000\u0002`.repeat(
    20,
  );

function thrown(text: string, options?: ImportOptions): SamradError {
  try {
    importInvitation(text, options);
  } catch (error) {
    if (isSamradError(error)) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('texts that cannot be read', () => {
  it.each([
    ['empty', '', /empty/],
    ['whitespace only', ' \n\t\r\n   \u00A0\n\n', /empty/],
    ['binary garbage (a zip file read as text)', BINARY, /binary/],
    [
      'control characters throughout',
      'Inbjudan\u0001\u0002\u0003\u0004 till\u0005\u0006\u0007 samråd\u000e\u000f\u0010'.repeat(10),
      /binary/,
    ],
    ['absurdly long', `Inbjudan till samråd\n${'x'.repeat(250_000)}`, /too long/],
    ['no title (it starts with a heading)', NO_TITLE, /no title/],
    ['no date at all', NO_DATE, /no date/],
    ['a date without a year, and no other year', NO_YEAR, /no year/],
    ['no organiser', NO_ORGANISER, /who invites/],
  ])('%s → unreadable-invitation, explained in Swedish and English', (_name, text, what) => {
    const error = thrown(text);
    expect(error.code).toBe('unreadable-invitation');
    expect(error.what.en).toMatch(what);
    for (const message of [error.what, error.hint]) {
      expect(message.sv.trim()).not.toBe('');
      expect(message.en.trim()).not.toBe('');
      expect(message.sv).not.toBe(message.en);
    }
    expect(error.message).toBe(`${error.what.en} ${error.hint.en}`);
  });

  it('says which date lacks a year', () => {
    expect(thrown(NO_YEAR).what.sv).toContain('4/6');
  });
});

describe('what options can supply', () => {
  it('uses the calendar item’s time when the text has no date, and flags it', () => {
    const { consultation, report } = importInvitation(NO_DATE, {
      fallbackStart: '2024-06-04T13:00:00+02:00',
      fallbackEnd: '2024-06-04T15:00:00+02:00',
    });
    expect(consultation.start).toBe('2024-06-04T13:00:00+02:00');
    expect(consultation.end).toBe('2024-06-04T15:00:00+02:00');
    expect(report.needsReview.some((e) => e.field === 'start')).toBe(true);
  });

  it('rewrites a fallback given in another offset into the meeting’s zone', () => {
    const { consultation } = importInvitation(NO_DATE, {
      fallbackStart: '2024-06-04T11:00:00Z',
      fallbackEnd: '2024-06-04T13:00:00Z',
    });
    expect(consultation.start).toBe('2024-06-04T13:00:00+02:00');
  });

  it('rejects a fallback that is not a time, or ends before it starts, with a SamradError', () => {
    expect(thrown(NO_DATE, { fallbackStart: 'tomorrow', fallbackEnd: '2024-06-04T15:00:00+02:00' }).code).toBe(
      'invalid-date-time',
    );
    expect(thrown(NO_DATE, { fallbackStart: '2024-06-04T15:00:00+02:00', fallbackEnd: '2024-06-04T13:00:00+02:00' }).code).toBe(
      'invalid-input',
    );
  });

  it('takes the next such day after the reference instant when the year is missing, and flags it', () => {
    const inJanuary = importInvitation(NO_YEAR, { referenceInstant: Date.UTC(2024, 0, 15) });
    expect(inJanuary.consultation.start).toBe('2024-06-04T13:00:00+02:00');
    expect(inJanuary.report.needsReview.find((e) => e.field === 'start')?.note.en).toMatch(/year is missing; 2024/);
    const inJuly = importInvitation(NO_YEAR, { referenceInstant: Date.UTC(2024, 6, 1) });
    expect(inJuly.consultation.start).toBe('2025-06-04T13:00:00+02:00');
  });

  it('takes the organiser from the options when the text names none', () => {
    const { consultation } = importInvitation(NO_ORGANISER, { organiser: 'Landsbygds- och infrastrukturdepartementet' });
    expect(consultation.organiser.department).toBe('Landsbygds- och infrastrukturdepartementet');
  });
});
