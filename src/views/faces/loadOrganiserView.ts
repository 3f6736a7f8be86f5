/**
 * What the organiser's pane needs when it opens: the calendar item with its link (one request: the link comes
 * with the event through $expand) and then the consultation document it points to. Two round trips at most;
 * `npm run bench` counts them.
 */
import type { MeetingEvent, StoredConsultation } from '../../core/ports';
import type { Ports } from '../ports';

export interface OrganiserView {
  readonly event: MeetingEvent;
  /** Null when the item is not linked to a consultation, or its document is gone. */
  readonly document: StoredConsultation | null;
}

export async function loadOrganiserView(ports: Pick<Ports, 'events' | 'documents'>, eventId: string): Promise<OrganiserView> {
  const event = await ports.events.getEvent(eventId);
  const document = event.link === null ? null : await ports.documents.load(event.link.documentName);
  return { event, document };
}
