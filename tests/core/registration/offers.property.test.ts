/** Seat offers over arbitrary ledgers, invitations and capacities. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  reconcileRegistrations,
  seatOffers,
  type Attendee,
  type AttendeeResponse,
  type LedgerEntry,
} from '../../../src/core/registration';

const NAMES = ['anna', 'bo', 'cilla', 'dan', 'eva', 'fia', 'gun', 'hans'];
const BASE = Date.UTC(2023, 10, 1, 8, 0);
const iso = (minute: number): string => new Date(BASE + minute * 60_000).toISOString();

const world = fc.record({
  // Distinct arrival minutes, so the order of arrival is never a tie.
  ledger: fc.uniqueArray(
    fc.record({
      who: fc.nat(NAMES.length - 1),
      minute: fc.nat(1_000),
      cancelled: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(500) }),
    }),
    { selector: (e) => e.minute, maxLength: 12 },
  ),
  attendees: fc.array(
    fc.record({
      who: fc.nat(NAMES.length + 1),
      response: fc.constantFrom<AttendeeResponse>('none', 'notResponded', 'accepted', 'tentativelyAccepted', 'declined'),
    }),
    { maxLength: 6 },
  ),
  capacity: fc.option(fc.nat(8), { nil: null }),
  waitlist: fc.boolean(),
});

describe('seatOffers, property-based', () => {
  it('offers, in order of arrival, the first registered people without an invitation, never beyond the free seats', () => {
    fc.assert(
      fc.property(world, ({ ledger, attendees, capacity, waitlist }) => {
        const entries: LedgerEntry[] = ledger.map((e, i) => ({
          id: `reg-${i}`,
          name: '',
          email: `${NAMES[e.who] ?? ''}@x.se`,
          organisation: null,
          source: { kind: 'manual' },
          receivedAt: iso(e.minute),
          cancelledAt: e.cancelled === null ? null : iso(e.minute + e.cancelled),
        }));
        const invitations: Attendee[] = attendees.map((a) => ({
          email: `${NAMES[a.who] ?? 'guest'}${a.who >= NAMES.length ? a.who : ''}@x.se`,
          name: null,
          response: a.response,
        }));
        const reconciliation = reconcileRegistrations({ entries, attendees: invitations, capacity, waitlist });
        const { offers, freeSeats } = seatOffers(reconciliation, capacity);

        if (freeSeats !== null) expect(offers.length).toBeLessThanOrEqual(freeSeats);
        for (const person of offers) {
          expect(person.response).toBeNull();
          expect(['cancelled', 'declined', 'invited', 'accepted', 'tentative']).not.toContain(person.status);
          expect(person.source).toBe('ledger');
        }
        const arrivals = offers.map((p) => Date.parse(p.registeredAt ?? ''));
        expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));

        // Exactly the first of the people who wait for an invitation, as many as the free seats allow.
        const waiting = reconciliation.people
          .filter((p) => p.source === 'ledger' && p.response === null && p.status !== 'cancelled')
          .sort((a, b) => Date.parse(a.registeredAt ?? '') - Date.parse(b.registeredAt ?? ''));
        const expected = freeSeats === null ? waiting : waiting.slice(0, freeSeats);
        expect(offers.map((p) => p.email)).toEqual(expected.map((p) => p.email));

        const seatsOfInvitations = reconciliation.people.filter((p) => p.response !== null && p.holdsSeat).length;
        if (capacity !== null) expect(freeSeats).toBe(Math.max(0, capacity - seatsOfInvitations));
      }),
      { numRuns: 300 },
    );
  });
});
