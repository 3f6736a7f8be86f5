/**
 * Triage of registration mails: each mail's kind, the people it registers or cancels with their e-mail and
 * organisation, a confidence and a reason in both languages, and a needs-review flag; for a whole inbox, the
 * domains learnt from the mails and hints for duplicates and cancellations. Pure: no DOM, no clock, no I/O.
 */
export { triageMail, triageWithDirectory, REVIEW_THRESHOLD } from './triageMail';
export { triageMails } from './inbox';
export { organisationDirectory, isPublicMailDomain } from './organisations';
export type { OrganisationDirectory, OrganisationHit, DomainOrganisation } from './organisations';
export {
  AUTOMATIC_REPLY_RULES,
  AUTOMATIC_REPLY_SUBJECT,
  CANCELLATION_RULES,
  REGISTRATION_RULES,
  REQUEST_RULES,
  countOf,
  readSignals,
  readSubject,
} from './classify';
export type { PhraseRule, RuleHit, SubjectSignals, TextSignals } from './classify';
export { REVIEW_REASON_TEXTS } from './reasons';
export { MAX_BODY_CHARS, MAX_NAME_LENGTH, MAX_ORGANISATION_LENGTH, cleanName, cleanOrganisation } from './text';
export { REVIEW_REASONS, TRIAGE_KINDS } from './types';
export type {
  InboxEntry,
  InboxHint,
  InboxTriage,
  OrganisationSource,
  TriagePersonSource,
  ReviewReason,
  TriageContext,
  TriageKind,
  TriagePerson,
  TriageResult,
} from './types';
