/**
 * What the triage is told about a consultation: where registrations are sent (never a registrant), the
 * organisations it knows (the invited ones the organiser listed, the agenda's presenters, those confirmed in the
 * ledger, those learnt from earlier mails),
 * and from when mails are read.
 */
import type { Consultation } from '../../core/consultation/schema';
import { READ_MAILS_DEFAULT_DAYS_BEFORE } from '../../core/registration/record';
import type { TriageContext } from '../../core/registration/triage';
import { parseZonedIso } from '../../core/time/zonedTime';

const DAY_MS = 24 * 60 * 60 * 1000;

export function knownOrganisationsOf(c: Consultation): string[] {
  const names = new Set<string>(c.registrations.organisations);
  c.agenda.parts.forEach((part) => part.items.forEach((item) => item.presenters.forEach((p) => names.add(p))));
  c.registrations.ledger.forEach((entry) => {
    if (entry.organisation !== null && entry.organisation.trim() !== '') names.add(entry.organisation);
  });
  Object.values(c.registrations.organisationDomains).forEach((name) => names.add(name));
  return [...names];
}

export function triageContextOf(c: Consultation): TriageContext {
  const ownAddresses = [c.organiser.contactEmail, c.registrations.mailbox].filter(
    (a): a is string => a !== null && a !== undefined,
  );
  return {
    registrationAddress: c.registration.contactEmail ?? c.registrations.mailbox,
    knownOrganisations: knownOrganisationsOf(c),
    domainOrganisations: new Map(Object.entries(c.registrations.organisationDomains)),
    ownAddresses,
  };
}

/** Epoch ms from which registration mails are read: the organiser's date, or a while before the meeting. */
export function readMailsFromOf(c: Consultation): number {
  const set = c.registrations.readMailsFrom;
  return set !== null ? parseZonedIso(set) : parseZonedIso(c.start) - READ_MAILS_DEFAULT_DAYS_BEFORE * DAY_MS;
}
