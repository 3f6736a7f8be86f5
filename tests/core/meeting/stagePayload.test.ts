/**
 * The stage's address: the published agenda and the run, encoded for the address and read back as untrusted
 * input. The real case is the seed consultation (the OGP consultation of 12 December 2023) as published.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import { isSamradError } from '../../../src/core/errors';
import { importInvitation } from '../../../src/core/invitation';
import { endRun, goToItem, NOT_STARTED, pauseRun, resumeRun, startRun, type AgendaRun } from '../../../src/core/meeting/run';
import {
  decodeStagePayload,
  encodeStagePayload,
  isStagePayload,
  MAX_STAGE_PAYLOAD_CHARS,
  type StagePayload,
  type StagePayloadProblem,
} from '../../../src/core/meeting/stagePayload';
import { parseAgendaSection, type ParsedAgenda } from '../../../src/core/publishing/agendaSection';
import { preparePublication } from '../../../src/core/publishing/publication';
import { parseZonedIso, STOCKHOLM, toZonedIso } from '../../../src/core/time/zonedTime';
import { readSeedInvitation } from '../../support/seed';

const SEED = importInvitation(readSeedInvitation()).consultation;

function withDurations(c: Consultation, durations: readonly (number | null)[]): Consultation {
  let n = 0;
  return {
    ...c,
    agenda: {
      parts: c.agenda.parts.map((p) => ({
        ...p,
        items: p.items.map((i) => ({ ...i, durationMinutes: durations[n++] ?? null })),
      })),
    },
  };
}

/** The agenda as a participant reads it from the invitation, in Swedish and English as the organiser publishes. */
function published(c: Consultation): ParsedAgenda {
  const parsed = parseAgendaSection(
    preparePublication(c, { now: '2023-12-01T09:30:00+01:00', languages: ['sv', 'en'] }).sectionHtml,
  );
  if (parsed === null) throw new Error('the section does not read back');
  return parsed;
}

const RUNNING: AgendaRun = {
  status: 'running',
  itemIndex: 2,
  runningSince: parseZonedIso('2023-12-12T13:50:00+01:00'),
  spentMs: 0,
  startedAt: parseZonedIso('2023-12-12T13:00:00+01:00'),
  sequence: 6,
};

const SEED_PAYLOAD: StagePayload = {
  subject: SEED.title,
  start: SEED.start,
  end: SEED.end,
  agenda: published(withDurations(SEED, [30, 20, 20, 20])),
  run: RUNNING,
};

/** base64url of a JSON value (or of a raw string) the way an address could carry it, without the encoder. */
function address(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');
}

const bytesAddress = (bytes: readonly number[]): string => Buffer.from(bytes).toString('base64url');

/** A small well-formed payload as it travels, to be broken one field at a time. */
function wire(change: (w: Record<string, unknown>) => void = () => undefined): Record<string, unknown> {
  const w: Record<string, unknown> = {
    v: 1,
    subject: 'Samråd',
    start: '2023-12-12T13:00:00+01:00',
    end: '2023-12-12T14:30:00+01:00',
    parts: [{ title: 'Information', items: [{ title: 'Inledning', presenters: ['Finansdepartementet'], durationMinutes: 15 }] }],
    questions: [{ text: 'Vad tycker ni?', itemIndex: 0 }],
    run: null,
  };
  change(w);
  return w;
}

const part = (items: unknown[], title = 'Del'): unknown => ({ title, items });
const item = (change: Record<string, unknown> = {}): unknown => ({
  title: 'Punkt',
  presenters: [],
  durationMinutes: 10,
  ...change,
});
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

function problemOf(value: string | null): StagePayloadProblem | null {
  const decoded = decodeStagePayload(value);
  return isStagePayload(decoded) ? null : decoded.problem;
}

