/** The workbench remembers document names per person and item, and storage that fails makes it forgetful only. */
import { describe, expect, it } from 'vitest';
import { createStorageDocumentMemory, type KeyValueStorage } from '../../src/hosts/workbench/documentMemory';

function mapStorage(): KeyValueStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const refusing: KeyValueStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

describe('createStorageDocumentMemory', () => {
  it('remembers per person and calendar item', async () => {
    const storage = mapStorage();
    const maria = createStorageDocumentMemory(storage, 'maria');
    const jonas = createStorageDocumentMemory(storage, 'jonas');
    expect(await maria.remember('event-1', 'samrad-1')).toBe(true);
    expect(maria.recall('event-1')).toBe('samrad-1');
    expect(maria.recall('event-2')).toBeNull();
    expect(jonas.recall('event-1')).toBeNull();
  });

  it.each([
    ['refused storage', refusing],
    ['no storage', null],
  ])('answers null and false with %s, and never throws', async (_name, storage) => {
    const memory = createStorageDocumentMemory(storage, 'maria');
    expect(memory.recall('event-1')).toBeNull();
    expect(await memory.remember('event-1', 'samrad-1')).toBe(false);
  });
});
