/** Drafts on Web Storage: per person and document, validated when read back, and storage failures never throw. */
import { describe, expect, it } from 'vitest';
import { createStorageDraftStore, type DraftStorage } from '../../src/hosts/workbench/draftStore';
import { sampleConsultation } from '../support/consultations';

function mapStorage(): DraftStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const draft = { baseEtag: '"1"', base: sampleConsultation(), draft: { ...sampleConsultation(), title: 'Utkast' } };

describe('createStorageDraftStore', () => {
  it('keeps, reads back and clears a draft per person and document', () => {
    const storage = mapStorage();
    const maria = createStorageDraftStore(storage, 'maria');
    expect(maria.read('samrad-1')).toEqual({ kind: 'none' });
    expect(maria.write('samrad-1', draft)).toBe(true);
    expect(maria.read('samrad-1')).toEqual({ kind: 'draft', value: draft });
    expect(createStorageDraftStore(storage, 'jonas').read('samrad-1')).toEqual({ kind: 'none' });
    maria.clear('samrad-1');
    expect(maria.read('samrad-1')).toEqual({ kind: 'none' });
  });

  it.each([
    ['not JSON', '{'],
    ['no base version', JSON.stringify({ base: draft.base, draft: draft.draft })],
    ['an invalid consultation', JSON.stringify({ ...draft, draft: { ...draft.draft, start: 'igår' } })],
  ])('reports %s as unreadable and never uses it', (_name, text) => {
    const storage = mapStorage();
    storage.map.set('samrad:draft:maria:samrad-1', text);
    expect(createStorageDraftStore(storage, 'maria').read('samrad-1')).toEqual({ kind: 'unreadable' });
  });

  it('answers "not kept" when storage is full or refused, and "none" without storage', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const store = createStorageDraftStore(full, 'maria');
    expect(store.write('samrad-1', draft)).toBe(false);
    expect(() => store.clear('samrad-1')).not.toThrow();
    const none = createStorageDraftStore(null, 'maria');
    expect(none.read('samrad-1')).toEqual({ kind: 'none' });
    expect(none.write('samrad-1', draft)).toBe(false);
  });
});
