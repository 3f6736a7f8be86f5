import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  normaliseEmail,
  reconcileRegistrations,
  REGISTRATION_STATUSES,
  type Attendee,
  type AttendeeResponse,
  type LedgerEntry,
  type ReconcileInput,
  type RegistrationStatus,
} from '../../../src/core/registration';

const NUM_RUNS = 200;
const BASE = Date.UTC(2024, 1, 1, 8, 0); // 09:00 in Stockholm

/** A few addresses only, so that entries and attendees often belong to the same person. */
const address = fc
  .tuple(fc.constantFrom('anna', 'bo', 'cilla', 'dan', 'eva'), fc.constantFrom('org.se', 'förening.se'))
  .map(([local, domain]) => `${local}@${domain}`);

/** The same address as people type it: any case, padded, with mailto: or a display name. */
const typedAddress = fc
  .record({
    address,
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    form: fc.constantFrom('plain', 'mailto', 'brackets', 'display', 'outlook'),
    pad: fc.constantFrom('', ' ', '\u00A0', '\t', ' \u202F\n'),
  })
  .map(({ address: plain, upper, form, pad }) => {
    const cased = Array.from(plain, (ch, i) => (upper[i % upper.length] === true ? ch.toUpperCase() : ch)).join('');
    const typed = {
      plain: cased,
      mailto: `MailTo:${cased}`,
      brackets: `<${cased}>`,
      display: `"Namn Namnsson" <${cased}>`,
      outlook: `Namn <mailto:${cased}>`,
    }[form];
    return `${pad}${typed}${pad}`;
  });

const unreadableAddress = fc.constantFrom('', 'nobody', 'anna berg@org.se', '@org.se', 'anna@localhost', 'a@b@c.se');

const typedEmail = fc.oneof({ weight: 9, arbitrary: typedAddress }, { weight: 1, arbitrary: unreadableAddress });

function iso(minute: number, form: 'utc' | 'stockholm'): string {
  const instant = BASE + minute * 60_000;
  if (form === 'utc') return new Date(instant).toISOString();
  return `${new Date(instant + 3_600_000).toISOString().slice(0, 19)}+01:00`;
}

const entries = fc
  .array(
    fc.record({
      email: typedEmail,
      // A narrow range of minutes, so that arrivals tie with each other and with cancellations.
      minute: fc.integer({ min: 0, max: 10 }),
      form: fc.constantFrom('utc' as const, 'stockholm' as const),
      // About one entry in five is cancelled, so that most people still stand and seats run out.
      cancelAfter: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }) },
      ),
      name: fc.constantFrom('', 'Anna', 'Bo Ek', '  '),
      organisation: fc.constantFrom(null, 'Röda Korset', 'röda korset', 'RÖDA KORSET ', 'Amnesty', ' '),
      mail: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((drafts) =>
    drafts.map((d, i): LedgerEntry => ({
      id: `e${i}`,
      name: d.name,
      email: d.email,
      organisation: d.organisation,
      source: d.mail ? { kind: 'mail', mailId: `m${i}` } : { kind: 'manual' },
      receivedAt: iso(d.minute, d.form),
      cancelledAt: d.cancelAfter === null ? null : iso(d.minute + d.cancelAfter, d.form),
    })),
  );

const responses: readonly AttendeeResponse[] = [
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
];

const attendees = fc.array(
  fc.record({
    email: typedEmail,
    name: fc.constantFrom(null, '', 'Anna', 'Gäst'),
    response: fc.constantFrom(...responses),
  }),
  { maxLength: 15 },
);

const input: fc.Arbitrary<ReconcileInput> = fc.record({
  entries,
  attendees,
  // Small, so that the capacity is often reached; null (no limit) one time in four.
  capacity: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null, freq: 4 }),
  waitlist: fc.boolean(),
});

function shuffledInput(): fc.Arbitrary<{ original: ReconcileInput; shuffled: ReconcileInput }> {
  return input.chain((original) =>
    fc
      .tuple(
        fc.shuffledSubarray([...original.entries], {
          minLength: original.entries.length,
          maxLength: original.entries.length,
        }),
        fc.shuffledSubarray([...original.attendees], {
          minLength: original.attendees.length,
          maxLength: original.attendees.length,
        }),
      )
      .map(([e, a]) => ({ original, shuffled: { ...original, entries: e, attendees: a } })),
  );
}

function normalisedSet(values: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const value of values) {
    const email = normaliseEmail(value);
    if (email !== null) out.add(email);
  }
  return out;
}

function inviteeEmails(list: readonly Attendee[]): Set<string> {
  return normalisedSet(list.filter((a) => a.response !== 'organizer').map((a) => a.email));
}

const SEATED: ReadonlySet<RegistrationStatus> = new Set(['received', 'invited', 'accepted', 'tentative']);

