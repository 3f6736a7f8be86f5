/**
 * Autosave's rules: edits are kept on the device at once and saved after a pause; faults retry with growing
 * pauses; conflicts wait for a decision; a draft left on the device is restored, merged or offered as a conflict.
 */
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import type {
  ConsultationDocumentPort,
  DraftRead,
  DraftStore,
  LocalDraft,
  SaveResult,
  StoredConsultation,
} from '../../../src/core/ports';
import { PortError } from '../../../src/core/ports';
import { Autosave, type Schedule } from '../../../src/views/editing/autosave';
import { sampleConsultation } from '../../support/consultations';

const NAME = 'samrad-1';

function stored(consultation: Consultation, etag: string): StoredConsultation {
  return { name: NAME, consultation, etag };
}

const base = stored(sampleConsultation(), '"1"');
const retitled = (c: Consultation, title: string): Consultation => ({ ...c, title });

function memoryDrafts(initial?: LocalDraft | 'unreadable'): DraftStore & { kept: LocalDraft | null; refuse: boolean } {
  const store = {
    kept: initial === 'unreadable' ? null : (initial ?? null),
    refuse: false,
    read(): DraftRead {
      if (initial === 'unreadable') return { kind: 'unreadable' };
      return store.kept === null ? { kind: 'none' } : { kind: 'draft', value: store.kept };
    },
    write(_name: string, draft: LocalDraft): boolean {
      if (store.refuse) return false;
      store.kept = draft;
      return true;
    },
    clear(): void {
      store.kept = null;
    },
  };
  return store;
}

