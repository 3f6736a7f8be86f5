/**
 * Three-way merge of two edits of one consultation document (ADR 0002: a save that meets a newer stored version
 * reloads it and merges). Field by field: a field changed on one side only takes that side's value; changed on
 * both sides to the same value is fine; changed differently is a conflict at that path. Lists of elements with
 * an `id` (agenda parts and items, questions, commitments) merge by id, so two people adding different items, or
 * editing different items, both keep their work; other lists (paragraphs, presenters) are single values.
 *
 * `revision` is not an edit but a counter: the merge keeps the larger one and the port that saves sets the next.
 * The merged document is validated with the schema, so edits that are fine alone but break a cross-reference
 * together (two new items with the same id, a question linked to an item the other side deleted) are conflicts.
 */
import { consultationSchema, type Consultation } from './schema';
import { formatPath } from './validate';

export type MergeResult =
  | { readonly ok: true; readonly merged: Consultation }
  | {
      readonly ok: false;
      /** Where both sides changed differently, e.g. `agenda.parts[id=part-1].items[id=item-2].title`. */
      readonly conflicts: readonly string[];
    };

/** A key that is missing on one side (deleted, or never there). */
const ABSENT: unique symbol = Symbol('absent');
type Slot = unknown;

interface IdElement {
  readonly id: string;
}

function isPlainObject(value: Slot): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdList(value: Slot): value is readonly IdElement[] {
  if (!Array.isArray(value)) return false;
  const ids = new Set<string>();
  for (const element of value as readonly unknown[]) {
    if (!isPlainObject(element) || typeof element['id'] !== 'string' || ids.has(element['id'])) return false;
    ids.add(element['id']);
  }
  return true;
}

