import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplanInput, ReplanResult } from '../../../src/core/agenda';
import { applyReplan, computeTimePlan, DEFAULT_MINIMUM_MINUTES, proposeReplan } from '../../../src/core/agenda';
import { shareProportionally } from '../../../src/core/agenda/proportionalShares';
import type { Agenda } from '../../../src/core/consultation/schema';
import { agendaOf, WALKTHROUGH, type PartSpec } from './support';
import type { SamradErrorCode } from '../../../src/core/errors';
import { isSamradError } from '../../../src/core/errors';
import { MINUTE_MS, parseZonedIso, STOCKHOLM, toZonedIso } from '../../../src/core/time/zonedTime';

const at = (clock: string): number => parseZonedIso(`2023-12-12T${clock}+01:00`);
const END = '2023-12-12T14:30:00+01:00';

function expectSamradError(run: () => unknown, code: SamradErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isSamradError(thrown), String(thrown)).toBe(true);
  if (isSamradError(thrown)) expect(thrown.code).toBe(code);
}

describe('proposeReplan: examples', () => {
  it('the walkthrough: from the first item at 13.00, 95 planned minutes become 90', () => {
    const result = proposeReplan({ agenda: WALKTHROUGH, end: END, currentItemId: 'i1', now: at('13:00:00') });
    expect(result).toEqual({
      kind: 'proposal',
      availableMinutes: 90,
      // 90/95 of each: 9.47, 18.95, 14.21 …, 4.74 → floors 87, the 3 largest remainders (20, 5, 10 min) get +1.
      durations: { i1: 10, i2: 19, i3: 14, i4: 14, i5: 14, i6: 14, i7: 5 },
      changes: [
        { itemId: 'i2', title: 'Punkt 2', fromMinutes: 20, toMinutes: 19 },
        { itemId: 'i3', title: 'Punkt 3', fromMinutes: 15, toMinutes: 14 },
        { itemId: 'i4', title: 'Punkt 4', fromMinutes: 15, toMinutes: 14 },
        { itemId: 'i5', title: 'Punkt 5', fromMinutes: 15, toMinutes: 14 },
        { itemId: 'i6', title: 'Punkt 6', fromMinutes: 15, toMinutes: 14 },
      ],
    });
    if (result.kind !== 'proposal') return;
    const plan = computeTimePlan({
      agenda: applyReplan(WALKTHROUGH, result),
      start: '2023-12-12T13:00:00+01:00',
      end: END,
      timeZone: STOCKHOLM,
    });
    expect(plan.status).toEqual({ kind: 'fits', slackMinutes: 0 });
    expect(plan.items.at(-1)?.endIso).toBe('2023-12-12T14:30:00+01:00');
  });

  interface Case {
    readonly name: string;
    readonly input: ReplanInput;
    readonly expected: ReplanResult | { readonly kind: 'proposal'; readonly durations: Record<string, number> };
  }
  const cases: Case[] = [
    {
      name: 'a later end leaves the plan as it is',
      input: { agenda: WALKTHROUGH, end: '2023-12-12T14:40:00+01:00', currentItemId: 'i1', now: at('13:00:00') },
      expected: { kind: 'fits-as-planned', slackMinutes: 5 },
    },
    {
      name: 'mid-meeting: the discussion started 14.00, it is 14.07:30, 50 min left to fit in 30',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i4', now: at('14:07:30'), currentItemStartedAt: at('14:00:00') },
      expected: { kind: 'proposal', durations: { i4: 9, i5: 9, i6: 9, i7: 3 } },
    },
    {
      name: 'the current item keeps what has elapsed (12 min) and the rest share what is left',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i4', now: at('14:12:00'), currentItemStartedAt: at('14:00:00') },
      expected: { kind: 'proposal', durations: { i4: 12, i5: 8, i6: 8, i7: 2 } },
    },
    {
      name: 'a current item that ran past its plan is given its elapsed time',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i5', now: at('14:13:00'), currentItemStartedAt: at('13:50:00') },
      expected: { kind: 'proposal', durations: { i5: 23, i6: 13, i7: 4 } },
    },
    {
      name: 'a current item past its plan that still fits needs no change',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i6', now: at('14:20:00'), currentItemStartedAt: at('14:00:00') },
      expected: { kind: 'fits-as-planned', slackMinutes: 5 },
    },
    {
      name: 'an item planned shorter than the minimum is never lengthened',
      input: {
        agenda: agendaOf([['Allt', [1, 30, 30]]]),
        end: '2023-12-12T13:31:00+01:00',
        currentItemId: 'i1',
        now: at('13:00:00'),
      },
      expected: { kind: 'proposal', durations: { i1: 1, i2: 15, i3: 15 } },
    },
    {
      name: 'the minimum holds items that proportional shares would squeeze below it',
      input: {
        agenda: agendaOf([['Allt', [3, 60, 60]]]),
        end: '2023-12-12T13:30:00+01:00',
        currentItemId: 'i1',
        now: at('13:00:00'),
        minimumMinutes: 3,
      },
      expected: { kind: 'proposal', durations: { i1: 3, i2: 14, i3: 13 } },
    },
    {
      name: 'minimum 0 lets items shrink to nothing',
      input: {
        agenda: agendaOf([['Allt', [1, 1, 1, 1]]]),
        end: '2023-12-12T13:02:00+01:00',
        currentItemId: 'i1',
        now: at('13:00:00'),
        minimumMinutes: 0,
      },
      expected: { kind: 'proposal', durations: { i1: 1, i2: 1, i3: 0, i4: 0 } },
    },
    {
      name: 'items before the current one are left alone',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i7', now: at('14:27:00') },
      expected: { kind: 'proposal', durations: { i7: 3 } },
    },
    {
      name: 'the minimums do not fit',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i4', now: at('14:25:00') },
      expected: { kind: 'nothing-fits', availableMinutes: 5, minimumNeededMinutes: 8 },
    },
    {
      name: 'the current item has run past the end',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i7', now: at('14:33:00'), currentItemStartedAt: at('14:25:00') },
      expected: { kind: 'nothing-fits', availableMinutes: 5, minimumNeededMinutes: 8 },
    },
    {
      name: 'now is past the end',
      input: { agenda: WALKTHROUGH, end: END, currentItemId: 'i7', now: at('14:45:00') },
      expected: { kind: 'nothing-fits', availableMinutes: -15, minimumNeededMinutes: 2 },
    },
    {
      name: 'a remaining item without duration',
      input: { agenda: agendaOf([['Allt', [10, null, 15, null]]]), end: END, currentItemId: 'i2', now: at('13:10:00') },
      expected: { kind: 'missing-durations', itemIds: ['i2', 'i4'] },
    },
    {
      name: 'an earlier item without duration does not matter',
      input: { agenda: agendaOf([['Allt', [null, 100, 20]]]), end: END, currentItemId: 'i2', now: at('13:30:00') },
      expected: { kind: 'proposal', durations: { i2: 50, i3: 10 } },
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    const result = proposeReplan(input);
    if (expected.kind === 'proposal') {
      expect(result.kind).toBe('proposal');
      if (result.kind === 'proposal') expect(result.durations).toEqual(expected.durations);
    } else expect(result).toEqual(expected);
  });

  it('defaults to a minimum of 2 minutes', () => {
    expect(DEFAULT_MINIMUM_MINUTES).toBe(2);
  });
});

