/**
 * "Copy the structure of an earlier consultation": a new consultation for another meeting with the earlier one's
 * agenda (parts, items, presenters, lengths), questions and their links, registration rules and practical
 * information — and nothing that belonged to the earlier meeting: its time, deadline, revision history and
 * publications stay behind. Ids are kept (they are only unique within one document), so links stay intact.
 */
import { parseZonedIso } from '../time/zonedTime';
import type { Consultation } from './schema';

export interface NewMeeting {
  /** ISO 8601 with offset, from the calendar item. */
  readonly start: string;
  readonly end: string;
  /** The calendar item's subject, when it has one: a better title than the earlier meeting's. */
  readonly title?: string;
}

export function copyStructure(earlier: Consultation, meeting: NewMeeting): Consultation {
  // Validated here so a bad time from a host is a clear error, not a document that fails later.
  parseZonedIso(meeting.start);
  parseZonedIso(meeting.end);
  const title = meeting.title?.trim();
  return {
    ...structuredClone(earlier),
    revision: 0,
    title: title === undefined || title === '' ? earlier.title : title,
    start: meeting.start,
    end: meeting.end,
    // The earlier deadline was for the earlier meeting; the organiser sets the new one.
    registration: { ...structuredClone(earlier.registration), deadline: null },
    published: null,
  };
}
