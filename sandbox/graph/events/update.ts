/**
 * PATCH on an event, with Exchange's meeting semantics when the organiser makes it:
 * - `attendees` replaces the whole list. Added people get a copy of the event and a request; removed people get a
 *   cancellation (their copy is marked cancelled); people on both lists get nothing for that change.
 * - A change of subject, body, time or place sends an update to everyone still invited (their copy follows); a
 *   change of time also resets everyone's answer, since they have to answer again.
 * - Outlook keeps a Teams meeting online through the join block in the body: a body without the join URL turns
 *   the event into an ordinary meeting (the reason clients must read the body and keep the block).
 * An attendee may change only their own copy's local fields (categories, reminders, free/busy).
 */
import type {
  Attendee,
  AttendeeType,
  DateTimeTimeZone,
  FreeBusyStatus,
  Importance,
  ItemBody,
  Location,
  Sensitivity,
} from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../../contract';
import { badRequest, GraphError } from '../../http/errors';
import type { JsonObject, JsonValue, SandboxState, StoredEvent } from '../../state/model';
import { mailboxOf } from '../../state/people';
import { isJsonObject } from '../context';
import { normaliseBody, previewOf } from '../html';
import { instantOfDateTimeTimeZone } from '../times';
import { deliverMeetingNotice, NO_RESPONSE_TIME, type MeetingNotice } from './meetingMail';
import { cancelCopy, checkIfMatch, findCopy, findEvent, normalisedAddress, personByAddress, touch, upsertCopy } from './records';

/** Exchange's limit on one meeting's attendees. */
export const MAX_ATTENDEES = 500;

const LOCAL_FIELDS = new Set(['categories', 'reminderMinutesBeforeStart', 'isReminderOn', 'showAs']);
const ORGANISER_FIELDS = new Set([
  'subject',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'attendees',
  'importance',
  'sensitivity',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
]);
/** Read-only properties Exchange ignores in a PATCH, so a client may send back what it read. */
const IGNORED_FIELDS = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'iCalUId',
  'bodyPreview',
  'isCancelled',
  'isOrganizer',
  'organizer',
  'responseStatus',
  'webLink',
  'onlineMeeting',
  'onlineMeetingUrl',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'type',
  'seriesMasterId',
  'hasAttachments',
  'isDraft',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'transactionId',
]);

const SHOW_AS: readonly FreeBusyStatus[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const IMPORTANCE: readonly Importance[] = ['low', 'normal', 'high'];
const SENSITIVITY: readonly Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];
const ATTENDEE_TYPES: readonly AttendeeType[] = ['required', 'optional', 'resource'];

function invalidValue(name: string, expected: string): GraphError {
  return badRequest(`Invalid value for property '${name}': expected ${expected}.`, 'ErrorInvalidRequest');
}

function asString(value: JsonValue, name: string): string {
  if (typeof value !== 'string') throw invalidValue(name, 'a string');
  return value;
}

function asBoolean(value: JsonValue, name: string): boolean {
  if (typeof value !== 'boolean') throw invalidValue(name, 'true or false');
  return value;
}

function asEnum<T extends string>(value: JsonValue, name: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw invalidValue(name, allowed.join(' | '));
  return found;
}

function asBody(value: JsonValue): ItemBody {
  if (!isJsonObject(value) || typeof value.content !== 'string') throw invalidValue('body', '{ contentType, content }');
  const contentType = value.contentType ?? 'text';
  if (contentType !== 'html' && contentType !== 'text') throw invalidValue('body.contentType', 'html | text');
  return normaliseBody({ contentType, content: value.content });
}

function asDateTimeTimeZone(value: JsonValue, name: string): number {
  if (!isJsonObject(value)) throw invalidValue(name, '{ dateTime, timeZone }');
  const dt: DateTimeTimeZone = {};
  if (typeof value.dateTime === 'string') dt.dateTime = value.dateTime;
  if (typeof value.timeZone === 'string') dt.timeZone = value.timeZone;
  return instantOfDateTimeTimeZone(dt, name);
}

function asLocation(value: JsonValue, name: string): Location {
  if (!isJsonObject(value)) throw invalidValue(name, 'a location object');
  const displayName = value.displayName;
  if (displayName !== undefined && typeof displayName !== 'string') throw invalidValue(`${name}.displayName`, 'a string');
  return { displayName: displayName ?? '', locationType: 'default', uniqueIdType: 'private', uniqueId: displayName ?? '' };
}