describe('proposeReplan: invalid input', () => {
  const valid: ReplanInput = { agenda: WALKTHROUGH, end: END, currentItemId: 'i1', now: at('13:00:00') };
  const duplicated = agendaOf([['Allt', [10, 10]]]);
  const firstPart = duplicated.parts[0];
  const withDuplicate: Agenda =
    firstPart === undefined
      ? duplicated
      : { parts: [{ ...firstPart, items: firstPart.items.map((item) => ({ ...item, id: 'same' })) }] };
  it.each([
    { name: 'unknown current item', input: { ...valid, currentItemId: 'i99' }, code: 'invalid-input' },
    { name: 'end without offset', input: { ...valid, end: '2023-12-12T14:30' }, code: 'invalid-date-time' },
    { name: 'now is not a number', input: { ...valid, now: Number.NaN }, code: 'invalid-input' },
    { name: 'start is infinite', input: { ...valid, currentItemStartedAt: Number.POSITIVE_INFINITY }, code: 'invalid-input' },
    { name: 'negative minimum', input: { ...valid, minimumMinutes: -1 }, code: 'invalid-input' },
    { name: 'fractional minimum', input: { ...valid, minimumMinutes: 1.5 }, code: 'invalid-input' },
    { name: 'two items with one id', input: { ...valid, agenda: withDuplicate, currentItemId: 'same' }, code: 'invalid-input' },
  ] satisfies { name: string; input: ReplanInput; code: SamradErrorCode }[])('$name → SamradError $code', ({ input, code }) => {
    expectSamradError(() => proposeReplan(input), code);
  });
});

