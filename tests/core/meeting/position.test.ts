/**
 * Where the meeting is on its agenda: by the published time plan, by the organiser's run, and as the faces show it.
 * The agenda is the seed consultation (the OGP consultation of 12 December 2023) as a participant reads it back
 * from the published section, given lengths, in Stockholm time.
 */
import { describe, expect, it } from 'vitest';
import { computeTimePlan, type TimePlan } from '../../../src/core/agenda';
import type { Consultation } from '../../../src/core/consultation/schema';
import { importInvitation } from '../../../src/core/invitation';
import {
  currentPosition,
  minutesLeft,
  questionsOfItem,
  runPosition,
  scheduledPosition,
  type AgendaPosition,
} from '../../../src/core/meeting/position';
import { NOT_STARTED, type AgendaRun } from '../../../src/core/meeting/run';
import { agendaOfParsed, parseAgendaSection, type ParsedAgenda } from '../../../src/core/publishing/agendaSection';
import { preparePublication } from '../../../src/core/publishing/publication';
import { MINUTE_MS, parseZonedIso, STOCKHOLM } from '../../../src/core/time/zonedTime';
import { readSeedInvitation } from '../../support/seed';

const SEED = importInvitation(readSeedInvitation()).consultation;

/** The seed with these lengths for its four items (null: unknown, as the invitation gives them). */
function seedWith(durations: readonly (number | null)[]): Consultation {
  let n = 0;
  const parts = SEED.agenda.parts.map((part) => ({
    ...part,
    items: part.items.map((item) => ({ ...item, durationMinutes: durations[n++] ?? null })),
  }));
  return { ...SEED, agenda: { parts } };
}

/** The agenda as a participant reads it from their own copy of the invitation. */
function published(consultation: Consultation): ParsedAgenda {
  const { sectionHtml } = preparePublication(consultation, { now: '2023-12-01T09:30:00+01:00', languages: ['sv', 'en'] });
  const parsed = parseAgendaSection(sectionHtml);
  if (parsed === null) throw new Error('the seed section does not read back');
  return parsed;
}

function planOf(durations: readonly (number | null)[], start = SEED.start, end = SEED.end): TimePlan {
  return computeTimePlan({ agenda: agendaOfParsed(published(seedWith(durations))), start, end, timeZone: STOCKHOLM });
}

/** 13.00–14.30: Information 30 min, then the three discussion items 20 min each; fits exactly. */
const TIMED = planOf([30, 20, 20, 20]);
const UNTIMED = planOf([null, null, null, null]);
const GAP = planOf([30, null, 20, 20]);
const SLACK = planOf([30, 20, 20, 10]);
const OVERRUN = planOf([30, 20, 20, 40]);
const EMPTY = computeTimePlan({ agenda: { parts: [] }, start: SEED.start, end: SEED.end, timeZone: STOCKHOLM });

/** An instant on 12 December 2023 in Stockholm (winter time, +01:00), e.g. at('13.29.59.999'). */
function at(clock: string): number {
  const [h = '00', m = '00', s = '00', ms = '000'] = clock.split('.');
  return parseZonedIso(`2023-12-12T${h}:${m}:${s}.${ms}+01:00`);
}

const S = 1_000;

