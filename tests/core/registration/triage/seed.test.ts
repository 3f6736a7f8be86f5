/**
 * The triage measured against the seeded inbox's answer key (sandbox/seed/mails.ts): 46 mails written every which
 * way, with traps. Every mail must come out exactly as the key says or be marked for review — never wrong and
 * confident. The accuracy per kind is printed for the record.
 */
import { describe, expect, it } from 'vitest';
import { triageMail, triageMails, type InboxEntry, type TriageResult } from '../../../../src/core/registration/triage';
import { SEED_MAIL_EXPECTATIONS } from '../../../../sandbox/seed/mails';
import { compare, EXPECTED_BY_ID, SEED_CONTEXT, SEED_MAILS } from './seedSupport';

function expectationOf(result: TriageResult): NonNullable<ReturnType<typeof EXPECTED_BY_ID.get>> {
  const expectation = EXPECTED_BY_ID.get(result.mailId);
  if (expectation === undefined) throw new Error(`no expectation for ${result.mailId}`);
  return expectation;
}

function accuracyReport(label: string, results: readonly TriageResult[]): Map<string, { exact: number; total: number }> {
  const perKind = new Map<string, { exact: number; total: number }>();
  for (const result of results) {
    const expectation = expectationOf(result);
    const tally = perKind.get(expectation.kind) ?? { exact: 0, total: 0 };
    tally.total += 1;
    if (compare(result, expectation).exact) tally.exact += 1;
    perKind.set(expectation.kind, tally);
  }
  const parts = [...perKind].map(([kind, { exact, total }]) => `${kind} ${exact}/${total}`);
  const exact = [...perKind.values()].reduce((a, b) => a + b.exact, 0);
  process.stdout.write(
    `seed triage (${label}): ${exact}/${results.length} exact — ${parts.join(', ')}; ${results.filter((r) => r.needsReview).length} to review\n`,
  );
  return perKind;
}

