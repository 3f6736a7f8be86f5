/**
 * Triage of a whole inbox. Two things need more than one mail: the domains (a signature in one mail says which
 * organisation `okfn-sverige.example` is, and a colleague's unsigned mail from that domain is then known too), and
 * the dedupe hints (the same person registering twice, a cancellation matched to the registration it withdraws).
 *
 * The result does not depend on the order the mails arrive in: they are sorted by when they were received (then
 * by id), the domains are learnt by counting over all mails, and every tie is broken by a value.
 */
import type { Bilingual } from '../../errors';
import type { IncomingMail } from '../../ports/registrationMail';
import { normaliseEmail } from '../email';
import { isFullName } from './names';
import { isPublicMailDomain, organisationDirectory } from './organisations';
import { domainOf } from './people';
import { fold } from './text';
import { triageWithDirectory } from './triageMail';
import type { InboxEntry, InboxHint, InboxTriage, TriageContext, TriageResult } from './types';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Epoch ms of a receivedAt; an unreadable one sorts after all others rather than stopping the whole inbox. */
function instantOf(receivedAt: string): number {
  const instant = ISO_WITH_OFFSET.test(receivedAt) ? Date.parse(receivedAt) : Number.NaN;
  return Number.isNaN(instant) ? Number.POSITIVE_INFINITY : instant;
}

function compareMails(a: IncomingMail, b: IncomingMail): number {
  const [x, y] = [instantOf(a.receivedAt), instantOf(b.receivedAt)];
  if (x !== y) return x < y ? -1 : 1;
  for (const [p, q] of [
    [a.id, b.id],
    [a.receivedAt, b.receivedAt],
    [a.subject, b.subject],
    [a.bodyText ?? a.bodyHtml ?? '', b.bodyText ?? b.bodyHtml ?? ''],
  ] as const) {
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

const HINT_TEXTS = {
  duplicate: {
    sv: 'Samma adress anmäldes redan i ett tidigare mejl; den här anmälan är en dubblett.',
    en: 'The same address was already registered in an earlier mail; this registration is a duplicate.',
  },
  cancels: {
    sv: 'Avanmäler anmälan från ett tidigare mejl med samma adress.',
    en: 'Cancels the registration from an earlier mail with the same address.',
  },
  'cancels-unregistered': {
    sv: 'Ingen tidigare anmälan med den här adressen finns bland mejlen.',
    en: 'No earlier registration with this address is among the mails.',
  },
  're-registers': { sv: 'Anmäler sig igen efter en tidigare avanmälan.', en: 'Registers again after an earlier cancellation.' },
  'same-name': {
    sv: 'Samma namn är redan anmält med en annan adress; det kan vara samma person.',
    en: 'The same name is already registered with another address; it may be the same person.',
  },
  'same-mail': {
    sv: 'Samma meddelande har redan lästs (samma Message-ID eller id), till exempel från en annan brevlåda.',
    en: 'The same message was already read (same Message-ID or id), for example from another mailbox.',
  },
} as const satisfies Record<InboxHint['kind'], Bilingual>;

/** Hints that the organiser must look at; a plain duplicate or a matched cancellation is clear as it is. */
const REVIEW_HINTS: ReadonlySet<InboxHint['kind']> = new Set(['same-name', 'cancels-unregistered']);

/** Domain → organisation from what people wrote about themselves; a domain with no clear majority is not learnt. */
function learnDomains(results: readonly TriageResult[], ownSide: (email: string) => boolean): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const result of results) {
    for (const person of result.people) {
      const { email, organisation, organisationSource } = person;
      if (email === null || organisation === null || ownSide(email)) continue;
      if (organisationSource === 'domain' || organisationSource === 'body' || organisationSource === null) continue;
      const domain = domainOf(email);
      if (isPublicMailDomain(domain)) continue;
      const tally = votes.get(domain) ?? new Map<string, number>();
      tally.set(organisation, (tally.get(organisation) ?? 0) + 1);
      votes.set(domain, tally);
    }
  }
  const learnt = new Map<string, string>();
  for (const [domain, tally] of votes) {
    const ranked = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [first, second] = ranked;
    if (first !== undefined && (second === undefined || first[1] > second[1])) learnt.set(domain, first[0]);
  }
  return learnt;
}

