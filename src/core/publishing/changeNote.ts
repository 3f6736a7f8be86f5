/**
 * The change note of a publication: what changed in the invitation's agenda since the previous publication, as a
 * few short lines an attendee reads at a glance ("Ändrat sedan förra utskicket: längder tillagda för alla punkter").
 *
 * Changes are found by id, never by position or title: agenda parts, items and questions keep their ids through
 * edits, so a renamed item is "renamed" rather than "removed and added", and an item whose start moved only because
 * the meeting moved is not "re-timed" (starts are compared as offsets from the meeting start). The facts
 * (compareVersions) are kept apart from their wording (describeChanges), so the wording can summarise — counts
 * instead of names, one line per kind of change — without losing what the facts say.
 */
import type { Agenda, Publication } from '../consultation/schema';
import { computeTimePlan } from '../agenda';
import type { Bilingual } from '../errors';
import { formatClock, formatMeetingTime } from '../time/format';
import { parseZonedIso } from '../time/zonedTime';
import type { ChangeNote } from './agendaSection';
import { normalizeText } from './htmlText';

/** The published parts of a version: what the section shows and the change note compares. */
export type PublishedVersion = Pick<Publication, 'start' | 'end' | 'agenda' | 'questions'>;

/** The version about to be published, with the zone its times are shown in. */
export interface NextVersion extends PublishedVersion {
  readonly timeZone: string;
}

/** An agenda part, item or question as the note names it: its id and its published (normalised) title or text. */
export interface Named {
  readonly id: string;
  readonly title: string;
}

