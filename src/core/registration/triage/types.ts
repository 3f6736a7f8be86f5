/**
 * What the triage says about a registration mail. Everything here is plain data: the organiser's pane shows it,
 * the ledger is filled from it only after the organiser has seen what needs review, and nothing in it is HTML —
 * names, organisations and reasons are text that a view shows as text.
 */
import type { Bilingual } from '../../errors';

export const TRIAGE_KINDS = ['registration', 'cancellation', 'question', 'automatic-reply', 'other'] as const;
export type TriageKind = (typeof TRIAGE_KINDS)[number];

/**
 * Where a person was found: the mail's sender, a list or form in the body, the signature (when the sender line
 * gives no usable person) or the quoted header of a forwarded mail.
 */
export type TriagePersonSource = 'sender' | 'body' | 'signature' | 'forwarded';

/** Where the organisation was read; `domain` means it was inferred from the address alone. */
export type OrganisationSource = 'form' | 'signature' | 'sender-name' | 'subject' | 'body' | 'domain';

export interface TriagePerson {
  /** Cleaned: no markup, no control characters, NFC, at most MAX_NAME_LENGTH characters; may be empty. */
  readonly name: string;
  /** Normalised with normaliseEmail; null when the mail gives no usable address for this person. */
  readonly email: string | null;
  /** The known (canonical) name when the consultation's list has it, else as written; null when nothing says. */
  readonly organisation: string | null;
  readonly source: TriagePersonSource;
  readonly organisationSource: OrganisationSource | null;
}

/**
 * Why a mail goes to the needs-review queue. Each is a fact about the mail, not a score, so the organiser can see
 * what to check.
 */
export const REVIEW_REASONS = [
  'low-confidence',
  'conflicting-signals',
  'forwarded',
  'several-people',
  'no-usable-address',
  'name-uncertain',
  'count-mismatch',
  'organisation-conflict',
  'for-someone-else',
  'address-differs',
  'shared-address',
  'long-mail',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface TriageResult {
  readonly mailId: string;
  readonly receivedAt: string;
  readonly kind: TriageKind;
  /** Registered (registration) or withdrawn (cancellation); empty for the other kinds. */
  readonly people: readonly TriagePerson[];
  /** 0–1: how sure the triage is of the kind and the people together. */
  readonly confidence: number;
  /** Short, says why — built from the rules that fired, never from the mail's own text. */
  readonly reason: Bilingual;
  readonly needsReview: boolean;
  /** Empty exactly when needsReview is false. */
  readonly reviewReasons: readonly ReviewReason[];
  /** The registration was read from a forwarded mail. */
  readonly forwarded: boolean;
  /** The sender also asks something (a registration with a question about interpretation, food, the link …). */
  readonly asksQuestion: boolean;
}

export interface TriageContext {
  /** The mailbox registrations are sent to: never a registrant, and quoted mail from it is the invitation itself. */
  readonly registrationAddress: string | null;
  /** The organisations of the consultation, by their canonical names; short forms and domains are resolved to them. */
  readonly knownOrganisations?: readonly string[];
  /** Domain (lower case) → organisation, as learnt from an inbox (see triageMails) or kept from an earlier run. */
  readonly domainOrganisations?: ReadonlyMap<string, string>;
  /** Further addresses of the organiser's side (colleagues, the ministry's function mailbox): never registrants. */
  readonly ownAddresses?: readonly string[];
}

/** What an inbox-wide look adds to one mail's triage. */
export type InboxHint =
  | { readonly kind: 'duplicate'; readonly email: string; readonly earlierMailId: string; readonly reason: Bilingual }
  | { readonly kind: 'cancels'; readonly email: string; readonly registrationMailId: string; readonly reason: Bilingual }
  | { readonly kind: 'cancels-unregistered'; readonly email: string; readonly reason: Bilingual }
  | { readonly kind: 're-registers'; readonly email: string; readonly cancellationMailId: string; readonly reason: Bilingual }
  | {
      readonly kind: 'same-name';
      readonly email: string;
      readonly otherEmail: string;
      readonly otherMailId: string;
      readonly reason: Bilingual;
    }
  | { readonly kind: 'same-mail'; readonly earlierMailId: string; readonly reason: Bilingual };

export interface InboxEntry {
  readonly result: TriageResult;
  readonly hints: readonly InboxHint[];
  /** The mail's own needsReview, or a hint that needs the organiser (same name at another address, a copy …). */
  readonly needsReview: boolean;
}

export interface InboxTriage {
  /** One per mail, sorted by receivedAt (then id), whatever order the mails came in. */
  readonly entries: readonly InboxEntry[];
  /** The domain → organisation map learnt from the mails, merged with the context's; for the next run. */
  readonly domainOrganisations: ReadonlyMap<string, string>;
}
