/**
 * The one state object, its file, and the rule that keeps concurrent requests honest: writes run one at a time on
 * a copy, the copy replaces the state only when the write succeeds (a failed precondition leaves nothing
 * half-done), and the file is replaced atomically (temp file + rename) before the request is answered, so a crash
 * or a kill never leaves a torn state.json.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STATE_FORMAT, type SandboxState } from './model';

export const STATE_FILE = 'state.json';

export class StateStore {
  #state: SandboxState;
  #queue: Promise<unknown> = Promise.resolve();
  #tempCounter = 0;

  private constructor(
    private readonly file: string,
    state: SandboxState,
  ) {
    this.#state = state;
  }

  /** Loads `${dataDir}/state.json`, or creates it from `seed()` when the folder has none yet. */
  static async open(dataDir: string, seed: () => SandboxState): Promise<StateStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, STATE_FILE);
    const loaded = await readState(file);
    const store = new StateStore(file, loaded ?? seed());
    if (loaded === null) await store.persist();
    return store;
  }

  /** The current state, for reading only: it is replaced, never changed in place, so a reader sees one moment. */
  get current(): Readonly<SandboxState> {
    return this.#state;
  }

  /** Runs `change` on a copy of the latest state, after every earlier write, and persists the result. */
  write<T>(change: (draft: SandboxState) => T): Promise<T> {
    const run = this.#queue.then(async () => {
      const draft = structuredClone(this.#state);
      const result = change(draft);
      this.#state = draft;
      await this.persist();
      return result;
    });
    // A failed write must not stop the ones queued behind it.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Replaces the whole state (reset), queued like any write. */
  replace(make: (current: Readonly<SandboxState>) => SandboxState): Promise<void> {
    const run = this.#queue.then(async () => {
      this.#state = make(this.#state);
      await this.persist();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for every queued write (used before stopping). */
  async idle(): Promise<void> {
    await this.#queue;
  }

  private async persist(): Promise<void> {
    this.#tempCounter += 1;
    const temp = `${this.file}.${process.pid}.${this.#tempCounter}.tmp`;
    await writeFile(temp, JSON.stringify(this.#state));
    await rename(temp, this.file);
  }
}

async function readState(file: string): Promise<SandboxState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file} is not valid JSON. Delete it (the sandbox then starts from its seed) or restore it.`, {
      cause,
    });
  }
  if (!isStateOfThisFormat(parsed)) {
    throw new Error(
      `${file} was written by another version of the sandbox (format ≠ ${STATE_FORMAT}). Delete it to start from the seed.`,
    );
  }
  return parsed;
}

function isStateOfThisFormat(value: unknown): value is SandboxState {
  return typeof value === 'object' && value !== null && 'format' in value && value.format === STATE_FORMAT;
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
