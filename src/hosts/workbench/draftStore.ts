/**
 * DraftStore on Web Storage (the workbench, and Outlook's task pane, which is a browser page too): one key per
 * signed-in person and document. What is read back is validated with the consultation schema; anything else is
 * reported as unreadable, never used.
 */
import { consultationSchema } from '../../core/consultation/schema';
import type { DraftStore, LocalDraft } from '../../core/ports';
import type { KeyValueStorage } from './documentMemory';

export type DraftStorage = KeyValueStorage & Pick<Storage, 'removeItem'>;

const PREFIX = 'samrad:draft';

function parseDraft(text: string): LocalDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { baseEtag, base, draft } = value as Record<string, unknown>;
  if (typeof baseEtag !== 'string') return null;
  const parsedBase = consultationSchema.safeParse(base);
  const parsedDraft = consultationSchema.safeParse(draft);
  if (!parsedBase.success || !parsedDraft.success) return null;
  return { baseEtag, base: parsedBase.data, draft: parsedDraft.data };
}

export function createStorageDraftStore(storage: DraftStorage | null, person: string): DraftStore {
  const key = (documentName: string): string => `${PREFIX}:${person}:${documentName}`;
  return {
    read(documentName) {
      if (storage === null) return { kind: 'none' };
      let text: string | null;
      try {
        text = storage.getItem(key(documentName));
      } catch {
        // Storage refused on access: nothing can have been kept either.
        return { kind: 'none' };
      }
      if (text === null) return { kind: 'none' };
      const draft = parseDraft(text);
      return draft === null ? { kind: 'unreadable' } : { kind: 'draft', value: draft };
    },
    write(documentName, draft) {
      if (storage === null) return false;
      try {
        storage.setItem(key(documentName), JSON.stringify(draft));
        return true;
      } catch {
        // Full or refused: the contract is to answer false; the pane then says the draft is not kept on the device.
        return false;
      }
    },
    clear(documentName) {
      if (storage === null) return;
      try {
        storage.removeItem(key(documentName));
      } catch {
        // Refused storage held nothing to clear.
      }
    },
  };
}
