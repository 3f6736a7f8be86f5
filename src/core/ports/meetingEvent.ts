/**
 * The consultation's calendar event, as the faces need it: who is invited (the attendees are the invitations, ADR
 * 0002), the published agenda (a delimited section of the body), the Teams join link and the link to the
 * consultation document. Implemented over Microsoft Graph in src/graph; the core never sees a Graph type.
 */
import type { Attendee, AttendeeResponse } from '../registration/ledger';

/** The open extension on the organiser's event that points at the consultation document in the app folder. */
export interface ConsultationLink {
  /** The document's name in the app folder, without `.json` (see documentNamePattern). */
  readonly documentName: string;
}

export interface MeetingEvent {
  /** The REST id of the event in the signed-in person's mailbox; every mailbox has its own. */
  readonly id: string;
  /** The same in the organiser's and every attendee's copy. */
  readonly iCalUId: string;
  readonly subject: string;
  /** ISO 8601 with offset. */
  readonly start: string;
  readonly end: string;
  /** The Teams join link, or null when the event is not an online meeting. */
  readonly joinUrl: string | null;
  readonly bodyHtml: string;
  /** As Graph gives it (not normalised); empty when the event has no organiser address. */
  readonly organizerEmail: string;
  /** The invitations; the organiser's own row is not among them. */
  readonly attendees: readonly Attendee[];
  /**
   * The signed-in person's own answer to the invitation (`organizer` in the organiser's copy). Absent where it is
   * not known (a copy made by hand rather than read from Graph).
   */
  readonly ownResponse?: AttendeeResponse;
  /** Opaque version of the event, for optimistic concurrency. */
  readonly etag: string;
  /** Only the organiser's copy carries it; null elsewhere and before the organiser has linked a document. */
  readonly link: ConsultationLink | null;
}

/** Someone to invite. */
export interface Invitee {
  /** As typed or registered; matched with existing attendees after normaliseEmail. */
  readonly email: string;
  readonly name: string | null;
}

export interface InvitationResult {
  /** Invited by this call (or by a lost earlier attempt of it): not on the event when the call started. */
  readonly added: readonly Invitee[];
  /** Already on the event when the call started, or the organiser: nobody was invited twice. */
  readonly alreadyInvited: readonly Invitee[];
  /** The event after the change. */
  readonly event: MeetingEvent;
}

export interface MeetingEventPort {
  /** The organiser's (or the signed-in person's) event by its REST id, with the link, in one round trip. */
  getEvent(eventId: string): Promise<MeetingEvent>;
  /** The signed-in person's own copy of a meeting, by the iCalUId every copy shares; null when there is none. */
  findByICalUId(iCalUId: string): Promise<MeetingEvent | null>;
  /** The signed-in person's own copy of the online meeting with this Teams join link; null when there is none. */
  findByJoinUrl(joinUrl: string): Promise<MeetingEvent | null>;
  /**
   * Adds people to the attendees: never drops anyone already there, never adds anyone twice (matched by normalised
   * e-mail, so a retry after a lost answer invites nobody again). Fails with PortError `attendee-limit` past 500
   * attendees and `invalid-attendee` on an unreadable address, in both cases before anything is sent.
   */
  inviteAttendees(eventId: string, people: readonly Invitee[]): Promise<InvitationResult>;
  /**
   * Puts Samråd's section into the body (replacing the previous one), keeping the Teams join block and everything
   * outside the section byte for byte. Writes nothing when the section is unchanged.
   */
  publishSection(eventId: string, sectionHtml: string): Promise<MeetingEvent>;
  /** Creates or replaces the link to the consultation document. */
  setLink(eventId: string, link: ConsultationLink): Promise<void>;
}
