/**
 * Autosave of the consultation the organiser edits, with nothing lost and nothing overwritten silently:
 * - every edit is kept on the device at once (DraftStore), then saved to the consultation store after a short pause;
 * - a save that meets someone else's change is merged by the port (three-way); a real conflict stops autosave and
 *   waits for the organiser to choose, with the list of what both sides changed;
 * - Graph being unreachable or throttling makes the state "offline" and retries with growing pauses;
 * - on opening, a draft left on the device (a reload, a closed pane) is restored — merged with the stored
 *   version when that changed meanwhile, or offered as a conflict.
 * Framework-free (a small observable) so the rules are tested without React; useAutosave.ts binds it to a view.
 */
import { mergeConsultations } from '../../core/consultation/merge';
import type { Consultation } from '../../core/consultation/schema';
import {
  isPortError,
  type ConsultationDocumentPort,
  type DraftStore,
  type PortError,
  type StoredConsultation,
} from '../../core/ports';

export type SaveStatus =
  | { readonly kind: 'saved'; readonly merged: boolean }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  /** Graph could not be reached or is throttling; a retry is scheduled. */
  | { readonly kind: 'offline'; readonly error: PortError; readonly retryInMs: number }
  /** Both sides changed the same things differently; the organiser decides. */
  | { readonly kind: 'conflict'; readonly conflicts: readonly string[]; readonly theirs: StoredConsultation | null }
  /** A failure a retry will not mend by itself (no access, invalid document): shown with its explanation. */
  | { readonly kind: 'failed'; readonly error: unknown };

/** What happened to a draft found on the device when the pane opened. */
export type Restored = 'nothing' | 'restored' | 'merged' | 'unreadable';

export interface AutosaveState {
  readonly base: StoredConsultation;
  readonly draft: Consultation;
  readonly status: SaveStatus;
  readonly restored: Restored;
  /** False when the device refused to keep the draft: then only a successful save protects the edits. */
  readonly keptOnDevice: boolean;
}

export type Schedule = (run: () => void, ms: number) => () => void;

export interface AutosaveDeps {
  readonly documents: ConsultationDocumentPort;
  readonly drafts: DraftStore;
  readonly schedule: Schedule;
  /** Pause after the last edit before saving. */
  readonly delayMs?: number;
  /** Pauses between retries while offline; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
}

const TRANSIENT = new Set(['throttled', 'unavailable', 'network', 'service-error', 'document-busy']);

export function isTransient(error: unknown): error is PortError {
  return isPortError(error) && TRANSIENT.has(error.code);
}

export class Autosave {
  #state: AutosaveState;
  readonly #deps: Required<AutosaveDeps>;
  readonly #listeners = new Set<(state: AutosaveState) => void>();
  #cancelTimer: (() => void) | null = null;
  #saving = false;
  #retries = 0;
  #disposed = false;

  constructor(stored: StoredConsultation, deps: AutosaveDeps) {
    this.#deps = { delayMs: 800, retryDelaysMs: [2_000, 5_000, 15_000, 30_000], ...deps };
    this.#state = {
      base: stored,
      draft: stored.consultation,
      status: { kind: 'saved', merged: false },
      restored: 'nothing',
      keptOnDevice: true,
    };
    this.#restore(stored);
  }

  get state(): AutosaveState {
    return this.#state;
  }

  subscribe(listener: (state: AutosaveState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** An edit: kept on the device now, saved after the pause (not while a conflict waits for a decision). */
  edit(next: Consultation): void {
    const kept = this.#keep(this.#state.base, next);
    if (this.#state.status.kind === 'conflict') {
      this.#set({ draft: next, keptOnDevice: kept });
      return;
    }
    this.#set({ draft: next, keptOnDevice: kept, status: { kind: 'pending' } });
    this.#schedule(this.#deps.delayMs);
  }

  /** Save now (the retry button, or before publishing). Resolves when this save attempt has settled. */
  async saveNow(): Promise<AutosaveState> {
    this.#clearTimer();
    await this.#save();
    return this.#state;
  }

  /** Resolves a conflict by keeping the organiser's version: saved over theirs, on purpose. */
  async keepMine(): Promise<AutosaveState> {
    const { status } = this.#state;
    if (status.kind !== 'conflict') return this.#state;
    if (status.theirs !== null) this.#set({ base: status.theirs });
    this.#keep(this.#state.base, this.#state.draft);
    this.#set({ status: { kind: 'pending' } });
    return this.saveNow();
  }

