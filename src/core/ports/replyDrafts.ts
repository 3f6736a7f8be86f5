/**
 * Reply drafts ("Tack för din anmälan", "Du står på väntelistan"): created in the signed-in person's Drafts folder
 * for the official to read and send from Outlook — Samråd never sends mail itself. Creating a draft needs a
 * permission beyond the ones the app asks for at sign-in (Graph's Mail.ReadWrite), so it is asked for only when
 * the official wants drafts, and everything else works without it.
 */
import type { MailAddress } from './registrationMail';

export type DraftPermission = 'granted' | 'not-granted';

export interface ReplyDraft {
  readonly to: readonly MailAddress[];
  readonly subject: string;
  /** Plain text; the adapter sends it as text, never as HTML. */
  readonly bodyText: string;
}

export interface CreatedDraft {
  readonly id: string;
  /** Opens the draft in Outlook on the web, when Graph gives one. */
  readonly webLink: string | null;
}

export interface ReplyDraftPort {
  /** Whether the extra permission is granted, found without prompting anyone. */
  permission(): Promise<DraftPermission>;
  /** Asks the person for it (a consent prompt in a real tenant) and says how it went. */
  requestPermission(): Promise<DraftPermission>;
  /** Fails with PortError `permission-missing` when the permission is not granted, before anything is written. */
  createDraft(draft: ReplyDraft): Promise<CreatedDraft>;
}