function hintsFor(results: readonly { mail: IncomingMail; result: TriageResult }[]): InboxEntry[] {
  const registered = new Map<string, string>();
  const cancelled = new Map<string, string>();
  const byName = new Map<string, { email: string; mailId: string }>();
  const seenMessages = new Map<string, string>();
  return results.map(({ mail, result }) => {
    const hints: InboxHint[] = [];
    const copyOf =
      seenMessages.get(`id:${mail.id}`) ??
      (mail.internetMessageId === null ? undefined : seenMessages.get(`mid:${mail.internetMessageId}`));
    if (copyOf !== undefined) {
      hints.push({ kind: 'same-mail', earlierMailId: copyOf, reason: HINT_TEXTS['same-mail'] });
      return { result, hints, needsReview: result.needsReview };
    }
    seenMessages.set(`id:${mail.id}`, mail.id);
    if (mail.internetMessageId !== null) seenMessages.set(`mid:${mail.internetMessageId}`, mail.id);

    for (const person of result.people) {
      const email = person.email;
      if (email === null) continue;
      if (result.kind === 'registration') {
        const earlier = registered.get(email);
        const cancellation = cancelled.get(email);
        if (earlier !== undefined) {
          hints.push({ kind: 'duplicate', email, earlierMailId: earlier, reason: HINT_TEXTS.duplicate });
        } else {
          if (cancellation !== undefined) {
            hints.push({ kind: 're-registers', email, cancellationMailId: cancellation, reason: HINT_TEXTS['re-registers'] });
            cancelled.delete(email);
          }
          registered.set(email, mail.id);
        }
        const nameKey = fold(person.name).replace(/\s+/g, ' ').trim();
        if (isFullName(person.name)) {
          const other = byName.get(nameKey);
          if (other === undefined) byName.set(nameKey, { email, mailId: mail.id });
          else if (other.email !== email) {
            hints.push({
              kind: 'same-name',
              email,
              otherEmail: other.email,
              otherMailId: other.mailId,
              reason: HINT_TEXTS['same-name'],
            });
          }
        }
      } else if (result.kind === 'cancellation') {
        const registration = registered.get(email);
        if (registration !== undefined) {
          hints.push({ kind: 'cancels', email, registrationMailId: registration, reason: HINT_TEXTS.cancels });
          registered.delete(email);
        } else {
          hints.push({ kind: 'cancels-unregistered', email, reason: HINT_TEXTS['cancels-unregistered'] });
        }
        cancelled.set(email, mail.id);
      }
    }
    return { result, hints, needsReview: result.needsReview || hints.some((h) => REVIEW_HINTS.has(h.kind)) };
  });
}

/**
 * Triage of every mail of an inbox, oldest first, with the domains learnt from the mails themselves and hints for
 * duplicates and cancellations. The context's domain map is kept; what the mails teach is added to it.
 */
export function triageMails(mails: readonly IncomingMail[], context: TriageContext): InboxTriage {
  const sorted = [...mails].sort(compareMails);
  const ownSide = new Set(
    [context.registrationAddress, ...(context.ownAddresses ?? [])]
      .map((a) => (a === null ? null : normaliseEmail(a)))
      .filter((a): a is string => a !== null),
  );
  const given = context.domainOrganisations ?? new Map<string, string>();
  const first = sorted.map((mail) =>
    triageWithDirectory(mail, context, organisationDirectory(context.knownOrganisations, given)),
  );
  const learnt = learnDomains(first, (email) => ownSide.has(email));
  const domains = new Map([...learnt, ...given]);
  const taught = [...learnt].some(([domain]) => !given.has(domain));
  const results = taught
    ? sorted.map((mail) =>
        triageWithDirectory(
          mail,
          { ...context, domainOrganisations: domains },
          organisationDirectory(context.knownOrganisations, domains),
        ),
      )
    : first;
  return {
    entries: hintsFor(sorted.map((mail, i) => ({ mail, result: results[i] as TriageResult }))),
    domainOrganisations: domains,
  };
}
