import { describe, it, expect } from 'vitest';
import { isSamradError } from '../../../src/core/errors';
import {
  describeInvalidEmail,
  ledgerEntrySchema,
  reconcileRegistrations,
  REGISTRATION_STATUSES,
  type Attendee,
  type AttendeeResponse,
  type LedgerEntry,
  type ReconcileInput,
  type Reconciliation,
  type RegistrationStatus,
} from '../../../src/core/registration';

// Minutes after 09:00 Stockholm time on a winter day, so that arrival order is readable in the tables.
function at(minute: number): string {
  const h = 9 + Math.floor(minute / 60);
  const m = minute % 60;
  return `2024-02-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+01:00`;
}

function entry(
  id: string,
  email: string,
  minute: number,
  more: { name?: string; organisation?: string | null; cancelledMinute?: number } = {},
): LedgerEntry {
  return {
    id,
    name: more.name ?? `Person ${id}`,
    email,
    organisation: more.organisation ?? null,
    source: { kind: 'mail', mailId: `mail-${id}` },
    receivedAt: at(minute),
    cancelledAt: more.cancelledMinute === undefined ? null : at(more.cancelledMinute),
  };
}

function attendee(email: string, response: AttendeeResponse, name: string | null = null): Attendee {
  return { email, name, response };
}

function reconcile(input: Partial<ReconcileInput>): Reconciliation {
  return reconcileRegistrations({ entries: [], attendees: [], capacity: null, waitlist: false, ...input });
}

function statuses(result: Reconciliation): Record<string, RegistrationStatus> {
  return Object.fromEntries(result.people.map((p) => [p.email, p.status]));
}

function person(result: Reconciliation, email: string) {
  const found = result.people.find((p) => p.email === email);
  if (found === undefined) throw new Error(`no person ${email}`);
  return found;
}

describe('reconcileRegistrations: merging duplicates', () => {
  it('merges spellings of one address that differ in case, whitespace, mailto: and display name', () => {
    const result = reconcile({
      entries: [
        entry('e3', '"Anna B" <ANNA@org.se>', 30, { name: '', organisation: '  ' }),
        entry('e1', ' Anna@Org.se\u00A0', 10, { name: 'Anna', organisation: 'Röda Korset' }),
        entry('e2', 'mailto:anna@org.se', 20, { name: 'Anna Berg', organisation: 'Röda korset Stockholm' }),
      ],
    });
    expect(result.people).toHaveLength(1);
    expect(result.people[0]).toEqual({
      email: 'anna@org.se',
      name: 'Anna Berg', // the latest non-empty name (e3 has none)
      organisation: 'Röda korset Stockholm',
      status: 'received',
      source: 'ledger',
      registeredAt: at(10), // the earliest arrival
      entryIds: ['e1', 'e2', 'e3'],
      response: null,
      holdsSeat: true,
      overCapacity: false,
      waitlistPosition: null,
    });
  });

  const cancellations: readonly {
    readonly name: string;
    readonly entries: readonly LedgerEntry[];
    readonly expected: RegistrationStatus;
  }[] = [
    {
      name: 'a single cancelled entry',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 5 })],
      expected: 'cancelled',
    },
    {
      name: 're-registration after a cancellation',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 5 }), entry('e2', 'A@X.se', 10)],
      expected: 'received',
    },
    {
      name: 'cancellation of an earlier entry after a second registration',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 20 }), entry('e2', 'a@x.se', 10)],
      expected: 'cancelled',
    },
    {
      name: 'registered, cancelled, registered, cancelled again',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 5 }), entry('e2', 'a@x.se', 10, { cancelledMinute: 15 })],
      expected: 'cancelled',
    },
    {
      name: 'a registration at the same instant as a cancellation (the registration stands)',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 10 }), entry('e2', 'a@x.se', 10)],
      expected: 'received',
    },
    {
      name: 'the same tie, listed the other way round',
      entries: [entry('e2', 'a@x.se', 10), entry('e1', 'a@x.se', 0, { cancelledMinute: 10 })],
      expected: 'received',
    },
  ];
  it.each(cancellations)('$name → $expected', ({ entries, expected }) => {
    const result = reconcile({ entries });
    expect(statuses(result)).toEqual({ 'a@x.se': expected });
    expect(result.registered).toBe(expected === 'cancelled' ? 0 : 1);
  });

  it('orders by instant, not by the text of the timestamp', () => {
    const result = reconcile({
      entries: [
        { ...entry('e1', 'early@x.se', 0), receivedAt: '2024-02-01T09:30:00Z' }, // 10:30 in Stockholm
        { ...entry('e2', 'late@x.se', 0), receivedAt: '2024-02-01T10:00:00+01:00' },
      ],
    });
    expect(result.people.map((p) => p.email)).toEqual(['late@x.se', 'early@x.se']);
  });
});

