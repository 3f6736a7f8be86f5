import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimePlanInput, TimePlanStatus } from '../../../src/core/agenda';
import { computeTimePlan, describeTimePlanStatus } from '../../../src/core/agenda';
import type { Agenda } from '../../../src/core/consultation/schema';
import { agendaOf, WALKTHROUGH, type PartSpec } from './support';
import type { SamradErrorCode } from '../../../src/core/errors';
import { isSamradError } from '../../../src/core/errors';
import { MINUTE_MS, offsetMinutesAt, parseZonedIso, STOCKHOLM, toZonedIso } from '../../../src/core/time/zonedTime';

function expectSamradError(run: () => unknown, code: SamradErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isSamradError(thrown), String(thrown)).toBe(true);
  if (isSamradError(thrown)) {
    expect(thrown.code).toBe(code);
    expect(thrown.what.sv.length).toBeGreaterThan(0);
    expect(thrown.hint.en.length).toBeGreaterThan(0);
  }
}

describe('computeTimePlan: examples', () => {
  interface Case {
    readonly name: string;
    readonly agenda: Agenda;
    readonly start: string;
    readonly end: string;
    readonly meetingMinutes: number;
    readonly plannedMinutes: number;
    readonly starts: readonly (string | null)[];
    readonly ends: readonly (string | null)[];
    readonly status: TimePlanStatus;
    readonly missing?: readonly string[];
  }
  const cases: Case[] = [
    {
      name: 'the walkthrough overruns 13.00–14.30 by 5 min',
      agenda: WALKTHROUGH,
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      meetingMinutes: 90,
      plannedMinutes: 95,
      starts: ['13:00', '13:10', '13:30', '13:45', '14:00', '14:15', '14:30'].map((t) => `2023-12-12T${t}:00+01:00`),
      ends: ['13:10', '13:30', '13:45', '14:00', '14:15', '14:30', '14:35'].map((t) => `2023-12-12T${t}:00+01:00`),
      status: { kind: 'overruns', overrunMinutes: 5 },
    },
    {
      name: 'ending exactly at the end fits with 0 slack',
      agenda: WALKTHROUGH,
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:35:00+01:00',
      meetingMinutes: 95,
      plannedMinutes: 95,
      starts: ['13:00', '13:10', '13:30', '13:45', '14:00', '14:15', '14:30'].map((t) => `2023-12-12T${t}:00+01:00`),
      ends: ['13:10', '13:30', '13:45', '14:00', '14:15', '14:30', '14:35'].map((t) => `2023-12-12T${t}:00+01:00`),
      status: { kind: 'fits', slackMinutes: 0 },
    },
    {
      name: 'a UTC start is written in the meeting zone',
      agenda: agendaOf([['Allt', [20, 30]]]),
      start: '2023-12-12T12:00:00Z',
      end: '2023-12-12T13:00:00Z',
      meetingMinutes: 60,
      plannedMinutes: 50,
      starts: ['2023-12-12T13:00:00+01:00', '2023-12-12T13:20:00+01:00'],
      ends: ['2023-12-12T13:20:00+01:00', '2023-12-12T13:50:00+01:00'],
      status: { kind: 'fits', slackMinutes: 10 },
    },
    {
      name: 'spring forward: 01:30–04:00 local is 90 real minutes, offsets switch to +02:00',
      agenda: agendaOf([['Natt', [30, 30, 30]]]),
      start: '2024-03-31T01:30:00+01:00',
      end: '2024-03-31T04:00:00+02:00',
      meetingMinutes: 90,
      plannedMinutes: 90,
      starts: ['2024-03-31T01:30:00+01:00', '2024-03-31T03:00:00+02:00', '2024-03-31T03:30:00+02:00'],
      ends: ['2024-03-31T03:00:00+02:00', '2024-03-31T03:30:00+02:00', '2024-03-31T04:00:00+02:00'],
      status: { kind: 'fits', slackMinutes: 0 },
    },
    {
      name: 'fall back: 01:30–03:00 local is 150 real minutes, 02:30 happens twice',
      agenda: agendaOf([['Natt', [60, 60, 30]]]),
      start: '2024-10-27T01:30:00+02:00',
      end: '2024-10-27T03:00:00+01:00',
      meetingMinutes: 150,
      plannedMinutes: 150,
      starts: ['2024-10-27T01:30:00+02:00', '2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00'],
      ends: ['2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00', '2024-10-27T03:00:00+01:00'],
      status: { kind: 'fits', slackMinutes: 0 },
    },
    {
      name: 'a missing duration in the middle leaves later items without times',
      agenda: agendaOf([
        ['Information', [10, null]],
        ['Diskussion', [15, 5]],
      ]),
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      meetingMinutes: 90,
      plannedMinutes: 30,
      starts: ['2023-12-12T13:00:00+01:00', '2023-12-12T13:10:00+01:00', null, null],
      ends: ['2023-12-12T13:10:00+01:00', null, null, null],
      status: { kind: 'incomplete', missingItemIds: ['i2'], knownMinutes: 30, slackMinutes: 60 },
      missing: ['i2'],
    },
    {
      name: 'known durations filling the meeting exactly are still incomplete, not an overrun',
      agenda: agendaOf([['Allt', [90, null]]]),
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      meetingMinutes: 90,
      plannedMinutes: 90,
      starts: ['2023-12-12T13:00:00+01:00', '2023-12-12T14:30:00+01:00'],
      ends: ['2023-12-12T14:30:00+01:00', null],
      status: { kind: 'incomplete', missingItemIds: ['i2'], knownMinutes: 90, slackMinutes: 0 },
      missing: ['i2'],
    },
    {
      name: 'an overrun by the known durations wins over missing ones, which are still listed',
      agenda: agendaOf([['Allt', [null, 100]]]),
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      meetingMinutes: 90,
      plannedMinutes: 100,
      starts: ['2023-12-12T13:00:00+01:00', null],
      ends: [null, null],
      status: { kind: 'overruns', overrunMinutes: 10 },
      missing: ['i1'],
    },
    {
      name: 'an empty agenda fits with the whole meeting as slack',
      agenda: { parts: [] },
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      meetingMinutes: 90,
      plannedMinutes: 0,
      starts: [],
      ends: [],
      status: { kind: 'fits', slackMinutes: 90 },
    },
    {
      name: 'parts without items count as an empty agenda',
      agenda: agendaOf([
        ['Information', []],
        ['Diskussion', []],
      ]),
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      meetingMinutes: 90,
      plannedMinutes: 0,
      starts: [],
      ends: [],
      status: { kind: 'fits', slackMinutes: 90 },
    },
    {
      name: 'a stray half minute at the end is not counted as slack',
      agenda: agendaOf([['Allt', [60]]]),
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T13:59:30+01:00',
      meetingMinutes: 59,
      plannedMinutes: 60,
      starts: ['2023-12-12T13:00:00+01:00'],
      ends: ['2023-12-12T14:00:00+01:00'],
      status: { kind: 'overruns', overrunMinutes: 1 },
    },
  ];

  it.each(cases)('$name', (c) => {
    const plan = computeTimePlan({ agenda: c.agenda, start: c.start, end: c.end, timeZone: STOCKHOLM });
    expect(plan.meetingMinutes).toBe(c.meetingMinutes);
    expect(plan.plannedMinutes).toBe(c.plannedMinutes);
    expect(plan.itemCount).toBe(c.starts.length);
    expect(plan.items.map((item) => item.startIso)).toEqual(c.starts);
    expect(plan.items.map((item) => item.endIso)).toEqual(c.ends);
    expect(plan.status).toEqual(c.status);
    expect(plan.missingDurations.map((ref) => ref.itemId)).toEqual(c.missing ?? []);
    expect(plan.start).toBe(parseZonedIso(c.start));
    expect(plan.end).toBe(parseZonedIso(c.end));
  });

  it('names each item with its part', () => {
    const plan = computeTimePlan({
      agenda: WALKTHROUGH,
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      timeZone: STOCKHOLM,
    });
    expect(plan.items[3]).toMatchObject({
      partId: 'p2',
      partTitle: 'Diskussion',
      itemId: 'i4',
      itemTitle: 'Punkt 4',
      durationMinutes: 15,
      start: parseZonedIso('2023-12-12T13:45:00+01:00'),
      end: parseZonedIso('2023-12-12T14:00:00+01:00'),
    });
    expect(plan.startIso).toBe('2023-12-12T13:00:00+01:00');
    expect(plan.endIso).toBe('2023-12-12T14:30:00+01:00');
  });
});

