/** A DraftStore in memory, for tests of what the pane keeps on the device: `kept` shows what is there. */
import type { DraftRead, DraftStore, LocalDraft } from '../../src/core/ports';

export function memoryDrafts(initial: Readonly<Record<string, LocalDraft>> = {}): DraftStore & {
  readonly kept: Map<string, LocalDraft>;
} {
  const kept = new Map<string, LocalDraft>(Object.entries(initial));
  return {
    kept,
    read: (name): DraftRead => {
      const draft = kept.get(name);
      return draft === undefined ? { kind: 'none' } : { kind: 'draft', value: draft };
    },
    write: (name, draft) => {
      kept.set(name, draft);
      return true;
    },
    clear: (name) => void kept.delete(name),
  };
}
