/**
 * Who to add to a meeting's attendees, decided without I/O so that every adapter (Graph, tests, a later host)
 * dedupes and limits the same way. The adapter runs it on each fresh read of the event: people who are already
 * there — including people a lost earlier attempt added — are never sent again.
 */
import { describeInvalidEmail, parseEmail, type InvalidEmailReason } from '../registration/email';
import type { Attendee } from '../registration/ledger';
import { PortError } from './errors';
import type { Invitee } from './meetingEvent';

/** Outlook's limit on attendees per event. Beyond it, Teams webinars (Graph virtualEvents) take registrations. */
export const MAX_ATTENDEES = 500;

export interface InvitationPlan {
  /** Not yet on the event; `email` is the normalised address that will be sent. */
  readonly toAdd: readonly Invitee[];
  /** On the event already (or the organiser), as asked for. */
  readonly alreadyInvited: readonly Invitee[];
}

export interface CurrentAttendees {
  readonly attendees: readonly Attendee[];
  readonly organizerEmail: string;
}

/** The comparable key of an address already on the event; an unreadable one still blocks its own raw spelling. */
function keyOf(email: string): string {
  const parsed = parseEmail(email);
  return parsed.ok ? parsed.email : email.trim().toLowerCase();
}

function invalidAttendeesError(invalid: readonly { email: string; reason: InvalidEmailReason }[]): PortError {
  const list = (language: 'sv' | 'en'): string =>
    invalid.map(({ email, reason }) => `"${email}" (${describeInvalidEmail(reason)[language]})`).join('; ');
  return new PortError(
    'invalid-attendee',
    {
      sv: `${invalid.length} adress(er) kan inte bjudas in: ${list('sv')}. Ingen inbjudan har skickats.`,
      en: `${invalid.length} address(es) cannot be invited: ${list('en')}. No invitation was sent.`,
    },
    {
      sv: 'Rätta adresserna (eller ta bort dem ur urvalet) och bjud in igen.',
      en: 'Correct the addresses (or leave them out of the selection) and invite again.',
    },
  );
}

export function attendeeLimitError(current: number, adding: number): PortError {
  return new PortError(
    'attendee-limit',
    {
      sv: `Mötet har ${current} deltagare och ${adding} till skulle bli ${current + adding}; Outlook tillåter högst ${MAX_ATTENDEES} per möte. Ingen inbjudan har skickats.`,
      en: `The meeting has ${current} attendees and ${adding} more would make ${current + adding}; Outlook allows at most ${MAX_ATTENDEES} per meeting. No invitation was sent.`,
    },
    {
      sv: `Bjud in färre (högst ${Math.max(0, MAX_ATTENDEES - current)} till), eller gör samrådet till ett Teams-webbinarium, som tar emot fler anmälningar.`,
      en: `Invite fewer people (at most ${Math.max(0, MAX_ATTENDEES - current)} more), or run the consultation as a Teams webinar, which takes larger registrations.`,
    },
  );
}

/**
 * Splits `people` into those to add and those already invited. Throws PortError `invalid-attendee` (listing every
 * unreadable address) or `attendee-limit` — both before anything is sent, so a failed call changes nothing.
 */
export function planInvitations(current: CurrentAttendees, people: readonly Invitee[]): InvitationPlan {
  const invalid: { email: string; reason: InvalidEmailReason }[] = [];
  const wanted = new Map<string, Invitee>();
  for (const person of people) {
    const parsed = parseEmail(person.email);
    if (!parsed.ok) {
      invalid.push({ email: person.email, reason: parsed.reason });
      continue;
    }
    const earlier = wanted.get(parsed.email);
    // The same person listed twice: one invitation, with the first name given.
    if (earlier === undefined || (earlier.name === null && person.name !== null)) {
      wanted.set(parsed.email, { email: parsed.email, name: earlier?.name ?? person.name });
    }
  }
  if (invalid.length > 0) throw invalidAttendeesError(invalid);

  const present = new Set(current.attendees.map((a) => keyOf(a.email)));
  if (current.organizerEmail !== '') present.add(keyOf(current.organizerEmail));

  const toAdd: Invitee[] = [];
  const alreadyInvited: Invitee[] = [];
  for (const [key, person] of wanted) (present.has(key) ? alreadyInvited : toAdd).push(person);

  if (toAdd.length > 0 && current.attendees.length + toAdd.length > MAX_ATTENDEES) {
    throw attendeeLimitError(current.attendees.length, toAdd.length);
  }
  return { toAdd, alreadyInvited };
}
