/**
 * Registration mails as they arrived in the organiser's (or a shared) mailbox. Read-only: they are public records,
 * never moved, flagged or deleted (ADR 0002).
 */

export interface MailAddress {
  readonly name: string;
  readonly email: string;
}

export interface IncomingMail {
  readonly id: string;
  /** The RFC 5322 Message-ID, for dedupe across mailboxes; null when the service did not give one. */
  readonly internetMessageId: string | null;
  readonly conversationId: string | null;
  /** ISO 8601 with offset. */
  readonly receivedAt: string;
  /** Null for a message without a sender (a draft or a system message). */
  readonly from: MailAddress | null;
  /** Where replies go when it differs from `from` (a registration sent on someone's behalf). */
  readonly replyTo: readonly MailAddress[];
  readonly subject: string;
  /** Exactly one of the two bodies is set, as the mail was written. */
  readonly bodyText: string | null;
  readonly bodyHtml: string | null;
  readonly hasAttachments: boolean;
  /**
   * From the Auto-Submitted header (RFC 3834): true for out-of-office and other automatic replies, false when the
   * header says `no`, null when the mail does not have it (then nothing is guessed).
   */
  readonly autoSubmitted: boolean | null;
}

export interface RegistrationMailPort {
  /** Every mail received at or after the instant (epoch ms), oldest first, across all pages. */
  mailsSince(since: number): Promise<readonly IncomingMail[]>;
}
