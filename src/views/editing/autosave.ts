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
  type LocalDraft,
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
  /** The save under way, so a caller who needs it done (publishing) waits for it rather than skipping it. */
  #inFlight: Promise<void> | null = null;
  #retries = 0;
  /** Nothing is written, scheduled or saved before start(): a view may build an Autosave and drop it (StrictMode). */
  #running = false;
  /** A restored-and-merged draft, kept on the device once started. */
  #restoredMerge: LocalDraft | null = null;
  /** "Keep mine" after the stored document was deleted: the next save creates it again. */
  #createAnew = false;

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

  /** Starts (or, after dispose, restarts) saving: what waits to be saved is saved after the pause. */
  start(): void {
    this.#running = true;
    if (this.#restoredMerge !== null) {
      this.#keep(this.#state.base, this.#restoredMerge.draft);
      this.#restoredMerge = null;
    }
    const { kind } = this.#state.status;
    if (kind === 'pending' || kind === 'offline') this.#schedule(this.#deps.delayMs);
  }

  /** Stops timers and saving; listeners stay, so a view that starts it again (StrictMode) still hears it. */
  dispose(): void {
    this.#running = false;
    this.#clearTimer();
  }

  /** An edit: kept on the device now, saved after the pause (not while a conflict waits for a decision). */
  edit(next: Consultation): void {
    this.#restoredMerge = null;
    const kept = this.#keep(this.#state.base, next);
    if (this.#state.status.kind === 'conflict') {
      this.#set({ draft: next, keptOnDevice: kept });
      return;
    }
    this.#set({ draft: next, keptOnDevice: kept, status: { kind: 'pending' } });
    this.#schedule(this.#deps.delayMs);
  }

  /**
   * Save now (the retry button, or before publishing). A save already under way is waited for, and what was
   * typed during it is saved next; resolves when everything typed so far has been tried once.
   */
  async saveNow(): Promise<AutosaveState> {
    this.#clearTimer();
    if (this.#inFlight !== null) await this.#inFlight;
    const { kind } = this.#state.status;
    if (kind === 'pending' || kind === 'offline' || kind === 'failed') {
      this.#clearTimer();
      await this.#save();
    }
    return this.#state;
  }

  /**
   * Resolves a conflict by keeping the organiser's version where both changed the same thing; everything else
   * the other side changed is kept too. When the stored document is gone, mine is saved as a new one.
   */
  async keepMine(): Promise<AutosaveState> {
    const { status } = this.#state;
    if (status.kind !== 'conflict') return this.#state;
    if (status.theirs === null) {
      this.#createAnew = true;
      this.#set({ status: { kind: 'pending' } });
      return this.saveNow();
    }
    const merged = mergeConsultations(this.#state.base.consultation, this.#state.draft, status.theirs.consultation, {
      prefer: 'mine',
    });
    if (!merged.ok) {
      this.#set({ status: { kind: 'conflict', conflicts: merged.conflicts, theirs: status.theirs } });
      return this.#state;
    }
    this.#keep(status.theirs, merged.merged);
    this.#set({ base: status.theirs, draft: merged.merged, status: { kind: 'pending' } });
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
   * Edits typed meanwhile are put on top of it, so saving them cannot undo it.
   */
  adoptSaved(saved: StoredConsultation): void {
    if (this.#state.status.kind === 'saved') {
      this.#deps.drafts.clear(saved.name);
      this.#set({ base: saved, draft: saved.consultation });
      return;
    }
    this.#rebase(this.#state.base.consultation, saved);
  }

  /**
   * The stored version moved on to `saved` (what `from` had, plus others' changes) while the organiser kept
   * typing: her edits since `from` go on top of `saved`, so saving them next cannot undo anyone's change. Where
   * both changed the same thing, it is a conflict for her to decide.
   */
  #rebase(from: Consultation, saved: StoredConsultation): void {
    const rebased = mergeConsultations(from, this.#state.draft, saved.consultation);
    if (!rebased.ok) {
      this.#set({ base: saved, status: { kind: 'conflict', conflicts: rebased.conflicts, theirs: saved } });
      return;
    }
    this.#keep(saved, rebased.merged);
    this.#set({ base: saved, draft: rebased.merged, status: { kind: 'pending' } });
    this.#schedule(this.#deps.delayMs);
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
      return;
    }
    const merged = mergeConsultations(local.base, local.draft, stored.consultation);
    if (merged.ok) {
      this.#restoredMerge = { baseEtag: stored.etag, base: stored.consultation, draft: merged.merged };
      this.#state = { ...this.#state, draft: merged.merged, restored: 'merged', status: { kind: 'pending' } };
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

  #save(): Promise<void> {
    if (this.#inFlight !== null) return this.#inFlight;
    const { kind } = this.#state.status;
    if (!this.#running || kind === 'conflict' || kind === 'saved') return Promise.resolve();
    const saving = this.#saveOnce().finally(() => {
      this.#inFlight = null;
    });
    this.#inFlight = saving;
    return saving;
  }

  async #saveOnce(): Promise<void> {
    const { base } = this.#state;
    const sent = this.#state.draft;
    const createAnew = this.#createAnew;
    this.#set({ status: { kind: 'saving' } });
    try {
      const result = await this.#deps.documents.save(base.name, createAnew ? null : base, sent);
      if (!this.#isRunning()) return;
      this.#retries = 0;
      this.#createAnew = false;
      if (!result.ok) {
        this.#set({ status: { kind: 'conflict', conflicts: result.conflicts, theirs: result.theirs } });
        return;
      }
      if (this.#state.draft !== sent) {
        // Typed while saving: those edits go on top of what is stored now (which may hold others' merged changes).
        this.#rebase(sent, result.saved);
        return;
      }
      this.#deps.drafts.clear(base.name);
      this.#set({
        base: result.saved,
        draft: result.saved.consultation,
        status: { kind: 'saved', merged: result.merged },
        keptOnDevice: true,
      });
    } catch (error) {
      if (!this.#isRunning()) return;
      if (isTransient(error)) {
        const delays = this.#deps.retryDelaysMs;
        const retryInMs = delays[Math.min(this.#retries, delays.length - 1)] ?? 30_000;
        this.#retries += 1;
        this.#set({ status: { kind: 'offline', error, retryInMs } });
        this.#schedule(retryInMs);
      } else {
        this.#set({ status: { kind: 'failed', error } });
      }
    }
  }

  /** Read through a method: the flag changes while a save awaits, which a narrowed field would hide. */
  #isRunning(): boolean {
    return this.#running;
  }

  #schedule(ms: number): void {
    this.#clearTimer();
    if (!this.#running) return;
    this.#cancelTimer = this.#deps.schedule(() => {
      this.#cancelTimer = null;
      // Errors are turned into states inside #saveOnce; nothing reaches this timer callback.
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
