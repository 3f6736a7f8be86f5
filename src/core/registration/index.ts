/** Registrations: the ledger of what people sent, and its reconciliation with the event's attendees. */
export { describeInvalidEmail, normaliseEmail, parseEmail } from './email';
export type { EmailParseResult, InvalidEmailReason } from './email';
export { ledgerEntrySchema, ledgerSourceSchema } from './ledger';
export type { Attendee, AttendeeResponse, LedgerEntry, LedgerSource } from './ledger';
export { reconcileRegistrations, REGISTRATION_STATUSES } from './reconcile';
export { decisionIdOf, entryIdOf } from './ids';
export {
  invitationInProgressSchema,
  MAIL_OUTCOMES,
  mailDecisionSchema,
  organisationCountSchema,
  purgedSchema,
  READ_MAILS_DEFAULT_DAYS_BEFORE,
  emptyRegistrationRecord,
  registrationRecordSchema,
  RETENTION_DEFAULT_DAYS,
} from './record';
export type { InvitationInProgress, MailDecision, MailOutcome, OrganisationCount, Purged, RegistrationRecord } from './record';
export { triageMail, triageMails } from './triage';
export type {
  InboxEntry,
  InboxHint,
  InboxTriage,
  ReviewReason,
  TriageContext,
  TriageKind,
  TriagePerson,
  TriageResult,
} from './triage';
export type {
  InvalidAttendee,
  InvalidEntry,
  InvitationResponse,
  OrganisationTotals,
  PersonSource,
  PersonStatus,
  ReconcileInput,
  Reconciliation,
  RegistrationStatus,
  StatusTotals,
} from './reconcile';
