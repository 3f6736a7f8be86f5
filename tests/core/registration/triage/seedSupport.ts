/**
 * The seeded inbox as the triage sees it (Graph messages mapped by the production mapper) and the comparison of a
 * triage result with the seed's answer key.
 */
import { toIncomingMail } from '../../../../src/graph/mappers/message';
import type { IncomingMail } from '../../../../src/core/ports/registrationMail';
import type { TriageContext, TriageKind, TriageResult } from '../../../../src/core/registration/triage';
import {
  SEED_MAIL_EXPECTATIONS,
  SEED_MEETING_START_ISO,
  seedRegistrationMails,
  type SeedMailExpectation,
} from '../../../../sandbox/seed/mails';
import { SEED_ORGANISATIONS, SEED_ORGANISER, SEED_PEOPLE } from '../../../../sandbox/seed/people';

export const SEED_MAILS: readonly IncomingMail[] = seedRegistrationMails(SEED_ORGANISER, SEED_PEOPLE, SEED_MEETING_START_ISO).map(
  toIncomingMail,
);

/** What the consultation knows in the seed case: the organisations it invited, by their canonical names. */
export const SEED_CONTEXT: TriageContext = {
  registrationAddress: SEED_ORGANISER.mail,
  knownOrganisations: Object.values(SEED_ORGANISATIONS).map((o) => o.name),
};

export const EXPECTED_BY_ID: ReadonlyMap<string, SeedMailExpectation> = new Map(SEED_MAIL_EXPECTATIONS.map((e) => [e.mailId, e]));

/** The answer key's kinds in the triage's vocabulary: a forwarded registration is a registration read from a forward. */
export function expectedKind(expectation: SeedMailExpectation): TriageKind {
  return expectation.kind === 'forwarded-registration' ? 'registration' : expectation.kind;
}

export interface Comparison {
  readonly kindRight: boolean;
  readonly peopleRight: boolean;
  /** Names, addresses and organisations as the key has them. */
  readonly exact: boolean;
  readonly differences: readonly string[];
}

export function compare(result: TriageResult, expectation: SeedMailExpectation): Comparison {
  const differences: string[] = [];
  const kindRight =
    result.kind === expectedKind(expectation) && result.forwarded === (expectation.kind === 'forwarded-registration');
  if (!kindRight) differences.push(`kind ${result.kind}${result.forwarded ? ' (forwarded)' : ''} ≠ ${expectation.kind}`);
  const got = result.people.map((p) => `${p.name} <${p.email ?? '—'}> ${p.organisation ?? '—'}`);
  const want = expectation.people.map((p) => `${p.name} <${p.email}> ${p.organisation}`);
  const peopleRight = got.length === want.length && got.every((g, i) => g === want[i]);
  if (!peopleRight) differences.push(`people [${got.join('; ')}] ≠ [${want.join('; ')}]`);
  return { kindRight, peopleRight, exact: kindRight && peopleRight, differences };
}
