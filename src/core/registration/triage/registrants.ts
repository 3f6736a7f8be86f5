/**
 * The people of a registration or cancellation, put together from the parts people.ts reads: the sender (unless a
 * list or form registers others and the sender does not include themselves), the listed people, or the writer of a
 * forwarded mail — with the review reasons their names, addresses, organisations and numbers call for.
 */
import { normaliseEmail } from '../email';
import type { IncomingMail } from '../../ports/registrationMail';
import { readSignals, type SubjectSignals, type TextSignals } from './classify';
import type { QuotedMail } from './forwarded';
import type { OrganisationDirectory } from './organisations';
import {
  isRoleAddress,
  listedPerson,
  MAX_PEOPLE_READ,
  preferredAddress,
  readForm,
  readListPeople,
  writerOf,
  type PersonFound,
} from './people';
import { findSignature, type Signature } from './signature';
import { sentencesOf } from './text';
import type { ReviewReason, TriageKind, TriagePerson } from './types';

export interface Reading {
  readonly signature: Signature | null;
  /** The writer's text without the signature. */
  readonly text: readonly string[];
  readonly signals: TextSignals;
}

/** The writer's text read: its signature found and cut off, and the phrase rules run over the rest. */
export function read(lines: readonly string[], directory: OrganisationDirectory): Reading {
  const signature = findSignature(lines, directory.mentions);
  const text = signature === null ? lines : lines.slice(0, signature.start);
  return { signature, text, signals: readSignals(sentencesOf(text), directory.mentions) };
}

function uniqueByEmail(people: readonly TriagePerson[]): TriagePerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    if (p.email === null) return true;
    if (seen.has(p.email)) return false;
    seen.add(p.email);
    return true;
  });
}

export interface PeopleOutcome {
  readonly people: readonly TriagePerson[];
  readonly review: readonly ReviewReason[];
  /** Multiplied into the kind's confidence. */
  readonly factor: number;
}

function reviewOfWriter(found: PersonFound): ReviewReason[] {
  const review: ReviewReason[] = [];
  if (found.name.uncertain) review.push('name-uncertain');
  if (found.name.conflicting) review.push('conflicting-signals');
  if (found.organisation.conflict) review.push('organisation-conflict');
  return review;
}

export function peopleOfOwnText(
  mail: IncomingMail,
  reading: Reading,
  subject: SubjectSignals,
  kind: TriageKind,
  directory: OrganisationDirectory,
  isOwnSide: (email: string) => boolean,
): PeopleOutcome {
  const senderEmail = normaliseEmail(mail.from?.email ?? '');
  const form = readForm(reading.text);
  const [onlyForm] = form.length === 1 ? form : [];
  const senderForm = onlyForm !== undefined && (onlyForm.email === null || onlyForm.email === senderEmail) ? onlyForm : null;
  const listed = readListPeople(reading.text, directory, isOwnSide).filter((p) => p.listed);
  const others = [...form.filter((p) => p !== senderForm), ...listed].filter((p) => p.email === null || p.email !== senderEmail);
  const senderListed =
    listed.some((p) => p.email === senderEmail) || form.some((p) => p.email !== null && p.email === senderEmail);
  const includeSender =
    others.length === 0 ||
    senderListed ||
    reading.signals.selfIntent ||
    (kind === 'cancellation' && reading.signals.selfCancellation.length > 0);

  const review: ReviewReason[] = [];
  let factor = 1;
  const sender = writerOf(
    {
      address: mail.from,
      fallbackAddresses: mail.replyTo,
      signature: reading.signature,
      body: reading.text,
      subject: subject.topic,
      form: senderForm,
      source: 'sender',
    },
    directory,
  );
  let senderPerson = sender.person;
  if (includeSender) {
    review.push(...reviewOfWriter(sender));
    if (sender.name.uncertain) factor *= 0.75;
    const preferred = others.length === 0 ? preferredAddress(reading.text, senderPerson.email, isOwnSide) : null;
    const replyTo = mail.replyTo.map((a) => normaliseEmail(a.email)).find((e): e is string => e !== null && !isOwnSide(e));
    // An invitation to info@ reaches a team, not the person: whose own address it should be is for the organiser.
    if (senderPerson.email !== null && isRoleAddress(senderPerson.email)) review.push('shared-address');
    if (preferred !== null) {
      senderPerson = { ...senderPerson, email: preferred };
      review.push('address-differs');
    } else if (replyTo !== undefined && senderEmail !== null && replyTo !== senderEmail) {
      review.push('address-differs');
    }
  }
  const mentioned = others.length === 0 ? null : (directory.find(reading.text.join('\n'))[0]?.name ?? null);
  const listedPeople = others
    .slice(0, MAX_PEOPLE_READ)
    .map((p) => listedPerson(p, includeSender ? senderPerson : sender.person, mentioned, directory));
  if (listedPeople.some((p) => p.uncertain)) review.push('name-uncertain');
  const people = uniqueByEmail([...(includeSender ? [senderPerson] : []), ...listedPeople.map((p) => p.person)]);

  const count = reading.signals.count ?? subject.count;
  if (
    kind === 'registration' &&
    count !== null &&
    count !== people.length &&
    !(reading.signals.othersAlreadyRegistered && count > people.length)
  ) {
    review.push('count-mismatch');
  }
  return { people, review, factor };
}

export function peopleOfForward(
  forward: QuotedMail,
  reading: Reading,
  subject: SubjectSignals,
  directory: OrganisationDirectory,
): PeopleOutcome {
  const form = readForm(reading.text);
  const writer = writerOf(
    {
      address: forward.from,
      fallbackAddresses: [],
      signature: reading.signature,
      body: reading.text,
      subject: forward.subject ?? subject.topic,
      form: form.length === 1 ? (form[0] ?? null) : null,
      source: 'forwarded',
    },
    directory,
  );
  return { people: [writer.person], review: reviewOfWriter(writer), factor: writer.name.uncertain ? 0.75 : 1 };
}

/** Someone else's cancellation: the people named next to their addresses, none when no address is given. */
export function peopleCancelledByOthers(
  reading: Reading,
  directory: OrganisationDirectory,
  isOwnSide: (email: string) => boolean,
): PeopleOutcome {
  const people = readListPeople(reading.text, directory, isOwnSide)
    .filter((p) => p.name !== null)
    .map((p) => listedPerson(p, null, null, directory).person);
  return { people, review: [], factor: 1 };
}
