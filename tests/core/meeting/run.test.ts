/** The agenda run: its transitions, the time spent on an item, what a peer may send, and which of two states wins. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  endRun,
  goToItem,
  laterRun,
  NOT_STARTED,
  pauseRun,
  readAgendaRun,
  resumeRun,
  spentOnItem,
  startRun,
  type AgendaRun,
} from '../../../src/core/meeting/run';
import { MINUTE_MS, parseZonedIso } from '../../../src/core/time/zonedTime';

const T0 = parseZonedIso('2023-12-12T13:00:00+01:00');
const NOW = T0 + 20 * MINUTE_MS;
const ITEMS = 4;

/** On item 3 (index 2) since 13.10, after 3 minutes on it before a pause. */
const RUNNING: AgendaRun = {
  status: 'running',
  itemIndex: 2,
  runningSince: T0 + 10 * MINUTE_MS,
  spentMs: 3 * MINUTE_MS,
  startedAt: T0,
  sequence: 7,
};
const PAUSED: AgendaRun = {
  status: 'paused',
  itemIndex: 2,
  runningSince: null,
  spentMs: 5 * MINUTE_MS,
  startedAt: T0,
  sequence: 8,
};
const ENDED: AgendaRun = { status: 'ended', itemIndex: 3, runningSince: null, spentMs: 0, startedAt: T0, sequence: 9 };

const STATES: readonly (readonly [name: string, run: AgendaRun])[] = [
  ['not-started', NOT_STARTED],
  ['running', RUNNING],
  ['paused', PAUSED],
  ['ended', ENDED],
];

type Step = (run: AgendaRun) => AgendaRun;
const start: Step = (r) => startRun(r, NOW);
const pause: Step = (r) => pauseRun(r, NOW);
const resume: Step = (r) => resumeRun(r, NOW);
const goTo =
  (index: number, count = ITEMS): Step =>
  (r) =>
    goToItem(r, index, count, NOW);
const end: Step = (r) => endRun(r);