describe('reconcileRegistrations: attendees', () => {
  const responses: readonly (readonly [AttendeeResponse, RegistrationStatus])[] = [
    ['none', 'invited'],
    ['notResponded', 'invited'],
    ['accepted', 'accepted'],
    ['tentativelyAccepted', 'tentative'],
    ['declined', 'declined'],
  ];
  it.each(responses)('a registered attendee who answered %s is %s', (response, expected) => {
    const result = reconcile({
      entries: [entry('e1', 'a@x.se', 0)],
      attendees: [attendee('A@X.SE', response)],
    });
    expect(statuses(result)).toEqual({ 'a@x.se': expected });
    expect(person(result, 'a@x.se').response).toBe(response);
    expect(result.invited).toBe(1);
    expect(result.registered).toBe(1);
  });

  it('leaves the organiser out of people and counts', () => {
    const result = reconcile({
      entries: [entry('e1', 'a@x.se', 0)],
      attendees: [attendee('organiser@gov.se', 'organizer', 'Organiser'), attendee('a@x.se', 'accepted')],
      capacity: 1,
    });
    expect(result.people.map((p) => p.email)).toEqual(['a@x.se']);
    expect(result.invited).toBe(1);
    expect(result.seatsTaken).toBe(1);
    expect(result.unregisteredAttendees).toEqual([]);
  });

  it('keeps an attendee without registration as an attendee-only person and reports them', () => {
    const result = reconcile({
      entries: [entry('e1', 'a@x.se', 0)],
      attendees: [attendee('Guest@Y.se', 'tentativelyAccepted', 'Gäst Gästsson'), attendee('a@x.se', 'none')],
    });
    const guest = person(result, 'guest@y.se');
    expect(guest).toMatchObject({
      status: 'tentative',
      source: 'attendee-only',
      name: 'Gäst Gästsson',
      organisation: null,
      registeredAt: null,
      entryIds: [],
      holdsSeat: true,
    });
    expect(result.unregisteredAttendees).toEqual([guest]);
    expect(result.people.at(-1)).toBe(guest);
    expect(result.registered).toBe(1);
    expect(result.invited).toBe(2);
  });

  it('reports a cancelled person who is still an attendee, as cancelled and without a seat', () => {
    const result = reconcile({
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 30 }), entry('e2', 'b@x.se', 5)],
      attendees: [attendee('a@x.se', 'accepted'), attendee('b@x.se', 'accepted')],
      capacity: 2,
    });
    expect(statuses(result)).toEqual({ 'a@x.se': 'cancelled', 'b@x.se': 'accepted' });
    expect(result.cancelledButStillInvited.map((p) => p.email)).toEqual(['a@x.se']);
    expect(person(result, 'a@x.se')).toMatchObject({ response: 'accepted', holdsSeat: false });
    expect(result.seatsTaken).toBe(1);
    expect(result.seatsLeft).toBe(1);
    expect(result.invited).toBe(2);
    expect(result.registered).toBe(1);
  });

  it('takes the most definite answer when one address is on several attendee rows', () => {
    const result = reconcile({
      attendees: [attendee('a@x.se', 'notResponded'), attendee('A@x.se', 'accepted', 'Anna'), attendee('a@x.se', 'declined')],
    });
    expect(result.people).toHaveLength(1);
    expect(person(result, 'a@x.se')).toMatchObject({ status: 'accepted', name: 'Anna' });
  });

  it('prefers the registered name to the name on the invitation', () => {
    const result = reconcile({
      entries: [entry('e1', 'a@x.se', 0, { name: 'Anna Berg' })],
      attendees: [attendee('a@x.se', 'none', 'A. Berg')],
    });
    expect(person(result, 'a@x.se').name).toBe('Anna Berg');
  });
});