describe('triage of the seeded inbox against its answer key', () => {
  const inbox = triageMails(SEED_MAILS, SEED_CONTEXT);
  const results = inbox.entries.map((e) => e.result);

  it('covers every seeded mail once', () => {
    expect(SEED_MAILS).toHaveLength(46);
    expect(new Set(results.map((r) => r.mailId))).toEqual(new Set(SEED_MAIL_EXPECTATIONS.map((e) => e.mailId)));
  });

  it('is never wrong and confident: each mail is exactly as the key says, or marked for review', () => {
    const wrongAndConfident = results
      .map((result) => ({ result, comparison: compare(result, expectationOf(result)) }))
      .filter(({ result, comparison }) => !comparison.exact && !result.needsReview)
      .map(({ result, comparison }) => `${expectationOf(result).trap ?? result.mailId}: ${comparison.differences.join('; ')}`);
    expect(wrongAndConfident).toEqual([]);
  });

  it('gets every kind and every person right, with the consultation’s organisations', () => {
    const perKind = accuracyReport('inbox, known organisations', results);
    for (const [kind, { exact, total }] of perKind) expect({ kind, exact }).toEqual({ kind, exact: total });
  });

  it('sends to review exactly the forward and the mail that registers two people', () => {
    const reviewed = results.filter((r) => r.needsReview).map((r) => expectationOf(r));
    expect(reviewed.map((e) => e.kind).sort()).toEqual(['forwarded-registration', 'registration']);
    expect(reviewed.find((e) => e.kind === 'registration')?.people).toHaveLength(2);
    const forward = results.find((r) => expectationOf(r).kind === 'forwarded-registration');
    expect(forward?.reviewReasons).toContain('forwarded');
    expect(forward?.forwarded).toBe(true);
  });

  it('triaged one by one (nothing learnt from the other mails), still exact', () => {
    const single = SEED_MAILS.map((mail) => triageMail(mail, SEED_CONTEXT));
    accuracyReport('one by one, known organisations', single);
    expect(single.filter((r) => !compare(r, expectationOf(r)).exact)).toEqual([]);
  });

  it('without any list of organisations: every kind, name and address right; organisations as written or from the domain', () => {
    const bare = triageMails(SEED_MAILS, { registrationAddress: SEED_CONTEXT.registrationAddress }).entries.map((e) => e.result);
    accuracyReport('inbox, no list of organisations', bare);
    for (const result of bare) {
      const expectation = expectationOf(result);
      expect(compare(result, expectation).kindRight).toBe(true);
      expect(result.people.map((p) => [p.name, p.email])).toEqual(expectation.people.map((p) => [p.name, p.email]));
    }
  });

  it('learns the domains of the organisations from the mails themselves', () => {
    expect(inbox.domainOrganisations.get('okfn-sverige.example')).toBe('Open Knowledge Sverige');
    expect(inbox.domainOrganisations.get('sjf.example')).toBe('Journalistförbundet');
    expect(inbox.domainOrganisations.get('socialforum.example')).toBe('Forum – idéburna organisationer med social inriktning');
    // A free mail provider's domain never stands for an organisation.
    expect(inbox.domainOrganisations.has('gmail.example')).toBe(false);
  });

  describe('dedupe hints', () => {
    const byKey = (entries: readonly InboxEntry[], kind: string): InboxEntry[] =>
      entries.filter((e) => expectationOf(e.result).kind === kind || e.hints.some((h) => h.kind === kind));

    it('marks Johan Nyström’s second registration (address in other case) as a duplicate of the first', () => {
      const duplicates = inbox.entries.flatMap((e) =>
        e.hints.filter((h) => h.kind === 'duplicate').map((h) => ({ mailId: e.result.mailId, hint: h })),
      );
      expect(duplicates).toHaveLength(1);
      const [duplicate] = duplicates;
      expect(duplicate?.hint).toMatchObject({ kind: 'duplicate', email: 'johan.nystrom@skr.example' });
      const earlier = results.find(
        (r) => r.mailId === (duplicate?.hint.kind === 'duplicate' ? duplicate.hint.earlierMailId : ''),
      );
      const later = results.find((r) => r.mailId === duplicate?.mailId);
      expect(earlier?.people[0]?.name).toBe('Johan Nyström');
      expect((earlier?.receivedAt ?? '') < (later?.receivedAt ?? '')).toBe(true);
    });

    it('matches each cancellation to the registration it withdraws, including one made by a colleague', () => {
      const cancellations = byKey(inbox.entries, 'cancellation');
      expect(cancellations).toHaveLength(3);
      for (const entry of cancellations) {
        const [hint] = entry.hints;
        expect(hint?.kind).toBe('cancels');
        if (hint?.kind !== 'cancels') continue;
        const registration = results.find((r) => r.mailId === hint.registrationMailId);
        expect(registration?.kind).toBe('registration');
        expect(registration?.people.map((p) => p.email)).toContain(hint.email);
      }
    });

    it('leaves 39 registered people of whom 3 cancel: 36 to invite, as the walkthrough says', () => {
      const registered = new Set(results.filter((r) => r.kind === 'registration').flatMap((r) => r.people.map((p) => p.email)));
      const cancelled = new Set(results.filter((r) => r.kind === 'cancellation').flatMap((r) => r.people.map((p) => p.email)));
      expect(registered.size).toBe(39);
      expect(cancelled.size).toBe(3);
      expect([...registered].filter((e) => !cancelled.has(e))).toHaveLength(36);
    });
  });

  it('keeps the hostile HTML mail’s payloads out of every output (script, onerror, javascript: link)', () => {
    const hostile = results.find((r) => /Hostile HTML/.test(expectationOf(r).trap ?? ''));
    expect(hostile?.kind).toBe('registration');
    const output = JSON.stringify(hostile);
    for (const payload of ['<script', 'onerror', 'javascript:', 'document.cookie', 'alert('])
      expect(output).not.toContain(payload);
  });

  it('says why in both languages, short', () => {
    for (const result of results) {
      expect(result.reason.sv.length).toBeGreaterThan(10);
      expect(result.reason.en.length).toBeGreaterThan(10);
      expect(result.reason.en.length).toBeLessThan(260);
    }
    const sofia = results.find((r) => r.people[0]?.name === 'Sofia Lindqvist');
    expect(sofia?.reason).toEqual({
      sv: 'Anmälan: texten säger ”anmäler mig”.',
      en: 'Registration: the text says "anmäler mig".',
    });
  });
});