describe('reconcileRegistrations (properties)', () => {
  it('gives every person exactly one status, consistent with their flags', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = reconcileRegistrations(i);
        expect(new Set(r.people.map((p) => p.email)).size).toBe(r.people.length);
        for (const p of r.people) {
          expect(REGISTRATION_STATUSES).toContain(p.status);
          expect(p.waitlistPosition !== null).toBe(p.status === 'waitlisted');
          if (p.holdsSeat) expect(SEATED.has(p.status)).toBe(true);
          if (p.overCapacity) expect(p.status === 'received' && !p.holdsSeat).toBe(true);
          expect(p.source === 'attendee-only').toBe(p.entryIds.length === 0);
        }
        for (const status of REGISTRATION_STATUSES) {
          expect(r.people.filter((p) => p.status === status)).toHaveLength(r.totals[status]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('counts one person per distinct readable address among entries and invitees, and the totals add up', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = reconcileRegistrations(i);
        const distinct = normalisedSet([...i.entries.map((e) => e.email), ...inviteeEmails(i.attendees)]);
        const sum = REGISTRATION_STATUSES.reduce((acc, s) => acc + r.totals[s], 0);
        expect(Object.keys(r.totals).sort()).toEqual([...REGISTRATION_STATUSES].sort());
        expect(sum).toBe(r.people.length);
        expect(r.people.length).toBe(distinct.size);
        expect(r.invited).toBe(inviteeEmails(i.attendees).size);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('has per-organisation totals that add up to the totals', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = reconcileRegistrations(i);
        for (const status of REGISTRATION_STATUSES) {
          const sum = r.byOrganisation.reduce((acc, group) => acc + group.totals[status], 0);
          expect(sum).toBe(r.totals[status]);
        }
        const keys = r.byOrganisation.map((g) => g.organisation?.toLowerCase().replace(/\s+/g, ' ').trim() ?? null);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is idempotent and leaves its input alone', () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = structuredClone(i);
        const first = reconcileRegistrations(i);
        expect(i).toEqual(before);
        expect(reconcileRegistrations(i)).toEqual(first);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of entries and attendees', () => {
    fc.assert(
      fc.property(shuffledInput(), ({ original, shuffled }) => {
        expect(reconcileRegistrations(shuffled)).toEqual(reconcileRegistrations(original));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('with a waitlist, fills seats before anyone waits, by order of arrival', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 8 }), (i, capacity) => {
        const r = reconcileRegistrations({ ...i, capacity, waitlist: true });
        const nonDeclined = inviteeEmails(i.attendees.filter((a) => a.response !== 'declined')).size;
        expect(r.seatsTaken).toBeLessThanOrEqual(Math.max(capacity, nonDeclined));
        expect(r.seatsTaken).toBe(r.people.filter((p) => p.holdsSeat).length);
        expect(r.people.some((p) => p.overCapacity)).toBe(false);
        if (r.waitlist.length > 0) {
          expect(r.seatsLeft).toBe(0);
          expect(r.nextFromWaitlist).toEqual(r.waitlist[0]);
        } else {
          expect(r.nextFromWaitlist).toBeNull();
        }
        expect(r.waitlist.map((p) => p.waitlistPosition)).toEqual(r.waitlist.map((_, k) => k + 1));
        // Nobody who arrived later holds a queued seat (registered, not invited) ahead of someone waiting.
        const arrival = (registeredAt: string | null): number => Date.parse(registeredAt ?? '');
        const seatedFromQueue = r.people.filter((p) => p.status === 'received' && p.response === null);
        const lastSeated = Math.max(...seatedFromQueue.map((p) => arrival(p.registeredAt)));
        const waiting = r.waitlist.map((p) => arrival(p.registeredAt));
        for (const [k, instant] of waiting.entries()) {
          expect(instant).toBeGreaterThanOrEqual(lastSeated);
          if (k > 0) expect(instant).toBeGreaterThanOrEqual(waiting[k - 1] ?? Number.NaN);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('without a waitlist, flags people over capacity only when no seat is left', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = reconcileRegistrations({ ...i, waitlist: false });
        expect(r.totals.waitlisted).toBe(0);
        if (r.people.some((p) => p.overCapacity)) expect(r.seatsLeft).toBe(0);
        if (r.seatsLeft === null) expect(r.people.some((p) => p.overCapacity)).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('drops no registration and no invitee', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = reconcileRegistrations(i);
        const byEmail = new Map(r.people.map((p) => [p.email, p]));
        // Every entry is in exactly one person, or reported.
        const placed = [...r.people.flatMap((p) => p.entryIds), ...r.invalidEntries.map((x) => x.entry.id)];
        expect(placed.sort()).toEqual(i.entries.map((e) => e.id).sort());
        for (const e of i.entries) {
          const email = normaliseEmail(e.email);
          if (email === null) continue;
          const p = byEmail.get(email);
          expect(p?.source).toBe('ledger');
          expect(p?.entryIds).toContain(e.id);
        }
        // Someone who never cancelled is never cancelled.
        const cancelledOnce = new Set(i.entries.filter((e) => e.cancelledAt !== null).map((e) => normaliseEmail(e.email)));
        for (const p of r.people) {
          if (p.source === 'ledger' && !cancelledOnce.has(p.email)) expect(p.status).not.toBe('cancelled');
        }
        expect(r.registered).toBe(r.people.filter((p) => p.source === 'ledger' && p.status !== 'cancelled').length);
        // Every invitee is a person with their response; those without registration are reported.
        for (const email of inviteeEmails(i.attendees)) expect(byEmail.get(email)?.response).not.toBeNull();
        expect(r.unregisteredAttendees).toEqual(r.people.filter((p) => p.source === 'attendee-only'));
        expect(r.cancelledButStillInvited).toEqual(r.people.filter((p) => p.status === 'cancelled' && p.response !== null));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