/** A schedule run by hand: `flush()` runs what is due, in order. */
function manualSchedule(): { schedule: Schedule; pending: () => number[]; flush: () => void } {
  let tasks: { run: () => void; ms: number }[] = [];
  return {
    schedule: (run, ms) => {
      const task = { run, ms };
      tasks.push(task);
      return () => {
        tasks = tasks.filter((t) => t !== task);
      };
    },
    pending: () => tasks.map((t) => t.ms),
    flush: () => {
      const due = tasks;
      tasks = [];
      for (const t of due) t.run();
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function savingPort(answers: ((mine: Consultation, from: StoredConsultation | null) => SaveResult | Error)[]) {
  const calls: { from: StoredConsultation | null; mine: Consultation }[] = [];
  const port: ConsultationDocumentPort = {
    list: () => Promise.resolve([]),
    load: () => Promise.resolve(null),
    save: (_name, from, mine) => {
      calls.push({ from, mine });
      const answer = answers.shift();
      if (answer === undefined) throw new Error('unexpected save');
      const result = answer(mine, from);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
  return { port, calls };
}

const ok = (mine: Consultation): SaveResult => ({
  ok: true,
  saved: stored({ ...mine, revision: mine.revision + 1 }, '"2"'),
  merged: false,
});
const offline = new PortError('unavailable', { sv: 'Nere.', en: 'Down.' }, { sv: 'Vänta.', en: 'Wait.' });
const denied = new PortError('forbidden', { sv: 'Nej.', en: 'No.' }, { sv: 'Be om åtkomst.', en: 'Ask for access.' });

describe('Autosave', () => {
  it('keeps an edit on the device at once and saves it after the pause', async () => {
    const drafts = memoryDrafts();
    const timer = manualSchedule();
    const { port, calls } = savingPort([ok]);
    const autosave = new Autosave(base, { documents: port, drafts, schedule: timer.schedule, delayMs: 800 });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Nytt namn'));
    expect(autosave.state.status.kind).toBe('pending');
    expect(drafts.kept?.draft.title).toBe('Nytt namn');
    expect(drafts.kept?.baseEtag).toBe('"1"');
    expect(timer.pending()).toEqual([800]);
    timer.flush();
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.from).toBe(base);
    expect(autosave.state.status).toEqual({ kind: 'saved', merged: false });
    expect(autosave.state.base.etag).toBe('"2"');
    expect(drafts.kept).toBeNull();
  });

  it('coalesces quick edits into one save', async () => {
    const timer = manualSchedule();
    const { port, calls } = savingPort([ok]);
    const autosave = new Autosave(base, { documents: port, drafts: memoryDrafts(), schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'A'));
    autosave.edit(retitled(base.consultation, 'AB'));
    expect(timer.pending()).toHaveLength(1);
    timer.flush();
    await settle();
    expect(calls.map((c) => c.mine.title)).toEqual(['AB']);
  });

  it('keeps edits made while saving and saves them next, from the saved version', async () => {
    const timer = manualSchedule();
    let release: (() => void) | null = null;
    const calls: { from: StoredConsultation | null; title: string }[] = [];
    const port: ConsultationDocumentPort = {
      list: () => Promise.resolve([]),
      load: () => Promise.resolve(null),
      save: (_n, from, mine) => {
        calls.push({ from, title: mine.title });
        return new Promise((resolve) => {
          release = () => resolve(ok(mine));
        });
      },
    };
    const autosave = new Autosave(base, { documents: port, drafts: memoryDrafts(), schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Första'));
    timer.flush();
    await settle();
    expect(autosave.state.status.kind).toBe('saving');
    autosave.edit(retitled(base.consultation, 'Andra'));
    (release as (() => void) | null)?.();
    await settle();
    expect(autosave.state.draft.title).toBe('Andra');
    expect(autosave.state.status.kind).toBe('pending');
    timer.flush();
    await settle();
    (release as (() => void) | null)?.();
    await settle();
    expect(calls.map((c) => c.title)).toEqual(['Första', 'Andra']);
    expect(calls[1]?.from?.etag).toBe('"2"');
    expect(autosave.state.status.kind).toBe('saved');
  });

  it('goes offline on a transient fault, keeps the draft and retries with growing pauses', async () => {
    const drafts = memoryDrafts();
    const timer = manualSchedule();
    const { port } = savingPort([() => offline, () => offline, ok]);
    const autosave = new Autosave(base, {
      documents: port,
      drafts,
      schedule: timer.schedule,
      delayMs: 10,
      retryDelaysMs: [100, 500],
    });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Offline'));
    timer.flush();
    await settle();
    expect(autosave.state.status).toMatchObject({ kind: 'offline', retryInMs: 100 });
    expect(drafts.kept?.draft.title).toBe('Offline');
    timer.flush();
    await settle();
    expect(autosave.state.status).toMatchObject({ kind: 'offline', retryInMs: 500 });
    timer.flush();
    await settle();
    expect(autosave.state.status.kind).toBe('saved');
    expect(autosave.state.draft.title).toBe('Offline');
  });

  it('stops on a failure a retry cannot mend, keeping the draft; saveNow tries again', async () => {
    const drafts = memoryDrafts();
    const timer = manualSchedule();
    const { port } = savingPort([() => denied, ok]);
    const autosave = new Autosave(base, { documents: port, drafts, schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Nekad'));
    timer.flush();
    await settle();
    expect(autosave.state.status).toEqual({ kind: 'failed', error: denied });
    expect(timer.pending()).toEqual([]);
    expect(drafts.kept?.draft.title).toBe('Nekad');
    await autosave.saveNow();
    expect(autosave.state.status.kind).toBe('saved');
  });

  it('waits for a decision on a conflict, and can keep mine or take theirs', async () => {
    const theirs = stored(retitled(base.consultation, 'Deras'), '"3"');
    const conflict = (): SaveResult => ({ ok: false, conflicts: ['title'], theirs });
    const timer = manualSchedule();
    const { port, calls } = savingPort([conflict, ok]);
    const autosave = new Autosave(base, { documents: port, drafts: memoryDrafts(), schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Mitt'));
    timer.flush();
    await settle();
    expect(autosave.state.status).toEqual({ kind: 'conflict', conflicts: ['title'], theirs });
    autosave.edit(retitled(base.consultation, 'Mitt igen'));
    expect(timer.pending()).toEqual([]); // no autosave over a conflict
    await autosave.keepMine();
    expect(calls[1]?.from).toBe(theirs);
    expect(calls[1]?.mine.title).toBe('Mitt igen');
    expect(autosave.state.status.kind).toBe('saved');

    const second = new Autosave(base, {
      documents: savingPort([conflict]).port,
      drafts: memoryDrafts(),
      schedule: timer.schedule,
    });
    second.start();
    second.edit(retitled(base.consultation, 'Mitt'));
    await second.saveNow();
    second.takeTheirs();
    expect(second.state.draft.title).toBe('Deras');
    expect(second.state.base).toBe(theirs);
    expect(second.state.status.kind).toBe('saved');
  });

  it('restores a draft left on the device for the same stored version', () => {
    const drafts = memoryDrafts({ baseEtag: '"1"', base: base.consultation, draft: retitled(base.consultation, 'Kvar') });
    const timer = manualSchedule();
    const autosave = new Autosave(base, { documents: savingPort([]).port, drafts, schedule: timer.schedule });
    autosave.start();
    expect(autosave.state.restored).toBe('restored');
    expect(autosave.state.draft.title).toBe('Kvar');
    expect(autosave.state.status.kind).toBe('pending');
    expect(timer.pending()).toHaveLength(1);
  });

  it('merges a draft left on the device with a stored version that changed meanwhile', () => {
    const newer = stored({ ...base.consultation, registration: { ...base.consultation.registration, capacity: 60 } }, '"5"');
    const drafts = memoryDrafts({ baseEtag: '"1"', base: base.consultation, draft: retitled(base.consultation, 'Kvar') });
    const autosave = new Autosave(newer, { documents: savingPort([]).port, drafts, schedule: manualSchedule().schedule });
    autosave.start();
    expect(autosave.state.restored).toBe('merged');
    expect(autosave.state.draft.title).toBe('Kvar');
    expect(autosave.state.draft.registration.capacity).toBe(60);
    expect(drafts.kept?.baseEtag).toBe('"5"');
  });

  it('offers a conflict when the draft on the device and the stored version changed the same thing', () => {
    const newer = stored(retitled(base.consultation, 'Någon annans'), '"5"');
    const drafts = memoryDrafts({ baseEtag: '"1"', base: base.consultation, draft: retitled(base.consultation, 'Mitt') });
    const autosave = new Autosave(newer, { documents: savingPort([]).port, drafts, schedule: manualSchedule().schedule });
    autosave.start();
    expect(autosave.state.status).toMatchObject({ kind: 'conflict', conflicts: ['title'] });
    expect(autosave.state.draft.title).toBe('Mitt');
  });

  it('says so when a draft on the device cannot be read, or the device will not keep one', () => {
    const unreadable = new Autosave(base, {
      documents: savingPort([]).port,
      drafts: memoryDrafts('unreadable'),
      schedule: manualSchedule().schedule,
    });
    unreadable.start();
    expect(unreadable.state.restored).toBe('unreadable');
    expect(unreadable.state.draft).toBe(base.consultation);

    const drafts = memoryDrafts();
    drafts.refuse = true;
    const refused = new Autosave(base, { documents: savingPort([]).port, drafts, schedule: manualSchedule().schedule });
    refused.start();
    refused.edit(retitled(base.consultation, 'X'));
    expect(refused.state.keptOnDevice).toBe(false);
  });

  it('writes and saves nothing before start(), and works again after dispose() and start() (React StrictMode)', async () => {
    const drafts = memoryDrafts({ baseEtag: '"1"', base: base.consultation, draft: retitled(base.consultation, 'Kvar') });
    const timer = manualSchedule();
    const { port, calls } = savingPort([ok]);
    const autosave = new Autosave(base, { documents: port, drafts, schedule: timer.schedule });
    expect(timer.pending()).toEqual([]);
    autosave.start();
    autosave.dispose();
    expect(timer.pending()).toEqual([]);
    autosave.start();
    timer.flush();
    await settle();
    expect(calls.map((c) => c.mine.title)).toEqual(['Kvar']);
  });

  it('puts edits typed during a save on top of what was stored, so others’ merged changes are not undone', async () => {
    const timer = manualSchedule();
    let release: (() => void) | null = null;
    const theirs = ['Länk skickas dagen före.'];
    const calls: Consultation[] = [];
    const port: ConsultationDocumentPort = {
      list: () => Promise.resolve([]),
      load: () => Promise.resolve(null),
      save: (_n, _from, mine) => {
        calls.push(mine);
        // The store merged someone else's practical information into what it saved.
        const saved = stored({ ...mine, practicalInformation: theirs, revision: mine.revision + 1 }, `"${calls.length + 1}"`);
        return new Promise((resolve) => {
          release = () => resolve({ ok: true, saved, merged: true });
        });
      },
    };
    const autosave = new Autosave(base, { documents: port, drafts: memoryDrafts(), schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Första'));
    timer.flush();
    await settle();
    autosave.edit(retitled(autosave.state.draft, 'Andra'));
    (release as (() => void) | null)?.();
    await settle();
    expect(autosave.state.draft.title).toBe('Andra');
    expect(autosave.state.draft.practicalInformation).toEqual(theirs);
    timer.flush();
    await settle();
    expect(calls[1]?.practicalInformation).toEqual(theirs);
  });

  it('keeps their other changes when the organiser keeps hers in a conflict', async () => {
    const theirs = stored({ ...retitled(base.consultation, 'Deras'), practicalInformation: ['Deras info.'] }, '"3"');
    const timer = manualSchedule();
    const { port, calls } = savingPort([() => ({ ok: false, conflicts: ['title'], theirs }), ok]);
    const autosave = new Autosave(base, { documents: port, drafts: memoryDrafts(), schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Mitt'));
    await autosave.saveNow();
    expect(autosave.state.status.kind).toBe('conflict');
    await autosave.keepMine();
    expect(calls[1]?.mine.title).toBe('Mitt');
    expect(calls[1]?.mine.practicalInformation).toEqual(['Deras info.']);
    expect(autosave.state.status.kind).toBe('saved');
  });

  it('saveNow waits for a save under way and then saves what was typed during it', async () => {
    const timer = manualSchedule();
    let release: (() => void) | null = null;
    const titles: string[] = [];
    const port: ConsultationDocumentPort = {
      list: () => Promise.resolve([]),
      load: () => Promise.resolve(null),
      save: (_n, _from, mine) => {
        titles.push(mine.title);
        if (titles.length === 1) {
          return new Promise((resolve) => {
            release = () => resolve(ok(mine));
          });
        }
        return Promise.resolve(ok(mine));
      },
    };
    const autosave = new Autosave(base, { documents: port, drafts: memoryDrafts(), schedule: timer.schedule });
    autosave.start();
    autosave.edit(retitled(base.consultation, 'Ett'));
    timer.flush();
    await settle();
    autosave.edit(retitled(base.consultation, 'Två'));
    const done = autosave.saveNow();
    (release as (() => void) | null)?.();
    const state = await done;
    expect(titles).toEqual(['Ett', 'Två']);
    expect(state.status.kind).toBe('saved');
  });
});
