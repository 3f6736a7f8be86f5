import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AddResult, EditFailure, EditResult, ItemMove, Move } from '../../../src/core/consultation/edit';
import {
  addItem,
  addPart,
  addQuestion,
  formatPresenterList,
  linkQuestion,
  moveItem,
  movePart,
  moveQuestion,
  nextId,
  parseDurationInput,
  parsePresenterList,
  removeItem,
  removePart,
  removeQuestion,
  renamePart,
  updateItem,
  updateQuestionText,
} from '../../../src/core/consultation/edit';
import { jsonEqual } from '../../../src/core/consultation/merge';
import type { AgendaItem, Consultation } from '../../../src/core/consultation/schema';
import { validateConsultation } from '../../../src/core/consultation/validate';
import { isSamradError } from '../../../src/core/errors';
import { importInvitation } from '../../../src/core/invitation';
import { sampleConsultation } from '../../support/consultations';
import { readSeedInvitation } from '../../support/seed';

const seed = (): Consultation => importInvitation(readSeedInvitation()).consultation;

function edited(result: EditResult | AddResult): Consultation {
  if (!result.ok) throw new Error(`unexpected failure: ${result.error.message}`);
  return result.consultation;
}

function added(result: AddResult): { consultation: Consultation; id: string } {
  if (!result.ok) throw new Error(`unexpected failure: ${result.error.message}`);
  return result;
}

/** A failure with text in both languages, what happened and what to do. */
function expectFailure(result: EditFailure | { readonly ok: true }, sv: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(isSamradError(result.error)).toBe(true);
  expect(result.error.code).toBe('invalid-input');
  expect(result.error.what.sv).toMatch(sv);
  for (const text of [result.error.what.en, result.error.hint.sv, result.error.hint.en]) expect(text.length).toBeGreaterThan(5);
}

const items = (c: Consultation): AgendaItem[] => c.agenda.parts.flatMap((p) => p.items);
const itemById = (c: Consultation, id: string): AgendaItem | undefined => items(c).find((i) => i.id === id);
const layout = (c: Consultation): string[][] => c.agenda.parts.map((p) => [p.id, ...p.items.map((i) => i.id)]);
const questionLinks = (c: Consultation): [string, number | undefined, string | null][] =>
  c.questions.map((q) => [q.id, q.number, q.agendaItemId]);

/** A consultation the editor returned must be valid and already what the schema would make of it (trimmed, defaults). */
function expectValid(c: Consultation): void {
  const result = validateConsultation(c);
  expect(result.ok ? [] : result.problems).toEqual([]);
  if (result.ok) expect(jsonEqual(result.consultation, c)).toBe(true);
}

describe('parts', () => {
  it('adds a part at the end or at a place, with the next free id', () => {
    const c = sampleConsultation();
    const last = added(addPart(c, { title: '  Avslutning ' }));
    expect(last.id).toBe('part-3');
    expect(last.consultation.agenda.parts.map((p) => p.title)).toEqual(['Information', 'Diskussion', 'Avslutning']);
    expect(last.consultation.agenda.parts[2]).toEqual({ id: 'part-3', title: 'Avslutning', items: [] });
    const first = added(addPart(c, { title: 'Välkommen', description: 'Kaffe' }, 0));
    expect(first.consultation.agenda.parts[0]).toEqual({ id: 'part-3', title: 'Välkommen', description: 'Kaffe', items: [] });
    expect(c.agenda.parts).toHaveLength(2);
  });

  it.each<[string, () => EditResult | AddResult, RegExp]>([
    ['an empty title', () => addPart(sampleConsultation(), { title: '   ' }), /rubrik får inte vara tom/],
    ['a place outside the list', () => addPart(sampleConsultation(), { title: 'X' }, 5), /Platsen 5 finns inte/],
    ['renaming to nothing', () => renamePart(sampleConsultation(), 'part-1', ''), /rubrik får inte vara tom/],
    ['renaming an unknown part', () => renamePart(sampleConsultation(), 'part-9', 'X'), /ingen del med id:t "part-9"/],
    ['removing an unknown part', () => removePart(sampleConsultation(), 'part-9'), /ingen del/],
    ['moving to a place outside the list', () => movePart(sampleConsultation(), 'part-1', 2), /Platsen 2 finns inte/],
    ['moving to a fractional place', () => movePart(sampleConsultation(), 'part-1', 0.5), /Platsen 0.5 finns inte/],
  ])('refuses %s, saying why in both languages', (_name, run, sv) => expectFailure(run(), sv));

  it('renames a part, trimmed', () => {
    expect(edited(renamePart(sampleConsultation(), 'part-2', ' Samtal ')).agenda.parts[1]?.title).toBe('Samtal');
  });

  it('removes a part with its items; their questions stay, linked to no item', () => {
    const out = edited(removePart(sampleConsultation(), 'part-2'));
    expect(layout(out)).toEqual([['part-1', 'item-1']]);
    expect(questionLinks(out)).toEqual([['question-1', 1, null]]);
    expectValid(out);
  });

  it.each<[Move, string[]]>([
    ['up', ['part-2', 'part-1']],
    ['down', ['part-1', 'part-2']],
    [0, ['part-2', 'part-1']],
    [1, ['part-1', 'part-2']],
  ])('moves the second part %s', (move, order) => {
    expect(edited(movePart(sampleConsultation(), 'part-2', move)).agenda.parts.map((p) => p.id)).toEqual(order);
  });
});

