/**
 * Editing a consultation's agenda and questions, one operation at a time. Every operation takes a valid
 * consultation and gives back either a new valid one (the old one untouched, unchanged parts shared) or a typed
 * error that says in Swedish and English what was wrong with the request. The two-way links between items and
 * questions (item.questionIds ↔ question.agendaItemId) are kept in step by every operation, so the editor can never
 * produce a document the schema's cross-reference check rejects.
 *
 * New ids are derived from the ids already in the document (`item-7` after `item-6`), never from a clock or a
 * random source, so the same edits always give the same document and tests can name what they create.
 */
import type { Bilingual } from '../errors';
import { SamradError } from '../errors';
import type { AgendaItem, AgendaPart, Consultation, DiscussionQuestion } from './schema';
import { agendaItemSchema } from './schema';

export interface EditFailure {
  readonly ok: false;
  readonly error: SamradError;
}

export type EditResult = { readonly ok: true; readonly consultation: Consultation } | EditFailure;

/** An addition also says which id the new element got, so a view can move focus to it. */
export type AddResult = { readonly ok: true; readonly consultation: Consultation; readonly id: string } | EditFailure;

/** One step up or down, or the index the element should have once moved. */
export type Move = 'up' | 'down' | number;

/**
 * Items move one step within their part; from the first (last) place of a part a step up (down) takes them to the
 * end (start) of the part before (after), so keyboard users can carry an item across parts. An explicit target
 * names the part and the index the item should have there once moved.
 */
export type ItemMove = 'up' | 'down' | { readonly partId: string; readonly index: number };

export interface NewPart {
  readonly title: string;
  readonly description?: string;
}

export interface NewItem {
  readonly title: string;
  readonly presenters?: readonly string[];
  readonly durationMinutes?: number | null;
  readonly description?: string;
}

/** The fields of an item an editor changes; an empty description removes it. */
export interface ItemPatch {
  readonly title?: string;
  readonly presenters?: readonly string[];
  readonly durationMinutes?: number | null;
  readonly description?: string;
}

export interface NewQuestion {
  readonly text: string;
  readonly agendaItemId?: string | null;
}

export type IdKind = 'part' | 'item' | 'question';

// ---------------------------------------------------------------------------------------------------------------
// Errors. Operations throw these internally and return them; anything else thrown is a defect and goes on up.

function invalid(what: Bilingual, hint: Bilingual): SamradError {
  return new SamradError('invalid-input', what, hint);
}

const RELOAD_HINT: Bilingual = {
  sv: 'Dagordningen kan ha ändrats under tiden. Ladda om samrådet och försök igen.',
  en: 'The agenda may have changed in the meantime. Reload the consultation and try again.',
};