describe('reconcileRegistrations: capacity and waitlist', () => {
  // Five registrations, shuffled. Arrival order is a, c, b, d, e: c and b arrive at the same minute and the entry
  // id decides (e2 before e3), while the list of people is by e-mail on a tie (b before c).
  const queue = [
    entry('e5', 'e@x.se', 40),
    entry('e3', 'b@x.se', 20),
    entry('e1', 'a@x.se', 0),
    entry('e4', 'd@x.se', 30),
    entry('e2', 'c@x.se', 20),
  ];

  const cases: readonly {
    readonly name: string;
    readonly capacity: number | null;
    readonly waitlist: boolean;
    readonly attendees: readonly Attendee[];
    readonly expected: Record<string, RegistrationStatus>;
    readonly waiting: readonly string[];
    readonly overCapacity: readonly string[];
    readonly seatsTaken: number;
    readonly seatsLeft: number | null;
  }[] = [
    {
      name: 'no limit',
      capacity: null,
      waitlist: true,
      attendees: [],
      expected: {
        'a@x.se': 'received',
        'b@x.se': 'received',
        'c@x.se': 'received',
        'd@x.se': 'received',
        'e@x.se': 'received',
      },
      waiting: [],
      overCapacity: [],
      seatsTaken: 5,
      seatsLeft: null,
    },
    {
      name: 'room for everyone',
      capacity: 5,
      waitlist: true,
      attendees: [],
      expected: {
        'a@x.se': 'received',
        'b@x.se': 'received',
        'c@x.se': 'received',
        'd@x.se': 'received',
        'e@x.se': 'received',
      },
      waiting: [],
      overCapacity: [],
      seatsTaken: 5,
      seatsLeft: 0,
    },
    {
      name: 'waitlist in order of arrival, ties by entry id',
      capacity: 2,
      waitlist: true,
      attendees: [],
      expected: {
        'a@x.se': 'received',
        'b@x.se': 'waitlisted',
        'c@x.se': 'received',
        'd@x.se': 'waitlisted',
        'e@x.se': 'waitlisted',
      },
      waiting: ['b@x.se', 'd@x.se', 'e@x.se'],
      overCapacity: [],
      seatsTaken: 2,
      seatsLeft: 0,
    },
    {
      name: 'no waitlist: past the capacity still received, but flagged',
      capacity: 2,
      waitlist: false,
      attendees: [],
      expected: {
        'a@x.se': 'received',
        'b@x.se': 'received',
        'c@x.se': 'received',
        'd@x.se': 'received',
        'e@x.se': 'received',
      },
      waiting: [],
      overCapacity: ['b@x.se', 'd@x.se', 'e@x.se'],
      seatsTaken: 2,
      seatsLeft: 0,
    },
    {
      name: 'invitations hold their seats first, whenever they registered',
      capacity: 3,
      waitlist: true,
      attendees: [attendee('e@x.se', 'accepted'), attendee('d@x.se', 'none')],
      expected: {
        'a@x.se': 'received',
        'b@x.se': 'waitlisted',
        'c@x.se': 'waitlisted',
        'd@x.se': 'invited',
        'e@x.se': 'accepted',
      },
      waiting: ['c@x.se', 'b@x.se'],
      overCapacity: [],
      seatsTaken: 3,
      seatsLeft: 0,
    },
    {
      name: 'declined and attendee-only people: a decline frees the seat, an unregistered invitee takes one',
      capacity: 3,
      waitlist: true,
      attendees: [attendee('a@x.se', 'declined'), attendee('guest@y.se', 'tentativelyAccepted')],
      expected: {
        'a@x.se': 'declined',
        'b@x.se': 'received',
        'c@x.se': 'received',
        'd@x.se': 'waitlisted',
        'e@x.se': 'waitlisted',
        'guest@y.se': 'tentative',
      },
      waiting: ['d@x.se', 'e@x.se'],
      overCapacity: [],
      seatsTaken: 3,
      seatsLeft: 0,
    },
    {
      name: 'more invitations than seats: nobody else gets a seat, seatsLeft stays at zero',
      capacity: 1,
      waitlist: true,
      attendees: [attendee('a@x.se', 'accepted'), attendee('b@x.se', 'accepted')],
      expected: {
        'a@x.se': 'accepted',
        'b@x.se': 'accepted',
        'c@x.se': 'waitlisted',
        'd@x.se': 'waitlisted',
        'e@x.se': 'waitlisted',
      },
      waiting: ['c@x.se', 'd@x.se', 'e@x.se'],
      overCapacity: [],
      seatsTaken: 2,
      seatsLeft: 0,
    },
    {
      name: 'capacity zero',
      capacity: 0,
      waitlist: true,
      attendees: [],
      expected: {
        'a@x.se': 'waitlisted',
        'b@x.se': 'waitlisted',
        'c@x.se': 'waitlisted',
        'd@x.se': 'waitlisted',
        'e@x.se': 'waitlisted',
      },
      waiting: ['a@x.se', 'c@x.se', 'b@x.se', 'd@x.se', 'e@x.se'],
      overCapacity: [],
      seatsTaken: 0,
      seatsLeft: 0,
    },
  ];

  it.each(cases)('$name', (c) => {
    const result = reconcile({ entries: queue, attendees: c.attendees, capacity: c.capacity, waitlist: c.waitlist });
    expect(statuses(result)).toEqual(c.expected);
    expect(result.waitlist.map((p) => p.email)).toEqual(c.waiting);
    expect(result.waitlist.map((p) => p.waitlistPosition)).toEqual(c.waiting.map((_, i) => i + 1));
    expect(result.nextFromWaitlist?.email ?? null).toBe(c.waiting[0] ?? null);
    expect(result.people.filter((p) => p.overCapacity).map((p) => p.email)).toEqual(c.overCapacity);
    expect(result.seatsTaken).toBe(c.seatsTaken);
    expect(result.seatsLeft).toBe(c.seatsLeft);
  });

  it('a cancellation frees a seat for the first on the waitlist', () => {
    const before = reconcile({ entries: queue, capacity: 2, waitlist: true });
    expect(before.nextFromWaitlist?.email).toBe('b@x.se');
    const cancelled = queue.map((e) => (e.id === 'e1' ? { ...e, cancelledAt: at(50) } : e));
    const after = reconcile({ entries: cancelled, capacity: 2, waitlist: true });
    expect(statuses(after)).toMatchObject({ 'a@x.se': 'cancelled', 'b@x.se': 'received' });
    expect(after.nextFromWaitlist?.email).toBe('d@x.se');
  });

  const reRegistrations: readonly {
    readonly name: string;
    readonly entries: readonly LedgerEntry[];
    readonly expected: Record<string, RegistrationStatus>;
    readonly waiting: readonly string[];
    readonly registeredAt: Record<string, string>;
  }[] = [
    {
      name: 'a registers, cancels, b registers, a registers again: b has the seat, a waits',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 5 }), entry('e2', 'b@x.se', 10), entry('e3', 'a@x.se', 20)],
      expected: { 'a@x.se': 'waitlisted', 'b@x.se': 'received' },
      waiting: ['a@x.se'],
      registeredAt: { 'a@x.se': at(20), 'b@x.se': at(10) },
    },
    {
      name: 'the same, listed the other way round',
      entries: [entry('e3', 'a@x.se', 20), entry('e2', 'b@x.se', 10), entry('e1', 'a@x.se', 0, { cancelledMinute: 5 })],
      expected: { 'a@x.se': 'waitlisted', 'b@x.se': 'received' },
      waiting: ['a@x.se'],
      registeredAt: { 'a@x.se': at(20), 'b@x.se': at(10) },
    },
    {
      name: 'a second registration without a cancellation keeps the first place',
      entries: [entry('e1', 'a@x.se', 0), entry('e2', 'b@x.se', 10), entry('e3', 'a@x.se', 20)],
      expected: { 'a@x.se': 'received', 'b@x.se': 'waitlisted' },
      waiting: ['b@x.se'],
      registeredAt: { 'a@x.se': at(0), 'b@x.se': at(10) },
    },
    {
      name: 'the first arrival after the last of several cancellations counts',
      entries: [
        entry('e1', 'a@x.se', 0, { cancelledMinute: 5 }),
        entry('e2', 'a@x.se', 10, { cancelledMinute: 15 }),
        entry('e3', 'b@x.se', 16),
        entry('e4', 'a@x.se', 20),
        entry('e5', 'a@x.se', 30),
      ],
      expected: { 'a@x.se': 'waitlisted', 'b@x.se': 'received' },
      waiting: ['a@x.se'],
      registeredAt: { 'a@x.se': at(20), 'b@x.se': at(16) },
    },
    {
      name: 'a re-registration at the instant of the cancellation counts from that instant',
      entries: [entry('e1', 'a@x.se', 0, { cancelledMinute: 10 }), entry('e2', 'b@x.se', 5), entry('e3', 'a@x.se', 10)],
      expected: { 'a@x.se': 'waitlisted', 'b@x.se': 'received' },
      waiting: ['a@x.se'],
      registeredAt: { 'a@x.se': at(10), 'b@x.se': at(5) },
    },
  ];

  it.each(reRegistrations)('re-registration: $name', (c) => {
    const result = reconcile({ entries: c.entries, capacity: 1, waitlist: true });
    expect(statuses(result)).toEqual(c.expected);
    expect(result.waitlist.map((p) => p.email)).toEqual(c.waiting);
    expect(Object.fromEntries(result.people.map((p) => [p.email, p.registeredAt]))).toEqual(c.registeredAt);
  });

  it('rejects a capacity that is not a whole number from zero up', () => {
    for (const capacity of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let caught: unknown;
      try {
        reconcile({ capacity });
      } catch (error) {
        caught = error;
      }
      expect(isSamradError(caught) && caught.code).toBe('invalid-input');
    }
  });
});