describe('agenda run transitions', () => {
  const changes: readonly (readonly [name: string, from: AgendaRun, step: Step, expected: AgendaRun])[] = [
    [
      'start from not-started: item 1, clock from now',
      NOT_STARTED,
      start,
      { status: 'running', itemIndex: 0, runningSince: NOW, spentMs: 0, startedAt: NOW, sequence: 1 },
    ],
    [
      'start from ended: again from item 1, with a new start time',
      ENDED,
      start,
      { status: 'running', itemIndex: 0, runningSince: NOW, spentMs: 0, startedAt: NOW, sequence: 10 },
    ],
    [
      'pause while running: the stretch so far is added to the spent time',
      RUNNING,
      pause,
      { status: 'paused', itemIndex: 2, runningSince: null, spentMs: 13 * MINUTE_MS, startedAt: T0, sequence: 8 },
    ],
    [
      'resume while paused: the clock runs from now, the spent time is kept',
      PAUSED,
      resume,
      { status: 'running', itemIndex: 2, runningSince: NOW, spentMs: 5 * MINUTE_MS, startedAt: T0, sequence: 9 },
    ],
    [
      'go to the next item while running: its clock starts at zero now',
      RUNNING,
      goTo(3),
      { status: 'running', itemIndex: 3, runningSince: NOW, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'go to the previous item while running',
      RUNNING,
      goTo(1),
      { status: 'running', itemIndex: 1, runningSince: NOW, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'go to another item while paused: stays paused, at zero',
      PAUSED,
      goTo(0),
      { status: 'paused', itemIndex: 0, runningSince: null, spentMs: 0, startedAt: T0, sequence: 9 },
    ],
    [
      'go to the same item while running: its clock starts again',
      RUNNING,
      goTo(2),
      { status: 'running', itemIndex: 2, runningSince: NOW, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'go before the first item: the first item',
      RUNNING,
      goTo(-1),
      { status: 'running', itemIndex: 0, runningSince: NOW, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'go past the last item while running: the run ends on the item it was on',
      RUNNING,
      goTo(ITEMS),
      { status: 'ended', itemIndex: 2, runningSince: null, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'go far past the last item while paused: the run ends',
      PAUSED,
      goTo(ITEMS + 5),
      { status: 'ended', itemIndex: 2, runningSince: null, spentMs: 0, startedAt: T0, sequence: 9 },
    ],
    [
      'go anywhere in an agenda without items: the run ends',
      RUNNING,
      goTo(0, 0),
      { status: 'ended', itemIndex: 2, runningSince: null, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'end while running: the start time is kept for the record',
      RUNNING,
      end,
      { status: 'ended', itemIndex: 2, runningSince: null, spentMs: 0, startedAt: T0, sequence: 8 },
    ],
    [
      'end while paused',
      PAUSED,
      end,
      { status: 'ended', itemIndex: 2, runningSince: null, spentMs: 0, startedAt: T0, sequence: 9 },
    ],
  ];

  it.each(changes)('%s', (_, from, step, expected) => {
    const next = step(from);
    expect(next).toEqual(expected);
    expect(next.sequence).toBe(from.sequence + 1);
    expect(readAgendaRun(next)).toEqual(next);
  });

  const noOps: readonly (readonly [name: string, from: AgendaRun, step: Step])[] = [
    ['pause before the start', NOT_STARTED, pause],
    ['pause while paused', PAUSED, pause],
    ['pause after the end', ENDED, pause],
    ['resume before the start', NOT_STARTED, resume],
    ['resume while running', RUNNING, resume],
    ['resume after the end', ENDED, resume],
    ['go to an item before the start', NOT_STARTED, goTo(1)],
    ['go to an item after the end', ENDED, goTo(1)],
    ['go past the last item before the start', NOT_STARTED, goTo(ITEMS)],
    ['end before the start', NOT_STARTED, end],
    ['end after the end', ENDED, end],
  ];

  it.each(noOps)('%s changes nothing and returns the same object', (_, from, step) => {
    expect(step(from)).toBe(from);
  });

  // A Start button rendered from a stale run, or pressed by two presenters at once, is applied to the run as it is
  // by then (RunControls passes the change as a function of the current run): like every other change, starting
  // must then leave a run that is already under way alone instead of resetting its item and its clock.
  it.each([
    ['running', RUNNING],
    ['paused', PAUSED],
  ] as const)('startRun leaves a %s run as it is (a stale Start never throws the meeting back to item 1)', (_, from) => {
    expect(startRun(from, NOW)).toBe(from);
  });
});

/** A step of a random replay: what to do and when (the clock may go backwards: clients' clocks differ). */
type Op =
  | { readonly kind: 'start' | 'pause' | 'resume' | 'end'; readonly at: number }
  | { readonly kind: 'goTo'; readonly at: number; readonly index: number; readonly count: number };

const atArb = fc.integer({ min: 0, max: 10_000_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('start' as const, 'pause' as const, 'resume' as const, 'end' as const), at: atArb }),
  fc.record({
    kind: fc.constant('goTo' as const),
    at: atArb,
    index: fc.integer({ min: -3, max: 1_005 }),
    count: fc.integer({ min: 0, max: 1_000 }),
  }),
);

function apply(run: AgendaRun, op: Op): AgendaRun {
  switch (op.kind) {
    case 'start':
      return startRun(run, op.at);
    case 'pause':
      return pauseRun(run, op.at);
    case 'resume':
      return resumeRun(run, op.at);
    case 'goTo':
      return goToItem(run, op.index, op.count, op.at);
    case 'end':
      return endRun(run);
  }
}

function replay(ops: readonly Op[]): AgendaRun[] {
  const runs = [NOT_STARTED];
  for (const op of ops) runs.push(apply(runs.at(-1) ?? NOT_STARTED, op));
  return runs;
}

describe('agenda run: property-based', () => {
  it('changes the sequence by exactly one on a change, and returns the same object otherwise', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const runs = replay(ops);
        let changes = 0;
        for (let i = 1; i < runs.length; i += 1) {
          const [before, after] = [runs[i - 1] ?? NOT_STARTED, runs[i] ?? NOT_STARTED];
          if (after === before) continue;
          changes += 1;
          expect(after.sequence).toBe(before.sequence + 1);
        }
        expect(runs.at(-1)?.sequence).toBe(changes);
      }),
      { numRuns: 300 },
    );
  });

  it('only ever produces runs a peer accepts, also after a trip through JSON', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        for (const run of replay(ops)) {
          expect(readAgendaRun(run)).toEqual(run);
          expect(readAgendaRun(JSON.parse(JSON.stringify(run)))).toEqual(run);
        }
      }),
      { numRuns: 300 },
    );
  });

  const toggles = fc.array(fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const), at: atArb }), {
    maxLength: 30,
  });

  it('counts as spent on an item exactly its running stretches, never less than zero, whatever the clock does', () => {
    fc.assert(
      fc.property(atArb, toggles, atArb, (startAt, steps, now) => {
        let run = startRun(NOT_STARTED, startAt);
        // The model: the stretches between a (re)start and the next pause; one backwards counts as nothing.
        let since: number | null = startAt;
        let stretches = 0;
        for (const step of steps) {
          run = step.kind === 'pause' ? pauseRun(run, step.at) : resumeRun(run, step.at);
          if (step.kind === 'pause' && since !== null) {
            stretches += Math.max(0, step.at - since);
            since = null;
          } else if (step.kind === 'resume' && since === null) {
            since = step.at;
          }
        }
        const spent = spentOnItem(run, now);
        expect(spent).toBe(stretches + (since === null ? 0 : Math.max(0, now - since)));
        expect(spent).toBeGreaterThanOrEqual(0);
        expect(run.status).toBe(since === null ? 'paused' : 'running');
      }),
      { numRuns: 500 },
    );
  });

  it('never counts more than the time since the start when the clock only goes forward', () => {
    fc.assert(
      fc.property(atArb, fc.array(fc.nat(100_000), { maxLength: 30 }), fc.nat(100_000), (startAt, gaps, last) => {
        let run = startRun(NOT_STARTED, startAt);
        let at = startAt;
        gaps.forEach((gap, i) => {
          at += gap;
          run = i % 2 === 0 ? pauseRun(run, at) : resumeRun(run, at);
        });
        const now = at + last;
        const runningStretches = gaps.reduce((sum, gap, i) => (i % 2 === 0 ? sum + gap : sum), 0);
        // An even number of toggles (none included) leaves the item running up to now.
        const openStretch = gaps.length % 2 === 0 ? last : 0;
        expect(spentOnItem(run, now)).toBe(runningStretches + openStretch);
        expect(spentOnItem(run, now)).toBeLessThanOrEqual(now - startAt);
      }),
      { numRuns: 300 },
    );
  });
});