/** Validates and de-duplicates the new list; the organiser never invites themself. */
function asAttendees(value: JsonValue, organiser: SandboxPerson): Attendee[] {
  if (!Array.isArray(value)) throw invalidValue('attendees', 'an array');
  const seen = new Set<string>([organiser.mail.toLowerCase()]);
  const attendees: Attendee[] = [];
  value.forEach((entry, i) => {
    const email = isJsonObject(entry) ? entry.emailAddress : undefined;
    const address = isJsonObject(email) && typeof email.address === 'string' ? email.address.trim() : '';
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      throw badRequest(
        `At least one recipient isn't valid: attendees[${i}] has no valid emailAddress.address.`,
        'ErrorInvalidRecipients',
      );
    }
    const type =
      isJsonObject(entry) && entry.type !== undefined ? asEnum(entry.type, `attendees[${i}].type`, ATTENDEE_TYPES) : 'required';
    const name = isJsonObject(email) && typeof email.name === 'string' ? email.name : address;
    if (seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    attendees.push({ type, emailAddress: { name, address }, status: { response: 'none', time: NO_RESPONSE_TIME } });
  });
  if (attendees.length > MAX_ATTENDEES) {
    throw badRequest(
      `An event can have at most ${MAX_ATTENDEES} attendees; this request names ${attendees.length}. Split the meeting or use a Teams webinar for larger audiences.`,
      'ErrorInvalidRequest',
    );
  }
  return attendees;
}

function classify(patch: JsonObject, isOrganizer: boolean): void {
  for (const key of Object.keys(patch)) {
    if (key.startsWith('@odata.') || IGNORED_FIELDS.has(key) || LOCAL_FIELDS.has(key)) continue;
    if (ORGANISER_FIELDS.has(key)) {
      if (!isOrganizer) {
        throw new GraphError(
          403,
          'ErrorAccessDenied',
          `Only the organizer can change '${key}'. An attendee may change categories, reminders and free/busy on their own copy.`,
        );
      }
      continue;
    }
    throw badRequest(
      `The property '${key}' does not exist on type 'microsoft.graph.event' or cannot be changed.`,
      'ErrorInvalidProperty',
    );
  }
}

function applyLocalFields(stored: StoredEvent, patch: JsonObject): void {
  const e = stored.event;
  if (patch.categories !== undefined) {
    if (!Array.isArray(patch.categories) || !patch.categories.every((c) => typeof c === 'string')) {
      throw invalidValue('categories', 'an array of strings');
    }
    e.categories = patch.categories.filter((c): c is string => typeof c === 'string');
  }
  if (patch.reminderMinutesBeforeStart !== undefined) {
    const minutes = patch.reminderMinutesBeforeStart;
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0) {
      throw invalidValue('reminderMinutesBeforeStart', 'a whole number of minutes');
    }
    e.reminderMinutesBeforeStart = minutes;
  }
  if (patch.isReminderOn !== undefined) e.isReminderOn = asBoolean(patch.isReminderOn, 'isReminderOn');
  if (patch.showAs !== undefined) e.showAs = asEnum(patch.showAs, 'showAs', SHOW_AS);
}

interface Before {
  readonly subject: string;
  readonly body: string;
  readonly location: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly attendees: readonly Attendee[];
}

