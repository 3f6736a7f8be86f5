/**
 * Registration triage of 1,000 mails: the seed's 46 registration mails (mapped by the production Graph mapper)
 * repeated with distinct ids, triaged as one inbox with the seed's organisations as the known list.
 */
import { SEED_MEETING_START_ISO, seedRegistrationMails } from '../sandbox/seed/mails';
import { SEED_ORGANISATIONS, SEED_ORGANISER, SEED_PEOPLE } from '../sandbox/seed/people';
import type { IncomingMail } from '../src/core/ports/registrationMail';
import { triageMails, type TriageContext } from '../src/core/registration/triage';
import { toIncomingMail } from '../src/graph/mappers/message';

const MAILS = 1_000;
const RUNS = 5;

export function benchTriage(print: (line: string) => void): void {
  const seed = seedRegistrationMails(SEED_ORGANISER, SEED_PEOPLE, SEED_MEETING_START_ISO).map(toIncomingMail);
  const inbox: IncomingMail[] = Array.from({ length: MAILS }, (_, i) => {
    const mail = seed[i % seed.length];
    if (mail === undefined) throw new Error('The seed has no registration mails.');
    return { ...mail, id: `${mail.id}-${i}`, internetMessageId: null };
  });
  const context: TriageContext = {
    registrationAddress: SEED_ORGANISER.mail,
    knownOrganisations: Object.values(SEED_ORGANISATIONS).map((o) => o.name),
  };
  triageMails(inbox.slice(0, 50), context); // warm-up
  const times: number[] = [];
  let review = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = triageMails(inbox, context);
    times.push(performance.now() - started);
    review = result.entries.filter((e) => e.needsReview).length;
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
  print(`  triage ${MAILS} mails as one inbox: ${median.toFixed(0)} ms (median of ${RUNS}); ${review} to review`);
}
