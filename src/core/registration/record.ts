/**
 * The registration record inside the consultation document (ADR 0002): the ledger of what came in, what the
 * organiser decided about each registration mail, the domain → organisation map learnt from the inbox, an
 * invitation under way, and retention. Mail ids are Graph's and can be long; the ids inside the document are
 * derived from them (ids.ts), so two devices deciding about the same mail write the same id and a merge meets
 * them as one element.
 */
import * as z from 'zod/mini';
import { described, idSchema, isoDateTimeSchema } from '../consultation/primitives';
import { ledgerEntrySchema } from './ledger';
import { REGISTRATION_STATUSES } from './reconcile';

/** Personal data in the ledger is deleted this many days after the meeting ends, unless the organiser sets a date. */
export const RETENTION_DEFAULT_DAYS = 90;
/** Registration mails are read from this many days before the meeting, unless the organiser sets a date. */
export const READ_MAILS_DEFAULT_DAYS_BEFORE = 90;

export const MAIL_OUTCOMES = ['applied', 'dismissed'] as const;
/** `applied`: its registrations or cancellations are in the ledger. `dismissed`: the organiser set it aside. */
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

export const mailDecisionSchema = described(
  z.object({
    id: described(idSchema, 'Derived from mailId (decisionIdOf), the same on every device.'),
    mailId: described(z.string().check(z.minLength(1)), 'Graph id of the registration mail in the mailbox it was read from.'),
    outcome: z.enum(MAIL_OUTCOMES),
    decidedAt: isoDateTimeSchema,
  }),
  'What the organiser did with one mail; a mail with a decision is not offered again.',
);

export const inviteeSchema = z.object({
  email: described(z.string().check(z.minLength(1)), 'Normalised address.'),
  name: z.nullable(z.string()),
});

export const invitationInProgressSchema = described(
  z.object({
    startedAt: isoDateTimeSchema,
    people: z.array(inviteeSchema).check(z.minLength(1)),
  }),
  'Written before the attendees are changed and cleared after, so a reload mid-way can finish it.',
);

const count = z.number().check(z.int(), z.gte(0));

export const organisationCountSchema = z.object({
  organisation: described(z.nullable(z.string()), 'Null counts the people who gave no organisation.'),
  totals: z.record(z.enum(REGISTRATION_STATUSES), count),
});

export const purgedSchema = described(
  z.object({
    at: isoDateTimeSchema,
    people: described(count, 'How many people the deleted ledger held.'),
    organisations: z.array(organisationCountSchema),
  }),
  'After retention deleted the personal data: what is kept is counts per organisation.',
);

/** Null until set, and null when the document does not have the field yet. */
function nullByDefault<T extends z.ZodMiniType>(schema: T): z.ZodMiniDefault<z.ZodMiniNullable<T>> {
  return z._default(z.nullable(schema), null);
}

export const registrationRecordSchema = z.object({
  mailbox: described(
    nullByDefault(z.email()),
    "A shared mailbox registrations are sent to; null reads the organiser's own inbox.",
  ),
  readMailsFrom: described(
    nullByDefault(isoDateTimeSchema),
    `Mails received from this instant are read; null: ${READ_MAILS_DEFAULT_DAYS_BEFORE} days before the meeting.`,
  ),
  organisations: described(
    z._default(z.array(z.string()), []),
    'The organisations invited, by their canonical names; the triage resolves short forms and domains to them.',
  ),
  ledger: z._default(z.array(ledgerEntrySchema), []),
  mailDecisions: z._default(z.array(mailDecisionSchema), []),
  organisationDomains: described(
    z._default(z.record(z.string(), z.string()), {}),
    'Domain (lower case) → organisation, learnt from the inbox and confirmed by the organiser.',
  ),
  invitationInProgress: nullByDefault(invitationInProgressSchema),
  deleteAfter: described(
    nullByDefault(isoDateTimeSchema),
    `When personal data in the ledger is deleted; null: ${RETENTION_DEFAULT_DAYS} days after the meeting ends.`,
  ),
  purged: nullByDefault(purgedSchema),
});

export type MailDecision = z.infer<typeof mailDecisionSchema>;
export type InvitationInProgress = z.infer<typeof invitationInProgressSchema>;
export type OrganisationCount = z.infer<typeof organisationCountSchema>;
export type Purged = z.infer<typeof purgedSchema>;
export type RegistrationRecord = z.infer<typeof registrationRecordSchema>;

/** A consultation before anything came in. */
export function emptyRegistrationRecord(): RegistrationRecord {
  return registrationRecordSchema.parse({});
}
