/**
 * The triage on the written fixtures (tests/fixtures/mails): another consultation's mails, in Swedish and English,
 * with the expected kind, people and review for each. The accuracy per kind is printed for the record.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { triageMail, type TriageContext } from '../../../../src/core/registration/triage';
import {
  FIXTURE_ORGANISATIONS,
  FIXTURE_REGISTRATION_ADDRESS,
  MAIL_FIXTURES,
  type MailFixture,
} from '../../../fixtures/mails/registrationMails';

function contextFor(fixture: MailFixture): TriageContext {
  return fixture.withoutKnownList === true
    ? { registrationAddress: FIXTURE_REGISTRATION_ADDRESS }
    : { registrationAddress: FIXTURE_REGISTRATION_ADDRESS, knownOrganisations: FIXTURE_ORGANISATIONS };
}

const tally = new Map<string, { right: number; total: number }>();

describe('triage of the written fixtures', () => {
  afterAll(() => {
    const parts = [...tally].map(([kind, { right, total }]) => `${kind} ${right}/${total}`);
    const right = [...tally.values()].reduce((a, b) => a + b.right, 0);
    process.stdout.write(`fixture triage: ${right}/${MAIL_FIXTURES.length} as expected — ${parts.join(', ')}\n`);
  });

  it('has at least 40 mails, in Swedish and in English, of every kind', () => {
    expect(MAIL_FIXTURES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MAIL_FIXTURES.map((f) => f.expected.kind))).toEqual(
      new Set(['registration', 'cancellation', 'question', 'automatic-reply', 'other']),
    );
    expect(MAIL_FIXTURES.filter((f) => /^en|English/.test(f.name)).length).toBeGreaterThanOrEqual(5);
    expect(MAIL_FIXTURES.filter((f) => f.expected.forwarded === true).length).toBeGreaterThanOrEqual(4);
    expect(MAIL_FIXTURES.filter((f) => f.expected.people.length > 1).length).toBeGreaterThanOrEqual(4);
  });

  it.each(MAIL_FIXTURES.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    const result = triageMail(fixture.mail, contextFor(fixture));
    const { expected } = fixture;
    const actual = {
      kind: result.kind,
      people: result.people.map((p) => ({ name: p.name, email: p.email, organisation: p.organisation })),
      needsReview: result.needsReview,
      forwarded: result.forwarded,
      asksQuestion: result.asksQuestion,
    };
    const counts = tally.get(expected.kind) ?? { right: 0, total: 0 };
    counts.total += 1;
    tally.set(expected.kind, counts);
    expect(actual, result.reason.en).toEqual({
      kind: expected.kind,
      people: expected.people,
      needsReview: expected.needsReview,
      forwarded: expected.forwarded ?? false,
      asksQuestion: expected.asksQuestion ?? false,
    });
    for (const reason of expected.reviewReasons ?? []) expect(result.reviewReasons).toContain(reason);
    // Never wrong and confident, and never anything but text.
    expect(JSON.stringify(result)).not.toMatch(/<|onerror|onload|onmouseover|javascript:/);
    counts.right += 1;
  });
});
