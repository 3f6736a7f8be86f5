/**
 * The local Fluid service (tinylicious) that carries Live Share in the workbench and the tests, as a child process:
 * started on a port, waited for until it answers, and stopped again. `npm start` (webpack.config.ts) and the tests
 * (tests/support/tinylicious.ts) use it. A port already served by a tinylicious is reused and left running when
 * stopped, since whoever started it owns it.
 *
 * tinylicious takes its port from the PORT environment variable and its settings from nconf (any setting can be
 * given as an environment variable): `storage` moves its git storage out of the machine-wide /var/tmp/tinylicious,
 * so parallel runs never share documents.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SamradError, type Bilingual } from '../../src/core/errors';

export const DEFAULT_TINYLICIOUS_PORT = 7070;
export const DEFAULT_START_TIMEOUT_MS = 20_000;

/** How long a stop waits for tinylicious to finish (it waits a second itself before exiting) before killing it. */
const STOP_GRACE_MS = 5_000;
const POLL_INTERVAL_MS = 100;
/** How many lines of its output are kept to explain a failed start. */
const TAIL_LINES = 30;

/** tinylicious answers its root with this greeting; it tells it apart from another service on the port. */
const GREETING = 'This is Tinylicious';

export interface TinyliciousOptions {
  /** The port to serve on (default 7070, where Live Share's test host looks). */
  readonly port?: number;
  /** Where tinylicious keeps its git storage; created if missing. */
  readonly storageDir: string;
  /** Appends tinylicious's output to this file; without it the output is kept only to explain a failed start. */
  readonly logFile?: string;
  readonly startTimeoutMs?: number;
}

export interface RunningTinylicious {
  readonly port: number;
  /** The address Fluid clients connect to, e.g. http://localhost:7070 (http and its websocket). */
  readonly endpoint: string;
  /** False when a tinylicious already served the port and was reused: stop() then leaves it running. */
  readonly started: boolean;
  /** Stops the tinylicious this call started; resolves once the process has exited. */
  stop(): Promise<void>;
}

export type TinyliciousErrorReason = 'port-taken' | 'exited' | 'timeout';

export class TinyliciousError extends SamradError {
  override readonly name: string = 'TinyliciousError';
  readonly reason: TinyliciousErrorReason;

  constructor(reason: TinyliciousErrorReason, what: Bilingual, hint: Bilingual, options?: { cause?: unknown }) {
    super('invalid-input', what, hint, options);
    this.reason = reason;
  }
}

export function tinyliciousEndpoint(port: number): string {
  return `http://localhost:${port}`;
}

/** What answers on the port: a tinylicious, some other service, or nothing. */
export async function probeTinylicious(port: number, timeoutMs = 1_000): Promise<'tinylicious' | 'other' | 'none'> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    // Refused, reset or silent: nothing usable serves the port (a silent server is caught when tinylicious cannot bind).
    return 'none';
  }
  const text = await response.text();
  return response.ok && text.includes(GREETING) ? 'tinylicious' : 'other';
}

function tinyliciousScript(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('tinylicious/package.json')), 'dist/index.js');
}

/** The last lines a process wrote, to say why it failed. */
class OutputTail {
  private readonly lines: string[] = [];

  add(chunk: Buffer): void {
    this.lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    this.lines.splice(0, Math.max(0, this.lines.length - TAIL_LINES));
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  const inTime = await Promise.race([done.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!inTime) child.kill('SIGKILL');
  await done;
}

async function waitUntilServing(child: ChildProcess, port: number, timeoutMs: number, tail: OutputTail): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const seen: { exit: { code: number | null; signal: NodeJS.Signals | null } | null } = { exit: null };
  child.once('exit', (code, signal) => {
    seen.exit = { code, signal };
  });
  for (;;) {
    if ((await probeTinylicious(port, 500)) === 'tinylicious') return;
    if (seen.exit !== null) {
      const { code, signal } = seen.exit;
      throw new TinyliciousError(
        'exited',
        {
          sv: `Den lokala Fluid-tjänsten (tinylicious) avslutades när den startade på port ${port} (kod ${String(code ?? signal)}).`,
          en: `The local Fluid service (tinylicious) exited while starting on port ${port} (code ${String(code ?? signal)}).`,
        },
        {
          sv: `Läs dess utskrift nedan; är porten upptagen, välj en annan.\n${tail.toString()}`,
          en: `Read its output below; if the port is taken, choose another.\n${tail.toString()}`,
        },
      );
    }
    if (performance.now() > deadline) {
      throw new TinyliciousError(
        'timeout',
        {
          sv: `Den lokala Fluid-tjänsten (tinylicious) svarade inte på port ${port} inom ${Math.round(timeoutMs / 1000)} s.`,
          en: `The local Fluid service (tinylicious) did not answer on port ${port} within ${Math.round(timeoutMs / 1000)} s.`,
        },
        {
          sv: `Datorn kan vara hårt belastad: försök igen. Dess utskrift:\n${tail.toString()}`,
          en: `The machine may be busy: try again. Its output:\n${tail.toString()}`,
        },
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

function openLog(file: string | undefined): WriteStream | null {
  if (file === undefined) return null;
  mkdirSync(path.dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

export async function startTinylicious(options: TinyliciousOptions): Promise<RunningTinylicious> {
  const port = options.port ?? DEFAULT_TINYLICIOUS_PORT;
  const endpoint = tinyliciousEndpoint(port);
  const found = await probeTinylicious(port);
  if (found === 'tinylicious') {
    return { port, endpoint, started: false, stop: () => Promise.resolve() };
  }
  if (found === 'other') {
    throw new TinyliciousError(
      'port-taken',
      {
        sv: `Port ${port} används redan av en annan tjänst än den lokala Fluid-tjänsten (tinylicious).`,
        en: `Port ${port} is already used by a service other than the local Fluid service (tinylicious).`,
      },
      {
        sv: `Stäng den tjänsten: arbetsbänkens Teams-sidor når Live Share på port ${port}. Utan den följer de tidsplanen.`,
        en: `Stop that service: the workbench's Teams pages reach Live Share on port ${port}. Without it they follow the time plan.`,
      },
    );
  }

  mkdirSync(options.storageDir, { recursive: true });
  const log = openLog(options.logFile);
  const tail = new OutputTail();
  // The child inherits no PORT meant for someone else (npm start's PORT is the dev server's).
  const child = spawn(process.execPath, [tinyliciousScript()], {
    env: { ...process.env, PORT: String(port), storage: options.storageDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onOutput = (chunk: Buffer): void => {
    tail.add(chunk);
    log?.write(chunk);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  // Should this process end without stopping it (a crash, process.exit), tinylicious must not outlive it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopChild(child);
    await new Promise<void>((resolve) => {
      if (log === null) resolve();
      else log.end(() => resolve());
    });
  };

  try {
    await waitUntilServing(child, port, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, tail);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, endpoint, started: true, stop };
}