describe('items', () => {
  it('adds an item with its fields and the next free id', () => {
    const out = added(
      addItem(sampleConsultation(), 'part-1', {
        title: 'OGP-processen',
        presenters: [' Finansdepartementet '],
        durationMinutes: 20,
        description: ' Om planen ',
      }),
    );
    expect(out.id).toBe('item-3');
    expect(out.consultation.agenda.parts[0]?.items[1]).toEqual({
      id: 'item-3',
      title: 'OGP-processen',
      description: 'Om planen',
      presenters: ['Finansdepartementet'],
      durationMinutes: 20,
      questionIds: [],
    });
    expect(layout(edited(addItem(sampleConsultation(), 'part-1', { title: 'Först' }, 0)))[0]).toEqual([
      'part-1',
      'item-3',
      'item-1',
    ]);
  });

  it.each<[string, () => EditResult | AddResult, RegExp]>([
    ['an item in an unknown part', () => addItem(sampleConsultation(), 'part-9', { title: 'X' }), /ingen del/],
    ['an item without a title', () => addItem(sampleConsultation(), 'part-1', { title: '' }), /rubrik får inte vara tom/],
    [
      'a negative duration',
      () => updateItem(sampleConsultation(), 'item-1', { durationMinutes: -5 }),
      /"-5" är ingen giltig längd/,
    ],
    ['a fractional duration', () => updateItem(sampleConsultation(), 'item-1', { durationMinutes: 1.5 }), /"1.5"/],
    ['a duration over a day', () => updateItem(sampleConsultation(), 'item-1', { durationMinutes: 2000 }), /"2000"/],
    ['a nameless presenter', () => updateItem(sampleConsultation(), 'item-1', { presenters: ['A', ' '] }), /saknar namn/],
    ['an empty title', () => updateItem(sampleConsultation(), 'item-1', { title: ' ' }), /rubrik får inte vara tom/],
    [
      'updating an unknown item',
      () => updateItem(sampleConsultation(), 'item-9', { title: 'X' }),
      /ingen punkt med id:t "item-9"/,
    ],
    ['removing an unknown item', () => removeItem(sampleConsultation(), 'item-9'), /ingen punkt/],
    ['moving into an unknown part', () => moveItem(sampleConsultation(), 'item-1', { partId: 'p', index: 0 }), /ingen del/],
    [
      'moving past the end of a part',
      () => moveItem(sampleConsultation(), 'item-1', { partId: 'part-2', index: 2 }),
      /Platsen 2/,
    ],
  ])('refuses %s', (_name, run, sv) => expectFailure(run(), sv));

  it('updates only the fields given; an empty description removes it', () => {
    const c = sampleConsultation();
    const described = edited(updateItem(c, 'item-1', { description: 'Bakgrund', durationMinutes: 10 }));
    expect(itemById(described, 'item-1')).toEqual({
      ...c.agenda.parts[0]?.items[0],
      description: 'Bakgrund',
      durationMinutes: 10,
    });
    const plain = edited(updateItem(described, 'item-1', { description: '  ', durationMinutes: null, title: ' Start ' }));
    expect(itemById(plain, 'item-1')).toEqual({ ...c.agenda.parts[0]?.items[0], title: 'Start', durationMinutes: null });
    expect(Object.keys(itemById(plain, 'item-1') ?? {})).not.toContain('description');
    expect(plain.agenda.parts[1]).toBe(c.agenda.parts[1]);
  });

  it('removes an item; its questions stay, linked to no item', () => {
    const out = edited(removeItem(sampleConsultation(), 'item-2'));
    expect(layout(out)).toEqual([['part-1', 'item-1'], ['part-2']]);
    expect(questionLinks(out)).toEqual([['question-1', 1, null]]);
    expectValid(out);
  });

  const three = (): Consultation => edited(addItem(edited(addItem(seed(), 'part-1', { title: 'B' })), 'part-1', { title: 'C' }));

  it.each<[string, string, ItemMove, string[][]]>([
    [
      'up within its part',
      'item-6',
      'up',
      [
        ['part-1', 'item-1', 'item-6', 'item-5'],
        ['part-2', 'item-2', 'item-3', 'item-4'],
      ],
    ],
    [
      'down within its part',
      'item-1',
      'down',
      [
        ['part-1', 'item-5', 'item-1', 'item-6'],
        ['part-2', 'item-2', 'item-3', 'item-4'],
      ],
    ],
    [
      'down from the end of a part into the next',
      'item-6',
      'down',
      [
        ['part-1', 'item-1', 'item-5'],
        ['part-2', 'item-6', 'item-2', 'item-3', 'item-4'],
      ],
    ],
    [
      'up from the top of a part into the one before',
      'item-2',
      'up',
      [
        ['part-1', 'item-1', 'item-5', 'item-6', 'item-2'],
        ['part-2', 'item-3', 'item-4'],
      ],
    ],
    [
      'up from the very top (stays)',
      'item-1',
      'up',
      [
        ['part-1', 'item-1', 'item-5', 'item-6'],
        ['part-2', 'item-2', 'item-3', 'item-4'],
      ],
    ],
    [
      'down from the very bottom (stays)',
      'item-4',
      'down',
      [
        ['part-1', 'item-1', 'item-5', 'item-6'],
        ['part-2', 'item-2', 'item-3', 'item-4'],
      ],
    ],
    [
      'to a place in another part',
      'item-1',
      { partId: 'part-2', index: 1 },
      [
        ['part-1', 'item-5', 'item-6'],
        ['part-2', 'item-2', 'item-1', 'item-3', 'item-4'],
      ],
    ],
    [
      'to a place in its own part',
      'item-1',
      { partId: 'part-1', index: 2 },
      [
        ['part-1', 'item-5', 'item-6', 'item-1'],
        ['part-2', 'item-2', 'item-3', 'item-4'],
      ],
    ],
  ])('moves an item %s, keeping its questions', (_name, id, move, expected) => {
    const c = three();
    const out = edited(moveItem(c, id, move));
    expect(layout(out)).toEqual(expected);
    expect(itemById(out, id)).toBe(itemById(c, id));
    expectValid(out);
  });
});