describe('reconcileRegistrations: reports and counts', () => {
  it('reports entries and attendees with unreadable addresses instead of dropping them', () => {
    const bad = entry('e2', 'anna at org.se', 10);
    const result = reconcile({
      entries: [entry('e1', 'a@x.se', 0), bad],
      attendees: [attendee('not-an-address', 'accepted')],
    });
    expect(result.people.map((p) => p.email)).toEqual(['a@x.se']);
    expect(result.invalidEntries).toEqual([
      { entry: bad, reason: 'contains-space', message: describeInvalidEmail('contains-space') },
    ]);
    expect(result.invalidAttendees.map((a) => [a.attendee.email, a.reason])).toEqual([['not-an-address', 'missing-at']]);
  });

  it('lists unreadable attendees in the same order however they come (a name of null and of "" do not tie)', () => {
    const rows = [attendee('', 'none', null), attendee('', 'none', ''), attendee('x', 'declined', 'Bo')];
    const forwards = reconcile({ attendees: rows }).invalidAttendees;
    const backwards = reconcile({ attendees: [...rows].reverse() }).invalidAttendees;
    expect(backwards).toEqual(forwards);
    expect(forwards.map((a) => a.attendee.name)).toEqual([null, '', 'Bo']);
  });

  it('throws a bilingual error on a timestamp without offset', () => {
    let caught: unknown;
    try {
      reconcile({ entries: [{ ...entry('e1', 'a@x.se', 0), receivedAt: '2024-02-01T09:00:00' }] });
    } catch (error) {
      caught = error;
    }
    expect(isSamradError(caught) && caught.code).toBe('invalid-date-time');
    expect(isSamradError(caught) && caught.what.sv).toMatch(/Ogiltig tidpunkt/);
  });

  it('counts every status, registered and invited people, and sums up', () => {
    const result = reconcile({
      entries: [
        entry('e1', 'a@x.se', 0),
        entry('e2', 'b@x.se', 1),
        entry('e3', 'c@x.se', 2, { cancelledMinute: 3 }),
        entry('e4', 'd@x.se', 4),
        entry('e5', 'e@x.se', 5),
        entry('e6', 'f@x.se', 6),
        entry('e7', 'g@x.se', 7),
      ],
      attendees: [
        attendee('b@x.se', 'accepted'),
        attendee('d@x.se', 'declined'),
        attendee('e@x.se', 'tentativelyAccepted'),
        attendee('h@y.se', 'notResponded'),
      ],
      capacity: 4,
      waitlist: true,
    });
    expect(result.totals).toEqual({
      received: 1,
      invited: 1,
      accepted: 1,
      tentative: 1,
      declined: 1,
      cancelled: 1,
      waitlisted: 2,
    });
    expect(Object.keys(result.totals).sort()).toEqual([...REGISTRATION_STATUSES].sort());
    expect(result.registered).toBe(6);
    expect(result.invited).toBe(4);
    expect(result.seatsTaken).toBe(4);
    expect(result.seatsLeft).toBe(0);
    const sum = Object.values(result.totals).reduce((a, b) => a + b, 0);
    expect(sum).toBe(result.people.length);
  });

  it('groups organisations case-insensitively under their first spelling, the people without one last', () => {
    const result = reconcile({
      entries: [
        entry('e1', 'a@x.se', 0, { organisation: 'Röda Korset' }),
        entry('e2', 'b@x.se', 1, { organisation: 'RÖDA  KORSET ' }),
        entry('e3', 'c@x.se', 2, { organisation: 'Amnesty', cancelledMinute: 5 }),
        entry('e4', 'd@x.se', 3),
        entry('e5', 'e@x.se', 4, { organisation: 'Örebro föreningsråd' }),
      ],
      attendees: [attendee('b@x.se', 'accepted'), attendee('guest@y.se', 'none')],
    });
    const zero = { received: 0, invited: 0, accepted: 0, tentative: 0, declined: 0, cancelled: 0, waitlisted: 0 };
    expect(result.byOrganisation).toEqual([
      { organisation: 'Amnesty', totals: { ...zero, cancelled: 1 } },
      { organisation: 'Röda Korset', totals: { ...zero, received: 1, accepted: 1 } },
      { organisation: 'Örebro föreningsråd', totals: { ...zero, received: 1 } },
      { organisation: null, totals: { ...zero, received: 1, invited: 1 } },
    ]);
  });

  it('lists registered people by registration time then e-mail, attendee-only people last by e-mail', () => {
    const result = reconcile({
      entries: [entry('e1', 'z@x.se', 0), entry('e2', 'b@x.se', 5), entry('e3', 'a@x.se', 5)],
      attendees: [attendee('y@guest.se', 'none'), attendee('c@guest.se', 'none')],
    });
    expect(result.people.map((p) => p.email)).toEqual(['z@x.se', 'a@x.se', 'b@x.se', 'c@guest.se', 'y@guest.se']);
  });
});

describe('ledgerEntrySchema', () => {
  it('accepts an entry as the ledger keeps it', () => {
    const valid = entry('e1', '"Anna" <Anna@Org.se>', 0, { organisation: 'Röda Korset', cancelledMinute: 5 });
    expect(ledgerEntrySchema.parse(valid)).toEqual(valid);
    expect(ledgerEntrySchema.parse({ ...valid, source: { kind: 'manual' } }).source).toEqual({ kind: 'manual' });
  });

  const invalid: readonly (readonly [string, Record<string, unknown>])[] = [
    ['a local time without offset', { receivedAt: '2024-02-01T09:00:00' }],
    ['a cancellation time without offset', { cancelledAt: '2024-02-01' }],
    ['an empty id', { id: '' }],
    ['a mail source without mail id', { source: { kind: 'mail' } }],
    ['an unknown source', { source: { kind: 'phone' } }],
    ['a missing organisation (null is required for none)', { organisation: undefined }],
  ];
  it.each(invalid)('rejects %s', (_, change) => {
    expect(ledgerEntrySchema.safeParse({ ...entry('e1', 'a@x.se', 0), ...change }).success).toBe(false);
  });
});
