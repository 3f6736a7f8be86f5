/**
 * From triage to ledger: one mail at a time (applyMail, dismissMail), the undecided mails, and the sure mails of a
 * whole inbox (applySureMails) — on hand-made inboxes and on the seeded inbox with its answer key.
 */
import { describe, expect, it } from 'vitest';
import { isSamradError } from '../../../src/core/errors';
import {
  applyMail,
  applySureMails,
  decisionIdOf,
  dismissMail,
  entryIdOf,
  reconcileRegistrations,
  undecidedEntries,
  type InboxEntry,
  type InboxTriage,
  type MailAction,
  type MailPerson,
} from '../../../src/core/registration';
import { emptyRegistrationRecord, type RegistrationRecord } from '../../../src/core/registration/record';
import { triageMails } from '../../../src/core/registration/triage';
import { inboxEntry, person } from './inboxSupport';
import { SEED_CONTEXT, SEED_MAILS } from './triage/seedSupport';

const DECIDED = '2023-12-11T12:00:00+01:00';
const anna = { name: 'Anna Berg', email: 'anna@bris.example', organisation: 'Bris' };
const bo = { name: 'Bo Ek', email: 'bo@lsu.example', organisation: 'LSU' };

function registration(mailId: string, receivedAt: string, people: readonly MailPerson[] = [anna]): MailAction {
  return { mailId, receivedAt, kind: 'registration', people };
}
function cancellation(mailId: string, receivedAt: string, people: readonly MailPerson[] = [anna]): MailAction {
  return { mailId, receivedAt, kind: 'cancellation', people };
}

function statuses(record: RegistrationRecord, capacity: number | null = null, waitlist = false) {
  return reconcileRegistrations({ entries: record.ledger, attendees: [], capacity, waitlist });
}

