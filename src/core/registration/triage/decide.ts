/**
 * The kind of a mail from its signals, in a fixed order: a machine's reply first (the Auto-Submitted header, then
 * the subject, then the body's phrases — unless the writer also registers or cancels, which a machine never does);
 * then what the writer says: their own cancellation before a registration (both together is a conflict for review),
 * a filled-in registration form, a question, someone else's cancellation; the subject alone decides only with low
 * confidence, and a mail nothing decides is "other".
 */
import type { IncomingMail } from '../../ports/registrationMail';
import type { SubjectSignals, TextSignals } from './classify';
import { readForm } from './people';
import type { Basis } from './reasons';
import type { ReviewReason, TriageKind } from './types';

/** Words that make an unclassified mail worth a look: it may be a registration written in a way no rule knows. */
const ON_TOPIC = /anmäl|regist|delta|attend|particip|samråd|consultation/i;

export interface Decision {
  readonly kind: TriageKind;
  readonly confidence: number;
  readonly basis: Basis;
  readonly review: readonly ReviewReason[];
  /** The people come from the forwarded mail. */
  readonly fromForward: boolean;
}

/** The writer registers or cancels in their own words. */
export function speaks(signals: TextSignals): boolean {
  return signals.registration.length > 0 || signals.selfCancellation.length > 0;
}

/** A line that heads a registration ("Anmälan till samråd om …", "Registration"): with a form under it, a registration. */
const REGISTRATION_HEADING = /^(?:anmälan|anmälningsformulär|registration|registreringsformulär|registration form)(?![\p{L}])/iu;

/** The kind from what the writer says, the subject as a tie-breaker and as a last resort. */
export function decideFromText(signals: TextSignals, subject: SubjectSignals, text: readonly string[]): Decision {
  const none = { review: [] as ReviewReason[], fromForward: false };
  const [cancel] = signals.selfCancellation;
  const [register] = signals.registration;
  if (cancel !== undefined) {
    // "Jag anmäler mig … men kan tyvärr inte": both said; nothing is withdrawn or added on a guess.
    const conflicting = register !== undefined && !subject.cancellation;
    return {
      ...none,
      kind: 'cancellation',
      confidence: conflicting ? 0.55 : subject.cancellation ? 0.96 : 0.92,
      basis: { kind: 'phrase', label: cancel.label },
      review: conflicting ? ['conflicting-signals'] : [],
    };
  }
  if (register !== undefined) {
    const conflicting = subject.cancellation;
    return {
      ...none,
      kind: 'registration',
      confidence: conflicting ? 0.55 : subject.registration ? 0.95 : 0.9,
      basis: { kind: 'phrase', label: register.label },
      review: conflicting ? ['conflicting-signals'] : [],
    };
  }
  // A filled-in form ("Namn: … / E-post: …") under a registration heading or subject says it without a verb.
  const form = readForm(text);
  if (form.some((p) => p.name !== null) && (subject.registration || text.some((l) => REGISTRATION_HEADING.test(l)))) {
    return { ...none, kind: 'registration', confidence: 0.88, basis: { kind: 'form' } };
  }
  if (signals.question !== null)
    return { ...none, kind: 'question', confidence: subject.question ? 0.92 : 0.85, basis: { kind: 'question' } };
  const [other] = signals.otherCancellation;
  if (other !== undefined) {
    return {
      ...none,
      kind: 'cancellation',
      confidence: 0.5,
      basis: { kind: 'someone-else', label: other.label },
      review: ['for-someone-else'],
    };
  }
  if (subject.cancellation) return { ...none, kind: 'cancellation', confidence: 0.55, basis: { kind: 'subject' } };
  if (subject.registration) return { ...none, kind: 'registration', confidence: 0.55, basis: { kind: 'subject' } };
  if (subject.question) return { ...none, kind: 'question', confidence: 0.75, basis: { kind: 'subject' } };
  const onTopic = ON_TOPIC.test(subject.topic) || text.some((l) => ON_TOPIC.test(l));
  return { ...none, kind: 'other', confidence: onTopic ? 0.4 : 0.75, basis: { kind: 'nothing' } };
}

export function decideAutomatic(mail: IncomingMail, subject: SubjectSignals, signals: TextSignals): Decision | null {
  const none = { review: [] as ReviewReason[], fromForward: false, kind: 'automatic-reply' as const };
  if (mail.autoSubmitted === true) return { ...none, confidence: 0.98, basis: { kind: 'auto-flag' } };
  if (subject.automatic) {
    // The header says a person wrote it, the subject says a machine did: someone must look.
    return mail.autoSubmitted === false
      ? { ...none, confidence: 0.6, basis: { kind: 'auto-subject' }, review: ['conflicting-signals'] }
      : { ...none, confidence: 0.9, basis: { kind: 'auto-subject' } };
  }
  const [auto] = signals.automatic;
  // "Jag är föräldraledig och kan tyvärr inte delta" is a person cancelling, not a machine.
  if (auto !== undefined && !speaks(signals))
    return { ...none, confidence: 0.75, basis: { kind: 'auto-text', label: auto.label } };
  return null;
}