describe('computeTimePlan: invalid input', () => {
  const valid = {
    agenda: WALKTHROUGH,
    start: '2023-12-12T13:00:00+01:00',
    end: '2023-12-12T14:30:00+01:00',
    timeZone: STOCKHOLM,
  };
  const badItem = (durationMinutes: number): Agenda => ({
    parts: [{ id: 'p1', title: 'Del', items: [{ id: 'i1', title: 'Punkt', presenters: [], durationMinutes, questionIds: [] }] }],
  });
  it.each([
    { name: 'start without offset', input: { ...valid, start: '2023-12-12T13:00:00' }, code: 'invalid-date-time' },
    { name: 'end that is not a time', input: { ...valid, end: 'halv tre' }, code: 'invalid-date-time' },
    { name: 'impossible date', input: { ...valid, end: '2023-02-30T14:30:00+01:00' }, code: 'invalid-date-time' },
    { name: 'end equal to start', input: { ...valid, end: valid.start }, code: 'invalid-input' },
    { name: 'end before start', input: { ...valid, end: '2023-12-12T12:59:00+01:00' }, code: 'invalid-input' },
    { name: 'same wall time, earlier instant', input: { ...valid, end: '2023-12-12T13:00:00+02:00' }, code: 'invalid-input' },
    {
      name: 'unknown time zone',
      input: { ...valid, agenda: { parts: [] }, timeZone: 'Europe/Atlantis' },
      code: 'invalid-time-zone',
    },
    { name: 'negative duration', input: { ...valid, agenda: badItem(-5) }, code: 'invalid-input' },
    { name: 'fractional duration', input: { ...valid, agenda: badItem(1.5) }, code: 'invalid-input' },
  ] satisfies { name: string; input: TimePlanInput; code: SamradErrorCode }[])('$name → SamradError $code', ({ input, code }) => {
    expectSamradError(() => computeTimePlan(input), code);
  });
});

