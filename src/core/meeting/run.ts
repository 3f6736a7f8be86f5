/**
 * Running the agenda in the meeting: which item is on and how long it has run. The state is a few numbers that
 * every panel and the stage share (through Live Share where it exists); each client works out the time left from
 * its own clock, so nothing has to tick over the network. Changes are pure functions of the previous state and the
 * instant, so a replay of the same steps gives the same run.
 */
import * as z from 'zod/mini';

export type AgendaRunStatus = 'not-started' | 'running' | 'paused' | 'ended';

export interface AgendaRun {
  readonly status: AgendaRunStatus;
  /** Flat index (0-based, document order over all parts) of the current item. */
  readonly itemIndex: number;
  /** Epoch ms when the current item's clock last started or resumed; null unless running. */
  readonly runningSince: number | null;
  /** Milliseconds the current item ran before `runningSince` (earlier stretches, between pauses). */
  readonly spentMs: number;
  /** Epoch ms when the first item started; null before the start. Kept for the record of actual times. */
  readonly startedAt: number | null;
  /** One more on every change: a client that receives an older state than it has keeps its own. */
  readonly sequence: number;
}

export const NOT_STARTED: AgendaRun = {
  status: 'not-started',
  itemIndex: 0,
  runningSince: null,
  spentMs: 0,
  startedAt: null,
  sequence: 0,
};

const instant = z.number().check(z.int(), z.nonnegative());

/**
 * What a peer may send. Live Share carries any JSON a client in the meeting writes, so a value is checked before it
 * is shown; an invalid one is ignored as if it never came.
 */
export const agendaRunSchema = z
  .object({
    status: z.enum(['not-started', 'running', 'paused', 'ended']),
    itemIndex: z.number().check(z.int(), z.nonnegative(), z.maximum(999)),
    runningSince: z.nullable(instant),
    spentMs: instant,
    startedAt: z.nullable(instant),
    sequence: z.number().check(z.int(), z.nonnegative()),
  })
  .check(
    z.refine((run) => (run.status === 'running') === (run.runningSince !== null), {
      error: 'runningSince is set exactly while the agenda runs',
    }),
  );

/** The run a peer sent, or null when it is not a well-formed run. */
export function readAgendaRun(value: unknown): AgendaRun | null {
  const result = agendaRunSchema.safeParse(value);
  return result.success ? result.data : null;
}

/**
 * Of two states of one run, the one to keep: the later change wins. Two chairs changing at the same moment make two
 * different runs with one sequence number; every client then keeps the same one of them (a fixed order of their
 * JSON), so all panels agree instead of each keeping its own.
 */
export function laterRun(held: AgendaRun, received: AgendaRun): AgendaRun {
  if (received.sequence !== held.sequence) return received.sequence > held.sequence ? received : held;
  return JSON.stringify(runFields(received)) > JSON.stringify(runFields(held)) ? received : held;
}

/** The fields in one fixed order, so that two equal runs give one JSON text whatever order their keys came in. */
function runFields(run: AgendaRun): readonly unknown[] {
  return [run.status, run.itemIndex, run.runningSince, run.spentMs, run.startedAt, run.sequence];
}

/** How long the current item has run at `now`. */
export function spentOnItem(run: AgendaRun, now: number): number {
  return run.spentMs + (run.runningSince === null ? 0 : Math.max(0, now - run.runningSince));
}

function next(run: AgendaRun, change: Omit<AgendaRun, 'sequence' | 'startedAt'> & { startedAt?: number | null }): AgendaRun {
  return { startedAt: run.startedAt, ...change, sequence: run.sequence + 1 };
}

/**
 * Starts the agenda at its first item, or, when it has ended, again from the start. A run under way is left as it
 * is: a Start pressed on a view that was behind (or by two chairs at once) must not throw the meeting back to item 1.
 */
export function startRun(run: AgendaRun, now: number): AgendaRun {
  if (run.status === 'running' || run.status === 'paused') return run;
  return next(run, { status: 'running', itemIndex: 0, runningSince: now, spentMs: 0, startedAt: now });
}

export function pauseRun(run: AgendaRun, now: number): AgendaRun {
  if (run.status !== 'running') return run;
  return next(run, { status: 'paused', itemIndex: run.itemIndex, runningSince: null, spentMs: spentOnItem(run, now) });
}

export function resumeRun(run: AgendaRun, now: number): AgendaRun {
  if (run.status !== 'paused') return run;
  return next(run, { status: 'running', itemIndex: run.itemIndex, runningSince: now, spentMs: run.spentMs });
}

/**
 * Moves to another item (the next, the previous, or any by index), whose clock starts at zero. Past the last item
 * the run ends. A paused run stays paused on the new item.
 */
export function goToItem(run: AgendaRun, itemIndex: number, itemCount: number, now: number): AgendaRun {
  if (run.status === 'not-started' || run.status === 'ended') return run;
  if (itemIndex >= itemCount) return endRun(run);
  const index = Math.max(0, itemIndex);
  return next(run, {
    status: run.status,
    itemIndex: index,
    runningSince: run.status === 'running' ? now : null,
    spentMs: 0,
  });
}

export function endRun(run: AgendaRun): AgendaRun {
  if (run.status === 'ended' || run.status === 'not-started') return run;
  return next(run, { status: 'ended', itemIndex: run.itemIndex, runningSince: null, spentMs: 0 });
}
