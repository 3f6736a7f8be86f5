/**
 * Reconciliation: one status per person from two sources that drift apart — the registration ledger (what people
 * sent) and the calendar event's attendees (whom the organiser invited, and how they answered). The result is what
 * the organiser looks at before the meeting: who is coming, who waits for a seat, whom to invite next, and which
 * rows need their attention (a cancelled person still invited, an invitee who never registered, an unreadable
 * address).
 *
 * One pass over the input with Maps; the only sorts are the queue for seats (by arrival), the output order of
 * people and the few organisation groups. Independent of the order of the input: every tie is broken by a value,
 * never by position.
 */
import { SamradError, type Bilingual } from '../errors';
import { parseZonedIso } from '../time/zonedTime';
import { describeInvalidEmail, parseEmail, type InvalidEmailReason } from './email';
import type { Attendee, AttendeeResponse, LedgerEntry } from './ledger';

export const REGISTRATION_STATUSES = [
  'received',
  'invited',
  'accepted',
  'tentative',
  'declined',
  'cancelled',
  'waitlisted',
] as const;

/**
 * - `received`: registered, not (yet) invited.
 * - `invited`: invited, has not answered.
 * - `accepted` / `tentative` / `declined`: the answer to the invitation.
 * - `cancelled`: the person's latest registration state is a cancellation.
 * - `waitlisted`: registered, not invited, past the capacity.
 */
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export type StatusTotals = Readonly<Record<RegistrationStatus, number>>;

/** An attendee's answer; the organiser's own row (`organizer`) is never a person's invitation. */
export type InvitationResponse = Exclude<AttendeeResponse, 'organizer'>;

/** `ledger`: the person registered (possibly several times); `attendee-only`: invited without any registration. */
export type PersonSource = 'ledger' | 'attendee-only';

/** One person (one normalised e-mail address) and their single status. */
export interface PersonStatus {
  /** Normalised, see normaliseEmail. */
  readonly email: string;
  /** The latest non-empty name they registered with, else the name on the invitation, else null. */
  readonly name: string | null;
  /** The latest non-empty organisation they registered with; attendees carry none. */
  readonly organisation: string | null;
  readonly status: RegistrationStatus;
  readonly source: PersonSource;
  /**
   * When their current registration began, as written in the ledger: the earliest receivedAt after their last
   * cancellation (a re-registration queues anew); null for attendee-only people.
   */
  readonly registeredAt: string | null;
  /** The ledger entries merged into this person, in order of arrival. */
  readonly entryIds: readonly string[];
  /** Their answer on the calendar event, or null when they are not an attendee. */
  readonly response: InvitationResponse | null;
  /** Counts towards seatsTaken. */
  readonly holdsSeat: boolean;
  /** Registered past the capacity while there is no waitlist: kept as `received`, but no seat is left for them. */
  readonly overCapacity: boolean;
  /** 1-based place in the waitlist when `waitlisted`, else null. */
  readonly waitlistPosition: number | null;
}

export interface OrganisationTotals {
  /** The first spelling met in the output order of people; null groups the people without an organisation. */
  readonly organisation: string | null;
  readonly totals: StatusTotals;
}

export interface InvalidEntry {
  readonly entry: LedgerEntry;
  readonly reason: InvalidEmailReason;
  readonly message: Bilingual;
}

export interface InvalidAttendee {
  readonly attendee: Attendee;
  readonly reason: InvalidEmailReason;
  readonly message: Bilingual;
}

export interface ReconcileInput {
  readonly entries: readonly LedgerEntry[];
  readonly attendees: readonly Attendee[];
  /** Seats; null when there is no limit. */
  readonly capacity: number | null;
  /** Past the capacity, registrations wait in order of arrival instead of being flagged over capacity. */
  readonly waitlist: boolean;
}