  /** Resolves a conflict by taking the stored version; the organiser's unsaved edits are dropped, on purpose. */
  takeTheirs(): void {
    const { status } = this.#state;
    if (status.kind !== 'conflict') return;
    const theirs = status.theirs ?? this.#state.base;
    this.#deps.drafts.clear(theirs.name);
    this.#set({ base: theirs, draft: theirs.consultation, status: { kind: 'saved', merged: false }, keptOnDevice: true });
  }

  /**
   * A version saved by someone other than this autosave (publishing records its publication) is the new base.
   * Edits typed meanwhile are kept, with that version's publication record, so saving them cannot undo it.
   */
  adoptSaved(saved: StoredConsultation): void {
    if (this.#state.status.kind === 'saved') {
      this.#deps.drafts.clear(saved.name);
      this.#set({ base: saved, draft: saved.consultation });
      return;
    }
    const draft = { ...this.#state.draft, published: saved.consultation.published };
    this.#keep(saved, draft);
    this.#set({ base: saved, draft });
  }

  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
    this.#listeners.clear();
  }

  #restore(stored: StoredConsultation): void {
    const found = this.#deps.drafts.read(stored.name);
    if (found.kind === 'none') return;
    if (found.kind === 'unreadable') {
      // Not used, not deleted: a newer Samråd on another tab may have written it. The pane says it was set aside.
      this.#state = { ...this.#state, restored: 'unreadable' };
      return;
    }
    const local = found.value;
    if (local.baseEtag === stored.etag) {
      this.#state = { ...this.#state, draft: local.draft, restored: 'restored', status: { kind: 'pending' } };
      this.#schedule(this.#deps.delayMs);
      return;
    }
    const merged = mergeConsultations(local.base, local.draft, stored.consultation);
    if (merged.ok) {
      this.#keep(stored, merged.merged);
      this.#state = { ...this.#state, draft: merged.merged, restored: 'merged', status: { kind: 'pending' } };
      this.#schedule(this.#deps.delayMs);
      return;
    }
    this.#state = {
      ...this.#state,
      draft: local.draft,
      restored: 'restored',
      status: { kind: 'conflict', conflicts: merged.conflicts, theirs: stored },
    };
  }

  #keep(base: StoredConsultation, draft: Consultation): boolean {
    return this.#deps.drafts.write(base.name, { baseEtag: base.etag, base: base.consultation, draft });
  }

  async #save(): Promise<void> {
    if (this.#saving || this.#disposed) return;
    const { status } = this.#state;
    if (status.kind === 'conflict' || status.kind === 'saved') return;
    this.#saving = true;
    const { base } = this.#state;
    const sent = this.#state.draft;
    this.#set({ status: { kind: 'saving' } });
    try {
      const result = await this.#deps.documents.save(base.name, base, sent);
      if (this.#isDisposed()) return;
      this.#retries = 0;
      if (!result.ok) {
        this.#set({ status: { kind: 'conflict', conflicts: result.conflicts, theirs: result.theirs } });
        return;
      }
      const editedMeanwhile = this.#state.draft !== sent;
      if (editedMeanwhile) {
        // The new edits were made on top of what was just saved: keep them, now based on the saved version.
        this.#set({ base: result.saved, status: { kind: 'pending' } });
        this.#keep(result.saved, this.#state.draft);
        this.#schedule(this.#deps.delayMs);
      } else {
        this.#deps.drafts.clear(base.name);
        this.#set({
          base: result.saved,
          draft: result.saved.consultation,
          status: { kind: 'saved', merged: result.merged },
          keptOnDevice: true,
        });
      }
    } catch (error) {
      if (this.#isDisposed()) return;
      if (isTransient(error)) {
        const delays = this.#deps.retryDelaysMs;
        const retryInMs = delays[Math.min(this.#retries, delays.length - 1)] ?? 30_000;
        this.#retries += 1;
        this.#set({ status: { kind: 'offline', error, retryInMs } });
        this.#schedule(retryInMs);
      } else {
        this.#set({ status: { kind: 'failed', error } });
      }
    } finally {
      this.#saving = false;
    }
  }

  /** Read through a method: the flag changes while a save awaits, which a narrowed field would hide. */
  #isDisposed(): boolean {
    return this.#disposed;
  }

  #schedule(ms: number): void {
    this.#clearTimer();
    this.#cancelTimer = this.#deps.schedule(() => {
      this.#cancelTimer = null;
      // Errors are turned into states inside #save; nothing reaches this timer callback.
      void this.#save();
    }, ms);
  }

  #clearTimer(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
  }

  #set(update: Partial<AutosaveState>): void {
    this.#state = { ...this.#state, ...update };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

/** setTimeout as a Schedule. */
export const timerSchedule: Schedule = (run, ms) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};
