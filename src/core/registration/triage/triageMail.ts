/**
 * One mail's triage: what it is, whom it registers or cancels, how sure that is and why. The steps are in their
 * own modules (text, forwarded, signature, classify, decide, people, registrants, organisations); this one puts
 * them in order: a mail from the organiser's side is never a registration; otherwise the sender's own text decides
 * (decide.ts), and a forward with no word of the forwarder's own is read from the forwarded mail. Anything
 * uncertain goes to review, with the reasons.
 */
import { normaliseEmail } from '../email';
import type { IncomingMail } from '../../ports/registrationMail';
import { readSubject } from './classify';
import { decideAutomatic, decideFromText, speaks, type Decision } from './decide';
import { splitQuoted } from './forwarded';
import { organisationDirectory, type OrganisationDirectory } from './organisations';
import { describeTriage } from './reasons';
import { peopleCancelledByOthers, peopleOfForward, peopleOfOwnText, read, type Reading } from './registrants';
import { bodyLines, normaliseText } from './text';
import type { ReviewReason, TriageContext, TriagePerson, TriageResult } from './types';

/** Below this, a result goes to review whatever else is true of it. */
export const REVIEW_THRESHOLD = 0.7;
const MAX_SUBJECT = 1_000;

/** Triage with a directory the caller keeps (triageMails compiles it once for the whole inbox). */
export function triageWithDirectory(mail: IncomingMail, context: TriageContext, directory: OrganisationDirectory): TriageResult {
  const ownSide = new Set(
    [context.registrationAddress, ...(context.ownAddresses ?? [])]
      .map((a) => (a === null ? null : normaliseEmail(a)))
      .filter((a): a is string => a !== null),
  );
  const isOwnSide = (email: string): boolean => ownSide.has(normaliseEmail(email) ?? email);
  const subject = readSubject(normaliseText(mail.subject.slice(0, MAX_SUBJECT)));
  const body = bodyLines(mail);
  const parts = splitQuoted(body.lines, subject.forward, isOwnSide);
  const own = read(parts.own, directory);
  const senderEmail = normaliseEmail(mail.from?.email ?? '');

  let decision: Decision;
  let forwardReading: Reading | null = null;
  if (senderEmail !== null && isOwnSide(senderEmail)) {
    decision = { kind: 'other', confidence: 0.95, basis: { kind: 'own-side' }, review: [], fromForward: false };
  } else {
    decision = decideAutomatic(mail, subject, own.signals) ?? decideFromText(own.signals, subject, own.text);
    // A forward whose sender says nothing of their own: the forwarded mail is the registration (or cancellation).
    if (parts.forwarded !== null && decision.kind !== 'automatic-reply' && !speaks(own.signals)) {
      forwardReading = read(parts.forwarded.lines, directory);
      if (speaks(forwardReading.signals)) {
        const inner = decideFromText(forwardReading.signals, readSubject(parts.forwarded.subject ?? ''), forwardReading.text);
        decision = {
          ...inner,
          basis: inner.basis.kind === 'phrase' ? { kind: 'forwarded', label: inner.basis.label } : inner.basis,
          review: [...inner.review, 'forwarded'],
          fromForward: true,
        };
      }
    }
  }

  const review = new Set<ReviewReason>(decision.review);
  let confidence = decision.confidence;
  let people: readonly TriagePerson[] = [];
  if (decision.kind === 'registration' || decision.kind === 'cancellation') {
    const outcome =
      decision.fromForward && parts.forwarded !== null && forwardReading !== null
        ? peopleOfForward(parts.forwarded, forwardReading, subject, directory)
        : decision.basis.kind === 'someone-else'
          ? peopleCancelledByOthers(own, directory, isOwnSide)
          : peopleOfOwnText(mail, own, subject, decision.kind, directory, isOwnSide);
    people = outcome.people;
    for (const r of outcome.review) review.add(r);
    confidence *= outcome.factor;
    if (people.length === 0 || people.some((p) => p.email === null)) {
      review.add('no-usable-address');
      confidence *= 0.5;
    }
    if (people.length > 1) review.add('several-people');
    if (people.some((p) => p.organisation === null)) confidence -= 0.05;
  }
  if (body.truncated) review.add('long-mail');
  confidence = Math.min(1, Math.max(0, Math.round(confidence * 100) / 100));
  if (confidence < REVIEW_THRESHOLD) review.add('low-confidence');

  const reviewReasons = [...review];
  const asksQuestion = decision.kind !== 'question' && decision.kind !== 'automatic-reply' && own.signals.question !== null;
  return {
    mailId: mail.id,
    receivedAt: mail.receivedAt,
    kind: decision.kind,
    people,
    confidence,
    reason: describeTriage(
      decision.kind,
      decision.basis,
      reviewReasons,
      people.map((p) => p.organisationSource),
    ),
    needsReview: reviewReasons.length > 0,
    reviewReasons,
    forwarded: decision.fromForward,
    asksQuestion,
  };
}

/**
 * Triage of one registration mail: its kind, the people it registers or cancels (with e-mail and organisation),
 * a confidence and a reason in both languages, and whether the organiser must review it before anything is added.
 */
export function triageMail(mail: IncomingMail, context: TriageContext): TriageResult {
  return triageWithDirectory(mail, context, organisationDirectory(context.knownOrganisations, context.domainOrganisations));
}
