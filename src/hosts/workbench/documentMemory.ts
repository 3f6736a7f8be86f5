/**
 * The workbench's DocumentMemory: the page's local storage, one key per signed-in person and calendar item (two
 * sandbox people share the browser, as two Outlook users never share roaming settings). Storage that is missing,
 * full or refused (private mode) makes it forgetful, never broken.
 */
import type { DocumentMemory } from '../../core/ports';

/** The part of the Web Storage API it uses, so tests can pass a map-backed one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const PREFIX = 'samrad:document-of';

export function createStorageDocumentMemory(storage: KeyValueStorage | null, person: string): DocumentMemory {
  const key = (eventId: string): string => `${PREFIX}:${person}:${eventId}`;
  return {
    recall(eventId) {
      if (storage === null) return null;
      try {
        return storage.getItem(key(eventId));
      } catch {
        // A browser that refuses storage (some private modes throw on access) has simply nothing remembered.
        return null;
      }
    },
    remember(eventId, documentName) {
      if (storage === null) return Promise.resolve(false);
      try {
        storage.setItem(key(eventId), documentName);
        return Promise.resolve(true);
      } catch {
        // Quota exceeded or storage refused: the contract is to answer false, and the next opening reads twice.
        return Promise.resolve(false);
      }
    },
  };
}