describe('applyMail', () => {
  it('adds one entry per person with ids from the mail, and records the decision; the input stays as it was', () => {
    const record = emptyRegistrationRecord();
    const outcome = applyMail(record, registration('AAMk-1', '2023-11-20T09:00:00+01:00', [anna, bo]), DECIDED);
    expect(record).toEqual(emptyRegistrationRecord());
    expect(outcome.added.map((e) => [e.id, e.email, e.source])).toEqual([
      [entryIdOf('AAMk-1', 0), 'anna@bris.example', { kind: 'mail', mailId: 'AAMk-1' }],
      [entryIdOf('AAMk-1', 1), 'bo@lsu.example', { kind: 'mail', mailId: 'AAMk-1' }],
    ]);
    expect(outcome.record.ledger).toEqual(outcome.added);
    expect(outcome.record.mailDecisions).toEqual([
      { id: decisionIdOf('AAMk-1'), mailId: 'AAMk-1', outcome: 'applied', decidedAt: DECIDED },
    ]);
    expect(outcome.skipped).toEqual([]);
  });

  it('dedupes by normalised address: a second registration, or the same person twice in one mail, adds nothing', () => {
    const first = applyMail(emptyRegistrationRecord(), registration('m1', '2023-11-20T09:00:00+01:00'), DECIDED).record;
    const shouting = { ...anna, email: 'Anna <ANNA@Bris.example>' };
    const second = applyMail(first, registration('m2', '2023-11-21T09:00:00+01:00', [shouting, bo, bo]), DECIDED);
    expect(second.added.map((e) => e.email)).toEqual(['bo@lsu.example']);
    expect(second.skipped).toEqual([
      { mailId: 'm2', name: 'Anna Berg', email: 'anna@bris.example', reason: 'already-registered' },
      { mailId: 'm2', name: 'Bo Ek', email: 'bo@lsu.example', reason: 'already-registered' },
    ]);
    expect(second.record.mailDecisions.map((d) => d.mailId)).toEqual(['m1', 'm2']);
  });

  it('refuses a mail with a person without an address, entering nobody and deciding nothing', () => {
    const record = emptyRegistrationRecord();
    const apply = (): unknown =>
      applyMail(
        record,
        registration('m1', '2023-11-20T09:00:00+01:00', [{ name: 'Cecilia', email: null, organisation: null }, anna]),
        DECIDED,
      );
    expect(apply).toThrow(/Person 1 has no e-mail address/);
    expect(() => applyMail(record, registration('m1', '2023-11-20T09:00:00+01:00', []), DECIDED)).toThrow(/nobody to enter/);
    expect(record.ledger).toEqual([]);
    expect(record.mailDecisions).toEqual([]);
  });

  it('cancels the standing entries at the time the cancellation arrived', () => {
    const registered = applyMail(emptyRegistrationRecord(), registration('m1', '2023-11-20T09:00:00+01:00', [anna, bo]), DECIDED);
    const outcome = applyMail(registered.record, cancellation('m2', '2023-11-25T10:00:00+01:00'), DECIDED);
    expect(outcome.cancelled).toEqual([{ ...registered.added[0], cancelledAt: '2023-11-25T10:00:00+01:00' }]);
    expect(outcome.record.ledger[1]).toBe(registered.record.ledger[1]);
    expect(statuses(outcome.record).totals).toMatchObject({ received: 1, cancelled: 1 });
  });

  it('reports a cancellation of someone not registered, changing nothing in the ledger', () => {
    const outcome = applyMail(emptyRegistrationRecord(), cancellation('m1', '2023-11-25T10:00:00+01:00'), DECIDED);
    expect(outcome.record.ledger).toEqual([]);
    expect(outcome.skipped).toEqual([{ mailId: 'm1', name: 'Anna Berg', email: 'anna@bris.example', reason: 'not-registered' }]);
    expect(outcome.record.mailDecisions).toHaveLength(1);
  });

  it('a registration after a cancellation is a new entry (re-registration); one from before it stays withdrawn', () => {
    let record = applyMail(emptyRegistrationRecord(), registration('m1', '2023-11-20T09:00:00+01:00'), DECIDED).record;
    record = applyMail(record, cancellation('m2', '2023-11-25T10:00:00+01:00'), DECIDED).record;
    // A copy of the first registration, confirmed late, arrived before the cancellation: it is withdrawn by it.
    const early = applyMail(record, registration('m0', '2023-11-21T09:00:00+01:00'), DECIDED);
    expect(early.added).toEqual([]);
    expect(early.skipped.map((s) => s.reason)).toEqual(['cancelled-later']);
    const again = applyMail(early.record, registration('m3', '2023-11-28T09:00:00+01:00'), DECIDED);
    expect(again.added.map((e) => e.id)).toEqual([entryIdOf('m3', 0)]);
    const [person] = statuses(again.record).people;
    expect(person).toMatchObject({ status: 'received', registeredAt: '2023-11-28T09:00:00+01:00' });
  });

  it('a cancellation does not withdraw a registration that arrived after it', () => {
    let record = applyMail(emptyRegistrationRecord(), registration('m3', '2023-11-28T09:00:00+01:00'), DECIDED).record;
    const outcome = applyMail(record, cancellation('m2', '2023-11-25T10:00:00+01:00'), DECIDED);
    record = outcome.record;
    expect(outcome.skipped.map((s) => s.reason)).toEqual(['not-registered']);
    expect(record.ledger[0]?.cancelledAt).toBeNull();
  });

  it('is idempotent: a mail already decided changes nothing', () => {
    const once = applyMail(emptyRegistrationRecord(), registration('m1', '2023-11-20T09:00:00+01:00'), DECIDED);
    const twice = applyMail(
      once.record,
      registration('m1', '2023-11-20T09:00:00+01:00', [anna, bo]),
      '2023-12-12T09:00:00+01:00',
    );
    expect(twice).toEqual({ record: once.record, added: [], cancelled: [], skipped: [] });
    expect(twice.record).toBe(once.record);
    const dismissed = dismissMail(emptyRegistrationRecord(), 'm1', DECIDED);
    expect(applyMail(dismissed, registration('m1', '2023-11-20T09:00:00+01:00'), DECIDED).record).toBe(dismissed);
  });

  it('refuses a mistyped address, an unreadable time and a deleted ledger, changing nothing', () => {
    const record = emptyRegistrationRecord();
    const attempts = [
      () => applyMail(record, registration('m1', '2023-11-20T09:00:00+01:00', [anna, { ...bo, email: 'bo@lsu' }]), DECIDED),
      () => applyMail(record, registration('m1', 'yesterday'), DECIDED),
      () => applyMail(record, registration('m1', '2023-11-20T09:00:00+01:00'), 'now'),
      () => applyMail(record, registration('', '2023-11-20T09:00:00+01:00'), DECIDED),
      () =>
        applyMail(
          { ...record, purged: { at: '2024-03-12T00:00:00+01:00', people: 1, organisations: [] } },
          registration('m1', '2023-11-20T09:00:00+01:00'),
          DECIDED,
        ),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow();
      try {
        attempt();
      } catch (error) {
        expect(isSamradError(error)).toBe(true);
      }
    }
    expect(record).toEqual(emptyRegistrationRecord());
  });
});

