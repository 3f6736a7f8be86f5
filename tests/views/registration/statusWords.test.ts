/**
 * The status words and the header's "at a glance" line, table by table in Swedish and English: which totals count
 * as registered, invited and answered, which parts are left out at zero, singular and plural, the capacity; and,
 * property-based, that the counts add up whatever the totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGISTRATION_STATUSES, type PersonStatus, type StatusTotals } from '../../../src/core/registration';
import {
  COUNT_HEADINGS,
  STATUS_WORDS,
  glanceCounts,
  glanceLine,
  statusDetail,
  statusWord,
} from '../../../src/views/registration/statusWords';

function totals(partial: Partial<StatusTotals>): StatusTotals {
  return { received: 0, invited: 0, accepted: 0, tentative: 0, declined: 0, cancelled: 0, waitlisted: 0, ...partial };
}

function person(partial: Partial<PersonStatus>): PersonStatus {
  return {
    email: 'anna@exempel.se',
    name: 'Anna',
    organisation: null,
    status: 'received',
    source: 'ledger',
    registeredAt: '2023-11-20T10:00:00+01:00',
    entryIds: ['e1'],
    response: null,
    holdsSeat: true,
    overCapacity: false,
    waitlistPosition: null,
    ...partial,
  };
}

describe('status words', () => {
  it.each([
    ['received', 'anmäld', 'registered'],
    ['invited', 'inbjuden', 'invited'],
    ['accepted', 'tackat ja', 'accepted'],
    ['tentative', 'preliminärt', 'tentative'],
    ['declined', 'tackat nej', 'declined'],
    ['cancelled', 'avanmäld', 'cancelled'],
    ['waitlisted', 'på väntelista', 'waitlisted'],
  ] as const)('%s is "%s" / "%s"', (status, sv, en) => {
    expect(statusWord(status, 'sv')).toBe(sv);
    expect(statusWord(status, 'en')).toBe(en);
  });

  it('has a word for every status in both languages', () => {
    for (const status of REGISTRATION_STATUSES) {
      expect(STATUS_WORDS[status].sv).not.toBe('');
      expect(STATUS_WORDS[status].en).not.toBe('');
    }
  });

  it.each<[string, Partial<PersonStatus>, string, string]>([
    ['a plain status', { status: 'accepted', response: 'accepted' }, 'tackat ja', 'accepted'],
    [
      'the place in the waiting list',
      { status: 'waitlisted', waitlistPosition: 3 },
      'på väntelista, plats 3',
      'waitlisted, place 3',
    ],
    [
      'a registration past the seats',
      { status: 'received', overCapacity: true },
      'anmäld, ingen plats kvar',
      'registered, no seat left',
    ],
    [
      'a cancellation still on the attendees',
      { status: 'cancelled', response: 'notResponded' },
      'avanmäld, fortfarande inbjuden',
      'cancelled, still invited',
    ],
    ['a cancellation that was never invited', { status: 'cancelled' }, 'avanmäld', 'cancelled'],
  ])('the status column says %s', (_what, partial, sv, en) => {
    expect(statusDetail(person(partial), 'sv')).toBe(sv);
    expect(statusDetail(person(partial), 'en')).toBe(en);
  });
});

describe('glanceLine', () => {
  it.each<[string, Partial<StatusTotals>, number | null, string, string]>([
    ['nothing yet', {}, null, '0 anmälda · 0 inbjudna', '0 registered · 0 invited'],
    [
      'the issue’s example',
      { received: 1, invited: 8, accepted: 20, waitlisted: 3 },
      null,
      '32 anmälda · 28 inbjudna · 20 tackat ja · 3 på väntelista',
      '32 registered · 28 invited · 20 accepted · 3 waitlisted',
    ],
    [
      'the walkthrough before the invitations',
      { received: 36, cancelled: 3 },
      null,
      '36 anmälda · 3 avanmälda · 0 inbjudna',
      '36 registered · 3 cancelled · 0 invited',
    ],
    [
      'the walkthrough right after the invitations',
      { invited: 36, cancelled: 3 },
      null,
      '36 anmälda · 3 avanmälda · 36 inbjudna · 0 svar',
      '36 registered · 3 cancelled · 36 invited · 0 replies',
    ],
    [
      'the walkthrough after the first answer',
      { invited: 35, accepted: 1, cancelled: 3 },
      null,
      '36 anmälda · 3 avanmälda · 36 inbjudna · 1 tackat ja',
      '36 registered · 3 cancelled · 36 invited · 1 accepted',
    ],
    [
      'every answer that has any, in the order yes, maybe, no',
      { invited: 2, accepted: 4, tentative: 1, declined: 2 },
      null,
      '9 anmälda · 9 inbjudna · 4 tackat ja · 1 preliminärt · 2 tackat nej',
      '9 registered · 9 invited · 4 accepted · 1 tentative · 2 declined',
    ],
    [
      'against the capacity',
      { received: 12, invited: 8, accepted: 20, waitlisted: 3 },
      40,
      '43 anmälda av 40 platser · 28 inbjudna · 20 tackat ja · 3 på väntelista',
      '43 registered for 40 seats · 28 invited · 20 accepted · 3 waitlisted',
    ],
    [
      'one of each, in the singular',
      { invited: 1, cancelled: 1 },
      1,
      '1 anmäld av 1 plats · 1 avanmäld · 1 inbjuden · 0 svar',
      '1 registered for 1 seat · 1 cancelled · 1 invited · 0 replies',
    ],
    [
      'thousands, grouped',
      { received: 5000 },
      5000,
      '5 000 anmälda av 5 000 platser · 0 inbjudna',
      '5,000 registered for 5,000 seats · 0 invited',
    ],
    [
      'no seats at all',
      { waitlisted: 2 },
      0,
      '2 anmälda av 0 platser · 0 inbjudna · 2 på väntelista',
      '2 registered for 0 seats · 0 invited · 2 waitlisted',
    ],
    [
      'everyone cancelled',
      { cancelled: 4 },
      null,
      '0 anmälda · 4 avanmälda · 0 inbjudna',
      '0 registered · 4 cancelled · 0 invited',
    ],
  ])('%s', (_what, partial, capacity, sv, en) => {
    // Intl groups thousands with a no-break space in Swedish; the line is read as text, so compare it as text.
    expect(glanceLine(totals(partial), capacity, 'sv').replace(/\u00a0/g, ' ')).toBe(sv);
    expect(glanceLine(totals(partial), capacity, 'en')).toBe(en);
  });
});

const arbitraryTotals = fc.record({
  received: fc.nat(500),
  invited: fc.nat(500),
  accepted: fc.nat(500),
  tentative: fc.nat(500),
  declined: fc.nat(500),
  cancelled: fc.nat(500),
  waitlisted: fc.nat(500),
});

describe('glanceCounts', () => {
  it('registered and cancelled together are everyone; invited are the invited and every answer', () => {
    fc.assert(
      fc.property(arbitraryTotals, (t) => {
        const c = glanceCounts(t);
        const everyone = REGISTRATION_STATUSES.reduce((sum, status) => sum + t[status], 0);
        expect(c.registered + c.cancelled).toBe(everyone);
        expect(c.invited).toBe(t.invited + c.answered);
        expect(c.answered).toBe(c.accepted + c.tentative + c.declined);
        expect(c.invited).toBeLessThanOrEqual(c.registered);
      }),
    );
  });

  it('every number in the line is one of the counts, and the invited are always there', () => {
    fc.assert(
      fc.property(
        arbitraryTotals,
        fc.option(fc.nat(1000), { nil: null }),
        fc.constantFrom('sv' as const, 'en' as const),
        (t, capacity, language) => {
          const line = glanceLine(t, capacity, language).replace(/[\u00a0,]/g, '');
          const c = glanceCounts(t);
          expect(line.startsWith(`${c.registered} `)).toBe(true);
          expect(line).toContain(`${c.invited} ${language === 'sv' ? (c.invited === 1 ? 'inbjuden' : 'inbjudna') : 'invited'}`);
          if (capacity !== null) expect(line).toContain(`${capacity} ${language === 'sv' ? 'plats' : 'seat'}`);
          if (c.cancelled === 0) expect(line).not.toMatch(/avanmäld|cancelled/);
          if (c.waitlisted === 0) expect(line).not.toMatch(/väntelista|waitlisted/);
        },
      ),
    );
  });
});

describe('COUNT_HEADINGS', () => {
  it('names the summary columns with the words of the line, capitalised', () => {
    expect(COUNT_HEADINGS.registered).toEqual({ sv: 'Anmälda', en: 'Registered' });
    expect(COUNT_HEADINGS.waitlisted).toEqual({ sv: 'På väntelista', en: 'Waitlisted' });
  });
});
