/**
 * Whom to invite next. Reconciliation already moves the waitlist: invitations hold their seats first, and the seats
 * left go to registered, uninvited people in order of arrival — so when a cancellation or a decline frees a seat,
 * the first on the waitlist comes out of reconcileRegistrations as `received`, holding that seat. An offer is
 * therefore exactly a person who holds a seat without an invitation yet; this module only names them and counts
 * the seats no invitation has promised, and never reorders or re-decides what reconciliation decided.
 */
import { parseZonedIso } from '../time/zonedTime';
import type { PersonStatus, Reconciliation } from './reconcile';

export interface SeatOffers {
  /** The people to invite next, in order of arrival: registered, not invited, not cancelled, within the free seats. */
  readonly offers: readonly PersonStatus[];
  /** Seats not promised by an invitation (capacity minus invitations that hold a seat); null without a capacity. */
  readonly freeSeats: number | null;
}

/** An invitation that holds a seat: invited, accepted or tentative (a decline gives its seat back). */
function holdsInvitedSeat(person: PersonStatus): boolean {
  return person.holdsSeat && person.response !== null;
}

/** A seat reconciliation gave to a registration that has no invitation yet. */
function isOffer(person: PersonStatus): boolean {
  return person.status === 'received' && person.holdsSeat && person.response === null;
}

function arrivalOf(person: PersonStatus): number {
  return person.registeredAt === null ? Number.POSITIVE_INFINITY : parseZonedIso(person.registeredAt);
}

/**
 * The seats to offer now. `capacity` must be the one the reconciliation was made with (the consultation's
 * registration.capacity); the offers never exceed the free seats even if it is not.
 */
export function seatOffers(reconciliation: Reconciliation, capacity: number | null): SeatOffers {
  const invitedSeats = reconciliation.people.filter(holdsInvitedSeat).length;
  const freeSeats = capacity === null ? null : Math.max(0, capacity - invitedSeats);
  // Reconciliation lists people by registration time already; the sort keeps that promise explicit and stable.
  const eligible = reconciliation.people
    .filter(isOffer)
    .map((person, index) => ({ person, index, arrival: arrivalOf(person) }))
    .sort((a, b) => (a.arrival !== b.arrival ? (a.arrival < b.arrival ? -1 : 1) : a.index - b.index))
    .map(({ person }) => person);
  return { offers: freeSeats === null ? eligible : eligible.slice(0, freeSeats), freeSeats };
}