describe('dismissMail and undecidedEntries', () => {
  const inbox: InboxTriage = {
    entries: [
      inboxEntry({ mailId: 'm1', receivedAt: '2023-11-20T09:00:00Z', kind: 'registration', people: [person(anna)] }),
      inboxEntry({ mailId: 'm2', receivedAt: '2023-11-21T09:00:00Z', kind: 'other', people: [] }),
      inboxEntry({ mailId: 'm3', receivedAt: '2023-11-22T09:00:00Z', kind: 'question', people: [] }),
    ],
    domainOrganisations: new Map(),
  };

  it('records a dismissal once; the mail is then decided', () => {
    const record = dismissMail(emptyRegistrationRecord(), 'm2', DECIDED);
    expect(record.mailDecisions).toEqual([{ id: decisionIdOf('m2'), mailId: 'm2', outcome: 'dismissed', decidedAt: DECIDED }]);
    expect(dismissMail(record, 'm2', '2023-12-12T09:00:00+01:00')).toBe(record);
    expect(undecidedEntries(record, inbox).map((e) => e.result.mailId)).toEqual(['m1', 'm3']);
    const applied = applyMail(record, registration('m1', '2023-11-20T09:00:00Z'), DECIDED).record;
    expect(undecidedEntries(applied, inbox).map((e) => e.result.mailId)).toEqual(['m3']);
  });

  it('refuses an empty mail id and an unreadable time', () => {
    expect(() => dismissMail(emptyRegistrationRecord(), ' ', DECIDED)).toThrow(/no id/);
    expect(() => dismissMail(emptyRegistrationRecord(), 'm1', '2023-12-11')).toThrow(/Invalid date/);
  });
});