const say = {
  noPart: (id: string) =>
    invalid({ sv: `Det finns ingen del med id:t "${id}".`, en: `There is no part with id "${id}".` }, RELOAD_HINT),
  noItem: (id: string) =>
    invalid({ sv: `Det finns ingen punkt med id:t "${id}".`, en: `There is no agenda item with id "${id}".` }, RELOAD_HINT),
  noQuestion: (id: string) =>
    invalid({ sv: `Det finns ingen fråga med id:t "${id}".`, en: `There is no question with id "${id}".` }, RELOAD_HINT),
  emptyPartTitle: () =>
    invalid(
      { sv: 'Delens rubrik får inte vara tom.', en: 'The part’s title must not be empty.' },
      { sv: 'Skriv en rubrik för delen, t.ex. Information.', en: 'Give the part a title, e.g. Information.' },
    ),
  emptyItemTitle: () =>
    invalid(
      { sv: 'Punktens rubrik får inte vara tom.', en: 'The item’s title must not be empty.' },
      { sv: 'Skriv vad punkten handlar om, t.ex. Inledning.', en: 'Say what the item is about, e.g. Introduction.' },
    ),
  emptyQuestion: () =>
    invalid(
      { sv: 'Frågan får inte vara tom.', en: 'The question must not be empty.' },
      { sv: 'Skriv frågan som deltagarna ska diskutera.', en: 'Write the question the participants are to discuss.' },
    ),
  emptyPresenter: () =>
    invalid(
      { sv: 'En presenterande organisation saknar namn.', en: 'A presenting organisation has no name.' },
      {
        sv: 'Skriv organisationernas namn åtskilda med kommatecken, t.ex. Finansdepartementet, Riksarkivet.',
        en: 'Write the organisations’ names separated by commas, e.g. Finansdepartementet, Riksarkivet.',
      },
    ),
  badDuration: (shown: string) =>
    invalid(
      {
        sv: `"${shown}" är ingen giltig längd.`,
        en: `"${shown}" is not a valid duration.`,
      },
      {
        sv: 'Ange längden i hela minuter, 0–1440, eller lämna fältet tomt om den inte är bestämd.',
        en: 'Give the duration in whole minutes, 0–1440, or leave the field empty while it is not decided.',
      },
    ),
  badIndex: (index: number, count: number) =>
    invalid(
      {
        sv: `Platsen ${String(index)} finns inte (det finns plats 0–${String(count)}).`,
        en: `Position ${String(index)} does not exist (positions 0–${String(count)}).`,
      },
      {
        sv: 'Flytta steg för steg med Flytta upp och Flytta ned.',
        en: 'Move step by step with Move up and Move down.',
      },
    ),
};

function attempt<R>(run: () => R): R | EditFailure {
  try {
    return run();
  } catch (error) {
    if (error instanceof SamradError) return { ok: false, error };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Field rules: the schema's, with messages that tell the organiser what to type.

function requireText(value: string, onEmpty: () => SamradError): string {
  const trimmed = value.trim();
  if (trimmed === '') throw onEmpty();
  return trimmed;
}

function requirePresenters(values: readonly string[]): string[] {
  return values.map((name) => requireText(name, say.emptyPresenter));
}

const durationSchema = agendaItemSchema.shape.durationMinutes;

function requireDuration(value: number | null): number | null {
  if (!durationSchema.safeParse(value).success) throw say.badDuration(String(value));
  return value;
}

/**
 * What an organiser types into a duration field: empty means not decided yet (null); otherwise whole minutes,
 * 0–1440, digits only (no sign, no decimals, no unit), so "abc", "-5", "1,5" and "2000" are refused with a reason.
 */
export function parseDurationInput(text: string): { readonly ok: true; readonly minutes: number | null } | EditFailure {
  return attempt(() => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: true, minutes: null } as const;
    // Up to 5 digits: anything longer is out of range anyway and would lose precision as a number.
    if (!/^\d{1,5}$/.test(trimmed)) throw say.badDuration(trimmed);
    return { ok: true, minutes: requireDuration(Number(trimmed)) } as const;
  });
}