/** The item a plan puts at an index (the test's own plans always have it). */
function itemOf(plan: TimePlan, index: number): TimePlan['items'][number] {
  const item = plan.items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

const onPlan = (plan: TimePlan, itemIndex: number, remainingMs: number | null): AgendaPosition => ({
  kind: 'on-item',
  source: 'time-plan',
  paused: false,
  itemIndex,
  item: itemOf(plan, itemIndex),
  remainingMs,
});

describe('the seed agenda as the position tests use it', () => {
  it('is the OGP consultation: one information item and three discussion items with questions', () => {
    expect(TIMED.items.map((i) => [i.startIso, i.endIso])).toEqual([
      ['2023-12-12T13:00:00+01:00', '2023-12-12T13:30:00+01:00'],
      ['2023-12-12T13:30:00+01:00', '2023-12-12T13:50:00+01:00'],
      ['2023-12-12T13:50:00+01:00', '2023-12-12T14:10:00+01:00'],
      ['2023-12-12T14:10:00+01:00', '2023-12-12T14:30:00+01:00'],
    ]);
    expect(TIMED.status).toEqual({ kind: 'fits', slackMinutes: 0 });
    expect(published(SEED).questions.map((q) => q.itemIndex)).toEqual([1, 2, 3]);
  });
});

describe('scheduledPosition', () => {
  it.each<[name: string, plan: TimePlan, now: number, expected: AgendaPosition]>([
    ['an hour before the start', TIMED, at('12.00'), { kind: 'before', source: 'time-plan', startsInMs: 60 * MINUTE_MS }],
    ['a second before the start', TIMED, at('12.59.59'), { kind: 'before', source: 'time-plan', startsInMs: S }],
    ['at the start: the first item, whole', TIMED, at('13.00'), onPlan(TIMED, 0, 30 * MINUTE_MS)],
    ['inside the first item', TIMED, at('13.12.30'), onPlan(TIMED, 0, 17.5 * MINUTE_MS)],
    ['a millisecond before the first item ends', TIMED, at('13.29.59.999'), onPlan(TIMED, 0, 1)],
    ['at the boundary: the next item, whole', TIMED, at('13.30'), onPlan(TIMED, 1, 20 * MINUTE_MS)],
    ['at the next boundary', TIMED, at('13.50'), onPlan(TIMED, 2, 20 * MINUTE_MS)],
    ['at the last item’s start', TIMED, at('14.10'), onPlan(TIMED, 3, 20 * MINUTE_MS)],
    ['a second before the end', TIMED, at('14.29.59'), onPlan(TIMED, 3, S)],
    ['at the exact end', TIMED, at('14.30'), { kind: 'after', source: 'time-plan' }],
    ['long after the end', TIMED, at('18.00'), { kind: 'after', source: 'time-plan' }],
    [
      'without any lengths: before the start',
      UNTIMED,
      at('12.30'),
      { kind: 'before', source: 'time-plan', startsInMs: 30 * MINUTE_MS },
    ],
    ['without any lengths: at the start', UNTIMED, at('13.00'), { kind: 'unknown', source: 'time-plan' }],
    ['without any lengths: during the meeting', UNTIMED, at('14.00'), { kind: 'unknown', source: 'time-plan' }],
    ['without any lengths: at the meeting end', UNTIMED, at('14.30'), { kind: 'after', source: 'time-plan' }],
    ['with a missing length: the item before it is known', GAP, at('13.10'), onPlan(GAP, 0, 20 * MINUTE_MS)],
    ['with a missing length: from that item on', GAP, at('13.30'), { kind: 'unknown', source: 'time-plan' }],
    ['with a missing length: where a later item would be', GAP, at('14.20'), { kind: 'unknown', source: 'time-plan' }],
    ['with a missing length: at the meeting end', GAP, at('14.30'), { kind: 'after', source: 'time-plan' }],
    ['with slack: after the last item, before the meeting end', SLACK, at('14.20'), { kind: 'after', source: 'time-plan' }],
    ['with slack: in the last item', SLACK, at('14.15'), onPlan(SLACK, 3, 5 * MINUTE_MS)],
    ['overrunning: an item past the meeting end is still on', OVERRUN, at('14.40'), onPlan(OVERRUN, 3, 10 * MINUTE_MS)],
    ['overrunning: at the last item’s end', OVERRUN, at('14.50'), { kind: 'after', source: 'time-plan' }],
    ['an agenda without items, during the meeting', EMPTY, at('13.30'), { kind: 'unknown', source: 'time-plan' }],
    ['an agenda without items, at the end', EMPTY, at('14.30'), { kind: 'after', source: 'time-plan' }],
  ])('%s', (_, plan, now, expected) => {
    expect(scheduledPosition(plan, now)).toEqual(expected);
  });

  it('follows instants, not wall clocks, across the autumn change: 02.05 comes twice and is two different items', () => {
    // 02.00 summer time to 02.30 winter time is 90 real minutes; item 3 runs 02.50 (+02:00) to 02.10 (+01:00).
    const plan = planOf([30, 20, 20, 20], '2024-10-27T02:00:00+02:00', '2024-10-27T02:30:00+01:00');
    expect(plan.status).toEqual({ kind: 'fits', slackMinutes: 0 });
    expect(plan.items.map((i) => i.startIso)).toEqual([
      '2024-10-27T02:00:00+02:00',
      '2024-10-27T02:30:00+02:00',
      '2024-10-27T02:50:00+02:00',
      '2024-10-27T02:10:00+01:00',
    ]);
    expect(scheduledPosition(plan, parseZonedIso('2024-10-27T02:05:00+02:00'))).toEqual(onPlan(plan, 0, 25 * MINUTE_MS));
    expect(scheduledPosition(plan, parseZonedIso('2024-10-27T02:05:00+01:00'))).toEqual(onPlan(plan, 2, 5 * MINUTE_MS));
    expect(scheduledPosition(plan, parseZonedIso('2024-10-27T02:29:59+01:00'))).toEqual(onPlan(plan, 3, S));
    expect(scheduledPosition(plan, parseZonedIso('2024-10-27T02:30:00+01:00'))).toEqual({ kind: 'after', source: 'time-plan' });
  });

  it('follows instants across the spring change: 03.10 summer time is 10 minutes into the second item', () => {
    // 01.30 (+01:00) to 04.00 (+02:00) is 90 real minutes: the hour 02.00–03.00 does not exist.
    const plan = planOf([30, 20, 20, 20], '2024-03-31T01:30:00+01:00', '2024-03-31T04:00:00+02:00');
    expect(plan.items.map((i) => i.startIso)).toEqual([
      '2024-03-31T01:30:00+01:00',
      '2024-03-31T03:00:00+02:00',
      '2024-03-31T03:20:00+02:00',
      '2024-03-31T03:40:00+02:00',
    ]);
    expect(scheduledPosition(plan, parseZonedIso('2024-03-31T01:59:00+01:00'))).toEqual(onPlan(plan, 0, MINUTE_MS));
    expect(scheduledPosition(plan, parseZonedIso('2024-03-31T03:10:00+02:00'))).toEqual(onPlan(plan, 1, 10 * MINUTE_MS));
    expect(scheduledPosition(plan, parseZonedIso('2024-03-31T04:00:00+02:00'))).toEqual({ kind: 'after', source: 'time-plan' });
  });
});

function runOn(itemIndex: number, change: Partial<AgendaRun>): AgendaRun {
  return { status: 'running', itemIndex, runningSince: at('13.30'), spentMs: 0, startedAt: at('13.00'), sequence: 5, ...change };
}

const onRun = (plan: TimePlan, itemIndex: number, remainingMs: number | null, paused = false): AgendaPosition => ({
  kind: 'on-item',
  source: 'run',
  paused,
  itemIndex,
  item: itemOf(plan, itemIndex),
  remainingMs,
});

describe('runPosition', () => {
  it.each<[name: string, run: AgendaRun, plan: TimePlan, now: number, expected: AgendaPosition]>([
    [
      'not started: before, with no time to count down to',
      NOT_STARTED,
      TIMED,
      at('13.10'),
      { kind: 'before', source: 'run', startsInMs: null },
    ],
    ['running, 10 minutes into a 20-minute item', runOn(1, {}), TIMED, at('13.40'), onRun(TIMED, 1, 10 * MINUTE_MS)],
    [
      'running again after a pause: the earlier stretch counts',
      runOn(1, { runningSince: at('13.40'), spentMs: 5 * MINUTE_MS }),
      TIMED,
      at('13.45'),
      onRun(TIMED, 1, 10 * MINUTE_MS),
    ],
    ['at exactly its length: nothing left, not over', runOn(1, {}), TIMED, at('13.50'), onRun(TIMED, 1, 0)],
    ['overrun: the time left goes negative', runOn(1, {}), TIMED, at('13.55'), onRun(TIMED, 1, -5 * MINUTE_MS)],
    [
      'paused: the time left stands still, however late it gets',
      runOn(1, { status: 'paused', runningSince: null, spentMs: 12 * MINUTE_MS }),
      TIMED,
      at('16.00'),
      onRun(TIMED, 1, 8 * MINUTE_MS, true),
    ],
    [
      'paused after an overrun',
      runOn(3, { status: 'paused', runningSince: null, spentMs: 25 * MINUTE_MS }),
      TIMED,
      at('14.40'),
      onRun(TIMED, 3, -5 * MINUTE_MS, true),
    ],
    [
      'running on a clock behind the one that started the item: the whole length is left',
      runOn(1, {}),
      TIMED,
      at('13.20'),
      onRun(TIMED, 1, 20 * MINUTE_MS),
    ],
    ['an item without a length: no time left to show', runOn(2, {}), UNTIMED, at('13.45'), onRun(UNTIMED, 2, null)],
    ['on the last item', runOn(3, { runningSince: at('14.10') }), TIMED, at('14.29'), onRun(TIMED, 3, MINUTE_MS)],
    [
      'an index past the items (an agenda changed since): after',
      runOn(4, {}),
      TIMED,
      at('13.40'),
      { kind: 'after', source: 'run' },
    ],
    ['any index in an agenda without items: after', runOn(0, {}), EMPTY, at('13.40'), { kind: 'after', source: 'run' }],
    ['ended', { ...runOn(2, {}), status: 'ended', runningSince: null }, TIMED, at('13.40'), { kind: 'after', source: 'run' }],
  ])('%s', (_, run, plan, now, expected) => {
    expect(runPosition(run, plan, now)).toEqual(expected);
  });

  it('counts real minutes across the spring change: started 01.50 winter time, at 03.05 summer time 15 minutes ran', () => {
    const plan = planOf([30, 20, 20, 20], '2024-03-31T01:30:00+01:00', '2024-03-31T04:00:00+02:00');
    const run = runOn(0, { runningSince: parseZonedIso('2024-03-31T01:50:00+01:00'), startedAt: plan.start });
    expect(runPosition(run, plan, parseZonedIso('2024-03-31T03:05:00+02:00'))).toEqual(onRun(plan, 0, 15 * MINUTE_MS));
  });
});

describe('currentPosition', () => {
  it.each<[name: string, run: AgendaRun | null, now: number]>([
    ['no run at all', null, at('13.40')],
    ['a run that has not started', NOT_STARTED, at('13.40')],
    ['a run that has not started, before the meeting', NOT_STARTED, at('12.40')],
  ])('follows the time plan for %s', (_, run, now) => {
    expect(currentPosition(run, TIMED, now)).toEqual(scheduledPosition(TIMED, now));
    expect(currentPosition(run, TIMED, now).source).toBe('time-plan');
  });

  it.each<[name: string, run: AgendaRun]>([
    ['running', runOn(0, {})],
    ['paused', runOn(2, { status: 'paused', runningSince: null, spentMs: MINUTE_MS })],
    ['ended', { ...runOn(3, {}), status: 'ended', runningSince: null }],
  ])('follows the run once it has started: %s', (_, run) => {
    // 13.40 is item 2 by the plan; the run says otherwise, and the run is what the faces show.
    const now = at('13.40');
    expect(currentPosition(run, TIMED, now)).toEqual(runPosition(run, TIMED, now));
    expect(currentPosition(run, TIMED, now).source).toBe('run');
  });

  it('shows the run’s item even where the plan knows nothing (no lengths)', () => {
    expect(currentPosition(runOn(1, {}), UNTIMED, at('13.40'))).toEqual(onRun(UNTIMED, 1, null));
  });
});

describe('minutesLeft', () => {
  it.each<[name: string, remainingMs: number, minutes: number, over: boolean]>([
    ['nothing left', 0, 0, false],
    ['1 ms left is 1 min', 1, 1, false],
    ['59 s left is 1 min', 59 * S, 1, false],
    ['60 s left is 1 min', 60 * S, 1, false],
    ['61 s left is 2 min', 61 * S, 2, false],
    ['8 min 10 s left is 9 min', 8 * MINUTE_MS + 10 * S, 9, false],
    ['20 min left is 20 min', 20 * MINUTE_MS, 20, false],
    ['1 ms over is 1 min over', -1, 1, true],
    ['10 s over is 1 min over', -10 * S, 1, true],
    ['60 s over is 1 min over', -60 * S, 1, true],
    ['61 s over is 2 min over', -61 * S, 2, true],
    ['5 min over', -5 * MINUTE_MS, 5, true],
  ])('%s', (_, remainingMs, minutes, over) => {
    expect(minutesLeft(remainingMs)).toEqual({ minutes, over });
  });
});

describe('questionsOfItem', () => {
  const seedQuestions = published(SEED).questions;
  const many = [{ itemIndex: 1 }, { itemIndex: null }, { itemIndex: 1 }, { itemIndex: 0 }];

  it.each<[name: string, questions: readonly { readonly itemIndex: number | null }[], itemIndex: number, expected: number[]]>([
    ['the seed’s information item has none', seedQuestions, 0, []],
    ['each seed discussion item has its own question', seedQuestions, 1, [0]],
    ['the third seed item', seedQuestions, 2, [1]],
    ['the last seed item', seedQuestions, 3, [2]],
    ['an index past the items has none', seedQuestions, 4, []],
    ['several questions of one item, in order', many, 1, [0, 2]],
    ['a question without an item belongs to none', many, 0, [3]],
    ['no questions at all', [], 0, []],
  ])('%s', (_, questions, itemIndex, expected) => {
    expect(questionsOfItem(questions, itemIndex)).toEqual(expected);
  });
});
