import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual, mergeConsultations } from '../../../src/core/consultation/merge';
import type { AgendaItem, Consultation } from '../../../src/core/consultation/schema';
import { sampleConsultation } from '../../support/consultations';

type Edit = (c: Consultation) => void;

function edited(base: Consultation, ...edits: Edit[]): Consultation {
  const copy = structuredClone(base);
  for (const edit of edits) edit(copy);
  return copy;
}

function item(c: Consultation, id: string): AgendaItem {
  const found = c.agenda.parts.flatMap((p) => p.items).find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

const newItem = (id: string, title = `Punkt ${id}`): AgendaItem => ({
  id,
  title,
  presenters: [],
  durationMinutes: 10,
  questionIds: [],
});

function merged(base: Consultation, mine: Consultation, theirs: Consultation): Consultation {
  const result = mergeConsultations(base, mine, theirs);
  if (!result.ok) throw new Error(`unexpected conflict: ${result.conflicts.join(', ')}`);
  return result.merged;
}

function conflicts(base: Consultation, mine: Consultation, theirs: Consultation): readonly string[] {
  const result = mergeConsultations(base, mine, theirs);
  return result.ok ? [] : result.conflicts;
}

describe('mergeConsultations', () => {
  const base = sampleConsultation();

  it('keeps edits of different fields from both sides', () => {
    const mine = edited(base, (c) => (c.title = 'Ny titel'));
    const theirs = edited(base, (c) => (c.registration.capacity = 60));
    const out = merged(base, mine, theirs);
    expect(out.title).toBe('Ny titel');
    expect(out.registration.capacity).toBe(60);
  });

  it('keeps edits of different agenda items, found by id', () => {
    const mine = edited(base, (c) => (item(c, 'item-1').durationMinutes = 20));
    const theirs = edited(base, (c) => (item(c, 'item-2').durationMinutes = 45));
    const out = merged(base, mine, theirs);
    expect(item(out, 'item-1').durationMinutes).toBe(20);
    expect(item(out, 'item-2').durationMinutes).toBe(45);
  });

  it('keeps items added on both sides, in a stable order', () => {
    const mine = edited(base, (c) => c.agenda.parts[0]?.items.push(newItem('item-a')));
    const theirs = edited(base, (c) => c.agenda.parts[0]?.items.push(newItem('item-b')));
    expect(merged(base, mine, theirs).agenda.parts[0]?.items.map((i) => i.id)).toEqual(['item-1', 'item-a', 'item-b']);
  });

  it('applies a deletion on one side when the other side did not touch the element', () => {
    const mine = edited(base, (c) => c.commitments.splice(0, 1));
    const theirs = edited(base, (c) => (c.title = 'Annan titel'));
    const out = merged(base, mine, theirs);
    expect(out.commitments).toEqual([]);
    expect(out.title).toBe('Annan titel');
  });

  it('keeps one side reordering the parts while the other edits a part', () => {
    const mine = edited(base, (c) => c.agenda.parts.reverse());
    const theirs = edited(base, (c) => {
      const part = c.agenda.parts[0];
      if (part !== undefined) part.title = 'Information och frågor';
    });
    const out = merged(base, mine, theirs);
    expect(out.agenda.parts.map((p) => [p.id, p.title])).toEqual([
      ['part-2', 'Diskussion'],
      ['part-1', 'Information och frågor'],
    ]);
  });

  it('accepts the same change made on both sides', () => {
    const mine = edited(base, (c) => (c.title = 'Samma'));
    expect(
      merged(
        base,
        mine,
        edited(base, (c) => (c.title = 'Samma')),
      ).title,
    ).toBe('Samma');
  });

  it('keeps the larger revision: the counter is not an edit', () => {
    const mine = edited(base, (c) => ((c.title = 'A'), (c.revision = 3)));
    const theirs = edited(base, (c) => ((c.purpose = ['Syfte.']), (c.revision = 5)));
    expect(merged(base, mine, theirs).revision).toBe(5);
  });

  it.each<[string, Edit, Edit, readonly string[]]>([
    ['the same field changed differently', (c) => (c.title = 'A'), (c) => (c.title = 'B'), ['title']],
    [
      'an item edited on one side and deleted on the other',
      (c) => (item(c, 'item-1').title = 'Ändrad'),
      (c) => c.agenda.parts[0]?.items.splice(0, 1),
      ['agenda.parts[id=part-1].items[id=item-1]'],
    ],
    [
      'the same item field changed differently',
      (c) => (item(c, 'item-2').durationMinutes = 10),
      (c) => (item(c, 'item-2').durationMinutes = 30),
      ['agenda.parts[id=part-2].items[id=item-2].durationMinutes'],
    ],
    [
      'a paragraph list edited on both sides (lists of text are one value)',
      (c) => c.background.push('Mer.'),
      (c) => (c.background = ['Annan bakgrund.']),
      ['background'],
    ],
  ])('reports a conflict for %s', (_name, mineEdit, theirsEdit, expected) => {
    expect(conflicts(base, edited(base, mineEdit), edited(base, theirsEdit))).toEqual(expected);
  });

  it('reports the order of a list that both sides reordered differently', () => {
    const three = edited(base, (c) => c.agenda.parts.push({ id: 'part-3', title: 'Avslutning', items: [] }));
    const order =
      (...ids: string[]): Edit =>
      (c) => {
        c.agenda.parts.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      };
    const mine = edited(three, order('part-2', 'part-1', 'part-3'));
    const theirs = edited(three, order('part-1', 'part-3', 'part-2'));
    expect(conflicts(three, mine, theirs)).toEqual(['agenda.parts (order)']);
    // The same new order on both sides is no conflict.
    expect(merged(three, mine, edited(three, order('part-2', 'part-1', 'part-3'))).agenda.parts.map((p) => p.id)).toEqual([
      'part-2',
      'part-1',
      'part-3',
    ]);
  });

  it('reports edits that are fine alone but break a cross-reference together', () => {
    // Mine links the question to item-1; theirs deletes item-1.
    const mine = edited(base, (c) => {
      const q = c.questions[0];
      if (q !== undefined) q.agendaItemId = 'item-1';
      item(c, 'item-2').questionIds = [];
      item(c, 'item-1').questionIds = ['question-1'];
    });
    const theirs = edited(base, (c) => (item(c, 'item-2').title = 'Fråga ett'));
    expect(merged(base, mine, theirs).questions[0]?.agendaItemId).toBe('item-1');
    const deleting = edited(base, (c) => c.agenda.parts[0]?.items.splice(0, 1));
    expect(conflicts(base, mine, deleting)).toContain('agenda.parts[id=part-1].items[id=item-1]');
    // Two new items with the same id in different parts: each side is valid, the merge is not.
    const a = edited(base, (c) => c.agenda.parts[0]?.items.push(newItem('item-x', 'A')));
    const b = edited(base, (c) => c.agenda.parts[1]?.items.push(newItem('item-x', 'B')));
    expect(conflicts(base, a, b).some((p) => p.startsWith('agenda.parts['))).toBe(true);
  });
});

/** Edits on the sample document, each touching one known place (`key`), so disjoint sets are easy to draw. */
interface Op {
  readonly key: string;
  readonly apply: Edit;
  readonly holds: (c: Consultation) => boolean;
}

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && s.trim() === s);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  text.map((t) => ({ key: 'title', apply: (c: Consultation) => void (c.title = t), holds: (c: Consultation) => c.title === t })),
  fc.integer({ min: 1, max: 500 }).map((n) => ({
    key: 'capacity',
    apply: (c: Consultation) => void (c.registration.capacity = n),
    holds: (c: Consultation) => c.registration.capacity === n,
  })),
  fc.constantFrom('item-1', 'item-2').chain((id) =>
    fc.integer({ min: 0, max: 120 }).map((n) => ({
      key: `${id}.duration`,
      apply: (c: Consultation) => void (item(c, id).durationMinutes = n),
      holds: (c: Consultation) => item(c, id).durationMinutes === n,
    })),
  ),
  fc.constantFrom('item-1', 'item-2').chain((id) =>
    text.map((t) => ({
      key: `${id}.title`,
      apply: (c: Consultation) => void (item(c, id).title = t),
      holds: (c: Consultation) => item(c, id).title === t,
    })),
  ),
  fc.tuple(fc.constantFrom(0, 1), fc.stringMatching(/^[a-z]{1,6}$/)).map(([part, suffix]) => {
    const id = `new-${part}-${suffix}`;
    return {
      key: `add:${id}`,
      apply: (c: Consultation) => void c.agenda.parts[part]?.items.push(newItem(id)),
      holds: (c: Consultation) => c.agenda.parts[part]?.items.some((i) => i.id === id) === true,
    };
  }),
  fc.constant({
    key: 'commitments',
    apply: (c: Consultation) => void c.commitments.splice(0, 1),
    holds: (c: Consultation) => c.commitments.length === 0,
  }),
  text.map((t) => ({
    key: 'purpose',
    apply: (c: Consultation) => void (c.purpose = [t]),
    holds: (c: Consultation) => jsonEqual(c.purpose, [t]),
  })),
);