describe('questions', () => {
  it('adds a question linked to an item on both sides, numbered in order', () => {
    const out = added(addQuestion(sampleConsultation(), { text: ' Vad saknas? ', agendaItemId: 'item-1' }, 0));
    expect(out.id).toBe('question-2');
    expect(questionLinks(out.consultation)).toEqual([
      ['question-2', 1, 'item-1'],
      ['question-1', 2, 'item-2'],
    ]);
    expect(out.consultation.questions[0]?.text).toBe('Vad saknas?');
    expect(itemById(out.consultation, 'item-1')?.questionIds).toEqual(['question-2']);
    expectValid(out.consultation);
  });

  it('relinks a question on both sides, and unlinks it', () => {
    const relinked = edited(linkQuestion(sampleConsultation(), 'question-1', 'item-1'));
    expect(itemById(relinked, 'item-1')?.questionIds).toEqual(['question-1']);
    expect(itemById(relinked, 'item-2')?.questionIds).toEqual([]);
    expect(relinked.questions[0]?.agendaItemId).toBe('item-1');
    expectValid(relinked);
    const unlinked = edited(linkQuestion(relinked, 'question-1', null));
    expect(items(unlinked).flatMap((i) => i.questionIds)).toEqual([]);
    expect(unlinked.questions[0]?.agendaItemId).toBeNull();
    expectValid(unlinked);
  });

  it('edits a question’s text and removes a question from its item, numbering the rest anew', () => {
    const c = seed();
    expect(edited(updateQuestionText(c, 'question-2', ' Ny fråga ')).questions[1]?.text).toBe('Ny fråga');
    const out = edited(removeQuestion(c, 'question-1'));
    expect(questionLinks(out)).toEqual([
      ['question-2', 1, 'item-3'],
      ['question-3', 2, 'item-4'],
    ]);
    expect(itemById(out, 'item-2')?.questionIds).toEqual([]);
    expectValid(out);
  });

  it.each<[Move, string[]]>([
    ['up', ['question-1', 'question-3', 'question-2']],
    ['down', ['question-1', 'question-2', 'question-3']],
    [0, ['question-3', 'question-1', 'question-2']],
  ])('moves the last question %s and numbers them in the new order', (move, order) => {
    const out = edited(moveQuestion(seed(), 'question-3', move));
    expect(out.questions.map((q) => q.id)).toEqual(order);
    expect(out.questions.map((q) => q.number)).toEqual([1, 2, 3]);
    expectValid(out);
  });

  it.each<[string, () => EditResult | AddResult, RegExp]>([
    ['an empty question', () => addQuestion(sampleConsultation(), { text: '' }), /Frågan får inte vara tom/],
    ['a link to an unknown item', () => addQuestion(sampleConsultation(), { text: 'X', agendaItemId: 'item-9' }), /ingen punkt/],
    ['relinking to an unknown item', () => linkQuestion(sampleConsultation(), 'question-1', 'item-9'), /ingen punkt/],
    [
      'an unknown question',
      () => updateQuestionText(sampleConsultation(), 'question-9', 'X'),
      /ingen fråga med id:t "question-9"/,
    ],
    ['emptying a question', () => updateQuestionText(sampleConsultation(), 'question-1', ' '), /Frågan får inte vara tom/],
    ['removing an unknown question', () => removeQuestion(sampleConsultation(), 'q'), /ingen fråga/],
    ['moving an unknown question', () => moveQuestion(sampleConsultation(), 'q', 'up'), /ingen fråga/],
  ])('refuses %s', (_name, run, sv) => expectFailure(run(), sv));
});