describe('applyReplan', () => {
  it('returns a new agenda and leaves the old one as it was (the undo)', () => {
    const before = structuredClone(WALKTHROUGH);
    const result = proposeReplan({ agenda: WALKTHROUGH, end: END, currentItemId: 'i1', now: at('13:00:00') });
    if (result.kind !== 'proposal') throw new Error(`expected a proposal, got ${result.kind}`);
    const after = applyReplan(WALKTHROUGH, result);
    expect(WALKTHROUGH).toEqual(before);
    expect(after.parts.flatMap((p) => p.items.map((i) => i.durationMinutes))).toEqual([10, 19, 14, 14, 14, 14, 5]);
    // Unchanged items are shared; changed ones are new objects with everything else kept.
    expect(after.parts[0]?.items[0]).toBe(WALKTHROUGH.parts[0]?.items[0]);
    expect(after.parts[0]?.items[1]).not.toBe(WALKTHROUGH.parts[0]?.items[1]);
    expect(after.parts[0]?.items[1]).toEqual({ ...WALKTHROUGH.parts[0]?.items[1], durationMinutes: 19 });
  });

  it('refuses a proposal for an item that is no longer on the agenda', () => {
    expectSamradError(() => applyReplan(WALKTHROUGH, { durations: { i1: 5, gone: 3 } }), 'invalid-input');
  });

  it('finds ids that are also names on Object.prototype only as own keys', () => {
    const agenda: Agenda = {
      parts: [
        {
          id: 'p',
          title: 'Del',
          items: [{ id: 'constructor', title: 'Punkt', presenters: [], durationMinutes: 10, questionIds: [] }],
        },
      ],
    };
    expect(applyReplan(agenda, { durations: {} })).toEqual(agenda);
    expect(applyReplan(agenda, { durations: { constructor: 4 } }).parts[0]?.items[0]?.durationMinutes).toBe(4);
  });
});

// ---- Properties ----------------------------------------------------------------------------------------------

const DST_CHANGES = [
  Date.UTC(2023, 2, 26, 1),
  Date.UTC(2023, 9, 29, 1),
  Date.UTC(2024, 2, 31, 1),
  Date.UTC(2024, 9, 27, 1),
  Date.UTC(2025, 2, 30, 1),
  Date.UTC(2025, 9, 26, 1),
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 9, 25, 1),
];
const FIRST_SECOND = Date.UTC(2023, 0, 1) / 1000;
const LAST_SECOND = Date.UTC(2027, 0, 1) / 1000 - 1;

/** Whole-second instants across 2023–2026, half of them within 10 hours of a Stockholm DST change. */
const instantArb = fc.oneof(
  fc.integer({ min: FIRST_SECOND, max: LAST_SECOND }).map((s) => s * 1000),
  fc.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -36_000, max: 36_000 })).map(([change, s]) => change + s * 1000),
);

/** 1–15 items over 1–4 parts; `duration` decides whether durations may be unknown. */
const agendaArb = (duration: fc.Arbitrary<number | null>): fc.Arbitrary<Agenda> =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.record({ part: fc.nat(3), duration }), { minLength: 1, maxLength: 15 }))
    .map(([partCount, items]) =>
      agendaOf(
        Array.from({ length: partCount }, (_, p): PartSpec => [
          `Del ${p + 1}`,
          items.filter((item) => item.part % partCount === p).map((item) => item.duration),
        ]),
      ),
    );

