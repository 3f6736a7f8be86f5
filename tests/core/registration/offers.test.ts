/** Whom to invite next: the seats a cancellation or a decline frees go to the waitlist in order of arrival. */
import { describe, expect, it } from 'vitest';
import {
  reconcileRegistrations,
  seatOffers,
  type Attendee,
  type AttendeeResponse,
  type LedgerEntry,
} from '../../../src/core/registration';

function entry(email: string, day: number, cancelledDay: number | null = null): LedgerEntry {
  const at = (d: number): string => `2023-11-${String(d).padStart(2, '0')}T09:00:00+01:00`;
  return {
    id: `reg-${email.split('@')[0] ?? ''}`,
    name: email,
    email,
    organisation: null,
    source: { kind: 'manual' },
    receivedAt: at(day),
    cancelledAt: cancelledDay === null ? null : at(cancelledDay),
  };
}

const invited = (email: string, response: AttendeeResponse = 'none'): Attendee => ({ email, name: null, response });

const ANNA = entry('anna@x.se', 1);
const BO = entry('bo@x.se', 2);
const CILLA = entry('cilla@x.se', 3);
const DAN = entry('dan@x.se', 4);

function offersFor(entries: LedgerEntry[], attendees: Attendee[], capacity: number | null, waitlist = true) {
  const reconciliation = reconcileRegistrations({ entries, attendees, capacity, waitlist });
  const { offers, freeSeats } = seatOffers(reconciliation, capacity);
  return { offers: offers.map((p) => p.email), freeSeats, waitlist: reconciliation.waitlist.map((p) => p.email) };
}

describe('seatOffers', () => {
  it.each([
    {
      case: 'nobody invited yet: the first by arrival get the seats, the rest wait',
      entries: [DAN, BO, ANNA, CILLA],
      attendees: [],
      expected: { offers: ['anna@x.se', 'bo@x.se'], freeSeats: 2, waitlist: ['cilla@x.se', 'dan@x.se'] },
    },
    {
      case: 'all seats promised by invitations: nothing to offer',
      entries: [ANNA, BO, CILLA],
      attendees: [invited('anna@x.se', 'accepted'), invited('bo@x.se')],
      expected: { offers: [], freeSeats: 0, waitlist: ['cilla@x.se'] },
    },
    {
      case: 'a decline frees a seat: the first on the waitlist is offered',
      entries: [ANNA, BO, CILLA, DAN],
      attendees: [invited('anna@x.se', 'declined'), invited('bo@x.se', 'tentativelyAccepted')],
      expected: { offers: ['cilla@x.se'], freeSeats: 1, waitlist: ['dan@x.se'] },
    },
    {
      case: 'a cancellation frees a seat, even while the person is still on the event',
      entries: [ANNA, entry('bo@x.se', 2, 5), CILLA, DAN],
      attendees: [invited('anna@x.se', 'accepted'), invited('bo@x.se', 'accepted')],
      expected: { offers: ['cilla@x.se'], freeSeats: 1, waitlist: ['dan@x.se'] },
    },
    {
      case: 'a cancellation by someone not invited lets the next move up',
      entries: [ANNA, entry('bo@x.se', 2, 5), CILLA, DAN],
      attendees: [],
      expected: { offers: ['anna@x.se', 'cilla@x.se'], freeSeats: 2, waitlist: ['dan@x.se'] },
    },
    {
      case: 'an invitee who never registered holds a seat too',
      entries: [ANNA, BO],
      attendees: [invited('guest@y.se', 'accepted')],
      expected: { offers: ['anna@x.se'], freeSeats: 1, waitlist: ['bo@x.se'] },
    },
    {
      case: 'invitations beyond the capacity leave no free seat (never negative)',
      entries: [CILLA],
      attendees: [invited('anna@x.se'), invited('bo@x.se'), invited('dan@x.se')],
      expected: { offers: [], freeSeats: 0, waitlist: ['cilla@x.se'] },
    },
  ])('$case', ({ entries, attendees, expected }) => {
    expect(offersFor(entries, attendees, 2)).toEqual(expected);
  });

  it('without a capacity, everyone registered and not invited is offered', () => {
    expect(offersFor([CILLA, ANNA, BO], [invited('bo@x.se')], null)).toEqual({
      offers: ['anna@x.se', 'cilla@x.se'],
      freeSeats: null,
      waitlist: [],
    });
  });

  it('without a waitlist, registrations past the capacity are not offered either', () => {
    expect(offersFor([ANNA, BO, CILLA], [], 1, false)).toEqual({ offers: ['anna@x.se'], freeSeats: 1, waitlist: [] });
  });

  it('never offers more than the free seats, even given a smaller capacity than reconciled with', () => {
    const reconciliation = reconcileRegistrations({ entries: [ANNA, BO, CILLA], attendees: [], capacity: 3, waitlist: true });
    expect(seatOffers(reconciliation, 1)).toMatchObject({
      freeSeats: 1,
      offers: [expect.objectContaining({ email: 'anna@x.se' })],
    });
  });
});