export interface Reconciliation {
  /** Registered people by registration time then e-mail, then attendee-only people by e-mail. */
  readonly people: readonly PersonStatus[];
  /** People per status; all statuses present, and the sum is people.length. */
  readonly totals: StatusTotals;
  /** People whose registration stands (not cancelled), whatever their invitation says. */
  readonly registered: number;
  /** People who are attendees of the event, whatever their answer. */
  readonly invited: number;
  readonly seatsTaken: number;
  /** Null when there is no capacity; never below zero (invitations beyond the capacity show in seatsTaken). */
  readonly seatsLeft: number | null;
  /** Per organisation (case-insensitive), in Swedish alphabetical order, the group without organisation last. */
  readonly byOrganisation: readonly OrganisationTotals[];
  /** Waitlisted people by position. */
  readonly waitlist: readonly PersonStatus[];
  /** Whom to offer the next free seat. */
  readonly nextFromWaitlist: PersonStatus | null;
  /** Cancelled their registration but are still attendees: the organiser should remove them from the event. */
  readonly cancelledButStillInvited: readonly PersonStatus[];
  /** Attendees without any registration (also in people, with source `attendee-only`). */
  readonly unregisteredAttendees: readonly PersonStatus[];
  /** Entries whose address could not be read; they are in no person until the address is corrected. */
  readonly invalidEntries: readonly InvalidEntry[];
  /** Attendees whose address could not be read. */
  readonly invalidAttendees: readonly InvalidAttendee[];
}

/** One readable entry, placed in the ledger's order: arrival time, ties broken by entry id. */
interface Arrival {
  readonly instant: number;
  readonly id: string;
  readonly receivedAt: string;
  readonly name: string | null;
  readonly organisation: string | null;
}

/**
 * What the ledger says about one address, folded entry by entry. Fields point at arrivals rather than copying
 * values into new objects: at 100k entries, allocation (and the garbage collector) is most of the running time.
 */
interface LedgerPerson {
  readonly email: string;
  /**
   * The first arrival after their last cancellation: their place in the queue and registeredAt. Someone who
   * cancels and registers again goes behind those who registered meanwhile. Set once the ledger is read.
   */
  since: Arrival;
  /** The instants of their cancellations; null while there is none (most people), so nothing is allocated. */
  cancellations: number[] | null;
  /** The latest arrival with a name, and with an organisation. */
  named: Arrival | null;
  organised: Arrival | null;
  /** When the entry that happened last happened (its cancellation, or else its arrival)… */
  lastActivityAt: number;
  /** …and whether it was a cancellation. */
  cancelled: boolean;
  readonly entries: Arrival[];
}

interface Invitation {
  readonly response: InvitationResponse;
  readonly name: string | null;
}

interface Draft {
  readonly email: string;
  /** The instant of `since`, kept at hand for sorting; +Infinity for attendee-only people, who go last. */
  readonly arrival: number;
  readonly ledger: LedgerPerson | null;
  readonly invitation: Invitation | null;
  status: RegistrationStatus;
  holdsSeat: boolean;
  overCapacity: boolean;
  waitlistPosition: number | null;
}

