/**
 * accept / tentativelyAccept / decline on an attendee's own copy. The answer is recorded on the copy, on the
 * organiser's item (`attendees[].status`, which is where the organiser's client reads it) and, unless
 * `sendResponse` is false, mailed to the organiser as an eventMessageResponse — as Exchange does.
 */
import type { SandboxPerson } from '../../contract';
import { badRequest } from '../../http/errors';
import type { JsonObject, SandboxState, StoredEvent } from '../../state/model';
import { mailboxOf } from '../../state/people';
import { deliverResponse, responseTime } from './meetingMail';
import { findEvent, normalisedAddress, personByAddress, touch } from './records';

export type Answer = 'accepted' | 'tentativelyAccepted' | 'declined';

export const ANSWER_OF_ACTION: Readonly<Record<string, Answer>> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};

const SHOW_AS_OF_ANSWER = { accepted: 'busy', tentativelyAccepted: 'tentative', declined: 'free' } as const;

function organiserItem(state: SandboxState, copy: StoredEvent): { organiser: SandboxPerson; item: StoredEvent } | null {
  const address = (copy.event.organizer?.emailAddress?.address ?? '').toLowerCase();
  const organiser = personByAddress(state, address);
  if (organiser === undefined) return null;
  const item = mailboxOf(state, organiser.id).events.find((e) => e.event.iCalUId === copy.event.iCalUId && e.event.isOrganizer);
  return item === undefined ? null : { organiser, item };
}

export function respondToEvent(
  state: SandboxState,
  attendee: SandboxPerson,
  eventId: string,
  answer: Answer,
  body: JsonObject,
  now: number,
): void {
  const copy = findEvent(mailboxOf(state, attendee.id), eventId);
  if (copy.event.isOrganizer) {
    throw badRequest("Your request can't be completed. You can't respond to a meeting you organized.", 'ErrorInvalidRequest');
  }
  if (copy.event.isCancelled) {
    throw badRequest("Your request can't be completed. The meeting has been canceled.", 'ErrorInvalidRequest');
  }
  const sendResponse = body.sendResponse ?? true;
  const comment = body.comment ?? '';
  if (typeof sendResponse !== 'boolean') throw badRequest("Invalid value for 'sendResponse': expected true or false.");
  if (typeof comment !== 'string') throw badRequest("Invalid value for 'comment': expected a string.");

  const time = responseTime(now);
  copy.event.responseStatus = { response: answer, time };
  copy.event.showAs = SHOW_AS_OF_ANSWER[answer];
  touch(state, copy, now);

  const found = organiserItem(state, copy);
  if (found === null) return;
  const entry = (found.item.event.attendees ?? []).find((a) => normalisedAddress(a) === attendee.mail.toLowerCase());
  if (entry !== undefined) {
    entry.status = { response: answer, time };
    touch(state, found.item, now);
  }
  if (sendResponse) {
    deliverResponse(state, mailboxOf(state, found.organiser.id), attendee, found.organiser, copy, answer, comment, now);
  }
}