function definedKeys(value: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/** Structural equality of JSON values; a key holding `undefined` counts as absent, as it does in JSON. */
export function jsonEqual(a: Slot, b: Slot): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((element, i) => jsonEqual(element, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = definedKeys(a);
  if (keys.length !== definedKeys(b).length) return false;
  return keys.every((key) => b[key] !== undefined && jsonEqual(a[key], b[key]));
}

function slotOf(record: Readonly<Record<string, unknown>>, key: string): Slot {
  const value = record[key];
  return value === undefined ? ABSENT : value;
}

/**
 * Fields that are one value: a publication happened as a whole, so two are never mixed field by field; so did an
 * invitation run and a retention deletion.
 */
const ATOMIC_PATHS: ReadonlySet<string> = new Set(['published', 'registrations.invitationInProgress', 'registrations.purged']);

/**
 * Elements whose id is derived from a mail (core/registration/ids.ts): two devices that act on the same mail add
 * the same id, differing only in when they decided or in what their triage read. The mail was handled once; the
 * version saved first (theirs) stands, rather than stopping both organisers with a conflict about a timestamp.
 */
const FIRST_SAVED_WINS = /^registrations\.(?:ledger|mailDecisions)\[id=(?:reg|mail)-[^\]]+\]$/;

class Merger {
  readonly conflicts: string[] = [];

  /** With `prefer: 'mine'`, a conflict takes my value instead of being reported (the organiser chose "keep mine"). */
  constructor(private readonly preferMine = false) {}

  private conflict(path: string): void {
    if (!this.preferMine) this.conflicts.push(path);
  }

  value(base: Slot, mine: Slot, theirs: Slot, path: string): Slot {
    if (jsonEqual(mine, theirs)) return mine;
    if (jsonEqual(base, mine)) return theirs;
    if (jsonEqual(base, theirs)) return mine;
    if (base === ABSENT && FIRST_SAVED_WINS.test(path)) return theirs;
    if (ATOMIC_PATHS.has(path)) {
      this.conflict(path);
      return mine;
    }
    if (isPlainObject(mine) && isPlainObject(theirs)) {
      // Added on both sides, or an object both edited: merge its fields (an absent base is an empty one).
      return this.object(isPlainObject(base) ? base : {}, mine, theirs, path);
    }
    if (isIdList(mine) && isIdList(theirs) && (base === ABSENT || isIdList(base))) {
      return this.idList(base === ABSENT ? [] : base, mine, theirs, path);
    }
    this.conflict(path);
    return mine;
  }

  object(
    base: Readonly<Record<string, unknown>>,
    mine: Readonly<Record<string, unknown>>,
    theirs: Readonly<Record<string, unknown>>,
    path: string,
  ): Record<string, unknown> {
    const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])];
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const merged = this.value(slotOf(base, key), slotOf(mine, key), slotOf(theirs, key), path === '' ? key : `${path}.${key}`);
      if (merged !== ABSENT) out[key] = merged;
    }
    return out;
  }

  idList(base: readonly IdElement[], mine: readonly IdElement[], theirs: readonly IdElement[], path: string): unknown[] {
    const byId = (list: readonly IdElement[]): Map<string, IdElement> => new Map(list.map((e) => [e.id, e]));
    const [b, m, t] = [byId(base), byId(mine), byId(theirs)];

    const merged = new Map<string, Slot>();
    for (const id of new Set([...m.keys(), ...t.keys(), ...b.keys()])) {
      const value = this.value(b.get(id) ?? ABSENT, m.get(id) ?? ABSENT, t.get(id) ?? ABSENT, `${path}[id=${id}]`);
      if (value !== ABSENT) merged.set(id, value);
    }

    const order = this.order(base, mine, theirs, path);
    return order.filter((id) => merged.has(id)).map((id) => merged.get(id));
  }

  /**
   * The order of the merged list: the order of the side that reordered the shared elements (both sides reordering
   * differently is a conflict), with the other side's new elements placed after the element they followed there.
   */
  order(base: readonly IdElement[], mine: readonly IdElement[], theirs: readonly IdElement[], path: string): string[] {
    const ids = (list: readonly IdElement[]): string[] => list.map((e) => e.id);
    const inAll = new Set(ids(base).filter((id) => mine.some((e) => e.id === id) && theirs.some((e) => e.id === id)));
    const shared = (list: readonly IdElement[]): string[] => ids(list).filter((id) => inAll.has(id));
    const [sb, sm, st] = [shared(base), shared(mine), shared(theirs)];

    let skeleton: string[];
    let other: string[];
    if (jsonEqual(sm, sb)) [skeleton, other] = [ids(theirs), ids(mine)];
    else if (jsonEqual(st, sb) || jsonEqual(st, sm)) [skeleton, other] = [ids(mine), ids(theirs)];
    else {
      this.conflict(`${path} (order)`);
      [skeleton, other] = [ids(mine), ids(theirs)];
    }

    const result = [...skeleton];
    other.forEach((id, k) => {
      if (result.includes(id)) return;
      const before = other
        .slice(0, k)
        .reverse()
        .find((previous) => result.includes(previous));
      result.splice(before === undefined ? 0 : result.indexOf(before) + 1, 0, id);
    });
    return result;
  }
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. merge(base, x, base) = x and merge(base, base, y) = y;
 * edits of different fields or different list elements are both kept. With `prefer: 'mine'` a field both changed
 * takes my value — their other changes are still kept — and only a merged document the schema rejects fails.
 */
export function mergeConsultations(
  base: Consultation,
  mine: Consultation,
  theirs: Consultation,
  options: { readonly prefer?: 'mine' } = {},
): MergeResult {
  if (jsonEqual(mine, theirs) || jsonEqual(base, theirs)) return { ok: true, merged: mine };
  if (jsonEqual(base, mine)) return { ok: true, merged: theirs };

  const merger = new Merger(options.prefer === 'mine');
  // The revision counts saves; both sides having saved is no conflict.
  const merged = merger.object(base, { ...mine, revision: base.revision }, { ...theirs, revision: base.revision }, '');
  merged['revision'] = Math.max(mine.revision, theirs.revision);
  if (merger.conflicts.length > 0) return { ok: false, conflicts: [...new Set(merger.conflicts)] };

  const checked = consultationSchema.safeParse(merged);
  if (!checked.success) return { ok: false, conflicts: [...new Set(checked.error.issues.map((i) => formatPath(i.path)))] };
  return { ok: true, merged: checked.data };
}