/** The end, often within a couple of minutes of what the minimums or the plan need: where off-by-ones live. */
const untilEndSecondsArb = (lowerSum: number, upperSum: number): fc.Arbitrary<number> => {
  const near = (minutes: number) =>
    fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: 0, max: 59 })).map(([delta, s]) => (minutes + delta) * 60 + s);
  return fc.oneof(fc.integer({ min: -30 * 60, max: 8 * 60 * 60 }), near(lowerSum), near(upperSum));
};

const replanInputArb = (duration: fc.Arbitrary<number | null>) =>
  fc
    .record({
      agenda: agendaArb(duration),
      current: fc.nat(),
      startedAt: instantArb,
      // Negative: the current item is planned to start later (re-planning ahead of time).
      elapsedSeconds: fc.integer({ min: -30 * 60, max: 200 * 60 }),
      minimumMinutes: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      startsNow: fc.boolean(),
    })
    .chain(({ agenda, current, startedAt, elapsedSeconds, minimumMinutes, startsNow }) => {
      const ids = agenda.parts.flatMap((part) => part.items.map((item) => item.id));
      const base = {
        agenda,
        currentItemId: ids[current % ids.length] ?? '',
        now: startsNow ? startedAt : startedAt + elapsedSeconds * 1000,
        ...(startsNow ? {} : { currentItemStartedAt: startedAt }),
        ...(minimumMinutes === undefined ? {} : { minimumMinutes }),
      };
      const { lowerSum, upperSum } = expectationsFor({ ...base, end: toZonedIso(startedAt, STOCKHOLM) }, startedAt);
      return untilEndSecondsArb(lowerSum, upperSum).map((untilEndSeconds) => ({
        input: { ...base, end: toZonedIso(startedAt + untilEndSeconds * 1000, STOCKHOLM) } satisfies ReplanInput,
        startedAt,
      }));
    });

/** The rules, restated independently of the implementation. */
function expectationsFor(input: ReplanInput, startedAt: number) {
  const items = input.agenda.parts.flatMap((part) => part.items);
  const currentIndex = items.findIndex((item) => item.id === input.currentItemId);
  const remaining = items.slice(currentIndex);
  const planned = remaining.map((item) => item.durationMinutes ?? 0);
  const minimum = input.minimumMinutes ?? 2;
  const elapsed = Math.max(0, Math.ceil((input.now - startedAt) / MINUTE_MS));
  const lower = planned.map((p, k) => (k === 0 ? Math.max(elapsed, Math.min(p, minimum)) : Math.min(p, minimum)));
  const upper = planned.map((p, k) => (k === 0 ? Math.max(p, elapsed) : p));
  const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
  const available = Math.floor((parseZonedIso(input.end) - startedAt) / MINUTE_MS);
  return { items, currentIndex, remaining, planned, lower, upper, lowerSum: sum(lower), upperSum: sum(upper), available };
}