describe('nextId', () => {
  const withIds = (ids: { part?: string; question?: string; commitment?: string }): Consultation => {
    const c = structuredClone(sampleConsultation());
    const [part] = c.agenda.parts;
    const [question] = c.questions;
    const [commitment] = c.commitments;
    if (ids.part !== undefined && part !== undefined) part.id = ids.part;
    // The question keeps no link, so the renamed id stays consistent.
    if (ids.question !== undefined && question !== undefined) Object.assign(question, { id: ids.question, agendaItemId: null });
    if (ids.commitment !== undefined && commitment !== undefined) commitment.id = ids.commitment;
    return c;
  };

  it.each<[string, Consultation, 'part' | 'item' | 'question', string]>([
    ['follows the highest number', sampleConsultation(), 'item', 'item-3'],
    ['skips past a higher number anywhere', withIds({ question: 'item-41' }), 'item', 'item-42'],
    ['ignores ids of another form', withIds({ part: 'part-a' }), 'part', 'part-3'],
    ['avoids commitment ids', withIds({ commitment: 'question-7' }), 'question', 'question-8'],
    ['starts at 1', { ...sampleConsultation(), questions: [] }, 'question', 'question-1'],
    ['is not fooled by a number too long to count', withIds({ part: 'part-1234567890123456789' }), 'part', 'part-3'],
  ])('%s', (_name, c, kind, expected) => {
    expect(nextId(c, kind)).toBe(expected);
  });
});

