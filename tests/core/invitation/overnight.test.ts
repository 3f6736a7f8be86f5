/** A meeting that ends after midnight ends at that clock time the next day, also on a daylight-saving night. */
import { describe, expect, it } from 'vitest';
import { importInvitation } from '../../../src/core/invitation';

const invitation = (when: string): string =>
  [
    'Inbjudan till samråd om nattarbete',
    '',
    `Tid och datum: ${when}`,
    '',
    'Plats: Digitalt via Teams',
    '',
    'Finansdepartementet bjuder in.',
  ].join('\n');

describe('overnight meetings', () => {
  it.each([
    ['12 december 2023 kl. 22.00-01.00', '2023-12-12T22:00:00+01:00', '2023-12-13T01:00:00+01:00'],
    // The spring night is an hour short: 22.00 → 03.00 is four real hours, and 03.00 is summer time.
    ['29 mars 2025 kl. 22.00-03.00', '2025-03-29T22:00:00+01:00', '2025-03-30T03:00:00+02:00'],
    // The autumn night is an hour long: 03.00 is winter time again.
    ['25 oktober 2025 kl. 22.00-03.00', '2025-10-25T22:00:00+02:00', '2025-10-26T03:00:00+01:00'],
  ])('%s → %s – %s', (when, start, end) => {
    const { consultation } = importInvitation(invitation(when));
    expect(consultation.start).toBe(start);
    expect(consultation.end).toBe(end);
  });
});