/** A registered person who is not invited: they queue for the seats left after the invitations. */
interface QueuedDraft extends Draft {
  readonly ledger: LedgerPerson;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** null before any text, so that null and '' do not tie (a tie would leave the order to the input). */
function compareNullableText(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareText(a, b);
}

function compareArrivals(a: Arrival, b: Arrival): number {
  return a.instant - b.instant || compareText(a.id, b.id);
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function laterOf(current: Arrival | null, candidate: Arrival): Arrival {
  return current === null || compareArrivals(candidate, current) > 0 ? candidate : current;
}

function requireCapacity(capacity: number | null): number | null {
  if (capacity === null || (Number.isInteger(capacity) && capacity >= 0)) return capacity;
  throw new SamradError(
    'invalid-input',
    { sv: `Ogiltigt antal platser: ${capacity}.`, en: `Invalid capacity: ${capacity}.` },
    {
      sv: 'Ange antalet platser som ett heltal från 0 och uppåt, eller inget tak.',
      en: 'Give the number of seats as a whole number from 0 up, or no limit.',
    },
  );
}

/**
 * The first arrival at or after the last cancellation that precedes their latest arrival (an arrival at the instant
 * of a cancellation stands, as in the status). Cancellations after the latest arrival end the registration without
 * moving its start, so a cancelled person keeps when their last registration began. Until now `since` is the
 * earliest arrival of all, so it is the answer when no cancellation precedes the latest arrival.
 */
function arrivalSinceLastCancellation(person: LedgerPerson): Arrival {
  let latest = Number.NEGATIVE_INFINITY;
  for (const arrival of person.entries) latest = Math.max(latest, arrival.instant);
  let lastCancellation = Number.NEGATIVE_INFINITY;
  for (const at of person.cancellations ?? []) if (at <= latest) lastCancellation = Math.max(lastCancellation, at);
  let since: Arrival | null = null;
  for (const arrival of person.entries) {
    if (arrival.instant >= lastCancellation && (since === null || compareArrivals(arrival, since) < 0)) since = arrival;
  }
  return since ?? person.since;
}

function collectLedger(entries: readonly LedgerEntry[]): {
  people: Map<string, LedgerPerson>;
  invalid: InvalidEntry[];
} {
  const people = new Map<string, LedgerPerson>();
  const invalid: { entry: InvalidEntry; instant: number }[] = [];
  for (const entry of entries) {
    const instant = parseZonedIso(entry.receivedAt);
    const parsed = parseEmail(entry.email);
    if (!parsed.ok) {
      invalid.push({ entry: { entry, reason: parsed.reason, message: describeInvalidEmail(parsed.reason) }, instant });
      continue;
    }
    const arrival: Arrival = {
      instant,
      id: entry.id,
      receivedAt: entry.receivedAt,
      name: nonEmpty(entry.name),
      organisation: nonEmpty(entry.organisation),
    };
    const cancelledAt = entry.cancelledAt === null ? null : parseZonedIso(entry.cancelledAt);
    const activityAt = cancelledAt === null ? instant : Math.max(instant, cancelledAt);
    const cancelled = cancelledAt !== null;

    const person = people.get(parsed.email);
    if (person === undefined) {
      people.set(parsed.email, {
        email: parsed.email,
        since: arrival,
        cancellations: cancelledAt === null ? null : [cancelledAt],
        named: arrival.name === null ? null : arrival,
        organised: arrival.organisation === null ? null : arrival,
        lastActivityAt: activityAt,
        cancelled,
        entries: [arrival],
      });
      continue;
    }
    if (compareArrivals(arrival, person.since) < 0) person.since = arrival;
    if (cancelledAt !== null) {
      if (person.cancellations === null) person.cancellations = [cancelledAt];
      else person.cancellations.push(cancelledAt);
    }
    if (arrival.name !== null) person.named = laterOf(person.named, arrival);
    if (arrival.organisation !== null) person.organised = laterOf(person.organised, arrival);
    if (activityAt > person.lastActivityAt) {
      person.lastActivityAt = activityAt;
      person.cancelled = cancelled;
    } else if (activityAt === person.lastActivityAt) {
      // Simultaneous registration and cancellation: the registration stands, so nobody disappears on a tie.
      person.cancelled = person.cancelled && cancelled;
    }
    person.entries.push(arrival);
  }
  for (const person of people.values()) {
    if (person.cancellations !== null && person.entries.length > 1) person.since = arrivalSinceLastCancellation(person);
  }
  const ordered = invalid
    .sort(
      (a, b) =>
        a.instant - b.instant ||
        compareText(a.entry.entry.id, b.entry.entry.id) ||
        compareText(a.entry.entry.email, b.entry.entry.email),
    )
    .map((item) => item.entry);
  return { people, invalid: ordered };
}

/** When one address appears on several attendee rows, the most definite answer counts. */
const RESPONSE_RANK: Readonly<Record<InvitationResponse, number>> = {
  none: 0,
  notResponded: 1,
  declined: 2,
  tentativelyAccepted: 3,
  accepted: 4,
};

function preferredInvitation(current: Invitation, candidate: Invitation): Invitation {
  const byRank = RESPONSE_RANK[candidate.response] - RESPONSE_RANK[current.response];
  if (byRank !== 0) return byRank > 0 ? candidate : current;
  if (current.name === null || candidate.name === null) return current.name === null ? candidate : current;
  return compareText(candidate.name, current.name) < 0 ? candidate : current;
}

function collectInvitations(attendees: readonly Attendee[]): {
  invitations: Map<string, Invitation>;
  invalid: InvalidAttendee[];
} {
  const invitations = new Map<string, Invitation>();
  const invalid: InvalidAttendee[] = [];
  for (const attendee of attendees) {
    // The organiser's own row is not an invitation.
    if (attendee.response === 'organizer') continue;
    const parsed = parseEmail(attendee.email);
    if (!parsed.ok) {
      invalid.push({ attendee, reason: parsed.reason, message: describeInvalidEmail(parsed.reason) });
      continue;
    }
    const invitation: Invitation = { response: attendee.response, name: nonEmpty(attendee.name) };
    const current = invitations.get(parsed.email);
    invitations.set(parsed.email, current === undefined ? invitation : preferredInvitation(current, invitation));
  }
  invalid.sort(
    (a, b) =>
      compareText(a.attendee.email, b.attendee.email) ||
      compareNullableText(a.attendee.name, b.attendee.name) ||
      compareText(a.attendee.response, b.attendee.response),
  );
  return { invitations, invalid };
}

function statusOfResponse(response: InvitationResponse): RegistrationStatus {
  switch (response) {
    case 'accepted':
      return 'accepted';
    case 'tentativelyAccepted':
      return 'tentative';
    case 'declined':
      return 'declined';
    case 'none':
    case 'notResponded':
      return 'invited';
  }
}

function draft(email: string, ledger: LedgerPerson | null, invitation: Invitation | null, status: RegistrationStatus): Draft {
  const arrival = ledger === null ? Number.POSITIVE_INFINITY : ledger.since.instant;
  return { email, arrival, ledger, invitation, status, holdsSeat: false, overCapacity: false, waitlistPosition: null };
}

function queued(person: LedgerPerson): QueuedDraft {
  return {
    email: person.email,
    arrival: person.since.instant,
    ledger: person,
    invitation: null,
    status: 'received',
    holdsSeat: false,
    overCapacity: false,
    waitlistPosition: null,
  };
}

/** Registered people first, by registration time then e-mail; attendee-only people last, by e-mail. */
function compareForOutput(a: Draft, b: Draft): number {
  if (a.arrival !== b.arrival) return a.arrival < b.arrival ? -1 : 1;
  return compareText(a.email, b.email);
}

/** The queue for seats: order of arrival since the last cancellation, ties by entry id (and by e-mail, should ids repeat). */
function compareQueue(a: QueuedDraft, b: QueuedDraft): number {
  if (a.arrival !== b.arrival) return a.arrival - b.arrival;
  return compareText(a.ledger.since.id, b.ledger.since.id) || compareText(a.email, b.email);
}

function entryIdsInArrivalOrder(person: LedgerPerson): string[] {
  // Sorted in place: the list is this reconciliation's own, and most people have a single entry.
  if (person.entries.length > 1) person.entries.sort(compareArrivals);
  return person.entries.map((arrival) => arrival.id);
}

function toPersonStatus(d: Draft): PersonStatus {
  const ledger = d.ledger;
  return {
    email: d.email,
    name: ledger?.named?.name ?? d.invitation?.name ?? null,
    organisation: ledger?.organised?.organisation ?? null,
    status: d.status,
    source: ledger === null ? 'attendee-only' : 'ledger',
    registeredAt: ledger?.since.receivedAt ?? null,
    entryIds: ledger === null ? [] : entryIdsInArrivalOrder(ledger),
    response: d.invitation?.response ?? null,
    holdsSeat: d.holdsSeat,
    overCapacity: d.overCapacity,
    waitlistPosition: d.waitlistPosition,
  };
}

function emptyTotals(): Record<RegistrationStatus, number> {
  return { received: 0, invited: 0, accepted: 0, tentative: 0, declined: 0, cancelled: 0, waitlisted: 0 };
}

/** "Röda Korset", "röda  korset " and "RÖDA KORSET" are one organisation. */
function organisationKey(organisation: string): string {
  return organisation.replace(/\s+/g, ' ').trim().toLowerCase();
}

const swedish = new Intl.Collator('sv');

interface OrganisationGroup {
  readonly key: string | null;
  readonly organisation: string | null;
  readonly totals: Record<RegistrationStatus, number>;
}

function countByOrganisation(people: readonly PersonStatus[]): OrganisationTotals[] {
  const groups = new Map<string | null, OrganisationGroup>();
  // Many people share a spelling; normalising each spelling once keeps the regular expression out of the hot loop.
  const keys = new Map<string, string>();
  for (const person of people) {
    let key: string | null = null;
    if (person.organisation !== null) {
      key = keys.get(person.organisation) ?? organisationKey(person.organisation);
      keys.set(person.organisation, key);
    }
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, organisation: person.organisation, totals: emptyTotals() };
      groups.set(key, group);
    }
    group.totals[person.status] += 1;
  }
  return [...groups.values()]
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === null ? 1 : -1;
      return swedish.compare(a.key, b.key) || compareText(a.key, b.key);
    })
    .map(({ organisation, totals }) => ({ organisation, totals }));
}