describe('applySureMails on a hand-made inbox', () => {
  const cecilia = { name: 'Cecilia Ås', email: 'cecilia@famna.example', organisation: 'Famna' };
  const entries: InboxEntry[] = [
    inboxEntry({ mailId: 'sure-anna', receivedAt: '2023-11-20T09:00:00Z', kind: 'registration', people: [person(anna)] }),
    inboxEntry({
      mailId: 'review-bo',
      receivedAt: '2023-11-20T10:00:00Z',
      kind: 'registration',
      people: [person(bo)],
      needsReview: true,
    }),
    inboxEntry({
      mailId: 'no-address',
      receivedAt: '2023-11-20T11:00:00Z',
      kind: 'registration',
      people: [person({ ...cecilia, email: null })],
    }),
    inboxEntry({
      mailId: 'sure-cecilia',
      receivedAt: '2023-11-20T12:00:00Z',
      kind: 'registration',
      people: [person(cecilia)],
      asksQuestion: true,
    }),
    inboxEntry({ mailId: 'question', receivedAt: '2023-11-21T09:00:00Z', kind: 'question', people: [] }),
    inboxEntry({ mailId: 'ooo', receivedAt: '2023-11-21T10:00:00Z', kind: 'automatic-reply', people: [] }),
    inboxEntry({ mailId: 'spam', receivedAt: '2023-11-21T11:00:00Z', kind: 'other', people: [] }),
    inboxEntry({ mailId: 'unsure-other', receivedAt: '2023-11-21T12:00:00Z', kind: 'other', people: [], needsReview: true }),
    // Cancels Bo, whose registration waits for review: applied now, it would find nobody and be lost.
    // Bo's later mails wait as well, so his mails enter the ledger in order of arrival.
    inboxEntry({
      mailId: 'cancel-bo',
      receivedAt: '2023-11-22T09:00:00Z',
      kind: 'cancellation',
      people: [person(bo)],
      hints: [{ kind: 'cancels', email: 'bo@lsu.example', registrationMailId: 'review-bo' }],
    }),
    inboxEntry({
      mailId: 'cancel-anna',
      receivedAt: '2023-11-23T09:00:00Z',
      kind: 'cancellation',
      people: [person(anna)],
      hints: [{ kind: 'cancels', email: 'anna@bris.example', registrationMailId: 'sure-anna' }],
    }),
  ];
  const inbox: InboxTriage = {
    entries,
    domainOrganisations: new Map([
      ['lsu.example', 'LSU'],
      ['bris.example', 'Bris (from the mails)'],
    ]),
  };
  const start: RegistrationRecord = { ...emptyRegistrationRecord(), organisationDomains: { 'bris.example': 'Bris' } };
  const outcome = applySureMails(start, inbox, DECIDED);
  const ids = (list: readonly InboxEntry[]): string[] => list.map((e) => e.result.mailId);

  it('applies the sure registrations and cancellations in order of arrival', () => {
    expect(outcome.applied).toBe(3);
    expect(outcome.added.map((e) => e.email)).toEqual(['anna@bris.example', 'cecilia@famna.example']);
    expect(outcome.cancelled.map((e) => [e.email, e.cancelledAt])).toEqual([['anna@bris.example', '2023-11-23T09:00:00Z']]);
    expect(outcome.record.mailDecisions.map((d) => d.mailId)).toEqual(['sure-anna', 'sure-cecilia', 'cancel-anna']);
  });

  it('sorts the rest for the organiser: to review, questions, automatic replies, other', () => {
    expect(ids(outcome.toReview)).toEqual(['review-bo', 'no-address', 'unsure-other', 'cancel-bo']);
    expect(outcome.heldMailIds).toEqual(['cancel-bo']);
    expect(ids(outcome.questions)).toEqual(['sure-cecilia', 'question']);
    expect(ids(outcome.automaticReplies)).toEqual(['ooo']);
    expect(ids(outcome.other)).toEqual(['spam']);
  });

  it('learns new domains without overwriting what the record already says', () => {
    expect(outcome.record.organisationDomains).toEqual({ 'bris.example': 'Bris', 'lsu.example': 'LSU' });
  });

  it('lets the held-back cancellation take effect once its registration is confirmed', () => {
    const confirmed = applyMail(outcome.record, registration('review-bo', '2023-11-20T10:00:00Z', [bo]), DECIDED);
    const again = applySureMails(confirmed.record, inbox, DECIDED);
    expect(again.applied).toBe(1);
    expect(again.cancelled.map((e) => e.email)).toEqual(['bo@lsu.example']);
    expect(statuses(again.record).totals).toMatchObject({ received: 1, cancelled: 2 });
  });

  it('changes nothing when run again on the same inbox', () => {
    const again = applySureMails(outcome.record, inbox, '2023-12-12T09:00:00+01:00');
    expect(again.record).toBe(outcome.record);
    expect(again.applied).toBe(0);
    expect(ids(again.toReview)).toEqual(ids(outcome.toReview));
  });

  it('leaves the dismissed questions out', () => {
    const dismissed = dismissMail(outcome.record, 'question', DECIDED);
    expect(ids(applySureMails(dismissed, inbox, DECIDED).questions)).toEqual(['sure-cecilia']);
  });

  it('refuses to add people to a ledger retention has deleted', () => {
    const purged = { ...start, purged: { at: '2024-03-12T00:00:00+01:00', people: 1, organisations: [] } };
    expect(() => applySureMails(purged, inbox, DECIDED)).toThrow(/deleted/);
  });
});