/** Two lists of edits that never touch the same place. */
const disjointOps = fc
  .uniqueArray(opArb, { selector: (op) => op.key, maxLength: 8 })
  .chain((ops) => fc.array(fc.boolean(), { minLength: ops.length, maxLength: ops.length }).map((sides) => ({ ops, sides })))
  .map(({ ops, sides }) => ({ mine: ops.filter((_, i) => sides[i] === true), theirs: ops.filter((_, i) => sides[i] !== true) }));

const editedArb = fc.array(opArb, { maxLength: 5 }).map((ops) => edited(sampleConsultation(), ...ops.map((op) => op.apply)));

describe('mergeConsultations properties', () => {
  it('merge(base, x, base) = x and merge(base, base, y) = y', () => {
    fc.assert(
      fc.property(editedArb, editedArb, (base, x) => {
        expect(merged(base, x, base)).toEqual(x);
        expect(merged(base, base, x)).toEqual(x);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps both sides of disjoint edits', () => {
    fc.assert(
      fc.property(disjointOps, ({ mine, theirs }) => {
        const base = sampleConsultation();
        const out = merged(base, edited(base, ...mine.map((op) => op.apply)), edited(base, ...theirs.map((op) => op.apply)));
        for (const op of [...mine, ...theirs]) expect(op.holds(out), op.key).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is symmetric up to the order of additions', () => {
    fc.assert(
      fc.property(disjointOps, ({ mine, theirs }) => {
        const base = sampleConsultation();
        const a = edited(base, ...mine.map((op) => op.apply));
        const b = edited(base, ...theirs.map((op) => op.apply));
        const ab = merged(base, a, b);
        const ba = merged(base, b, a);
        const sorted = (c: Consultation): Consultation =>
          edited(c, (d) => d.agenda.parts.forEach((p) => p.items.sort((x, y) => x.id.localeCompare(y.id))));
        expect(sorted(ab)).toEqual(sorted(ba));
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeConsultations, preferring mine', () => {
  it('takes my value where both changed, keeps their other changes, and reports no conflict', () => {
    const base = sampleConsultation();
    const mine = { ...base, title: 'Mitt namn' };
    const theirs = { ...base, title: 'Deras namn', practicalInformation: ['Deras info.'] };
    expect(mergeConsultations(base, mine, theirs).ok).toBe(false);
    const preferred = mergeConsultations(base, mine, theirs, { prefer: 'mine' });
    expect(preferred.ok && preferred.merged.title).toBe('Mitt namn');
    expect(preferred.ok && preferred.merged.practicalInformation).toEqual(['Deras info.']);
  });

  it('still fails when the result breaks the schema (an item I edited, they removed with its question link)', () => {
    const base = sampleConsultation();
    const theirs: Consultation = {
      ...base,
      agenda: { parts: base.agenda.parts.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== 'item-2') })) },
      questions: base.questions.map((q) => ({ ...q, agendaItemId: null })),
    };
    const mine: Consultation = {
      ...base,
      agenda: {
        parts: base.agenda.parts.map((p) => ({
          ...p,
          items: p.items.map((i) => (i.id === 'item-2' ? { ...i, title: 'Ny rubrik' } : i)),
        })),
      },
    };
    const result = mergeConsultations(base, mine, theirs, { prefer: 'mine' });
    expect(result.ok).toBe(false);
  });
});