describe('spentOnItem', () => {
  it.each<[name: string, run: AgendaRun, now: number, spent: number]>([
    ['before the start', NOT_STARTED, NOW, 0],
    ['running: the earlier stretches plus the one under way', RUNNING, T0 + 15 * MINUTE_MS, 8 * MINUTE_MS],
    ['running, at the instant it resumed', RUNNING, T0 + 10 * MINUTE_MS, 3 * MINUTE_MS],
    ['running, with a clock behind the one that resumed it', RUNNING, T0, 3 * MINUTE_MS],
    ['paused: time stands still', PAUSED, NOW + 60 * MINUTE_MS, 5 * MINUTE_MS],
    ['ended', ENDED, NOW, 0],
  ])('%s', (_, run, now, spent) => {
    expect(spentOnItem(run, now)).toBe(spent);
  });

  it('adds up pause and resume: 5 min, paused 10, 7 min more is 12 min on the item', () => {
    const started = startRun(NOT_STARTED, T0);
    const paused = pauseRun(started, T0 + 5 * MINUTE_MS);
    const resumed = resumeRun(paused, T0 + 15 * MINUTE_MS);
    expect(spentOnItem(paused, T0 + 14 * MINUTE_MS)).toBe(5 * MINUTE_MS);
    expect(spentOnItem(resumed, T0 + 22 * MINUTE_MS)).toBe(12 * MINUTE_MS);
    expect(spentOnItem(goToItem(resumed, 1, ITEMS, T0 + 22 * MINUTE_MS), T0 + 23 * MINUTE_MS)).toBe(MINUTE_MS);
  });
});

describe('readAgendaRun', () => {
  const valid = { ...RUNNING };
  const refused: readonly (readonly [name: string, value: unknown])[] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'running'],
    ['the run as a JSON string', JSON.stringify(RUNNING)],
    ['a number', 42],
    ['an array', [RUNNING]],
    ['an empty object', {}],
    ['a missing field', { status: 'running', itemIndex: 2, runningSince: 1, spentMs: 0, startedAt: 1 }],
    ['an unknown status', { ...valid, status: 'stopped' }],
    ['a status in another case', { ...valid, status: 'Running' }],
    ['a negative item index', { ...valid, itemIndex: -1 }],
    ['an item index past 999', { ...valid, itemIndex: 1_000 }],
    ['a non-integer item index', { ...valid, itemIndex: 1.5 }],
    ['an item index as a string', { ...valid, itemIndex: '2' }],
    ['negative spent time', { ...valid, spentMs: -1 }],
    ['non-integer spent time', { ...valid, spentMs: 0.5 }],
    ['spent time as a string', { ...valid, spentMs: '0' }],
    ['infinite spent time', { ...valid, spentMs: Number.POSITIVE_INFINITY }],
    ['spent time NaN', { ...valid, spentMs: Number.NaN }],
    ['spent time past the safe integers', { ...valid, spentMs: 2 ** 53 }],
    ['a negative runningSince', { ...valid, runningSince: -5 }],
    ['a non-integer runningSince', { ...valid, runningSince: T0 + 0.5 }],
    ['runningSince as an ISO string', { ...valid, runningSince: '2023-12-12T13:00:00+01:00' }],
    ['a negative startedAt', { ...valid, startedAt: -1 }],
    ['startedAt as a boolean', { ...valid, startedAt: true }],
    ['a negative sequence', { ...valid, sequence: -1 }],
    ['a non-integer sequence', { ...valid, sequence: 2.5 }],
    ['a sequence as a string', { ...valid, sequence: '7' }],
    ['runningSince set while paused', { ...PAUSED, runningSince: T0 }],
    ['runningSince set after the end', { ...ENDED, runningSince: T0 }],
    ['runningSince set before the start', { ...NOT_STARTED, runningSince: T0 }],
    ['runningSince missing while running', { ...RUNNING, runningSince: null }],
  ];

  it.each(refused)('refuses %s', (_, value) => {
    expect(readAgendaRun(value)).toBeNull();
  });

  it.each(STATES)('accepts a %s run as it is', (_, run) => {
    expect(readAgendaRun(run)).toEqual(run);
  });

  it('drops fields it does not know rather than passing them on', () => {
    const read = readAgendaRun({ ...RUNNING, html: '<script>alert(1)</script>' });
    expect(read).toEqual(RUNNING);
    expect(read !== null && 'html' in read).toBe(false);
  });
});

