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
export { addManualEntry, cancelEntry, editEntry, manualEntryIdOf, removeEntry, restoreEntry } from './ledgerOps';
export type { EntryPatch, PersonInput } from './ledgerOps';
export { applyMail, applySureMails, dismissMail, undecidedEntries } from './applyTriage';
export type {
  MailAction,
  ApplyMailOutcome,
  MailActionKind,
  MailPerson,
  SkipReason,
  SkippedPerson,
  SureMailsOutcome,
} from './applyTriage';
export { seatOffers } from './offers';
export type { SeatOffers } from './offers';
export { purgeRegistrations, retentionDate, retentionNotice, RETENTION_NOTICE_DAYS, setDeleteAfter } from './retention';
export type { PurgeOptions, RetentionNotice, RetentionState } from './retention';
export { csvCell, isFormulaLike, ledgerCsv, neutraliseFormula, organisationsCsv, statusWord } from './csv';
export type { OrganisationCounts } from './csv';
