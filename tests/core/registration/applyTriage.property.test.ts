/**
 * The ledger does not depend on the order the inbox comes in, and confirming the mails to review in order of
 * arrival gives every person the status a plain replay of all mails in order gives — so nobody is lost to a
 * cancellation applied before its registration, and nobody loses their place in the queue to a later duplicate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMail,
  applySureMails,
  reconcileRegistrations,
  type InboxEntry,
  type InboxTriage,
} from '../../../src/core/registration';
import { emptyRegistrationRecord, type RegistrationRecord } from '../../../src/core/registration/record';
import { triageMails } from '../../../src/core/registration/triage';
import { inboxEntry, person, type HintInput } from './inboxSupport';
import { SEED_CONTEXT, SEED_MAILS } from './triage/seedSupport';

const DECIDED = '2023-12-11T12:00:00+01:00';
const ADDRESSES = ['a@x.se', 'b@x.se', 'c@y.se', 'd@z.se'];

interface MailSpec {
  readonly minute: number;
  readonly kind: 'registration' | 'cancellation';
  readonly people: readonly number[];
  readonly review: boolean;
}

const mailSpec: fc.Arbitrary<MailSpec> = fc.record({
  minute: fc.nat(10_000),
  kind: fc.constantFrom('registration' as const, 'cancellation' as const),
  people: fc.uniqueArray(fc.nat(ADDRESSES.length - 1), { minLength: 1, maxLength: 2 }),
  review: fc.boolean(),
});

const iso = (minute: number): string => new Date(Date.UTC(2023, 10, 1) + minute * 60_000).toISOString();

/** An inbox with the hints the inbox triage would give (cancellations matched to the registration they withdraw). */
function inboxOf(specs: readonly MailSpec[]): InboxTriage {
  const sorted = [...specs].sort((a, b) => a.minute - b.minute);
  const registered = new Map<string, string>();
  const entries = sorted.map((spec) => {
    const mailId = `mail-${spec.minute}`;
    const emails = spec.people.map((i) => ADDRESSES[i] ?? '');
    const hints: HintInput[] = [];
    for (const email of emails) {
      const earlier = registered.get(email);
      if (spec.kind === 'registration') {
        if (earlier === undefined) registered.set(email, mailId);
        else hints.push({ kind: 'duplicate', email, earlierMailId: earlier });
      } else if (earlier === undefined) hints.push({ kind: 'cancels-unregistered', email });
      else {
        hints.push({ kind: 'cancels', email, registrationMailId: earlier });
        registered.delete(email);
      }
    }
    const unmatched = hints.some((h) => h.kind === 'cancels-unregistered');
    return inboxEntry({
      mailId,
      receivedAt: iso(spec.minute),
      kind: spec.kind,
      people: emails.map((email) => person({ name: email.split('@')[0] ?? '', email, organisation: null })),
      needsReview: spec.review || unmatched,
      hints,
    });
  });
  return { entries, domainOrganisations: new Map() };
}

function confirmInOrder(start: RegistrationRecord, toReview: readonly InboxEntry[]): RegistrationRecord {
  let record = start;
  for (const { result } of toReview) {
    if (result.kind !== 'registration' && result.kind !== 'cancellation') continue;
    const { mailId, receivedAt, kind, people } = result;
    record = applyMail(record, { mailId, receivedAt, kind, people }, DECIDED).record;
  }
  return record;
}

/** Every mail in order of arrival, by the plain rule: a registration makes a person stand, a cancellation ends it. */
function replay(specs: readonly MailSpec[]): Map<string, { status: string; registeredAt: string }> {
  const people = new Map<string, { standing: boolean; since: string }>();
  for (const spec of [...specs].sort((a, b) => a.minute - b.minute)) {
    for (const email of spec.people.map((i) => ADDRESSES[i] ?? '')) {
      const current = people.get(email);
      if (spec.kind === 'registration' && current?.standing !== true)
        people.set(email, { standing: true, since: iso(spec.minute) });
      if (spec.kind === 'cancellation' && current?.standing === true) people.set(email, { ...current, standing: false });
    }
  }
  return new Map(
    [...people].map(([email, p]) => [email, { status: p.standing ? 'received' : 'cancelled', registeredAt: p.since }]),
  );
}

function statusesOf(record: RegistrationRecord): Map<string, { status: string; registeredAt: string }> {
  const { people } = reconcileRegistrations({ entries: record.ledger, attendees: [], capacity: null, waitlist: false });
  return new Map(people.map((p) => [p.email, { status: p.status, registeredAt: p.registeredAt ?? '' }]));
}

const specs = fc.uniqueArray(mailSpec, { selector: (s) => s.minute, maxLength: 25 });

describe('applySureMails, property-based', () => {
  it('gives the same record whatever order the inbox entries come in', () => {
    fc.assert(
      fc.property(
        specs.chain((list) => {
          const inbox = inboxOf(list);
          const n = inbox.entries.length;
          return fc.tuple(fc.constant(inbox), fc.shuffledSubarray([...inbox.entries], { minLength: n, maxLength: n }));
        }),
        ([inbox, shuffled]) => {
          const inOrder = applySureMails(emptyRegistrationRecord(), inbox, DECIDED);
          const outOfOrder = applySureMails(emptyRegistrationRecord(), { ...inbox, entries: shuffled }, DECIDED);
          expect(outOfOrder.record).toEqual(inOrder.record);
          expect(outOfOrder.toReview).toEqual(inOrder.toReview);
        },
      ),
    );
  });

  it('confirming the mails to review in order gives every person the status of a plain replay of all mails', () => {
    fc.assert(
      fc.property(specs, (list) => {
        const inbox = inboxOf(list);
        const sure = applySureMails(emptyRegistrationRecord(), inbox, DECIDED);
        const record = confirmInOrder(sure.record, sure.toReview);
        expect(statusesOf(record)).toEqual(replay(list));
        // Never two standing entries for one address.
        const standing = record.ledger.filter((e) => e.cancelledAt === null).map((e) => e.email);
        expect(new Set(standing).size).toBe(standing.length);
      }),
    );
  });

  it('holds a later duplicate of a mail under review, so the person keeps the place of their first mail', () => {
    const inbox = inboxOf([
      { minute: 1, kind: 'registration', people: [0], review: true },
      { minute: 2, kind: 'registration', people: [0], review: false },
    ]);
    const sure = applySureMails(emptyRegistrationRecord(), inbox, DECIDED);
    expect(sure.applied).toBe(0);
    expect(sure.toReview.map((e) => e.result.mailId)).toEqual(['mail-1', 'mail-2']);
    const record = confirmInOrder(sure.record, sure.toReview);
    expect(statusesOf(record).get('a@x.se')).toEqual({ status: 'received', registeredAt: iso(1) });
  });

  it('gives the same record for the seeded inbox in any order', () => {
    const inbox = triageMails(SEED_MAILS, SEED_CONTEXT);
    const expected = applySureMails(emptyRegistrationRecord(), inbox, DECIDED).record;
    const n = inbox.entries.length;
    fc.assert(
      fc.property(fc.shuffledSubarray([...inbox.entries], { minLength: n, maxLength: n }), (shuffled) => {
        expect(applySureMails(emptyRegistrationRecord(), { ...inbox, entries: shuffled }, DECIDED).record).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