export function reconcileRegistrations(input: ReconcileInput): Reconciliation {
  const capacity = requireCapacity(input.capacity);
  const ledger = collectLedger(input.entries);
  const attendees = collectInvitations(input.attendees);

  const drafts: Draft[] = [];
  const queue: QueuedDraft[] = [];
  let seatsTaken = 0;
  // Invitations hold their seats first: the organiser has already promised them.
  for (const person of ledger.people.values()) {
    const invitation = attendees.invitations.get(person.email) ?? null;
    if (person.cancelled) {
      drafts.push(draft(person.email, person, invitation, 'cancelled'));
    } else if (invitation !== null) {
      const d = draft(person.email, person, invitation, statusOfResponse(invitation.response));
      d.holdsSeat = d.status !== 'declined';
      if (d.holdsSeat) seatsTaken += 1;
      drafts.push(d);
    } else {
      const d = queued(person);
      queue.push(d);
      drafts.push(d);
    }
  }
  for (const [email, invitation] of attendees.invitations) {
    if (ledger.people.has(email)) continue;
    const d = draft(email, null, invitation, statusOfResponse(invitation.response));
    d.holdsSeat = d.status !== 'declined';
    if (d.holdsSeat) seatsTaken += 1;
    drafts.push(d);
  }

  // Then registrations in order of arrival, while seats remain.
  queue.sort(compareQueue);
  let free = capacity === null ? Number.POSITIVE_INFINITY : Math.max(0, capacity - seatsTaken);
  let waiting = 0;
  for (const d of queue) {
    if (free > 0) {
      d.holdsSeat = true;
      free -= 1;
      seatsTaken += 1;
    } else if (input.waitlist) {
      d.status = 'waitlisted';
      waiting += 1;
      d.waitlistPosition = waiting;
    } else {
      d.overCapacity = true;
    }
  }

  const people = drafts.sort(compareForOutput).map(toPersonStatus);
  const totals = emptyTotals();
  let registered = 0;
  for (const person of people) {
    totals[person.status] += 1;
    if (person.source === 'ledger' && person.status !== 'cancelled') registered += 1;
  }
  // Positions run 1…n without gaps, so placing each person at their position orders the waitlist without a sort.
  const waitlist: PersonStatus[] = [];
  for (const person of people) {
    if (person.waitlistPosition !== null) waitlist[person.waitlistPosition - 1] = person;
  }

  return {
    people,
    totals,
    registered,
    invited: attendees.invitations.size,
    seatsTaken,
    seatsLeft: capacity === null ? null : Math.max(0, capacity - seatsTaken),
    byOrganisation: countByOrganisation(people),
    waitlist,
    nextFromWaitlist: waitlist[0] ?? null,
    cancelledButStillInvited: people.filter((person) => person.status === 'cancelled' && person.response !== null),
    unregisteredAttendees: people.filter((person) => person.source === 'attendee-only'),
    invalidEntries: ledger.invalid,
    invalidAttendees: attendees.invalid,
  };
}
