/** Finding, versioning and copying stored events (the organiser's item and each attendee's copy of it). */
import type { Attendee } from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../../contract';
import { badRequest, GraphError, itemNotFound } from '../../http/errors';
import { newChangeKey, newItemId } from '../../state/ids';
import type { EventRecord, Mailbox, SandboxState, StoredEvent } from '../../state/model';
import { mailboxOf } from '../../state/people';
import { outlookInstant } from '../times';
import { cancelledSubject, NO_RESPONSE_TIME } from './meetingMail';

/** Exchange ids the sandbox hands out start like real ones; anything else is refused the way Exchange refuses it. */
export function checkItemId(id: string): void {
  if (!/^AAMk[A-Za-z0-9_=-]+$/.test(id)) throw badRequest('Id is malformed.', 'ErrorInvalidIdMalformed');
}

export function findEvent(mailbox: Readonly<Mailbox>, id: string): StoredEvent {
  checkItemId(id);
  const found = mailbox.events.find((e) => e.event.id === id);
  if (found === undefined) throw itemNotFound();
  return found;
}

/** Every write gives the item a new change key (and so a new ETag) and a new modification time. */
export function touch(state: SandboxState, stored: StoredEvent, now: number): void {
  stored.event.changeKey = newChangeKey(state);
  stored.event.lastModifiedDateTime = outlookInstant(now);
}

/** W/"key", "key" and key all name the same version; `*` names any. */
export function etagMatches(ifMatch: string, changeKey: string): boolean {
  return ifMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((t) => t === '*' || t === changeKey);
}

export function checkIfMatch(ifMatch: string | undefined, stored: StoredEvent): void {
  if (ifMatch === undefined || etagMatches(ifMatch, stored.event.changeKey)) return;
  throw new GraphError(
    412,
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  );
}

export function normalisedAddress(attendee: Attendee): string {
  return (attendee.emailAddress?.address ?? '').trim().toLowerCase();
}

export function personByAddress(state: Readonly<SandboxState>, address: string): SandboxPerson | undefined {
  return state.people.find((p) => p.mail.toLowerCase() === address);
}

/** The attendee list as an attendee's copy shows it: same people, no one's answers. */
function attendeesForCopy(attendees: readonly Attendee[]): Attendee[] {
  return attendees.map((a) => ({ ...a, status: { response: 'none', time: NO_RESPONSE_TIME } }));
}

/** What an attendee's copy takes over from the organiser's item on every request or update. */
function sharedFields(organiserEvent: EventRecord): Partial<EventRecord> {
  const shared: Partial<EventRecord> = {
    subject: organiserEvent.subject,
    body: organiserEvent.body ?? null,
    bodyPreview: organiserEvent.bodyPreview ?? null,
    importance: organiserEvent.importance ?? 'normal',
    sensitivity: organiserEvent.sensitivity ?? 'normal',
    isAllDay: organiserEvent.isAllDay ?? false,
    originalStartTimeZone: organiserEvent.originalStartTimeZone ?? null,
    originalEndTimeZone: organiserEvent.originalEndTimeZone ?? null,
    location: organiserEvent.location ?? null,
    locations: organiserEvent.locations ?? [],
    attendees: attendeesForCopy(organiserEvent.attendees ?? []),
    organizer: organiserEvent.organizer ?? null,
    isOnlineMeeting: organiserEvent.isOnlineMeeting ?? false,
    onlineMeeting: organiserEvent.onlineMeeting ?? null,
    onlineMeetingProvider: organiserEvent.onlineMeetingProvider ?? 'unknown',
    allowNewTimeProposals: organiserEvent.allowNewTimeProposals ?? true,
    hideAttendees: organiserEvent.hideAttendees ?? false,
    responseRequested: organiserEvent.responseRequested ?? true,
  };
  return shared;
}

export function findCopy(mailbox: Readonly<Mailbox>, iCalUId: string): StoredEvent | undefined {
  return mailbox.events.find((e) => e.event.iCalUId === iCalUId && !e.event.isOrganizer);
}

/**
 * Puts the organiser's current item into an attendee's calendar: a new copy, or the existing one brought up to
 * date (a removed and re-invited person gets their old copy back, as Exchange matches by iCalUId).
 * `resetResponse` is set when the time changed: the attendee has to answer again.
 */
export function upsertCopy(
  state: SandboxState,
  attendee: SandboxPerson,
  organiserEvent: StoredEvent,
  resetResponse: boolean,
  now: number,
): StoredEvent {
  const mailbox = mailboxOf(state, attendee.id);
  const existing = findCopy(mailbox, organiserEvent.event.iCalUId);
  const unanswered = { response: 'notResponded' as const, time: NO_RESPONSE_TIME };
  if (existing !== undefined) {
    const wasCancelled = existing.event.isCancelled;
    Object.assign(existing.event, sharedFields(organiserEvent.event), { isCancelled: false });
    if (resetResponse || wasCancelled) existing.event.responseStatus = unanswered;
    existing.startMs = organiserEvent.startMs;
    existing.endMs = organiserEvent.endMs;
    touch(state, existing, now);
    return existing;
  }
  const id = newItemId(state);
  const copy: StoredEvent = {
    event: {
      id,
      createdDateTime: outlookInstant(now),
      lastModifiedDateTime: outlookInstant(now),
      changeKey: '',
      categories: [],
      transactionId: null,
      iCalUId: organiserEvent.event.iCalUId,
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      subject: organiserEvent.event.subject,
      isCancelled: false,
      isOrganizer: false,
      seriesMasterId: null,
      showAs: 'tentative',
      type: 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isDraft: false,
      responseStatus: unanswered,
      ...sharedFields(organiserEvent.event),
    },
    startMs: organiserEvent.startMs,
    endMs: organiserEvent.endMs,
    extensions: [],
  };
  touch(state, copy, now);
  mailbox.events.push(copy);
  return copy;
}

/** Exchange keeps a cancelled meeting in the attendee's calendar, marked and renamed, until they remove it. */
export function cancelCopy(state: SandboxState, copy: StoredEvent, now: number): void {
  copy.event.isCancelled = true;
  copy.event.subject = cancelledSubject(copy.event.subject);
  touch(state, copy, now);
}