describe('describeTimePlanStatus', () => {
  const incomplete = (n: number): TimePlanStatus => ({
    kind: 'incomplete',
    missingItemIds: Array.from({ length: n }, (_, i) => `i${i}`),
    knownMinutes: 30,
    slackMinutes: 60,
  });
  it.each([
    { status: { kind: 'fits', slackMinutes: 10 }, itemCount: 3, sv: 'Tidsplanen ryms, 10 min över', en: 'Fits, 10 min to spare' },
    { status: { kind: 'fits', slackMinutes: 0 }, itemCount: 3, sv: 'Tidsplanen ryms precis', en: 'Fits exactly' },
    {
      status: { kind: 'overruns', overrunMinutes: 5 },
      itemCount: 7,
      sv: 'Överskrider sluttiden med 5 min',
      en: 'Overruns the end by 5 min',
    },
    { status: incomplete(5), itemCount: 7, sv: 'Tidsplanen saknar längder för 5 punkter', en: 'Durations missing for 5 items' },
    { status: incomplete(1), itemCount: 7, sv: 'Tidsplanen saknar längder för 1 punkt', en: 'Durations missing for 1 item' },
    {
      status: { kind: 'fits', slackMinutes: 90 },
      itemCount: 0,
      sv: 'Dagordningen har inga punkter än',
      en: 'The agenda has no items yet',
    },
  ] satisfies { status: TimePlanStatus; itemCount: number; sv: string; en: string }[])(
    '$sv / $en',
    ({ status, itemCount, sv, en }) => {
      expect(describeTimePlanStatus({ status, itemCount }, 'sv')).toBe(sv);
      expect(describeTimePlanStatus({ status, itemCount }, 'en')).toBe(en);
    },
  );

  it('describes a computed plan', () => {
    const plan = computeTimePlan({
      agenda: WALKTHROUGH,
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      timeZone: STOCKHOLM,
    });
    expect(describeTimePlanStatus(plan, 'sv')).toBe('Överskrider sluttiden med 5 min');
  });
});

// ---- Properties ----------------------------------------------------------------------------------------------

/** Stockholm's daylight-saving changes 2023–2026 (01:00 UTC on the last Sunday of March and October). */
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

it('the DST instants used by the properties really are Stockholm offset changes', () => {
  for (const change of DST_CHANGES) {
    expect(offsetMinutesAt(change - 1000, STOCKHOLM)).not.toBe(offsetMinutesAt(change, STOCKHOLM));
  }
});

const FIRST_MINUTE = Date.UTC(2023, 0, 1) / MINUTE_MS;
const LAST_MINUTE = Date.UTC(2027, 0, 1) / MINUTE_MS - 1;

/** Whole-minute meeting starts across 2023–2026, half of them within 10 hours of a DST change. */
const meetingStartArb = fc.oneof(
  fc.integer({ min: FIRST_MINUTE, max: LAST_MINUTE }).map((m) => m * MINUTE_MS),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -600, max: 600 }))
    .map(([change, minutes]) => change + minutes * MINUTE_MS),
);

