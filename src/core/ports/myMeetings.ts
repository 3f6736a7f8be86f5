/**
 * The consultations the signed-in person is invited to, for the personal tab "Mina samråd": the events of their OWN
 * calendar whose invitation carries Samråd's published section (ADR 0002: the published agenda reaches every
 * attendee in their own copy). Implemented over Graph's calendarView in src/graph.
 */
import type { AttendeeResponse } from '../registration/ledger';

export interface MyConsultation {
  /** The REST id of the event in the signed-in person's mailbox. */
  readonly id: string;
  /** The same in the organiser's and every attendee's copy. */
  readonly iCalUId: string;
  readonly subject: string;
  /** ISO 8601 with offset. */
  readonly start: string;
  readonly end: string;
  /** The person's own reply to the invitation; `organizer` on the organiser's own event. */
  readonly response: AttendeeResponse;
  /** The organiser has cancelled the meeting; the person's copy stays in their calendar, marked so. */
  readonly cancelled: boolean;
  /** Samråd's section of the invitation body as found there (HTML), for parseAgendaSection. */
  readonly sectionHtml: string;
}

export interface MyMeetingsPort {
  /**
   * The signed-in person's own events that overlap [from, to) (epoch milliseconds) and carry Samråd's published
   * section, earliest first. Events without the section are left out. Rejects with PortError `bad-request` when the
   * window is not a window (not finite, or `to` not after `from`).
   */
  consultations(from: number, to: number): Promise<readonly MyConsultation[]>;
}
