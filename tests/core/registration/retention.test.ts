/** Retention: when the ledger's personal data goes, what the pane says beforehand, and what is kept afterwards. */
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { isSamradError } from '../../../src/core/errors';
import {
  purgeRegistrations,
  retentionDate,
  retentionNotice,
  setDeleteAfter,
  type Attendee,
  type LedgerEntry,
} from '../../../src/core/registration';
import { sampleConsultation } from '../../support/consultations';

function meeting(start: string, end: string, deleteAfter: string | null = null): Consultation {
  const c = sampleConsultation();
  return {
    ...c,
    start,
    end,
    registration: { ...c.registration, deadline: null },
    registrations: { ...c.registrations, deleteAfter },
  };
}

const at = (iso: string): number => Date.parse(iso);

describe('retentionDate', () => {
  it.each([
    ['90 calendar days after the end, same wall-clock time', '2023-12-12T14:30:00+01:00', '2024-03-11T14:30:00+01:00'],
    ['across the spring change: still 14.30, now in summer time', '2024-01-01T14:30:00+01:00', '2024-03-31T14:30:00+02:00'],
    ['landing in the spring gap: moved forward by the gap', '2024-01-01T02:30:00+01:00', '2024-03-31T03:30:00+02:00'],
    ['landing in the autumn repeat: the earlier 02.30', '2024-07-29T02:30:00+02:00', '2024-10-27T02:30:00+02:00'],
    ['across the autumn change: still 10.00, now in winter time', '2024-08-20T10:00:00+02:00', '2024-11-18T10:00:00+01:00'],
    ['an end given in UTC is counted in Stockholm days', '2023-12-12T23:30:00Z', '2024-03-12T00:30:00+01:00'],
  ])('%s', (_case, end, expected) => {
    expect(retentionDate(meeting('2023-01-01T00:00:00Z', end))).toBe(expected);
  });

  it("is the organiser's date when one is set", () => {
    expect(retentionDate(meeting('2023-12-12T13:00:00+01:00', '2023-12-12T14:30:00+01:00', '2024-01-31T00:00:00+01:00'))).toBe(
      '2024-01-31T00:00:00+01:00',
    );
  });
});

describe('retentionNotice', () => {
  const c = meeting('2024-01-01T13:00:00+01:00', '2024-01-01T14:30:00+01:00');
  const date = '2024-03-31T14:30:00+02:00';

  it.each([
    ['long before', '2024-02-01T09:00:00+01:00', 'scheduled'],
    // Fourteen calendar days before 14.30 summer time is 14.30 winter time: an hour later than 14 × 24 hours.
    ['14 × 24 hours before, across the spring change: not yet', '2024-03-17T13:30:00+01:00', 'scheduled'],
    ['14 calendar days before, to the minute', '2024-03-17T14:30:00+01:00', 'soon'],
    ['the day before', '2024-03-30T14:30:00+01:00', 'soon'],
    ['a millisecond before', '2024-03-31T14:29:59.999+02:00', 'soon'],
    ['at the date', date, 'due'],
    ['long after', '2024-06-01T09:00:00+02:00', 'due'],
  ])('%s: %s', (_case, now, state) => {
    expect(retentionNotice(c, at(now))).toEqual({ state, date });
  });

  it('says done, with when, once the data is deleted', () => {
    const purged = purgeRegistrations(c, [], '2024-04-02T10:00:00+02:00');
    expect(retentionNotice(purged, at('2024-04-03T10:00:00+02:00'))).toEqual({
      state: 'done',
      date: '2024-04-02T10:00:00+02:00',
    });
  });
});

