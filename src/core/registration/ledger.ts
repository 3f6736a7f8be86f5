/**
 * The registration ledger: every registration (and cancellation) the organiser has received, as it arrived.
 * Entries are never merged or corrected in place — reconciliation (reconcile.ts) derives one status per person
 * from the ledger and the calendar event's attendees, so the ledger stays an honest record of what came in.
 */
import * as z from 'zod/mini';
import { described, idSchema, isoDateTimeSchema } from '../consultation/primitives';

/** Where an entry came from: a registration mail in the organiser's mailbox, or typed in by the organiser. */
export type LedgerSource = { readonly kind: 'mail'; readonly mailId: string } | { readonly kind: 'manual' };

export interface LedgerEntry {
  readonly id: string;
  /** As written in the registration; may be empty when only an address was sent. */
  readonly name: string;
  /** As typed, e.g. `"Anna" <Anna@Org.se>`; see normaliseEmail for how two spellings are matched. */
  readonly email: string;
  readonly organisation: string | null;
  readonly source: LedgerSource;
  /** ISO 8601 with offset: when the registration arrived. */
  readonly receivedAt: string;
  /** ISO 8601 with offset: when this registration was withdrawn, or null while it stands. */
  readonly cancelledAt: string | null;
}

/**
 * Microsoft Graph's attendee response vocabulary (responseStatus.response). `organizer` marks the organiser's own
 * row, which is not a participant.
 */
export type AttendeeResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** One attendee of the consultation's calendar event, i.e. one invitation. */
export interface Attendee {
  readonly email: string;
  readonly name: string | null;
  readonly response: AttendeeResponse;
}

export const ledgerSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mail'),
    mailId: described(z.string().check(z.minLength(1)), 'Graph id of the registration mail.'),
  }),
  z.object({ kind: z.literal('manual') }),
]);

export const ledgerEntrySchema = described(
  z.object({
    id: idSchema,
    name: described(z.string(), 'As written in the registration; may be empty.'),
    email: described(z.string(), 'As typed; matched case-insensitively, without mailto: or display name.'),
    organisation: z.nullable(z.string()),
    source: ledgerSourceSchema,
    receivedAt: isoDateTimeSchema,
    cancelledAt: described(z.nullable(isoDateTimeSchema), 'When the registration was withdrawn; null while it stands.'),
  }),
  'One registration as received.',
) satisfies z.ZodMiniType<LedgerEntry>;
