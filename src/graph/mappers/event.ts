/** Graph event (+ the Samråd open extension) → core MeetingEvent; core attendees → the PATCH body Graph expects. */
import type * as Graph from '@microsoft/microsoft-graph-types';
import { PortError } from '../../core/ports/errors';
import { CONSULTATION_SCHEMA_VERSION } from '../../core/consultation/schema';
import type { ConsultationLink, Invitee, MeetingEvent } from '../../core/ports/meetingEvent';
import type { Attendee, AttendeeResponse } from '../../core/registration/ledger';
import { documentNameOf, documentPathOf } from '../appFolder';
import { isoOfGraphDateTime } from './dateTime';
import type { attendeeShape } from './shapes';
import { eventShape, invalidResponse, read } from './shapes';
import type * as z from 'zod/mini';

/** The open extension that links an event to its consultation document (ADR 0002). */
export const LINK_EXTENSION_NAME = 'se.samrad.consultation';

const RESPONSES: ReadonlySet<string> = new Set<AttendeeResponse>([
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
]);

type GraphAttendee = z.infer<typeof attendeeShape>;

// Graph's enums may grow (unknownFutureValue); an answer Samråd does not know is no answer it can count.
function knownResponse(response: string | null | undefined): AttendeeResponse {
  return response !== null && response !== undefined && RESPONSES.has(response) ? (response as AttendeeResponse) : 'none';
}

export function toAttendee(attendee: GraphAttendee): Attendee {
  return {
    email: attendee.emailAddress?.address ?? '',
    name: attendee.emailAddress?.name ?? null,
    response: knownResponse(attendee.status?.response),
  };
}

function isLinkExtension(extension: Readonly<Record<string, unknown>>): boolean {
  const { id, extensionName } = extension;
  // Outlook gives the id fully qualified: Microsoft.OutlookServices.OpenTypeExtension.se.samrad.consultation.
  return (
    extensionName === LINK_EXTENSION_NAME ||
    (typeof id === 'string' && (id === LINK_EXTENSION_NAME || id.endsWith(`.${LINK_EXTENSION_NAME}`)))
  );
}

export function toLink(extensions: readonly Readonly<Record<string, unknown>>[] | null | undefined): ConsultationLink | null {
  const extension = (extensions ?? []).find(isLinkExtension);
  if (extension === undefined) return null;
  const documentPath = extension['documentPath'];
  const documentName = typeof documentPath === 'string' ? documentNameOf(documentPath) : null;
  if (documentName !== null) return { documentName };
  const shown = JSON.stringify(documentPath ?? null);
  throw new PortError(
    'invalid-link',
    {
      sv: `Mötets länk till samrådsdokumentet (${LINK_EXTENSION_NAME}) är skadad: documentPath är ${shown}.`,
      en: `The meeting's link to the consultation document (${LINK_EXTENSION_NAME}) is damaged: documentPath is ${shown}.`,
    },
    {
      sv: 'Koppla mötet till sitt samrådsdokument igen från Samråd i Outlook.',
      en: 'Link the meeting to its consultation document again from Samråd in Outlook.',
    },
  );
}

/** Maps a Graph event; `displayZone` is the zone the ISO times are written in (the consultation's, Stockholm). */
export function toMeetingEvent(json: unknown, displayZone: string, etagHeader: string | null = null): MeetingEvent {
  const event = read(eventShape, json, 'an event');
  const etag = event['@odata.etag'] ?? etagHeader ?? event.changeKey;
  if (etag === null || etag === undefined) throw invalidResponse(`an event without @odata.etag (${event.id})`);
  const organizerEmail = event.organizer?.emailAddress?.address ?? '';
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    subject: event.subject ?? '',
    start: isoOfGraphDateTime(event.start, displayZone),
    end: isoOfGraphDateTime(event.end, displayZone),
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    bodyHtml: event.body?.content ?? '',
    organizerEmail,
    attendees: (event.attendees ?? []).map(toAttendee),
    ownResponse: knownResponse(event.responseStatus?.response),
    etag,
    link: toLink(event.extensions),
  };
}

/** The raw attendees of an event as Graph gave them, for a read-modify-write that keeps each one as it was. */
export function graphAttendeesOf(json: unknown): GraphAttendee[] {
  return [...(read(eventShape, json, 'an event').attendees ?? [])];
}

/**
 * The attendees list for a PATCH: the existing ones with their type and address unchanged, then the new people as
 * required attendees. Response status is left out: it is the attendee's to set, and Exchange keeps it for
 * everyone who stays on the list.
 */
export function attendeesPatch(existing: readonly GraphAttendee[], added: readonly Invitee[]): Pick<Graph.Event, 'attendees'> {
  const keep: Graph.Attendee[] = existing.map((a) => ({
    type: (a.type ?? 'required') as Graph.AttendeeType,
    emailAddress: { address: a.emailAddress?.address ?? null, name: a.emailAddress?.name ?? null },
  }));
  const add: Graph.Attendee[] = added.map((person) => ({
    type: 'required',
    emailAddress: { address: person.email, ...(person.name === null ? {} : { name: person.name }) },
  }));
  return { attendees: [...keep, ...add] };
}

/** The open extension as Graph takes it; a PATCH replaces all its properties, so it is always sent whole. */
export type LinkExtensionBody = Graph.OpenTypeExtension & {
  readonly '@odata.type': string;
  /** Relative to the app folder, e.g. Samrad/consultations/ogp-2023-12-12.json. */
  readonly documentPath: string;
  /** The document format the link was written for. */
  readonly schemaVersion: number;
};

export function linkExtensionBody(link: ConsultationLink): LinkExtensionBody {
  return {
    '@odata.type': 'microsoft.graph.openTypeExtension',
    extensionName: LINK_EXTENSION_NAME,
    documentPath: documentPathOf(link.documentName),
    schemaVersion: CONSULTATION_SCHEMA_VERSION,
  };
}