describe('the seed consultation on the stage', () => {
  const encoded = encodeStagePayload(SEED_PAYLOAD);

  it(`fits with room to spare: ${encoded.length} of ${MAX_STAGE_PAYLOAD_CHARS} characters`, () => {
    expect(encoded.length).toBeLessThan(MAX_STAGE_PAYLOAD_CHARS / 3);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reads back as it was shared, with its run', () => {
    expect(decodeStagePayload(encoded)).toEqual(SEED_PAYLOAD);
    expect(SEED_PAYLOAD.agenda.parts.map((p) => p.items.length)).toEqual([1, 3]);
    expect(SEED_PAYLOAD.agenda.questions).toHaveLength(3);
  });

  it('reads back without a run, and as the invitation gave it (no lengths)', () => {
    const untimed = { ...SEED_PAYLOAD, agenda: published(SEED), run: null };
    expect(decodeStagePayload(encodeStagePayload(untimed))).toEqual(untimed);
  });

  it('is read as not-readable when cut anywhere (never half-read)', () => {
    for (let length = 1; length < encoded.length; length += 1) {
      expect(problemOf(encoded.slice(0, length))).toBe('not-readable');
    }
  });
});

const textArb = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom('<script>x</script>', '"}', '\u2028'),
  );

const agendaArb: fc.Arbitrary<ParsedAgenda> = fc.record({
  parts: fc.array(
    fc.record({
      title: textArb(30),
      items: fc.array(
        fc.record({
          title: textArb(30),
          presenters: fc.array(textArb(20), { maxLength: 3 }),
          durationMinutes: fc.option(fc.integer({ min: 1, max: 24 * 60 }), { nil: null }),
        }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 4 },
  ),
  questions: fc.array(fc.record({ text: textArb(60), itemIndex: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }) }), {
    maxLength: 6,
  }),
});

const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

const runArb: fc.Arbitrary<AgendaRun | null> = fc.option(
  fc
    .record({
      status: fc.constantFrom('not-started' as const, 'running' as const, 'paused' as const, 'ended' as const),
      itemIndex: fc.integer({ min: 0, max: 999 }),
      since: instantArb,
      spentMs: fc.maxSafeNat(),
      startedAt: fc.option(instantArb, { nil: null }),
      sequence: fc.maxSafeNat(),
    })
    .map(({ since, ...run }) => ({ ...run, runningSince: run.status === 'running' ? since : null })),
  { nil: null },
);

const payloadArb: fc.Arbitrary<StagePayload> = fc.record({
  subject: textArb(300),
  start: instantArb.map((t) => toZonedIso(t, STOCKHOLM)),
  end: fc.oneof(
    instantArb.map((t) => toZonedIso(t, STOCKHOLM)),
    instantArb.map((t) => new Date(t).toISOString()),
  ),
  agenda: agendaArb,
  run: runArb,
});

describe('encodeStagePayload → decodeStagePayload, property-based', () => {
  it('reads back exactly what was shared, from an address of URL-safe characters within the limit', () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const encoded = encodeStagePayload(payload);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(encoded.length).toBeLessThanOrEqual(MAX_STAGE_PAYLOAD_CHARS);
        const decoded = decodeStagePayload(encoded);
        expect(isStagePayload(decoded)).toBe(true);
        expect(decoded).toEqual(payload);
      }),
      { numRuns: 300 },
    );
  });

  it('carries every run the run operations produce', () => {
    const stepArb = fc.record({
      kind: fc.constantFrom('start', 'pause', 'resume', 'next', 'previous', 'end'),
      at: instantArb,
    });
    const items = 4;
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), (steps) => {
        let run = NOT_STARTED;
        for (const { kind, at } of steps) {
          if (kind === 'start') run = startRun(run, at);
          else if (kind === 'pause') run = pauseRun(run, at);
          else if (kind === 'resume') run = resumeRun(run, at);
          else if (kind === 'end') run = endRun(run);
          else run = goToItem(run, run.itemIndex + (kind === 'next' ? 1 : -1), items, at);
          const payload = { ...SEED_PAYLOAD, run };
          expect(decodeStagePayload(encodeStagePayload(payload))).toEqual(payload);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeStagePayload', () => {
  it.each<[name: string, value: string | null, problem: StagePayloadProblem]>([
    ['no address value', null, 'missing'],
    ['an empty value', '', 'missing'],
    ['one character past the limit', 'A'.repeat(MAX_STAGE_PAYLOAD_CHARS + 1), 'too-long'],
    ['a well-formed payload past the limit', address(wire((w) => (w.subject = 'x'.repeat(20_000)))), 'too-long'],
    ['characters outside base64url', 'eyJ2Ijox$', 'not-readable'],
    ['standard base64 with +', 'ab+c', 'not-readable'],
    ['standard base64 with /', 'ab/c', 'not-readable'],
    ['base64 padding', `${address(wire())}==`, 'not-readable'],
    ['a space inside', `${address(wire()).slice(0, 8)} ${address(wire()).slice(8)}`, 'not-readable'],
    ['a length no base64 can have', 'a', 'not-readable'],
    ['bytes that are not UTF-8', bytesAddress([0xff, 0xfe, 0x7b, 0x7d]), 'not-readable'],
    ['a lone surrogate encoded in UTF-8', bytesAddress([0x22, 0xed, 0xa0, 0x80, 0x22]), 'not-readable'],
    ['text that is not JSON', address('hej'), 'not-readable'],
    ['JSON cut short', address('{"v":1,"subject":'), 'not-readable'],
    ['exactly the limit of A (zero bytes, not JSON)', 'A'.repeat(MAX_STAGE_PAYLOAD_CHARS), 'not-readable'],
    ['JSON null', address('null'), 'invalid'],
    ['a JSON array', address('[]'), 'invalid'],
    ['a JSON string', address('"eyJ2Ijox"'), 'invalid'],
    ['another version', address(wire((w) => (w.v = 2))), 'invalid'],
    ['the version as a string', address(wire((w) => (w.v = '1'))), 'invalid'],
    ['no version', address(wire((w) => delete w.v)), 'invalid'],
    ['no questions', address(wire((w) => delete w.questions)), 'invalid'],
    ['a subject of 301 characters', address(wire((w) => (w.subject = 'x'.repeat(301)))), 'invalid'],
    ['a start without offset', address(wire((w) => (w.start = '2023-12-12T13:00:00'))), 'invalid'],
    ['a start that is no time', address(wire((w) => (w.start = 'i morgon'))), 'invalid'],
    ['an end as epoch ms', address(wire((w) => (w.end = 1702386000000))), 'invalid'],
    ['a part title of 301 characters', address(wire((w) => (w.parts = [part([], 'x'.repeat(301))]))), 'invalid'],
    ['51 parts', address(wire((w) => (w.parts = times(51, () => part([]))))), 'invalid'],
    ['201 items in a part', address(wire((w) => (w.parts = [part(times(201, () => item()))]))), 'invalid'],
    ['an item title of 501 characters', address(wire((w) => (w.parts = [part([item({ title: 'x'.repeat(501) })])]))), 'invalid'],
    [
      'a presenter of 201 characters',
      address(wire((w) => (w.parts = [part([item({ presenters: ['x'.repeat(201)] })])]))),
      'invalid',
    ],
    ['21 presenters', address(wire((w) => (w.parts = [part([item({ presenters: times(21, String) })])]))), 'invalid'],
    ['a negative duration', address(wire((w) => (w.parts = [part([item({ durationMinutes: -1 })])]))), 'invalid'],
    ['a duration past a day', address(wire((w) => (w.parts = [part([item({ durationMinutes: 24 * 60 + 1 })])]))), 'invalid'],
    ['a duration in fractions', address(wire((w) => (w.parts = [part([item({ durationMinutes: 1.5 })])]))), 'invalid'],
    ['a duration as a string', address(wire((w) => (w.parts = [part([item({ durationMinutes: '15' })])]))), 'invalid'],
    [
      'an item without presenters',
      address(wire((w) => (w.parts = [{ title: 'Del', items: [{ title: 'P', durationMinutes: 5 }] }]))),
      'invalid',
    ],
    ['51 questions', address(wire((w) => (w.questions = times(51, () => ({ text: 'Q', itemIndex: null }))))), 'invalid'],
    [
      'a question of 1001 characters',
      address(wire((w) => (w.questions = [{ text: 'x'.repeat(1001), itemIndex: null }]))),
      'invalid',
    ],
    ['a question linked to item 1000', address(wire((w) => (w.questions = [{ text: 'Q', itemIndex: 1000 }]))), 'invalid'],
    ['a question linked to item -1', address(wire((w) => (w.questions = [{ text: 'Q', itemIndex: -1 }]))), 'invalid'],
    ['a run paused with runningSince set', address(wire((w) => (w.run = { ...RUNNING, status: 'paused' }))), 'invalid'],
    ['a run with an unknown status', address(wire((w) => (w.run = { ...RUNNING, status: 'skipped' }))), 'invalid'],
    ['a run with a negative sequence', address(wire((w) => (w.run = { ...RUNNING, sequence: -1 }))), 'invalid'],
  ])('says %s is %s', (_, value, problem) => {
    expect(problemOf(value)).toBe(problem);
  });

  it.each<[name: string, change: (w: Record<string, unknown>) => void]>([
    ['a subject of 300 characters', (w) => (w.subject = 'x'.repeat(300))],
    ['an empty subject and agenda', (w) => Object.assign(w, { subject: '', parts: [], questions: [] })],
    ['a start in UTC with fractions', (w) => (w.start = '2023-12-12T12:00:00.000Z')],
    ['a part title of 300 characters', (w) => (w.parts = [part([], 'x'.repeat(300))])],
    ['50 parts', (w) => (w.parts = times(50, () => part([])))],
    ['200 items in a part', (w) => (w.parts = [part(times(200, () => item()))])],
    ['an item title of 500 characters', (w) => (w.parts = [part([item({ title: 'x'.repeat(500) })])])],
    ['20 presenters of 200 characters', (w) => (w.parts = [part([item({ presenters: times(20, () => 'x'.repeat(200)) })])])],
    [
      'durations of 1 minute and a whole day',
      (w) => (w.parts = [part([item({ durationMinutes: 1 }), item({ durationMinutes: 1440 })])]),
    ],
    [
      '50 questions, linked up to item 999',
      (w) => (w.questions = times(50, (i) => ({ text: 'x'.repeat(100), itemIndex: i * 20 }))),
    ],
    ['a question of 1000 characters', (w) => (w.questions = [{ text: 'x'.repeat(1000), itemIndex: 999 }])],
    ['a running run', (w) => (w.run = RUNNING)],
  ])('reads %s (within the bounds)', (_, change) => {
    const decoded = decodeStagePayload(address(wire(change)));
    expect(isStagePayload(decoded)).toBe(true);
  });

  it('drops fields it does not know instead of passing them to the stage', () => {
    const decoded = decodeStagePayload(address(wire((w) => Object.assign(w, { onload: 'alert(1)', html: '<b>x</b>' }))));
    expect(isStagePayload(decoded)).toBe(true);
    expect(Object.keys(decoded).sort()).toEqual(['agenda', 'end', 'run', 'start', 'subject']);
    expect(Object.keys(isStagePayload(decoded) ? decoded.agenda : {}).sort()).toEqual(['parts', 'questions']);
  });

  it('keeps a script in a title as the exact string (text, never markup)', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const payload = { ...SEED_PAYLOAD, subject: hostile, agenda: { parts: [{ title: hostile, items: [] }], questions: [] } };
    expect(decodeStagePayload(encodeStagePayload(payload))).toEqual(payload);
  });
});