describe('applySureMails on the seeded inbox', () => {
  const inbox = triageMails(SEED_MAILS, SEED_CONTEXT);
  const sure = applySureMails(emptyRegistrationRecord(), inbox, DECIDED);

  /** The organiser confirms every mail to review as the triage proposes it, oldest first. */
  function confirmAsProposed(start: RegistrationRecord, toReview: readonly InboxEntry[]): RegistrationRecord {
    let record = start;
    for (const { result } of toReview) {
      if (result.kind !== 'registration' && result.kind !== 'cancellation') continue;
      const { mailId, receivedAt, kind, people } = result;
      record = applyMail(record, { mailId, receivedAt, kind, people }, DECIDED).record;
    }
    return record;
  }

  it('applies the sure mails, holding back the cancellation of a person registered in a mail under review', () => {
    // 37 sure registration mails (one of them Johan Nyström's duplicate) and 2 of the 3 cancellations.
    expect(sure.applied).toBe(39);
    expect(sure.added).toHaveLength(36);
    expect(sure.skipped).toEqual([expect.objectContaining({ email: 'johan.nystrom@skr.example', reason: 'already-registered' })]);
    expect(sure.cancelled.map((e) => e.email).sort()).toEqual([
      'axel.berglund@wikimedia-sverige.example',
      'ingrid.sandberg@transparency-sverige.example',
    ]);
    // The forward, the mail registering two people, and Karin Ek's cancellation (she is in that mail).
    expect(sure.toReview.map((e) => [e.result.kind, e.result.people.map((p) => p.email)])).toEqual([
      ['registration', ['mikael.strand@socialforum.example', 'karin.ek@socialforum.example']],
      ['registration', ['lina.holm@naturskyddsforeningen.example']],
      ['cancellation', ['karin.ek@socialforum.example']],
    ]);
    expect(sure.heldMailIds).toEqual([sure.toReview[2]?.result.mailId]);
    expect(sure.questions).toHaveLength(2);
    expect(sure.automaticReplies).toHaveLength(2);
    expect(sure.other).toEqual([]);
    expect(sure.record.organisationDomains['okfn-sverige.example']).toBe('Open Knowledge Sverige');
  });

  it('after confirming the mails to review: 39 registered, 3 cancelled, 36 to invite', () => {
    const record = confirmAsProposed(sure.record, sure.toReview);
    expect(record.ledger).toHaveLength(39);
    expect(record.mailDecisions).toHaveLength(42);
    expect(
      undecidedEntries(record, inbox)
        .map((e) => e.result.kind)
        .sort(),
    ).toEqual(['automatic-reply', 'automatic-reply', 'question', 'question']);
    // The seed's invitation gives no capacity: everyone who stands is received, nobody waits.
    const reconciliation = statuses(record);
    expect(reconciliation.people).toHaveLength(39);
    expect(reconciliation.registered).toBe(36);
    expect(reconciliation.totals).toEqual({
      received: 36,
      invited: 0,
      accepted: 0,
      tentative: 0,
      declined: 0,
      cancelled: 3,
      waitlisted: 0,
    });
    expect(
      reconciliation.people
        .filter((p) => p.status === 'cancelled')
        .map((p) => p.email)
        .sort(),
    ).toEqual([
      'axel.berglund@wikimedia-sverige.example',
      'ingrid.sandberg@transparency-sverige.example',
      'karin.ek@socialforum.example',
    ]);
    // With 30 seats and a waitlist, the last six to register wait, in order of arrival.
    const limited = statuses(record, 30, true);
    expect(limited.totals).toMatchObject({ received: 30, waitlisted: 6, cancelled: 3 });
    expect(limited.waitlist.map((p) => p.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
