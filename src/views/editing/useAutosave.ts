/** Binds an Autosave to a view: one instance per document, its state as React state, disposed with the view. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConsultationDocumentPort, DraftStore, StoredConsultation } from '../../core/ports';
import { Autosave, timerSchedule, type Schedule } from './autosave';

export function useAutosave(
  stored: StoredConsultation,
  ports: { readonly documents: ConsultationDocumentPort; readonly drafts: DraftStore },
  schedule: Schedule = timerSchedule,
): Autosave {
  // One Autosave per document as loaded; a reload (new ETag) starts a new one.
  const [autosave, setAutosave] = useState(() => new Autosave(stored, { ...ports, schedule }));
  const key = `${stored.name} ${stored.etag}`;
  const [builtFor, setBuiltFor] = useState(key);
  if (builtFor !== key) {
    setBuiltFor(key);
    setAutosave(new Autosave(stored, { ...ports, schedule }));
  }
  useEffect(() => {
    autosave.start();
    return () => autosave.dispose();
  }, [autosave]);
  useSyncExternalStore(
    (listener) => autosave.subscribe(listener),
    () => autosave.state,
  );
  return autosave;
}