/** 0–15 items over 1–4 parts, durations 0–120 min or unknown. */
const agendaArb = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.record({ part: fc.nat(3), duration: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 6 }) }), {
      maxLength: 15,
    }),
  )
  .map(([partCount, items]) => {
    const byPart = Array.from({ length: partCount }, (_, p) =>
      items.filter((item) => item.part % partCount === p).map((item) => item.duration),
    );
    return agendaOf(byPart.map((durations, p): PartSpec => [`Del ${p + 1}`, durations]));
  });

const durationsOf = (agenda: Agenda): (number | null)[] =>
  agenda.parts.flatMap((part) => part.items.map((item) => item.durationMinutes));

/** Meeting lengths of any size, and often within a few minutes of the planned total, where off-by-ones live. */
const meetingMinutesArb = (agenda: Agenda): fc.Arbitrary<number> => {
  const planned = durationsOf(agenda).reduce<number>((sum, d) => sum + (d ?? 0), 0);
  return fc.oneof(
    fc.integer({ min: 1, max: 12 * 60 }),
    fc.integer({ min: -2, max: 2 }).map((delta) => Math.max(1, planned + delta)),
  );
};

const planInputArb = fc
  .record({ agenda: agendaArb, start: meetingStartArb })
  .chain(({ agenda, start }) => meetingMinutesArb(agenda).map((meetingMinutes) => ({ agenda, start, meetingMinutes })))
  .map(({ agenda, start, meetingMinutes }) => ({
    agenda,
    start: toZonedIso(start, STOCKHOLM),
    end: toZonedIso(start + meetingMinutes * MINUTE_MS, STOCKHOLM),
    timeZone: STOCKHOLM,
    meetingMinutes,
  }));

describe('computeTimePlan: properties', () => {
  it('items run back to back from the start, each as long as its duration in real minutes, unknown after a gap', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = computeTimePlan(input);
        const durations = durationsOf(input.agenda);
        expect(plan.itemCount).toBe(durations.length);
        let expectedStart: number | null = plan.start;
        plan.items.forEach((item, i) => {
          expect(item.durationMinutes).toBe(durations[i]);
          expect(item.start).toBe(expectedStart);
          const expectedEnd =
            expectedStart === null || item.durationMinutes === null ? null : expectedStart + item.durationMinutes * MINUTE_MS;
          expect(item.end).toBe(expectedEnd);
          if (item.start !== null && item.end !== null) expect((item.end - item.start) / MINUTE_MS).toBe(item.durationMinutes);
          const next = plan.items[i + 1];
          if (next !== undefined) expect(next.start).toBe(item.end);
          expectedStart = expectedEnd;
        });
      }),
    );
  });

  it('the ISO strings parse back to the same instants', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = computeTimePlan(input);
        expect(parseZonedIso(plan.startIso)).toBe(plan.start);
        expect(parseZonedIso(plan.endIso)).toBe(plan.end);
        for (const item of plan.items) {
          expect(item.startIso === null ? null : parseZonedIso(item.startIso)).toBe(item.start);
          expect(item.endIso === null ? null : parseZonedIso(item.endIso)).toBe(item.end);
        }
      }),
    );
  });

  it('planned minutes, missing durations and the status agree with the meeting length', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = computeTimePlan(input);
        const durations = durationsOf(input.agenda);
        const known = durations.reduce<number>((sum, d) => sum + (d ?? 0), 0);
        const missing = plan.items.filter((_, i) => durations[i] === null).map((item) => item.itemId);
        expect(plan.meetingMinutes).toBe(input.meetingMinutes);
        expect(plan.plannedMinutes).toBe(known);
        expect(plan.missingDurations.map((ref) => ref.itemId)).toEqual(missing);
        const difference = plan.meetingMinutes - plan.plannedMinutes;
        if (difference < 0) expect(plan.status).toEqual({ kind: 'overruns', overrunMinutes: -difference });
        else if (missing.length > 0) {
          expect(plan.status).toEqual({
            kind: 'incomplete',
            missingItemIds: missing,
            knownMinutes: known,
            slackMinutes: difference,
          });
        } else {
          expect(plan.status).toEqual({ kind: 'fits', slackMinutes: difference });
          // In instants, too: the last item ends no later than the meeting.
          expect(plan.items.at(-1)?.end ?? plan.start).toBeLessThanOrEqual(plan.end);
        }
      }),
    );
  });
});
