/**
 * The triage of a whole inbox: the order of the result (by receivedAt, whatever order the mails came in), the
 * dedupe hints (duplicates, cancellations matched to registrations, re-registrations, the same name at another
 * address, the same message twice) and the domains learnt from the mails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncomingMail } from '../../../../src/core/ports/registrationMail';
import { triageMails, type InboxHint, type TriageContext } from '../../../../src/core/registration/triage';
import { FIXTURE_ORGANISATIONS, FIXTURE_REGISTRATION_ADDRESS, MAIL_FIXTURES } from '../../../fixtures/mails/registrationMails';
import { SEED_CONTEXT, SEED_MAILS } from './seedSupport';

const CONTEXT: TriageContext = { registrationAddress: FIXTURE_REGISTRATION_ADDRESS, knownOrganisations: FIXTURE_ORGANISATIONS };

let serial = 0;
function mail(
  from: readonly [string, string],
  receivedAt: string,
  subject: string,
  text: string,
  extra: Partial<IncomingMail> = {},
): IncomingMail {
  serial += 1;
  return {
    id: `inbox-${serial}`,
    internetMessageId: `<inbox-${serial}@mail.example>`,
    conversationId: null,
    receivedAt,
    from: { name: from[0], email: from[1] },
    replyTo: [],
    subject,
    bodyText: text,
    bodyHtml: null,
    hasAttachments: false,
    autoSubmitted: null,
    ...extra,
  };
}

const hintKinds = (hints: readonly InboxHint[]): string[] => hints.map((h) => h.kind);

describe('triageMails', () => {
  const anna = ['Anna Berg', 'anna.berg@bris.example'] as const;
  const first = mail(anna, '2024-03-01T09:00:00+01:00', 'Anmälan', 'Jag anmäler mig.\n\nMvh\nAnna Berg');
  const again = mail(
    ['Anna Berg', 'Anna.Berg@BRIS.example'],
    '2024-03-02T09:00:00+01:00',
    'Anmälan igen',
    'Jag anmäler mig igen, osäker på om det kom fram.\n/Anna',
  );
  const cancel = mail(anna, '2024-03-03T09:00:00+01:00', 'Avanmälan', 'Jag avanmäler mig.\n/Anna');
  const back = mail(anna, '2024-03-04T09:00:00+01:00', 'Anmälan', 'Jag kan ändå! Jag anmäler mig igen.\n/Anna');
  const stranger = mail(
    ['Bo Ek', 'bo.ek@pro.example'],
    '2024-03-02T10:00:00Z',
    'Återbud',
    'Jag måste tyvärr lämna återbud.\n/Bo',
  );
  const namesake = mail(
    ['Anna Berg', 'anna.berg@gmail.example'],
    '2024-03-05T09:00:00Z',
    'Anmälan',
    'Jag vill delta.\n/Anna Berg',
  );

  it('returns the mails sorted by when they were received, whatever order they came in', () => {
    const { entries } = triageMails([namesake, back, stranger, cancel, again, first], CONTEXT);
    expect(entries.map((e) => e.result.mailId)).toEqual([first, again, stranger, cancel, back, namesake].map((m) => m.id));
  });

  it('marks a second registration of the same address (in any case) as a duplicate of the first', () => {
    const { entries } = triageMails([again, first], CONTEXT);
    expect(hintKinds(entries[0]?.hints ?? [])).toEqual([]);
    expect(entries[1]?.hints).toMatchObject([{ kind: 'duplicate', email: 'anna.berg@bris.example', earlierMailId: first.id }]);
    const [hint] = entries[1]?.hints ?? [];
    expect(hint?.reason.sv).toMatch(/dubblett/);
    expect(hint?.reason.en).toMatch(/duplicate/);
    expect(entries[1]?.needsReview).toBe(false);
  });

  it('matches a cancellation to the earlier registration, and notes a registration after it', () => {
    const { entries } = triageMails([first, again, cancel, back], CONTEXT);
    const [, , cancelled, registeredAgain] = entries;
    expect(cancelled?.hints).toMatchObject([{ kind: 'cancels', email: 'anna.berg@bris.example', registrationMailId: first.id }]);
    expect(registeredAgain?.hints).toMatchObject([
      { kind: 're-registers', email: 'anna.berg@bris.example', cancellationMailId: cancel.id },
    ]);
  });

  it('sends a cancellation with no registration among the mails to review', () => {
    const { entries } = triageMails([stranger], CONTEXT);
    expect(entries[0]?.result.kind).toBe('cancellation');
    expect(entries[0]?.result.needsReview).toBe(false);
    expect(hintKinds(entries[0]?.hints ?? [])).toEqual(['cancels-unregistered']);
    expect(entries[0]?.needsReview).toBe(true);
  });

  it('sends the same name at another address to review: it may be the same person', () => {
    const { entries } = triageMails([first, namesake], CONTEXT);
    expect(entries[1]?.hints).toMatchObject([
      { kind: 'same-name', email: 'anna.berg@gmail.example', otherEmail: 'anna.berg@bris.example', otherMailId: first.id },
    ]);
    expect(entries[1]?.needsReview).toBe(true);
  });

  it('recognises the same message read twice (another mailbox, the same Message-ID) and counts it once', () => {
    const copy = { ...first, id: 'shared-mailbox-copy' };
    const { entries } = triageMails([copy, first, again], CONTEXT);
    const copies = entries.filter((e) => e.hints.some((h) => h.kind === 'same-mail'));
    expect(copies).toHaveLength(1);
    // The copy does not make the next registration a duplicate of itself: only the first counts.
    const duplicate = entries.find((e) => e.result.mailId === again.id)?.hints[0];
    expect(duplicate?.kind).toBe('duplicate');
  });

  it('sorts a mail with an unreadable time after the others instead of failing', () => {
    const broken = { ...first, id: 'broken-time', internetMessageId: null, receivedAt: 'yesterday' };
    const { entries } = triageMails([broken, again], CONTEXT);
    expect(entries.map((e) => e.result.mailId)).toEqual([again.id, 'broken-time']);
  });

  it('learns a domain from a signature and uses it for a colleague who did not sign', () => {
    const signed = mail(
      ['Kim Ny', 'kim.ny@nyaforeningen-x.example'],
      '2024-03-01T08:00:00Z',
      'Anmälan',
      'Jag anmäler mig.\n\nMvh\nKim Ny\nFöreningen Nya Röster',
    );
    const unsigned = mail(['Li Ny', 'li.ny@nyaforeningen-x.example'], '2024-03-01T09:00:00Z', 'Anmälan', 'Jag anmäler mig.');
    const { entries, domainOrganisations } = triageMails([unsigned, signed], { registrationAddress: null });
    expect(domainOrganisations.get('nyaforeningen-x.example')).toBe('Föreningen Nya Röster');
    expect(entries[1]?.result.people[0]).toMatchObject({
      name: 'Li Ny',
      organisation: 'Föreningen Nya Röster',
      organisationSource: 'domain',
    });
  });

  it('keeps the domains it was given, and adds what it learns', () => {
    const given = new Map([['pro.example', 'Pensionärernas riksorganisation (PRO)']]);
    const signed = mail(
      ['Kim Ny', 'kim.ny@nyaforeningen-x.example'],
      '2024-03-01T08:00:00Z',
      'Anmälan',
      'Jag anmäler mig.\n\nMvh\nKim Ny\nFöreningen Nya Röster',
    );
    const { domainOrganisations } = triageMails([signed], { ...CONTEXT, domainOrganisations: given });
    expect(domainOrganisations.get('pro.example')).toBe('Pensionärernas riksorganisation (PRO)');
    expect(domainOrganisations.get('nyaforeningen-x.example')).toBe('Föreningen Nya Röster');
  });

  it('does not learn a domain whose mails disagree', () => {
    const a = mail(
      ['Kim Ny', 'kim@shared-x.example'],
      '2024-03-01T08:00:00Z',
      'Anmälan',
      'Jag anmäler mig.\n\nMvh\nKim Ny\nFöreningen Ett',
    );
    const b = mail(
      ['Li Ny', 'li@shared-x.example'],
      '2024-03-01T09:00:00Z',
      'Anmälan',
      'Jag anmäler mig.\n\nMvh\nLi Ny\nFöreningen Två',
    );
    expect(triageMails([a, b], { registrationAddress: null }).domainOrganisations.has('shared-x.example')).toBe(false);
  });

  it('gives the same result for any order of the same mails (property)', () => {
    const mails = [
      ...SEED_MAILS.slice(0, 24),
      ...MAIL_FIXTURES.slice(0, 24).map((f) => f.mail),
      first,
      again,
      cancel,
      back,
      namesake,
    ];
    const reference = triageMails(mails, SEED_CONTEXT);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: mails.length, maxLength: mails.length }), (keys) => {
        const shuffled = mails
          .map((m, i) => ({ m, k: keys[i] ?? 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.m);
        const result = triageMails(shuffled, SEED_CONTEXT);
        expect(result.entries).toEqual(reference.entries);
        expect([...result.domainOrganisations].sort()).toEqual([...reference.domainOrganisations].sort());
      }),
      { numRuns: 15, seed: 20240306 },
    );
  });
});