describe('laterRun', () => {
  const older = { ...RUNNING, sequence: 3 };
  const newer = { ...PAUSED, sequence: 4 };
  /** Two chairs changing the same run (sequence 2) at the same moment: one went on, the other paused. */
  const wentOn = { ...RUNNING, itemIndex: 3, runningSince: NOW, spentMs: 0, sequence: 3 };
  const pausedMeanwhile = { ...RUNNING, status: 'paused' as const, runningSince: null, sequence: 3 };

  it.each<[name: string, held: AgendaRun, received: AgendaRun, kept: AgendaRun]>([
    ['a newer received run replaces the held one', older, newer, newer],
    ['an older received run is ignored', newer, older, newer],
    ['the start replaces the not-started run', NOT_STARTED, startRun(NOT_STARTED, T0), startRun(NOT_STARTED, T0)],
    ['an equal run received again: the held one stays', older, { ...older }, older],
  ])('%s', (_, held, received, kept) => {
    expect(laterRun(held, received)).toBe(held === kept ? held : received);
    expect(laterRun(held, received)).toEqual(kept);
  });

  it('settles two different runs of one sequence the same way on every client, whichever each held', () => {
    const onOne = laterRun(wentOn, pausedMeanwhile);
    const onOther = laterRun(pausedMeanwhile, wentOn);
    expect(onOne).toEqual(onOther);
    expect([wentOn, pausedMeanwhile]).toContainEqual(onOne);
  });

  it('does not depend on the order of the keys a peer wrote', () => {
    const reordered = JSON.parse(
      JSON.stringify({ sequence: 3, startedAt: T0, spentMs: 0, runningSince: null, itemIndex: 2, status: 'paused' }),
    ) as AgendaRun;
    expect(laterRun(wentOn, reordered)).toEqual(laterRun(wentOn, pausedMeanwhile));
    expect(laterRun(reordered, wentOn)).toEqual(laterRun(pausedMeanwhile, wentOn));
  });

  const runArb: fc.Arbitrary<AgendaRun> = fc
    .record({
      status: fc.constantFrom('not-started' as const, 'running' as const, 'paused' as const, 'ended' as const),
      itemIndex: fc.nat(12),
      since: fc.nat(1_000_000),
      spentMs: fc.nat(1_000_000),
      startedAt: fc.option(fc.nat(1_000_000), { nil: null }),
      sequence: fc.nat(4),
    })
    .map(({ since, ...run }) => ({ ...run, runningSince: run.status === 'running' ? since : null }));

  it('keeps one of the two, with the higher sequence, the same one whichever was held (property)', () => {
    fc.assert(
      fc.property(runArb, runArb, (held, received) => {
        const kept = laterRun(held, received);
        expect(kept === held || kept === received).toBe(true);
        expect(kept.sequence).toBe(Math.max(held.sequence, received.sequence));
        if (received.sequence !== held.sequence) expect(kept).toBe(received.sequence > held.sequence ? received : held);
        expect(laterRun(received, held)).toEqual(kept);
        expect(laterRun(kept, kept)).toBe(kept);
      }),
      { numRuns: 500 },
    );
  });

  it('brings every client to the same run, whatever order the runs arrive in (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(runArb, { minLength: 1, maxLength: 8 })
          .chain((runs) =>
            fc.tuple(fc.constant(runs), fc.shuffledSubarray(runs, { minLength: runs.length, maxLength: runs.length })),
          ),
        ([arrival, otherArrival]) => {
          expect(otherArrival.reduce(laterRun, NOT_STARTED)).toEqual(arrival.reduce(laterRun, NOT_STARTED));
        },
      ),
      { numRuns: 500 },
    );
  });
});
