/**
 * What the host remembers about a calendar item between two openings of the pane: the name of the consultation
 * document it is linked to. Knowing it before the event is read lets the pane read the event and the document at
 * the same time — one round trip instead of two. Outlook keeps it in the add-in's roaming settings, the
 * workbench in the page's local storage.
 *
 * It is a hint, never the truth: the link on the event decides, and a hint that disagrees is replaced.
 */
export interface DocumentMemory {
  /** The document name remembered for this calendar item, or null. */
  recall(eventId: string): string | null;
  /**
   * Remembers the document name for this calendar item. Resolves false when the host could not keep it (storage
   * full or refused): the next opening then takes two round trips again, and nothing else is lost.
   */
  remember(eventId: string, documentName: string): Promise<boolean>;
}

/** For hosts that cannot remember anything: every opening reads the event first. */
export const FORGETFUL_MEMORY: DocumentMemory = {
  recall: () => null,
  remember: () => Promise.resolve(false),
};