describe('what an organiser types', () => {
  it.each<[string, number | null]>([
    ['', null],
    ['   ', null],
    ['0', 0],
    [' 15 ', 15],
    ['007', 7],
    ['1440', 1440],
  ])('reads the duration %j', (text, minutes) => {
    expect(parseDurationInput(text)).toEqual({ ok: true, minutes });
  });

  it.each(['abc', '-5', '1.5', '1,5', '15 min', '2000', '1441', '123456789012', '+5', '1e3'])('refuses the duration %j', (text) =>
    expectFailure(parseDurationInput(text), /är ingen giltig längd/),
  );

  it.each<[string, string[]]>([
    ['', []],
    ['Finansdepartementet', ['Finansdepartementet']],
    [
      ' Finansdepartementet ,  Myndigheten för digital förvaltning, ',
      ['Finansdepartementet', 'Myndigheten för digital förvaltning'],
    ],
    [',,', []],
  ])('reads the presenters %j', (text, presenters) => {
    expect(parsePresenterList(text)).toEqual(presenters);
    expect(parsePresenterList(formatPresenterList(presenters))).toEqual(presenters);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over random sequences of edits, from the sample and from the seed (the real case).

type Op =
  | { readonly kind: 'addPart'; readonly title: string; readonly at: number | undefined }
  | { readonly kind: 'renamePart'; readonly pick: number; readonly title: string }
  | { readonly kind: 'removePart'; readonly pick: number }
  | { readonly kind: 'movePart'; readonly pick: number; readonly move: Move }
  | {
      readonly kind: 'addItem';
      readonly pick: number;
      readonly title: string;
      readonly minutes: number | null;
      readonly at: number | undefined;
    }
  | {
      readonly kind: 'updateItem';
      readonly pick: number;
      readonly title: string | undefined;
      readonly minutes: number | null | undefined;
      readonly presenters: string[] | undefined;
      readonly description: string | undefined;
    }
  | { readonly kind: 'removeItem'; readonly pick: number }
  | {
      readonly kind: 'moveItem';
      readonly pick: number;
      readonly move: 'up' | 'down' | { readonly part: number; readonly index: number };
    }
  | { readonly kind: 'addQuestion'; readonly text: string; readonly item: number | null; readonly at: number | undefined }
  | { readonly kind: 'updateQuestionText'; readonly pick: number; readonly text: string }
  | { readonly kind: 'removeQuestion'; readonly pick: number }
  | { readonly kind: 'moveQuestion'; readonly pick: number; readonly move: Move }
  | { readonly kind: 'linkQuestion'; readonly pick: number; readonly item: number | null };

const textArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Inledning', ' Diskussion ', '', '  '));
const pickArb = fc.nat({ max: 20 });
const atArb = fc.option(fc.integer({ min: -1, max: 6 }), { nil: undefined });
const minutesArb = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 1500 }), fc.constant(2.5));
const moveArb: fc.Arbitrary<Move> = fc.oneof(fc.constantFrom<Move>('up', 'down'), fc.integer({ min: -1, max: 6 }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('addPart' as const), title: textArb, at: atArb }),
  fc.record({ kind: fc.constant('renamePart' as const), pick: pickArb, title: textArb }),
  fc.record({ kind: fc.constant('removePart' as const), pick: pickArb }),
  fc.record({ kind: fc.constant('movePart' as const), pick: pickArb, move: moveArb }),
  fc.record({ kind: fc.constant('addItem' as const), pick: pickArb, title: textArb, minutes: minutesArb, at: atArb }),
  fc.record({
    kind: fc.constant('updateItem' as const),
    pick: pickArb,
    title: fc.option(textArb, { nil: undefined }),
    minutes: fc.option(minutesArb, { nil: undefined }),
    presenters: fc.option(fc.array(textArb, { maxLength: 3 }), { nil: undefined }),
    description: fc.option(textArb, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('removeItem' as const), pick: pickArb }),
  fc.record({
    kind: fc.constant('moveItem' as const),
    pick: pickArb,
    move: fc.oneof(
      fc.constantFrom<'up' | 'down'>('up', 'down'),
      fc.record({ part: pickArb, index: fc.integer({ min: -1, max: 6 }) }),
    ),
  }),
  fc.record({ kind: fc.constant('addQuestion' as const), text: textArb, item: fc.option(pickArb, { nil: null }), at: atArb }),
  fc.record({ kind: fc.constant('updateQuestionText' as const), pick: pickArb, text: textArb }),
  fc.record({ kind: fc.constant('removeQuestion' as const), pick: pickArb }),
  fc.record({ kind: fc.constant('moveQuestion' as const), pick: pickArb, move: moveArb }),
  fc.record({ kind: fc.constant('linkQuestion' as const), pick: pickArb, item: fc.option(pickArb, { nil: null }) }),
);

/** The id at a random place in a list, or one that is not there when the list is empty (which must be refused). */
function pickId(ids: readonly string[], pick: number): string {
  return ids[pick % Math.max(1, ids.length)] ?? 'missing';
}

function apply(c: Consultation, op: Op): EditResult | AddResult {
  const partIds = c.agenda.parts.map((p) => p.id);
  const itemIds = items(c).map((i) => i.id);
  const questionIds = c.questions.map((q) => q.id);
  switch (op.kind) {
    case 'addPart':
      return addPart(c, { title: op.title }, op.at);
    case 'renamePart':
      return renamePart(c, pickId(partIds, op.pick), op.title);
    case 'removePart':
      return removePart(c, pickId(partIds, op.pick));
    case 'movePart':
      return movePart(c, pickId(partIds, op.pick), op.move);
    case 'addItem':
      return addItem(c, pickId(partIds, op.pick), { title: op.title, durationMinutes: op.minutes }, op.at);
    case 'updateItem': {
      const patch = {
        ...(op.title === undefined ? {} : { title: op.title }),
        ...(op.minutes === undefined ? {} : { durationMinutes: op.minutes }),
        ...(op.presenters === undefined ? {} : { presenters: op.presenters }),
        ...(op.description === undefined ? {} : { description: op.description }),
      };
      return updateItem(c, pickId(itemIds, op.pick), patch);
    }
    case 'removeItem':
      return removeItem(c, pickId(itemIds, op.pick));
    case 'moveItem': {
      const move = typeof op.move === 'string' ? op.move : { partId: pickId(partIds, op.move.part), index: op.move.index };
      return moveItem(c, pickId(itemIds, op.pick), move);
    }
    case 'addQuestion':
      return addQuestion(c, { text: op.text, agendaItemId: op.item === null ? null : pickId(itemIds, op.item) }, op.at);
    case 'updateQuestionText':
      return updateQuestionText(c, pickId(questionIds, op.pick), op.text);
    case 'removeQuestion':
      return removeQuestion(c, pickId(questionIds, op.pick));
    case 'moveQuestion':
      return moveQuestion(c, pickId(questionIds, op.pick), op.move);
    case 'linkQuestion':
      return linkQuestion(c, pickId(questionIds, op.pick), op.item === null ? null : pickId(itemIds, op.item));
  }
}

/** Applies the edits in turn; a refused edit leaves the consultation as it was (as the editor does). */
function run(
  base: Consultation,
  ops: readonly Op[],
  check: (c: Consultation, result: EditResult | AddResult) => void,
): Consultation {
  return ops.reduce((c, op) => {
    const result = apply(c, op);
    check(c, result);
    return result.ok ? result.consultation : c;
  }, base);
}

const baseArb = fc.constantFrom<() => Consultation>(sampleConsultation, seed).map((make) => make());
const editedArb = fc.tuple(baseArb, fc.array(opArb, { maxLength: 25 })).map(([base, ops]) => run(base, ops, () => undefined));

/** The links as both sides see them, which must agree. */
function linksFromItems(c: Consultation): string[] {
  return items(c)
    .flatMap((i) => i.questionIds.map((q) => `${q}→${i.id}`))
    .sort();
}
function linksFromQuestions(c: Consultation): string[] {
  return c.questions
    .filter((q) => q.agendaItemId !== null)
    .map((q) => `${q.id}→${q.agendaItemId ?? ''}`)
    .sort();
}

describe('properties', () => {
  it('any sequence of edits gives a valid consultation with two-way links that agree, or a bilingual refusal', () => {
    fc.assert(
      fc.property(baseArb, fc.array(opArb, { maxLength: 25 }), (base, ops) => {
        const before = structuredClone(base);
        run(base, ops, (_c, result) => {
          if (result.ok) {
            expectValid(result.consultation);
            expect(linksFromItems(result.consultation)).toEqual(linksFromQuestions(result.consultation));
            expect(result.consultation.questions.map((q) => q.number)).toEqual(
              result.consultation.questions.map((_, i) => i + 1),
            );
          } else {
            expect(isSamradError(result.error)).toBe(true);
            expect(result.error.what.sv).not.toBe('');
            expect(result.error.hint.en).not.toBe('');
          }
        });
        // Edits never change what they were given.
        expect(base).toEqual(before);
      }),
    );
  });

  it('removing what was just added restores the consultation exactly', () => {
    fc.assert(
      fc.property(editedArb, pickArb, fc.option(pickArb, { nil: null }), atArb, (c, pick, item, at) => {
        const part = added(
          addPart(c, { title: 'Ny del' }, at === undefined ? undefined : Math.min(Math.max(at, 0), c.agenda.parts.length)),
        );
        expect(edited(removePart(part.consultation, part.id))).toEqual(c);

        const itemIds = items(c).map((i) => i.id);
        const question = added(
          addQuestion(c, {
            text: 'Ny fråga',
            agendaItemId: item === null ? null : (itemIds[item % Math.max(1, itemIds.length)] ?? null),
          }),
        );
        expect(edited(removeQuestion(question.consultation, question.id))).toEqual(c);

        const partId = c.agenda.parts[pick % Math.max(1, c.agenda.parts.length)]?.id;
        if (partId === undefined) return;
        const newItem = added(addItem(c, partId, { title: 'Ny punkt', durationMinutes: 5 }));
        expect(edited(removeItem(newItem.consultation, newItem.id))).toEqual(c);
      }),
    );
  });

  it('a move is a permutation: the same elements, the same links, another order', () => {
    const sortedJson = (values: readonly unknown[]): string[] => values.map((v) => JSON.stringify(v)).sort();
    fc.assert(
      fc.property(editedArb, pickArb, moveArb, fc.constantFrom('part', 'item', 'question'), (c, pick, move, kind) => {
        const itemIds = items(c).map((i) => i.id);
        const partIds = c.agenda.parts.map((p) => p.id);
        const result =
          kind === 'part'
            ? movePart(c, pickId(partIds, pick), move)
            : kind === 'item'
              ? moveItem(
                  c,
                  pickId(itemIds, pick),
                  typeof move === 'number' ? { partId: pickId(partIds, pick), index: move } : move,
                )
              : moveQuestion(
                  c,
                  pickId(
                    c.questions.map((q) => q.id),
                    pick,
                  ),
                  move,
                );
        if (!result.ok) return;
        const out = result.consultation;
        expect(sortedJson(out.agenda.parts.map((p) => [p.id, p.title, p.description]))).toEqual(
          sortedJson(c.agenda.parts.map((p) => [p.id, p.title, p.description])),
        );
        expect(sortedJson(items(out))).toEqual(sortedJson(items(c)));
        expect(sortedJson(out.questions.map((q) => [q.id, q.text, q.agendaItemId]))).toEqual(
          sortedJson(c.questions.map((q) => [q.id, q.text, q.agendaItemId])),
        );
        expect(linksFromItems(out)).toEqual(linksFromQuestions(c));
        expectValid(out);
      }),
    );
  });

  it('a step up undone by a step down restores the order', () => {
    fc.assert(
      fc.property(editedArb, pickArb, (c, pick) => {
        const question = c.questions[pick % Math.max(1, c.questions.length)];
        if (question !== undefined && c.questions.indexOf(question) > 0) {
          expect(edited(moveQuestion(edited(moveQuestion(c, question.id, 'up')), question.id, 'down'))).toEqual(c);
        }
        const itemIds = items(c).map((i) => i.id);
        const itemId = itemIds[pick % Math.max(1, itemIds.length)];
        // An item that is first in its part changes part when it steps up, and steps down back into it.
        if (itemId !== undefined && itemIds.indexOf(itemId) > 0) {
          expect(edited(moveItem(edited(moveItem(c, itemId, 'up')), itemId, 'down'))).toEqual(c);
        }
      }),
    );
  });
});