function applyOrganiserFields(stored: StoredEvent, patch: JsonObject, organiser: SandboxPerson): void {
  const e = stored.event;
  if (patch.subject !== undefined) e.subject = asString(patch.subject, 'subject');
  if (patch.body !== undefined) {
    e.body = asBody(patch.body);
    e.bodyPreview = previewOf(e.body);
  }
  if (patch.start !== undefined) stored.startMs = asDateTimeTimeZone(patch.start, 'start');
  if (patch.end !== undefined) stored.endMs = asDateTimeTimeZone(patch.end, 'end');
  if (stored.endMs < stored.startMs) throw badRequest('The end of the event is before its start.', 'ErrorInvalidRequest');
  if (patch.location !== undefined) {
    e.location = asLocation(patch.location, 'location');
    e.locations = e.location.displayName === '' ? [] : [e.location];
  }
  if (patch.locations !== undefined) {
    if (!Array.isArray(patch.locations)) throw invalidValue('locations', 'an array');
    e.locations = patch.locations.map((l, i) => asLocation(l, `locations[${i}]`));
    e.location = e.locations[0] ?? { displayName: '' };
  }
  if (patch.importance !== undefined) e.importance = asEnum(patch.importance, 'importance', IMPORTANCE);
  if (patch.sensitivity !== undefined) e.sensitivity = asEnum(patch.sensitivity, 'sensitivity', SENSITIVITY);
  for (const flag of ['responseRequested', 'allowNewTimeProposals', 'hideAttendees'] as const) {
    const value = patch[flag];
    if (value !== undefined) e[flag] = asBoolean(value, flag);
  }
  if (patch.attendees !== undefined) {
    const previous = new Map((e.attendees ?? []).map((a) => [normalisedAddress(a), a]));
    e.attendees = asAttendees(patch.attendees, organiser).map((a) => {
      const kept = previous.get(normalisedAddress(a));
      // Answers are the server's to keep: a client sending back a list it read must not overwrite them.
      return kept === undefined ? a : { ...a, status: kept.status ?? null };
    });
  }
  const joinUrl = e.onlineMeeting?.joinUrl;
  if (patch.body !== undefined && e.isOnlineMeeting === true && joinUrl != null) {
    const content = e.body?.content ?? '';
    if (!content.includes(joinUrl) && !content.includes(joinUrl.replaceAll('&', '&amp;'))) {
      e.isOnlineMeeting = false;
      e.onlineMeeting = null;
      e.onlineMeetingProvider = 'unknown';
    }
  }
}

function propagate(state: SandboxState, organiser: SandboxPerson, stored: StoredEvent, before: Before, now: number): void {
  const e = stored.event;
  const timeChanged = stored.startMs !== before.startMs || stored.endMs !== before.endMs;
  const contentChanged =
    timeChanged ||
    e.subject !== before.subject ||
    (e.body?.content ?? '') !== before.body ||
    JSON.stringify(e.location ?? null) !== before.location;
  const oldAddresses = new Set(before.attendees.map(normalisedAddress));
  const current = e.attendees ?? [];
  const newAddresses = new Set(current.map(normalisedAddress));

  if (timeChanged) {
    for (const a of current) a.status = { response: 'none', time: NO_RESPONSE_TIME };
  }
  const notify = (address: string, notice: MeetingNotice): void => {
    const person = personByAddress(state, address);
    // Someone outside the sandbox's tenant has no mailbox here: the mail would leave the tenant.
    if (person === undefined) return;
    const mailbox = mailboxOf(state, person.id);
    if (notice.kind === 'cancellation') {
      const copy = findCopy(mailbox, e.iCalUId);
      if (copy !== undefined) cancelCopy(state, copy, now);
    } else {
      upsertCopy(state, person, stored, notice.requestType !== 'informationalUpdate', now);
    }
    deliverMeetingNotice(state, mailbox, organiser, person, stored, notice, now);
  };

  for (const address of newAddresses) {
    if (!oldAddresses.has(address)) notify(address, { kind: 'request', requestType: 'newMeetingRequest' });
    else if (contentChanged) {
      notify(address, {
        kind: 'request',
        requestType: timeChanged ? 'fullUpdate' : 'informationalUpdate',
        ...(timeChanged ? { previous: { startMs: before.startMs, endMs: before.endMs } } : {}),
      });
    }
  }
  for (const address of oldAddresses) {
    if (!newAddresses.has(address)) notify(address, { kind: 'cancellation' });
  }
}

export function updateEvent(
  state: SandboxState,
  owner: SandboxPerson,
  eventId: string,
  patch: JsonObject,
  ifMatch: string | undefined,
  now: number,
): StoredEvent {
  const stored = findEvent(mailboxOf(state, owner.id), eventId);
  checkIfMatch(ifMatch, stored);
  classify(patch, stored.event.isOrganizer);
  applyLocalFields(stored, patch);
  if (stored.event.isOrganizer) {
    const e = stored.event;
    const before: Before = {
      subject: e.subject,
      body: e.body?.content ?? '',
      location: JSON.stringify(e.location ?? null),
      startMs: stored.startMs,
      endMs: stored.endMs,
      attendees: (e.attendees ?? []).map((a) => ({ ...a })),
    };
    applyOrganiserFields(stored, patch, owner);
    touch(state, stored, now);
    propagate(state, owner, stored, before, now);
  } else {
    touch(state, stored, now);
  }
  return stored;
}
