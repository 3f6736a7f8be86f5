/**
 * What the organiser's pane needs when it opens: the calendar item with its link (the link comes with the event
 * through $expand) and the consultation document it points to.
 *
 * When the host remembers which document belongs to the item (DocumentMemory), the event and the document are
 * read at the same time: one round trip. The first opening on a device, or after the link changed, reads the
 * event first and then the document: two round trips, never more. `npm run bench` measures both.
 */
import type { DocumentMemory, MeetingEvent, StoredConsultation } from '../../core/ports';
import type { Ports } from '../ports';

export interface OrganiserView {
  readonly event: MeetingEvent;
  /** Null when the item is not linked to a consultation, or its document is gone. */
  readonly document: StoredConsultation | null;
}

export async function loadOrganiserView(
  ports: Pick<Ports, 'events' | 'documents'>,
  memory: DocumentMemory,
  eventId: string,
): Promise<OrganiserView> {
  const remembered = memory.recall(eventId);
  let event: MeetingEvent;
  if (remembered !== null) {
    const [eventRead, documentRead] = await Promise.allSettled([
      ports.events.getEvent(eventId),
      ports.documents.load(remembered),
    ]);
    if (eventRead.status === 'rejected') throw eventRead.reason;
    event = eventRead.value;
    if (event.link?.documentName === remembered) {
      // The hint was right, so the document read decides: its failure is the view's failure.
      if (documentRead.status === 'rejected') throw documentRead.reason;
      return { event, document: documentRead.value };
    }
    // The link changed (or is gone) since the hint was kept: whatever the guess read is not this item's document.
  } else {
    event = await ports.events.getEvent(eventId);
  }
  if (event.link === null) return { event, document: null };
  const document = await ports.documents.load(event.link.documentName);
  // Not awaited: Outlook's roaming settings take a round trip to Exchange, and the view need not wait for it. It
  // never rejects (a host that cannot remember resolves false: the next opening is slower, nothing more).
  void memory.remember(eventId, event.link.documentName);
  return { event, document };
}