export interface Renamed {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface ListChanges {
  /** In the next version's order. */
  readonly added: readonly Named[];
  /** In the previous version's order. */
  readonly removed: readonly Named[];
  readonly renamed: readonly Renamed[];
  /**
   * Elements in both versions whose place changed: the fewest that explain the new order (those outside a longest
   * run kept in the same relative order), and for items also those now in another part. In the next order.
   */
  readonly moved: readonly Named[];
}

export interface DurationChanges {
  /** Unknown before, known now. */
  readonly added: readonly Named[];
  /** Known before, unknown now. */
  readonly removed: readonly Named[];
  readonly changed: readonly (Named & { readonly minutes: number })[];
  /**
   * No item had a length and every item now has one (some items kept): the walkthrough's "längder tillagda för
   * alla punkter".
   */
  readonly allAdded: boolean;
  /** Every item had a length and none has one now (some items kept). */
  readonly allRemoved: boolean;
}

export interface QuestionChanges extends Omit<ListChanges, 'renamed'> {
  /** The question's text changed (named by its new text). */
  readonly reworded: readonly Named[];
  /** Linked to another item, or no longer linked; `item` is the item it is linked to now. */
  readonly relinked: readonly (Named & { readonly item: Named | null })[];
}

/** Everything that changed between two versions, by id; every list in document order. */
export interface VersionChanges {
  /** The new meeting time when the start or end instant changed, else null. */
  readonly meetingTime: { readonly start: number; readonly end: number } | null;
  readonly parts: ListChanges;
  readonly items: ListChanges;
  readonly durations: DurationChanges;
  /** Items in both versions, known to start at both, whose start moved relative to the meeting start. */
  readonly retimed: readonly (Named & { readonly start: number })[];
  /** Items in both versions whose presenters (as published, in order) changed. */
  readonly presenters: readonly Named[];
  readonly questions: QuestionChanges;
}

interface Entry {
  readonly id: string;
  readonly title: string;
}

interface ItemEntry extends Entry {
  readonly partId: string;
  readonly presenters: readonly string[];
  readonly durationMinutes: number | null;
}

interface QuestionEntry extends Entry {
  readonly agendaItemId: string | null;
}

const named = ({ id, title }: Entry): Named => ({ id, title });

function itemEntries(agenda: Agenda): ItemEntry[] {
  return agenda.parts.flatMap((part) =>
    part.items.map((item) => ({
      id: item.id,
      title: normalizeText(item.title),
      partId: part.id,
      presenters: item.presenters.map(normalizeText).filter((p) => p !== ''),
      durationMinutes: item.durationMinutes,
    })),
  );
}

/**
 * The positions (in `sequence`) of a longest strictly increasing subsequence. Among equally long ones the one
 * reconstructed from the earliest end is taken, so the result is deterministic.
 */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  sequence.forEach((value, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j += 1) {
      const lengthJ = length[j] ?? 0;
      if ((sequence[j] ?? 0) < value && lengthJ + 1 > (length[i] ?? 0)) {
        length[i] = lengthJ + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  });
  const kept = new Set<number>();
  for (let i = best; i >= 0; i = previous[i] ?? -1) kept.add(i);
  return kept;
}

/** Of the elements in both lists, those outside a longest run that kept its relative order (in `after`'s order). */
function movedWithin<T extends Entry>(before: readonly T[], after: readonly T[]): T[] {
  const position = new Map(before.map((e, i) => [e.id, i]));
  const shared = after.filter((e) => position.has(e.id));
  const kept = longestIncreasing(shared.map((e) => position.get(e.id) ?? 0));
  return shared.filter((_e, i) => !kept.has(i));
}

function listChanges<T extends Entry>(before: readonly T[], after: readonly T[], moved: readonly T[]): ListChanges {
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const afterIds = new Set(after.map((e) => e.id));
  const renamed: Renamed[] = [];
  for (const e of after) {
    const old = beforeById.get(e.id);
    if (old !== undefined && old.title !== e.title) renamed.push({ id: e.id, from: old.title, to: e.title });
  }
  return {
    added: after.filter((e) => !beforeById.has(e.id)).map(named),
    removed: before.filter((e) => !afterIds.has(e.id)).map(named),
    renamed,
    moved: moved.map(named),
  };
}

/** Items moved: now in another part, or out of order among the items that stayed in their part. */
function movedItems(before: readonly ItemEntry[], after: readonly ItemEntry[]): ItemEntry[] {
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const moved = new Set<string>();
  const partIds = new Set(after.map((e) => e.partId));
  for (const partId of partIds) {
    const stayed = (list: readonly ItemEntry[]): ItemEntry[] =>
      list.filter((e) => e.partId === partId && beforeById.get(e.id)?.partId === partId);
    for (const e of movedWithin(stayed(before), stayed(after))) moved.add(e.id);
  }
  for (const e of after) {
    const old = beforeById.get(e.id);
    if (old !== undefined && old.partId !== e.partId) moved.add(e.id);
  }
  return after.filter((e) => moved.has(e.id));
}

function durationChanges(before: readonly ItemEntry[], after: readonly ItemEntry[]): DurationChanges {
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const added: Named[] = [];
  const removed: Named[] = [];
  const changed: (Named & { minutes: number })[] = [];
  let shared = 0;
  for (const e of after) {
    const old = beforeById.get(e.id);
    if (old === undefined) continue;
    shared += 1;
    if (old.durationMinutes === null && e.durationMinutes !== null) added.push(named(e));
    else if (old.durationMinutes !== null && e.durationMinutes === null) removed.push(named(e));
    else if (old.durationMinutes !== null && e.durationMinutes !== null && old.durationMinutes !== e.durationMinutes) {
      changed.push({ ...named(e), minutes: e.durationMinutes });
    }
  }
  const known = (e: ItemEntry): boolean => e.durationMinutes !== null;
  // Mirror images of each other, so a change and its undoing are said the same way round.
  return {
    added,
    removed,
    changed,
    allAdded: shared > 0 && !before.some(known) && after.every(known),
    allRemoved: shared > 0 && before.every(known) && !after.some(known),
  };
}

function questionChanges(previous: PublishedVersion, next: PublishedVersion, items: ReadonlyMap<string, Named>): QuestionChanges {
  const entries = (version: PublishedVersion): QuestionEntry[] =>
    version.questions.map((q) => ({ id: q.id, title: normalizeText(q.text), agendaItemId: q.agendaItemId }));
  const [before, after] = [entries(previous), entries(next)];
  const { added, removed, renamed, moved } = listChanges(before, after, movedWithin(before, after));
  const beforeById = new Map(before.map((q) => [q.id, q]));
  const reworded = new Set(renamed.map((r) => r.id));
  const relinked: (Named & { item: Named | null })[] = [];
  for (const q of after) {
    const old = beforeById.get(q.id);
    if (old === undefined || old.agendaItemId === q.agendaItemId) continue;
    relinked.push({ ...named(q), item: q.agendaItemId === null ? null : (items.get(q.agendaItemId) ?? null) });
  }
  return { added, removed, moved, reworded: after.filter((q) => reworded.has(q.id)).map(named), relinked };
}

/**
 * Every change between the previous publication and the next version, by id. Times are compared as instants, so
 * the same meeting time written with another offset is no change.
 */
export function compareVersions(previous: PublishedVersion, next: NextVersion): VersionChanges {
  const planOf = (version: PublishedVersion): ReturnType<typeof computeTimePlan> =>
    computeTimePlan({ agenda: version.agenda, start: version.start, end: version.end, timeZone: next.timeZone });
  const [planBefore, planAfter] = [planOf(previous), planOf(next)];

  const partsOf = (agenda: Agenda): Entry[] => agenda.parts.map((p) => ({ id: p.id, title: normalizeText(p.title) }));
  const [partsBefore, partsAfter] = [partsOf(previous.agenda), partsOf(next.agenda)];
  const [itemsBefore, itemsAfter] = [itemEntries(previous.agenda), itemEntries(next.agenda)];
  const beforeById = new Map(itemsBefore.map((e) => [e.id, e]));

  const offsets = (plan: typeof planBefore): Map<string, number | null> =>
    new Map(plan.items.map((i) => [i.itemId, i.start === null ? null : i.start - plan.start]));
  const [offsetsBefore, offsetsAfter] = [offsets(planBefore), offsets(planAfter)];
  const retimed: (Named & { start: number })[] = [];
  for (const e of itemsAfter) {
    const [before, after] = [offsetsBefore.get(e.id), offsetsAfter.get(e.id)];
    // Unknown → known (or back) follows from a length added or removed, which the note already says.
    if (before == null || after == null || before === after) continue;
    retimed.push({ ...named(e), start: planAfter.start + after });
  }

  const presenters = itemsAfter.filter((e) => {
    const old = beforeById.get(e.id);
    return old !== undefined && old.presenters.join('\n') !== e.presenters.join('\n');
  });

  const timeChanged =
    parseZonedIso(previous.start) !== parseZonedIso(next.start) || parseZonedIso(previous.end) !== parseZonedIso(next.end);

  return {
    meetingTime: timeChanged ? { start: planAfter.start, end: planAfter.end } : null,
    parts: listChanges(partsBefore, partsAfter, movedWithin(partsBefore, partsAfter)),
    items: listChanges(itemsBefore, itemsAfter, movedItems(itemsBefore, itemsAfter)),
    durations: durationChanges(itemsBefore, itemsAfter),
    retimed,
    presenters: presenters.map(named),
    questions: questionChanges(previous, next, new Map(itemsAfter.map((e) => [e.id, named(e)]))),
  };
}

/** At most this many lines; past it, the changes of each group are said in one line, as counts. */
export const MAX_NOTE_LINES = 6;
/** Titles longer than this are cut with "…", so one long title cannot make the note long. */
const MAX_QUOTED_LENGTH = 40;

/** The groups a long note is summarised by, in the order the note says them. */
type Group = 'time' | 'agenda' | 'lengths' | 'presenters' | 'questions';

interface Fact {
  readonly group: Group;
  /** The line when the note is short enough for one line per fact: the subject named when there is one. */
  readonly line: Bilingual;
  /** The same fact as a count, for a group's summary line. */
  readonly counted: Bilingual;
}

function shorten(title: string): string {
  // By code points, so an emoji is never cut in half.
  const chars = Array.from(title);
  if (chars.length <= MAX_QUOTED_LENGTH) return title;
  const kept = chars.slice(0, MAX_QUOTED_LENGTH - 1).join('');
  return `${kept.trimEnd()}…`;
}

/** Swedish quotes the same mark on both sides; English opens and closes. */
const quote = (title: string): Bilingual => ({ sv: `”${shorten(title)}”`, en: `“${shorten(title)}”` });

interface Noun {
  readonly sv: readonly [one: string, many: string];
  readonly en: readonly [one: string, many: string];
}

const PART: Noun = { sv: ['del', 'delar'], en: ['part', 'parts'] };
const ITEM: Noun = { sv: ['punkt', 'punkter'], en: ['item', 'items'] };
const QUESTION: Noun = { sv: ['fråga', 'frågor'], en: ['question', 'questions'] };

const nounSv = (noun: Noun, n: number): string => `${n} ${n === 1 ? noun.sv[0] : noun.sv[1]}`;
const nounEn = (noun: Noun, n: number): string => `${n} ${n === 1 ? noun.en[0] : noun.en[1]}`;
/** Swedish participles agree in number: "1 punkt tillagd", "2 punkter tillagda". */
const agree = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** What the single-subject lines start with: "punkten ”X”", "item “X”". */
const DEFINITE: Readonly<Record<'part' | 'item' | 'question', Bilingual>> = {
  part: { sv: 'delen', en: 'part' },
  item: { sv: 'punkten', en: 'item' },
  question: { sv: 'frågan', en: 'question' },
};

type Verb = 'added' | 'removed' | 'moved';
const VERBS: Readonly<Record<Verb, { readonly sv: readonly [string, string]; readonly en: string }>> = {
  added: { sv: ['tillagd', 'tillagda'], en: 'added' },
  removed: { sv: ['borttagen', 'borttagna'], en: 'removed' },
  moved: { sv: ['flyttad', 'flyttade'], en: 'moved' },
};

function listFacts(group: Group, kind: 'part' | 'item' | 'question', noun: Noun, changes: Omit<ListChanges, 'renamed'>): Fact[] {
  const facts: Fact[] = [];
  for (const verb of ['added', 'removed', 'moved'] as const) {
    const subjects = changes[verb];
    const n = subjects.length;
    const [first] = subjects;
    if (first === undefined) continue;
    const v = VERBS[verb];
    const counted = { sv: `${nounSv(noun, n)} ${agree(n, ...v.sv)}`, en: `${nounEn(noun, n)} ${v.en}` };
    const q = quote(first.title);
    const line =
      n === 1 ? { sv: `${DEFINITE[kind].sv} ${q.sv} ${v.sv[0]}`, en: `${DEFINITE[kind].en} ${q.en} ${v.en}` } : counted;
    facts.push({ group, line, counted });
  }
  return facts;
}

function renamedFact(kind: 'part' | 'item', noun: Noun, renamed: readonly Renamed[]): Fact[] {
  const [first] = renamed;
  if (first === undefined) return [];
  const n = renamed.length;
  const counted = {
    sv: `${nounSv(noun, n)} ${agree(n, 'har nytt namn', 'har nya namn')}`,
    en: `${nounEn(noun, n)} renamed`,
  };
  const [from, to] = [quote(first.from), quote(first.to)];
  const line =
    n === 1
      ? { sv: `${DEFINITE[kind].sv} ${from.sv} heter nu ${to.sv}`, en: `${DEFINITE[kind].en} ${from.en} renamed ${to.en}` }
      : counted;
  return [{ group: 'agenda', line, counted }];
}

/** A fact about some items: named when there is one, counted otherwise. */
function itemsFact<T extends Named>(
  group: Group,
  subjects: readonly T[],
  one: (q: Bilingual, subject: T) => Bilingual,
  many: (n: number) => Bilingual,
): Fact[] {
  const [first] = subjects;
  if (first === undefined) return [];
  const counted = many(subjects.length);
  return [{ group, line: subjects.length === 1 ? one(quote(first.title), first) : counted, counted }];
}

function lengthFacts(durations: DurationChanges): Fact[] {
  const whole = (sv: string, en: string): Fact => ({ group: 'lengths', line: { sv, en }, counted: { sv, en } });
  const facts: Fact[] = [];
  if (durations.allAdded) facts.push(whole('längder tillagda för alla punkter', 'durations added for all items'));
  else {
    facts.push(
      ...itemsFact(
        'lengths',
        durations.added,
        (q) => ({ sv: `längd tillagd för ${q.sv}`, en: `duration added for ${q.en}` }),
        (n) => ({
          sv: `${agree(n, 'längd tillagd', 'längder tillagda')} för ${nounSv(ITEM, n)}`,
          en: `${n === 1 ? 'duration' : 'durations'} added for ${nounEn(ITEM, n)}`,
        }),
      ),
    );
  }
  if (durations.allRemoved) facts.push(whole('längder borttagna för alla punkter', 'durations removed for all items'));
  else {
    facts.push(
      ...itemsFact(
        'lengths',
        durations.removed,
        (q) => ({ sv: `längd borttagen för ${q.sv}`, en: `duration removed for ${q.en}` }),
        (n) => ({
          sv: `${agree(n, 'längd borttagen', 'längder borttagna')} för ${nounSv(ITEM, n)}`,
          en: `${n === 1 ? 'duration' : 'durations'} removed for ${nounEn(ITEM, n)}`,
        }),
      ),
    );
  }
  facts.push(
    ...itemsFact(
      'lengths',
      durations.changed,
      (q, { minutes }) => ({ sv: `ny längd för ${q.sv}: ${minutes} min`, en: `new duration for ${q.en}: ${minutes} min` }),
      (n) => ({
        sv: `${agree(n, 'ny längd', 'nya längder')} för ${nounSv(ITEM, n)}`,
        en: `${n === 1 ? 'new duration' : 'new durations'} for ${nounEn(ITEM, n)}`,
      }),
    ),
  );
  return facts;
}

function factsOf(changes: VersionChanges, timeZone: string): Fact[] {
  const facts: Fact[] = [];
  if (changes.meetingTime !== null) {
    const { start, end } = changes.meetingTime;
    const line = {
      sv: `mötestiden ändrad till ${formatMeetingTime(start, end, timeZone, 'sv')}`,
      en: `meeting time changed to ${formatMeetingTime(start, end, timeZone, 'en')}`,
    };
    facts.push({ group: 'time', line, counted: line });
  }
  const { parts, items, questions } = changes;
  facts.push(...listFacts('agenda', 'part', PART, parts), ...renamedFact('part', PART, parts.renamed));
  facts.push(...listFacts('agenda', 'item', ITEM, items), ...renamedFact('item', ITEM, items.renamed));
  facts.push(...lengthFacts(changes.durations));

  facts.push(
    ...itemsFact(
      'lengths',
      changes.retimed,
      (q, { start }) => ({
        sv: `${q.sv} börjar nu ${formatClock(start, timeZone, 'sv')}`,
        en: `${q.en} now starts at ${formatClock(start, timeZone, 'en')}`,
      }),
      (n) => ({
        sv: `${nounSv(ITEM, n)} ${agree(n, 'har fått ny tid', 'har fått nya tider')}`,
        en: `${nounEn(ITEM, n)} ${n === 1 ? 'has a new time' : 'have new times'}`,
      }),
    ),
  );
  facts.push(
    ...itemsFact(
      'presenters',
      changes.presenters,
      (q) => ({ sv: `presentatörer ändrade för ${q.sv}`, en: `presenters changed for ${q.en}` }),
      (n) => ({ sv: `presentatörer ändrade för ${nounSv(ITEM, n)}`, en: `presenters changed for ${nounEn(ITEM, n)}` }),
    ),
  );

  facts.push(...listFacts('questions', 'question', QUESTION, questions));
  facts.push(
    ...itemsFact(
      'questions',
      questions.reworded,
      (q) => ({ sv: `frågan ${q.sv} omformulerad`, en: `question ${q.en} reworded` }),
      (n) => ({
        sv: `${nounSv(QUESTION, n)} ${agree(n, 'omformulerad', 'omformulerade')}`,
        en: `${nounEn(QUESTION, n)} reworded`,
      }),
    ),
  );
  facts.push(
    ...itemsFact(
      'questions',
      questions.relinked,
      (q, { item }) => {
        if (item === null) {
          return { sv: `frågan ${q.sv} hör inte längre till någon punkt`, en: `question ${q.en} no longer belongs to an item` };
        }
        const to = quote(item.title);
        return { sv: `frågan ${q.sv} hör nu till ${to.sv}`, en: `question ${q.en} now belongs to ${to.en}` };
      },
      (n) => ({
        sv: `${nounSv(QUESTION, n)} ${agree(n, 'hör till en annan punkt', 'hör till andra punkter')}`,
        en: `${nounEn(QUESTION, n)} ${n === 1 ? 'belongs to another item' : 'belong to other items'}`,
      }),
    ),
  );
  return facts;
}

const GROUPS: readonly Group[] = ['time', 'agenda', 'lengths', 'presenters', 'questions'];

/** One line per fact while that is short enough; else one line per group, its facts as counts. */
function wordingOf(facts: readonly Fact[]): ChangeNote {
  if (facts.length <= MAX_NOTE_LINES) return { sv: facts.map((f) => f.line.sv), en: facts.map((f) => f.line.en) };
  const lines = GROUPS.map((group) => facts.filter((f) => f.group === group)).filter((inGroup) => inGroup.length > 0);
  const joined = (inGroup: readonly Fact[], language: 'sv' | 'en'): string =>
    inGroup.map((f) => (inGroup.length === 1 ? f.line : f.counted)[language]).join(', ');
  return { sv: lines.map((g) => joined(g, 'sv')), en: lines.map((g) => joined(g, 'en')) };
}

/**
 * The change note for publishing `next` after `previous`: short lines in Swedish and English, in a fixed order
 * (meeting time, parts and items, lengths and times, presenters, questions), at most MAX_NOTE_LINES of them.
 * Empty for the first publication and when nothing published changed.
 */
export function describeChanges(previous: PublishedVersion | null, next: NextVersion): ChangeNote {
  if (previous === null) return { sv: [], en: [] };
  return wordingOf(factsOf(compareVersions(previous, next), next.timeZone));
}