/** Presenting organisations as typed in one field, separated by commas; empty entries (a trailing comma) are dropped. */
export function parsePresenterList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The list as one line for the same field. */
export function formatPresenterList(presenters: readonly string[]): string {
  return presenters.join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// Ids.

function usedIds(c: Consultation): Set<string> {
  const ids = new Set<string>();
  for (const part of c.agenda.parts) {
    ids.add(part.id);
    for (const item of part.items) ids.add(item.id);
  }
  for (const question of c.questions) ids.add(question.id);
  for (const commitment of c.commitments) ids.add(commitment.id);
  return ids;
}

/**
 * The next free id of a kind: one more than the highest `kind-N` in the document, so ids are never reused within a
 * document's life as long as the highest survives (and never collide in any case: every id is checked).
 */
export function nextId(c: Consultation, kind: IdKind): string {
  const used = usedIds(c);
  // At most 15 digits: a longer number would lose precision; such ids are still avoided through `used`.
  const pattern = new RegExp(`^${kind}-(\\d{1,15})$`);
  let n = 1;
  for (const id of used) {
    const match = pattern.exec(id);
    if (match?.[1] !== undefined) n = Math.max(n, Number(match[1]) + 1);
  }
  while (used.has(`${kind}-${String(n)}`)) n += 1;
  return `${kind}-${String(n)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// List helpers.

function insertAt<T>(list: readonly T[], index: number | undefined, element: T): T[] {
  const at = index ?? list.length;
  if (!Number.isInteger(at) || at < 0 || at > list.length) throw say.badIndex(at, list.length);
  return [...list.slice(0, at), element, ...list.slice(at)];
}

/** The list with one element moved; a step past either end leaves it where it is. */
function moved<T>(list: readonly T[], from: number, move: Move): T[] {
  const last = list.length - 1;
  const to = move === 'up' ? Math.max(0, from - 1) : move === 'down' ? Math.min(last, from + 1) : move;
  if (!Number.isInteger(to) || to < 0 || to > last) throw say.badIndex(to, last);
  const rest = list.filter((_, i) => i !== from);
  const element = list[from];
  if (element === undefined) return [...list];
  return [...rest.slice(0, to), element, ...rest.slice(to)];
}

interface ItemPlace {
  readonly partIndex: number;
  readonly itemIndex: number;
  readonly item: AgendaItem;
}

function findItem(c: Consultation, itemId: string): ItemPlace {
  for (const [partIndex, part] of c.agenda.parts.entries()) {
    const itemIndex = part.items.findIndex((item) => item.id === itemId);
    const item = part.items[itemIndex];
    if (item !== undefined) return { partIndex, itemIndex, item };
  }
  throw say.noItem(itemId);
}

function partIndexOf(c: Consultation, partId: string): number {
  const index = c.agenda.parts.findIndex((part) => part.id === partId);
  if (index < 0) throw say.noPart(partId);
  return index;
}

function questionIndexOf(c: Consultation, questionId: string): number {
  const index = c.questions.findIndex((q) => q.id === questionId);
  if (index < 0) throw say.noQuestion(questionId);
  return index;
}

function withParts(c: Consultation, parts: AgendaPart[]): Consultation {
  return { ...c, agenda: { ...c.agenda, parts } };
}

function mapItems(c: Consultation, change: (item: AgendaItem) => AgendaItem): AgendaPart[] {
  return c.agenda.parts.map((part) => {
    const items = part.items.map(change);
    return items.every((item, i) => item === part.items[i]) ? part : { ...part, items };
  });
}

/** Questions numbered 1, 2, 3 … in their order: the number is what the invitation prints. */
function numbered(questions: readonly DiscussionQuestion[]): DiscussionQuestion[] {
  return questions.map((q, i) => (q.number === i + 1 ? q : { ...q, number: i + 1 }));
}

/** Questions discussed in any of these items are no longer linked to an item. */
function unlinkQuestionsOf(questions: readonly DiscussionQuestion[], itemIds: ReadonlySet<string>): DiscussionQuestion[] {
  return questions.map((q) => (q.agendaItemId !== null && itemIds.has(q.agendaItemId) ? { ...q, agendaItemId: null } : q));
}

/** The element with a new description; an empty one removes the field (the schema has no empty texts). */
function withDescription<T extends { description?: string | undefined }>(element: T, description: string): T {
  const trimmed = description.trim();
  if (trimmed !== '') return { ...element, description: trimmed };
  const without = { ...element };
  delete without.description;
  return without;
}

// ---------------------------------------------------------------------------------------------------------------
// Parts.

export function addPart(c: Consultation, part: NewPart, at?: number): AddResult {
  return attempt(() => {
    const id = nextId(c, 'part');
    const created = withDescription<AgendaPart>(
      { id, title: requireText(part.title, say.emptyPartTitle), items: [] },
      part.description ?? '',
    );
    return { ok: true, id, consultation: withParts(c, insertAt(c.agenda.parts, at, created)) } as const;
  });
}

export function renamePart(c: Consultation, partId: string, title: string): EditResult {
  return attempt(() => {
    const index = partIndexOf(c, partId);
    const newTitle = requireText(title, say.emptyPartTitle);
    const parts = c.agenda.parts.map((part, i) => (i === index ? { ...part, title: newTitle } : part));
    return { ok: true, consultation: withParts(c, parts) } as const;
  });
}

/** Removes a part with its items; the questions discussed in them stay, linked to no item. */
export function removePart(c: Consultation, partId: string): EditResult {
  return attempt(() => {
    const index = partIndexOf(c, partId);
    const removedItems = new Set(c.agenda.parts[index]?.items.map((item) => item.id));
    const consultation = {
      ...withParts(
        c,
        c.agenda.parts.filter((_, i) => i !== index),
      ),
      questions: unlinkQuestionsOf(c.questions, removedItems),
    };
    return { ok: true, consultation } as const;
  });
}

export function movePart(c: Consultation, partId: string, move: Move): EditResult {
  return attempt(() => {
    const index = partIndexOf(c, partId);
    return { ok: true, consultation: withParts(c, moved(c.agenda.parts, index, move)) } as const;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Items.

export function addItem(c: Consultation, partId: string, item: NewItem, at?: number): AddResult {
  return attempt(() => {
    const index = partIndexOf(c, partId);
    const id = nextId(c, 'item');
    const created = withDescription<AgendaItem>(
      {
        id,
        title: requireText(item.title, say.emptyItemTitle),
        presenters: requirePresenters(item.presenters ?? []),
        durationMinutes: requireDuration(item.durationMinutes ?? null),
        questionIds: [],
      },
      item.description ?? '',
    );
    const parts = c.agenda.parts.map((part, i) => (i === index ? { ...part, items: insertAt(part.items, at, created) } : part));
    return { ok: true, id, consultation: withParts(c, parts) } as const;
  });
}

export function updateItem(c: Consultation, itemId: string, patch: ItemPatch): EditResult {
  return attempt(() => {
    findItem(c, itemId);
    const change = (item: AgendaItem): AgendaItem => {
      let next: AgendaItem = item;
      if (patch.title !== undefined) next = { ...next, title: requireText(patch.title, say.emptyItemTitle) };
      if (patch.presenters !== undefined) next = { ...next, presenters: requirePresenters(patch.presenters) };
      if (patch.durationMinutes !== undefined) next = { ...next, durationMinutes: requireDuration(patch.durationMinutes) };
      if (patch.description !== undefined) next = withDescription(next, patch.description);
      return next;
    };
    return {
      ok: true,
      consultation: withParts(
        c,
        mapItems(c, (item) => (item.id === itemId ? change(item) : item)),
      ),
    } as const;
  });
}

/** Removes an item; the questions discussed in it stay, linked to no item. */
export function removeItem(c: Consultation, itemId: string): EditResult {
  return attempt(() => {
    const { partIndex } = findItem(c, itemId);
    const parts = c.agenda.parts.map((part, i) =>
      i === partIndex ? { ...part, items: part.items.filter((item) => item.id !== itemId) } : part,
    );
    return {
      ok: true,
      consultation: { ...withParts(c, parts), questions: unlinkQuestionsOf(c.questions, new Set([itemId])) },
    } as const;
  });
}

/** Where a step up or down takes an item: its part and its index there once moved; null past the agenda's ends. */
function stepTarget(c: Consultation, place: ItemPlace, step: 'up' | 'down'): { partIndex: number; index: number } | null {
  const part = c.agenda.parts[place.partIndex];
  if (part === undefined) return null;
  if (step === 'up') {
    if (place.itemIndex > 0) return { partIndex: place.partIndex, index: place.itemIndex - 1 };
    const before = c.agenda.parts[place.partIndex - 1];
    return before === undefined ? null : { partIndex: place.partIndex - 1, index: before.items.length };
  }
  if (place.itemIndex < part.items.length - 1) return { partIndex: place.partIndex, index: place.itemIndex + 1 };
  return place.partIndex + 1 < c.agenda.parts.length ? { partIndex: place.partIndex + 1, index: 0 } : null;
}

export function moveItem(c: Consultation, itemId: string, move: ItemMove): EditResult {
  return attempt(() => {
    const place = findItem(c, itemId);
    const target =
      typeof move === 'string' ? stepTarget(c, place, move) : { partIndex: partIndexOf(c, move.partId), index: move.index };
    if (target === null) return { ok: true, consultation: c } as const;
    const without = c.agenda.parts.map((part, i) =>
      i === place.partIndex ? { ...part, items: part.items.filter((item) => item.id !== itemId) } : part,
    );
    const parts = without.map((part, i) =>
      i === target.partIndex ? { ...part, items: insertAt(part.items, target.index, place.item) } : part,
    );
    return { ok: true, consultation: withParts(c, parts) } as const;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Questions.

/** The parts with a question listed in one item only (or in none): the item side of a link. */
function linkInItems(c: Consultation, questionId: string, itemId: string | null): AgendaPart[] {
  return mapItems(c, (item) => {
    const listed = item.questionIds.includes(questionId);
    if (item.id === itemId) return listed ? item : { ...item, questionIds: [...item.questionIds, questionId] };
    return listed ? { ...item, questionIds: item.questionIds.filter((id) => id !== questionId) } : item;
  });
}

export function addQuestion(c: Consultation, question: NewQuestion, at?: number): AddResult {
  return attempt(() => {
    const id = nextId(c, 'question');
    const agendaItemId = question.agendaItemId ?? null;
    if (agendaItemId !== null) findItem(c, agendaItemId);
    const created: DiscussionQuestion = { id, text: requireText(question.text, say.emptyQuestion), agendaItemId };
    const consultation = {
      ...withParts(c, linkInItems(c, id, agendaItemId)),
      questions: numbered(insertAt(c.questions, at, created)),
    };
    return { ok: true, id, consultation } as const;
  });
}

export function updateQuestionText(c: Consultation, questionId: string, text: string): EditResult {
  return attempt(() => {
    const index = questionIndexOf(c, questionId);
    const newText = requireText(text, say.emptyQuestion);
    const questions = c.questions.map((q, i) => (i === index ? { ...q, text: newText } : q));
    return { ok: true, consultation: { ...c, questions } } as const;
  });
}

/** Removes a question and its place in the item that discussed it; the rest are numbered anew. */
export function removeQuestion(c: Consultation, questionId: string): EditResult {
  return attempt(() => {
    questionIndexOf(c, questionId);
    const consultation = {
      ...withParts(c, linkInItems(c, questionId, null)),
      questions: numbered(c.questions.filter((q) => q.id !== questionId)),
    };
    return { ok: true, consultation } as const;
  });
}

export function moveQuestion(c: Consultation, questionId: string, move: Move): EditResult {
  return attempt(() => {
    const index = questionIndexOf(c, questionId);
    return { ok: true, consultation: { ...c, questions: numbered(moved(c.questions, index, move)) } } as const;
  });
}

/** Links a question to the item where it is discussed (or to none), on both sides of the link. */
export function linkQuestion(c: Consultation, questionId: string, itemId: string | null): EditResult {
  return attempt(() => {
    const index = questionIndexOf(c, questionId);
    if (itemId !== null) findItem(c, itemId);
    const questions = c.questions.map((q, i) => (i === index && q.agendaItemId !== itemId ? { ...q, agendaItemId: itemId } : q));
    return { ok: true, consultation: { ...withParts(c, linkInItems(c, questionId, itemId)), questions } } as const;
  });
}