describe('purgeRegistrations', () => {
  const entry = (
    id: string,
    name: string,
    email: string,
    organisation: string | null,
    cancelledAt: string | null = null,
  ): LedgerEntry => ({
    id,
    name,
    email,
    organisation,
    source: id.startsWith('man') ? { kind: 'manual' } : { kind: 'mail', mailId: `AAMk-${id}` },
    receivedAt: '2023-11-20T09:00:00+01:00',
    cancelledAt,
  });
  const ledger = [
    entry('reg-1', 'Sofia Lindqvist', 'sofia.lindqvist@raddabarnen.example', 'Rädda Barnen'),
    entry('reg-2', 'Anders Holmgren', 'Anders <anders.holmgren@raddabarnen.example>', ' Rädda Barnen '),
    entry('reg-3', 'Leyla Yilmaz', 'leyla.yilmaz@crd.example', 'Civil Rights Defenders', '2023-11-30T09:00:00+01:00'),
    entry('man-4', 'Mattias Grahn', 'mattias.grahn@gmail.example', null),
  ];
  const attendees: Attendee[] = [
    { email: 'sofia.lindqvist@raddabarnen.example', name: 'Sofia Lindqvist', response: 'accepted' },
    { email: 'anders.holmgren@raddabarnen.example', name: null, response: 'declined' },
    { email: 'mattias.grahn@gmail.example', name: null, response: 'tentativelyAccepted' },
    // Invited without registering: counted in the event, not a person of the ledger.
    { email: 'presenter@regeringskansliet.example', name: 'Per Presentatör', response: 'accepted' },
    { email: 'organiser@regeringskansliet.example', name: 'Emelie', response: 'organizer' },
  ];
  const base = sampleConsultation();
  const c: Consultation = {
    ...base,
    registrations: {
      ...base.registrations,
      ledger,
      mailDecisions: [{ id: 'mail-1', mailId: 'AAMk-reg-1', outcome: 'applied', decidedAt: '2023-11-21T09:00:00+01:00' }],
      organisationDomains: { 'raddabarnen.example': 'Rädda Barnen' },
      invitationInProgress: {
        startedAt: '2023-12-01T09:00:00+01:00',
        people: [{ email: 'leyla.yilmaz@crd.example', name: 'Leyla Yilmaz' }],
      },
    },
  };
  const due = '2024-03-11T14:30:00+01:00';
  const zero = { received: 0, invited: 0, accepted: 0, tentative: 0, declined: 0, cancelled: 0, waitlisted: 0 };

  it('keeps counts per organisation (names kept), the domains and the decisions; nothing else of the ledger', () => {
    const purged = purgeRegistrations(c, attendees, due);
    expect(purged.registrations).toEqual({
      ...c.registrations,
      ledger: [],
      invitationInProgress: null,
      purged: {
        at: due,
        people: 4,
        organisations: [
          { organisation: 'Civil Rights Defenders', totals: { ...zero, cancelled: 1 } },
          { organisation: 'Rädda Barnen', totals: { ...zero, accepted: 1, declined: 1 } },
          { organisation: null, totals: { ...zero, tentative: 1 } },
        ],
      },
    });
    expect(c.registrations.ledger).toBe(ledger);
    expect(validateConsultation(purged).ok).toBe(true);
  });

  it('leaves no name or address of the ledger anywhere in the document', () => {
    const text = JSON.stringify(purgeRegistrations(c, attendees, due));
    for (const e of ledger) {
      expect(text).not.toContain(e.name);
      expect(text).not.toContain(e.email);
      const address = e.email.replace(/^.*</, '').replace(/>$/, '');
      expect(text.toLowerCase()).not.toContain(address.toLowerCase());
    }
  });

  it('refuses before the date unless forced, and refuses twice', () => {
    const early = '2024-03-11T14:29:00+01:00';
    expect(() => purgeRegistrations(c, attendees, early)).toThrow(/not yet time/);
    try {
      purgeRegistrations(c, attendees, early);
    } catch (error) {
      expect(isSamradError(error) && error.what.sv).toMatch(/inte dags/);
    }
    const forced = purgeRegistrations(c, attendees, early, { force: true });
    expect(forced.registrations.purged?.people).toBe(4);
    expect(() => purgeRegistrations(forced, attendees, '2024-04-01T00:00:00+02:00')).toThrow(/already deleted/);
    expect(() => purgeRegistrations(c, attendees, 'tomorrow')).toThrow(/Invalid date/);
  });

  it('counts an empty ledger as no people', () => {
    const purged = purgeRegistrations(base, attendees, due);
    expect(purged.registrations.purged).toEqual({ at: due, people: 0, organisations: [] });
  });
});

describe('setDeleteAfter', () => {
  const c = sampleConsultation();

  it("stores a date after the meeting with the meeting zone's offset", () => {
    expect(setDeleteAfter(c, '2024-01-30T23:00:00Z').registrations.deleteAfter).toBe('2024-01-31T00:00:00+01:00');
    expect(setDeleteAfter(c, c.end).registrations.deleteAfter).toBe(c.end);
    expect(c.registrations.deleteAfter).toBeNull();
  });

  it('goes back to the default with null', () => {
    const set = setDeleteAfter(c, '2024-01-31T00:00:00+01:00');
    expect(retentionDate(setDeleteAfter(set, null))).toBe('2024-03-11T14:30:00+01:00');
  });

  it('refuses a date before the meeting ends, and an unreadable one', () => {
    expect(() => setDeleteAfter(c, '2023-12-12T14:29:00+01:00')).toThrow(/before the meeting ends/);
    try {
      setDeleteAfter(c, '2023-12-01T00:00:00+01:00');
    } catch (error) {
      expect(isSamradError(error) && error.hint.sv).toBe('Välj ett datum efter mötet.');
    }
    expect(() => setDeleteAfter(c, '2024-01-31')).toThrow(/Invalid date/);
  });
});

describe('a retention date left behind by a moved meeting', () => {
  it('falls back to the default after the new end, so nothing is deleted before the meeting', () => {
    const c = sampleConsultation();
    const moved = {
      ...c,
      start: '2024-02-12T13:00:00+01:00',
      end: '2024-02-12T14:30:00+01:00',
      registrations: { ...c.registrations, deleteAfter: '2024-01-10T00:00:00+01:00' },
    };
    expect(retentionDate(moved)).toBe('2024-05-12T14:30:00+02:00');
    expect(retentionNotice(moved, Date.parse('2024-01-11T00:00:00Z')).state).toBe('scheduled');
  });
});