describe('proposeReplan: properties', () => {
  const knownDuration = fc.integer({ min: 0, max: 120 });

  it('fits as planned, proposes durations within bounds summing to the available minutes, or says nothing fits — exactly when', () => {
    fc.assert(
      fc.property(replanInputArb(knownDuration), ({ input, startedAt }) => {
        const e = expectationsFor(input, startedAt);
        const result = proposeReplan(input);
        if (e.lowerSum > e.available) {
          expect(result).toEqual({ kind: 'nothing-fits', availableMinutes: e.available, minimumNeededMinutes: e.lowerSum });
          return;
        }
        if (e.upperSum <= e.available) {
          expect(result).toEqual({ kind: 'fits-as-planned', slackMinutes: e.available - e.upperSum });
          return;
        }
        if (result.kind !== 'proposal') throw new Error(`expected a proposal, got ${result.kind}`);
        expect(result.availableMinutes).toBe(e.available);
        expect(Object.keys(result.durations)).toEqual(e.remaining.map((item) => item.id));
        const proposed = e.remaining.map((item) => result.durations[item.id] ?? Number.NaN);
        expect(proposed.reduce((total, v) => total + v, 0)).toBe(e.available);
        proposed.forEach((minutes, k) => {
          expect(Number.isInteger(minutes)).toBe(true);
          expect(minutes).toBeGreaterThanOrEqual(e.lower[k] ?? Number.NaN);
          expect(minutes).toBeLessThanOrEqual(e.upper[k] ?? Number.NaN);
        });
        expect(result.changes).toEqual(
          e.remaining.flatMap((item, k) =>
            proposed[k] === e.planned[k]
              ? []
              : [{ itemId: item.id, title: item.title, fromMinutes: e.planned[k], toMinutes: proposed[k] }],
          ),
        );
        // Proportional: among the items after the current one, a longer plan never gets more than a minute less.
        for (let i = 1; i < proposed.length; i++) {
          for (let j = 1; j < proposed.length; j++) {
            if ((e.planned[i] ?? 0) <= (e.planned[j] ?? 0)) expect(proposed[i] ?? 0).toBeLessThanOrEqual((proposed[j] ?? 0) + 1);
          }
        }
      }),
    );
  });

  it('after applying a proposal, the time plan from the current item no longer overruns; earlier items are kept', () => {
    fc.assert(
      fc.property(replanInputArb(knownDuration), ({ input, startedAt }) => {
        const before = structuredClone(input.agenda);
        const result = proposeReplan(input);
        if (result.kind !== 'proposal' && result.kind !== 'fits-as-planned') return;
        const applied = result.kind === 'proposal' ? applyReplan(input.agenda, result) : input.agenda;
        expect(input.agenda).toEqual(before);
        const e = expectationsFor(input, startedAt);
        const appliedItems = applied.parts.flatMap((part) => part.items);
        expect(appliedItems.slice(0, e.currentIndex)).toEqual(e.items.slice(0, e.currentIndex));
        if (parseZonedIso(input.end) <= startedAt) return; // no meeting left to plan (all proposed durations are 0)
        const fromCurrent: Agenda = {
          parts: applied.parts.map((part) => ({
            ...part,
            items: part.items.filter((item) => appliedItems.indexOf(item) >= e.currentIndex),
          })),
        };
        const plan = computeTimePlan({
          agenda: fromCurrent,
          start: toZonedIso(startedAt, STOCKHOLM),
          end: input.end,
          timeZone: STOCKHOLM,
        });
        expect(plan.status.kind).toBe('fits');
        // A proposal never plans the current item to end before now: what has run is spent.
        const currentEnd = plan.items[0]?.end ?? Number.NaN;
        if (result.kind === 'proposal') expect(currentEnd).toBeGreaterThanOrEqual(input.now);
      }),
    );
  });

  it('reports exactly the remaining items without duration', () => {
    fc.assert(
      fc.property(replanInputArb(fc.option(knownDuration, { nil: null, freq: 3 })), ({ input }) => {
        const items = input.agenda.parts.flatMap((part) => part.items);
        const remaining = items.slice(items.findIndex((item) => item.id === input.currentItemId));
        const missing = remaining.filter((item) => item.durationMinutes === null).map((item) => item.id);
        const result = proposeReplan(input);
        if (missing.length > 0) expect(result).toEqual({ kind: 'missing-durations', itemIds: missing });
        else expect(result.kind).not.toBe('missing-durations');
      }),
    );
  });
});

describe('shareProportionally: properties', () => {
  it('adds up to the total, within each item’s bounds, for any feasible bounds', () => {
    const boundsArb = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }))
        .map(([a, b]) => ({ lower: Math.min(a, b), upper: Math.max(a, b) })),
      { minLength: 1, maxLength: 20 },
    );
    const withTotalArb = boundsArb.chain((bounds) =>
      fc
        .integer({ min: bounds.reduce((s, b) => s + b.lower, 0), max: bounds.reduce((s, b) => s + b.upper, 0) })
        .map((total) => ({ bounds, total })),
    );
    fc.assert(
      fc.property(withTotalArb, ({ bounds, total }) => {
        const shares = shareProportionally(bounds, total);
        expect(shares.reduce((s, v) => s + v, 0)).toBe(total);
        shares.forEach((share, i) => {
          expect(Number.isInteger(share)).toBe(true);
          expect(share).toBeGreaterThanOrEqual(bounds[i]?.lower ?? Number.NaN);
          expect(share).toBeLessThanOrEqual(bounds[i]?.upper ?? Number.NaN);
        });
      }),
    );
  });
});