/** A payload whose JSON is exactly `bytes` bytes long (so its address is 4/3 of that): one part of filler items. */
function payloadOfBytes(bytes: number): StagePayload {
  const filler = (length: number) => ({ title: 'x'.repeat(length), presenters: [], durationMinutes: 10 });
  const withItems = (items: ParsedAgenda['parts'][number]['items']): StagePayload => ({
    ...SEED_PAYLOAD,
    agenda: { parts: [{ title: 'Del', items }], questions: [] },
    run: null,
  });
  const size = (p: StagePayload): number => {
    try {
      return Buffer.from(encodeStagePayload(p), 'base64url').length;
    } catch {
      // Past the limit: bigger than any target below it.
      return Number.POSITIVE_INFINITY;
    }
  };
  const items = [];
  while (size(withItems([...items, filler(500), filler(1)])) <= bytes) items.push(filler(500));
  const last = 1 + bytes - size(withItems([...items, filler(1)]));
  if (last < 1 || last > 500) throw new Error(`cannot make a payload of ${bytes} bytes`);
  return withItems([...items, filler(last)]);
}

describe('encodeStagePayload', () => {
  it('shares an address of exactly the limit, and reads it back', () => {
    const payload = payloadOfBytes((MAX_STAGE_PAYLOAD_CHARS / 4) * 3);
    const encoded = encodeStagePayload(payload);
    expect(encoded.length).toBe(MAX_STAGE_PAYLOAD_CHARS);
    expect(decodeStagePayload(encoded)).toEqual(payload);
  });

  it('refuses one byte more, saying so in Swedish and English, with what to do instead', () => {
    const payload = payloadOfBytes((MAX_STAGE_PAYLOAD_CHARS / 4) * 3 + 1);
    let error: unknown = null;
    try {
      encodeStagePayload(payload);
    } catch (e) {
      error = e;
    }
    expect(isSamradError(error) && error.code).toBe('stage-too-large');
  });

  it('refuses a huge agenda with stage-too-large', () => {
    const huge: StagePayload = {
      ...SEED_PAYLOAD,
      agenda: {
        parts: times(40, (p) => ({
          title: `Del ${p}`,
          items: times(10, (i) => ({
            title: `Punkt ${i} ${'å'.repeat(250)}`,
            presenters: ['Finansdepartementet'],
            durationMinutes: 5,
          })),
        })),
        questions: [],
      },
    };
    let error: unknown = null;
    try {
      encodeStagePayload(huge);
    } catch (e) {
      error = e;
    }
    expect(isSamradError(error)).toBe(true);
    if (isSamradError(error)) {
      expect(error.code).toBe('stage-too-large');
      expect(error.what.sv).toContain('för lång');
      expect(error.what.en).toContain('too long');
      expect(error.hint.sv).not.toBe('');
      expect(error.hint.en).toContain('side panel');
    }
  });

  // What the organiser may publish is wider than what the stage reads: the consultation allows 0-minute items and
  // has no limit on the number of questions or the length of texts, and the encoder checks only the total length.
  // Such a share succeeds, and every participant's stage then says the address is invalid. The encoder should
  // refuse what its own decoder refuses (with a SamradError the organiser can act on), or the bounds should agree.
  const seedWithZero = { ...SEED_PAYLOAD, agenda: published(withDurations(SEED, [0, 20, 20, 20])) };
  const longText = 'x'.repeat(301);

  it('gets a 0-minute item from a published consultation (the consultation allows it)', () => {
    expect(seedWithZero.agenda.parts[0]?.items[0]?.durationMinutes).toBe(0);
  });

  it.each<[name: string, payload: StagePayload]>([
    ['a 0-minute item, which the consultation allows and the published section shows as "0 min"', seedWithZero],
    [
      '51 short questions',
      {
        ...SEED_PAYLOAD,
        agenda: { ...SEED_PAYLOAD.agenda, questions: times(51, (i) => ({ text: `Fråga ${i}?`, itemIndex: null })) },
      },
    ],
    ['a subject of 301 characters', { ...SEED_PAYLOAD, subject: longText }],
    ['a part title of 301 characters', { ...SEED_PAYLOAD, agenda: { parts: [{ title: longText, items: [] }], questions: [] } }],
    [
      '21 presenters on an item',
      {
        ...SEED_PAYLOAD,
        agenda: {
          parts: [{ title: 'Del', items: [{ title: 'P', presenters: times(21, String), durationMinutes: 5 }] }],
          questions: [],
        },
      },
    ],
  ])('never shares a payload its own decoder would refuse: %s reads back or is refused when shared', (_, payload) => {
    let encoded: string | null = null;
    let error: unknown = null;
    try {
      encoded = encodeStagePayload(payload);
    } catch (e) {
      error = e;
    }
    if (encoded === null) expect(isSamradError(error)).toBe(true);
    else expect(decodeStagePayload(encoded)).toEqual(payload);
  });
});
