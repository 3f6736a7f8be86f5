import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Consultation, DiscussionQuestion } from '../../../src/core/consultation/schema';
import type { NextVersion, VersionChanges } from '../../../src/core/publishing/changeNote';
import { compareVersions, describeChanges, MAX_NOTE_LINES } from '../../../src/core/publishing/changeNote';
import { parseZonedIso, STOCKHOLM, toZonedIso } from '../../../src/core/time/zonedTime';
import { sampleConsultation } from '../../support/consultations';

const item = (
  id: string,
  title: string,
  presenters: string[],
  durationMinutes: number | null,
  questionIds: string[] = [],
): AgendaItem => ({
  id,
  title,
  presenters,
  durationMinutes,
  questionIds,
});

const question = (id: string, text: string, agendaItemId: string | null): DiscussionQuestion => ({ id, text, agendaItemId });

/**
 * The seed's shape: two parts, five items, three questions, 13.00–14.30. With lengths the items start at
 * 13.00, 13.10, 13.30, 13.50 and 14.10 and fill the meeting exactly.
 */
function timed(): Consultation {
  return {
    ...sampleConsultation(),
    agenda: {
      parts: [
        {
          id: 'part-1',
          title: 'Information',
          items: [
            item('item-1', 'Inledning', ['Finansdepartementet'], 10),
            item('item-2', 'OGP-processen', ['Finansdepartementet', 'Myndigheten för digital förvaltning'], 20),
          ],
        },
        {
          id: 'part-2',
          title: 'Diskussion',
          items: [
            item('item-3', 'Fråga 1', [], 20, ['question-1']),
            item('item-4', 'Fråga 2', [], 20, ['question-2']),
            item('item-5', 'Fråga 3', [], 20, ['question-3']),
          ],
        },
      ],
    },
    questions: [
      question('question-1', 'Hur når handlingsplanen fler?', 'item-3'),
      question('question-2', 'Vilka åtaganden saknas?', 'item-4'),
      question('question-3', 'Hur följer vi upp?', 'item-5'),
    ],
  };
}

/** The same agenda as the invitation gave it: no lengths. */
function untimed(): Consultation {
  return edited(timed(), (c) => allItems(c).forEach((i) => (i.durationMinutes = null)));
}

function allItems(c: Consultation): AgendaItem[] {
  return c.agenda.parts.flatMap((p) => p.items);
}

function itemOf(c: Consultation, id: string): AgendaItem {
  const found = allItems(c).find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

function questionOf(c: Consultation, id: string): DiscussionQuestion {
  const found = c.questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no question ${id}`);
  return found;
}

function partOf(c: Consultation, id: string): Consultation['agenda']['parts'][number] {
  const found = c.agenda.parts.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no part ${id}`);
  return found;
}

function edited(c: Consultation, edit: (copy: Consultation) => void): Consultation {
  const copy = structuredClone(c);
  edit(copy);
  return copy;
}

type Edit = (c: Consultation) => void;
const none: Edit = () => undefined;

describe('describeChanges', () => {
  it('is empty for the first publication', () => {
    expect(describeChanges(null, timed())).toEqual({ sv: [], en: [] });
  });

  it('says the walkthrough line when every item got a length', () => {
    expect(describeChanges(untimed(), timed())).toEqual({
      sv: ['längder tillagda för alla punkter'],
      en: ['durations added for all items'],
    });
  });

  it.each<[name: string, before: () => Consultation, edit: Edit, sv: string[], en: string[]]>([
    ['nothing', timed, none, [], []],
    [
      'only whitespace in titles and texts',
      timed,
      (c) => {
        itemOf(c, 'item-1').title = '  Inledning ';
        partOf(c, 'part-1').title = 'Information\u00a0';
        questionOf(c, 'question-1').text = 'Hur  når handlingsplanen\tfler?';
        itemOf(c, 'item-2').presenters = [' Finansdepartementet', 'Myndigheten  för digital förvaltning', ' '];
      },
      [],
      [],
    ],
    [
      'the same meeting time written with another offset',
      timed,
      (c) => {
        c.start = '2023-12-12T12:00:00Z';
        c.end = '2023-12-12T14:30:00+01:00';
      },
      [],
      [],
    ],
    [
      'lengths removed from every item',
      timed,
      (c) => allItems(c).forEach((i) => (i.durationMinutes = null)),
      ['längder borttagna för alla punkter'],
      ['durations removed for all items'],
    ],
    [
      'the meeting moved an hour (items keep their place in it)',
      timed,
      (c) => {
        c.start = '2023-12-12T14:00:00+01:00';
        c.end = '2023-12-12T15:30:00+01:00';
      },
      ['mötestiden ändrad till 12 december 2023 kl. 14.00–15.30'],
      ['meeting time changed to 12 December 2023, 14:00–15:30'],
    ],
    [
      'an item added at the end',
      timed,
      (c) => partOf(c, 'part-2').items.push(item('item-6', 'Övrigt', [], null)),
      ['punkten ”Övrigt” tillagd'],
      ['item “Övrigt” added'],
    ],
    [
      'two items added',
      timed,
      (c) => partOf(c, 'part-2').items.push(item('item-6', 'Övrigt', [], null), item('item-7', 'Avslut', [], 5)),
      ['2 punkter tillagda'],
      ['2 items added'],
    ],
    [
      'an item removed, moving the later ones',
      timed,
      (c) => partOf(c, 'part-1').items.splice(1, 1),
      ['punkten ”OGP-processen” borttagen', '3 punkter har fått nya tider'],
      ['item “OGP-processen” removed', '3 items have new times'],
    ],
    [
      'an item renamed',
      timed,
      (c) => (itemOf(c, 'item-3').title = 'Fråga ett'),
      ['punkten ”Fråga 1” heter nu ”Fråga ett”'],
      ['item “Fråga 1” renamed “Fråga ett”'],
    ],
    [
      'two items swapped',
      timed,
      (c) => {
        const items = partOf(c, 'part-2').items;
        items.push(...items.splice(1, 1));
      },
      ['punkten ”Fråga 2” flyttad', '2 punkter har fått nya tider'],
      ['item “Fråga 2” moved', '2 items have new times'],
    ],
    [
      'an item moved into the next part, keeping its time',
      timed,
      (c) => {
        const [moved] = partOf(c, 'part-1').items.splice(1, 1);
        if (moved !== undefined) partOf(c, 'part-2').items.unshift(moved);
      },
      ['punkten ”OGP-processen” flyttad'],
      ['item “OGP-processen” moved'],
    ],
    [
      'a part added with an item',
      timed,
      (c) => c.agenda.parts.push({ id: 'part-3', title: 'Avslutning', items: [item('item-6', 'Sammanfattning', [], null)] }),
      ['delen ”Avslutning” tillagd', 'punkten ”Sammanfattning” tillagd'],
      ['part “Avslutning” added', 'item “Sammanfattning” added'],
    ],
    [
      'a part removed with its items',
      timed,
      (c) => {
        c.agenda.parts.splice(0, 1);
      },
      ['delen ”Information” borttagen', '2 punkter borttagna', '3 punkter har fått nya tider'],
      ['part “Information” removed', '2 items removed', '3 items have new times'],
    ],
    [
      'a part renamed',
      timed,
      (c) => (partOf(c, 'part-2').title = 'Samtal'),
      ['delen ”Diskussion” heter nu ”Samtal”'],
      ['part “Diskussion” renamed “Samtal”'],
    ],
    [
      'the parts swapped',
      timed,
      (c) => c.agenda.parts.reverse(),
      ['delen ”Information” flyttad', '5 punkter har fått nya tider'],
      ['part “Information” moved', '5 items have new times'],
    ],
    [
      'a length changed, moving the last item',
      timed,
      (c) => (itemOf(c, 'item-4').durationMinutes = 10),
      ['ny längd för ”Fråga 2”: 10 min', '”Fråga 3” börjar nu 14.00'],
      ['new duration for “Fråga 2”: 10 min', '“Fråga 3” now starts at 14:00'],
    ],
    [
      'two lengths changed',
      timed,
      (c) => {
        itemOf(c, 'item-1').durationMinutes = 15;
        itemOf(c, 'item-2').durationMinutes = 15;
      },
      ['nya längder för 2 punkter', '”OGP-processen” börjar nu 13.15'],
      ['new durations for 2 items', '“OGP-processen” now starts at 13:15'],
    ],
    [
      'the last item’s length removed',
      timed,
      (c) => (itemOf(c, 'item-5').durationMinutes = null),
      ['längd borttagen för ”Fråga 3”'],
      ['duration removed for “Fråga 3”'],
    ],
    [
      'one length added (later starts become known: not a new time)',
      untimed,
      (c) => (itemOf(c, 'item-1').durationMinutes = 10),
      ['längd tillagd för ”Inledning”'],
      ['duration added for “Inledning”'],
    ],
    [
      'three lengths added',
      untimed,
      (c) => ['item-1', 'item-2', 'item-3'].forEach((id) => (itemOf(c, id).durationMinutes = 10)),
      ['längder tillagda för 3 punkter'],
      ['durations added for 3 items'],
    ],
    [
      'presenters changed',
      timed,
      (c) => (itemOf(c, 'item-1').presenters = ['Regeringskansliet']),
      ['presentatörer ändrade för ”Inledning”'],
      ['presenters changed for “Inledning”'],
    ],
    [
      'presenters in another order',
      timed,
      (c) => itemOf(c, 'item-2').presenters.reverse(),
      ['presentatörer ändrade för ”OGP-processen”'],
      ['presenters changed for “OGP-processen”'],
    ],
    [
      'a question added',
      timed,
      (c) => c.questions.push(question('question-4', 'Något mer?', null)),
      ['frågan ”Något mer?” tillagd'],
      ['question “Något mer?” added'],
    ],
    [
      'a question removed',
      timed,
      (c) => c.questions.splice(1, 1),
      ['frågan ”Vilka åtaganden saknas?” borttagen'],
      ['question “Vilka åtaganden saknas?” removed'],
    ],
    [
      'a question reworded',
      timed,
      (c) => (questionOf(c, 'question-3').text = 'Hur följer vi upp planen?'),
      ['frågan ”Hur följer vi upp planen?” omformulerad'],
      ['question “Hur följer vi upp planen?” reworded'],
    ],
    [
      'a question linked to another item',
      timed,
      (c) => (questionOf(c, 'question-1').agendaItemId = 'item-2'),
      ['frågan ”Hur når handlingsplanen fler?” hör nu till ”OGP-processen”'],
      ['question “Hur når handlingsplanen fler?” now belongs to “OGP-processen”'],
    ],
    [
      'a question unlinked',
      timed,
      (c) => (questionOf(c, 'question-1').agendaItemId = null),
      ['frågan ”Hur når handlingsplanen fler?” hör inte längre till någon punkt'],
      ['question “Hur når handlingsplanen fler?” no longer belongs to an item'],
    ],
    [
      'two questions linked elsewhere',
      timed,
      (c) => {
        questionOf(c, 'question-1').agendaItemId = null;
        questionOf(c, 'question-2').agendaItemId = 'item-1';
      },
      ['2 frågor hör till andra punkter'],
      ['2 questions belong to other items'],
    ],
    ['the questions reordered', timed, (c) => c.questions.reverse(), ['2 frågor flyttade'], ['2 questions moved']],
    [
      'a long title, cut',
      timed,
      (c) => (itemOf(c, 'item-1').title = 'Inledning och presentation av alla deltagande organisationer'),
      ['punkten ”Inledning” heter nu ”Inledning och presentation av alla delt…”'],
      ['item “Inledning” renamed “Inledning och presentation av alla delt…”'],
    ],
  ])('%s', (_name, before, edit, sv, en) => {
    const previous = before();
    expect(describeChanges(previous, edited(previous, edit))).toEqual({ sv, en });
  });

  it('says many changes in one line per group, as counts, and stays short', () => {
    const previous = timed();
    const next = edited(previous, (c) => {
      c.start = '2023-12-12T14:00:00+01:00';
      c.end = '2023-12-12T15:30:00+01:00';
      partOf(c, 'part-2').items.push(item('item-6', 'Övrigt', [], 5));
      partOf(c, 'part-1').items.splice(0, 1);
      itemOf(c, 'item-3').title = 'Fråga ett';
      itemOf(c, 'item-4').durationMinutes = 10;
      itemOf(c, 'item-2').presenters = ['Finansdepartementet'];
      c.questions.push(question('question-4', 'Något mer?', null));
      questionOf(c, 'question-2').text = 'Vilka åtaganden fattas?';
    });
    expect(describeChanges(previous, next)).toEqual({
      sv: [
        'mötestiden ändrad till 12 december 2023 kl. 14.00–15.30',
        '1 punkt tillagd, 1 punkt borttagen, 1 punkt har nytt namn',
        'ny längd för 1 punkt, 4 punkter har fått nya tider',
        'presentatörer ändrade för ”OGP-processen”',
        '1 fråga tillagd, 1 fråga omformulerad',
      ],
      en: [
        'meeting time changed to 12 December 2023, 14:00–15:30',
        '1 item added, 1 item removed, 1 item renamed',
        'new duration for 1 item, 4 items have new times',
        'presenters changed for “OGP-processen”',
        '1 question added, 1 question reworded',
      ],
    });
  });

  it('names the one re-timed item with its new start in the meeting’s zone', () => {
    const previous = timed();
    const next = edited(previous, (c) => (itemOf(c, 'item-3').durationMinutes = 25));
    expect(describeChanges(previous, next).sv).toEqual(['ny längd för ”Fråga 1”: 25 min', '2 punkter har fått nya tider']);
    const shorter = edited(previous, (c) => (itemOf(c, 'item-4').durationMinutes = 15));
    expect(describeChanges(previous, shorter).en).toEqual([
      'new duration for “Fråga 2”: 15 min',
      '“Fråga 3” now starts at 14:05',
    ]);
  });
});

// ─── Properties over generated pairs of versions ───────────────────────────────────────────────────────────────

// Letters that no word of the note contains, so an id showing outside a title would be seen.
const PART_IDS = ['xpa', 'xpb', 'xpc'];
const ITEM_IDS = ['xia', 'xib', 'xic', 'xid', 'xie', 'xif'];
const QUESTION_IDS = ['xqa', 'xqb', 'xqc', 'xqd'];
const ALL_IDS = [...PART_IDS, ...ITEM_IDS, ...QUESTION_IDS];
/** Every title carries its element's id in brackets, so a note that names something can be traced to its id. */
const marker = (id: string): string => `⟦${id}⟧`;
const MARKER = /⟦([a-z]+)⟧/g;

const fixed = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T[]> => fc.array(arb, { minLength: n, maxLength: n });

const versionArb: fc.Arbitrary<NextVersion> = fc
  .record({
    parts: fc.shuffledSubarray(PART_IDS, { minLength: 1 }),
    items: fc.shuffledSubarray(ITEM_IDS),
    placement: fc.array(fc.nat({ max: 2 }), { minLength: ITEM_IDS.length, maxLength: ITEM_IDS.length }),
    suffixes: fixed(fc.constantFrom('', ' ny', '  ny ', ' ändrad'), ALL_IDS.length),
    durations: fixed(fc.constantFrom(null, 0, 10, 25), ITEM_IDS.length),
    presenters: fixed(fc.constantFrom<string[]>([], ['FD'], ['FD', 'DIGG'], ['DIGG', 'FD']), ITEM_IDS.length),
    questions: fc.shuffledSubarray(QUESTION_IDS),
    links: fixed(fc.option(fc.nat({ max: 5 }), { nil: null }), QUESTION_IDS.length),
    start: fc.constantFrom('2023-12-12T13:00:00+01:00', '2023-12-12T12:00:00Z', '2023-12-12T14:00:00+01:00'),
    minutes: fc.constantFrom(90, 120),
  })
  .map((g) => {
    const title = (id: string): string => `${marker(id)}${g.suffixes[ALL_IDS.indexOf(id)] ?? ''}`;
    const parts = g.parts.map((id) => ({ id, title: title(id), items: [] as AgendaItem[] }));
    g.items.forEach((id) => {
      const k = ITEM_IDS.indexOf(id);
      const part = parts[(g.placement[k] ?? 0) % parts.length];
      part?.items.push(item(id, title(id), [...(g.presenters[k] ?? [])], g.durations[k] ?? null));
    });
    const placed = parts.flatMap((p) => p.items.map((i) => i.id));
    const questions = g.questions.map((id) => {
      const link = g.links[QUESTION_IDS.indexOf(id)] ?? null;
      return question(id, title(id), link === null || placed.length === 0 ? null : (placed[link % placed.length] ?? null));
    });
    return {
      start: g.start,
      end: toZonedIso(parseZonedIso(g.start) + g.minutes * 60_000, STOCKHOLM),
      timeZone: STOCKHOLM,
      agenda: { parts },
      questions,
    };
  });

function idsOf(v: NextVersion): Set<string> {
  return new Set([
    ...v.agenda.parts.map((p) => p.id),
    ...v.agenda.parts.flatMap((p) => p.items.map((i) => i.id)),
    ...v.questions.map((q) => q.id),
  ]);
}

const ids = (list: readonly { readonly id: string }[]): string[] => list.map((e) => e.id);
const idSet = (list: readonly { readonly id: string }[]): string[] => ids(list).sort();

function nothingChanged(c: VersionChanges): boolean {
  const lists: readonly (readonly unknown[])[] = [
    ...(['added', 'removed', 'renamed', 'moved'] as const).flatMap((kind) => [c.parts[kind], c.items[kind]]),
    c.durations.added,
    c.durations.removed,
    c.durations.changed,
    c.retimed,
    c.presenters,
    c.questions.added,
    c.questions.removed,
    c.questions.moved,
    c.questions.reworded,
    c.questions.relinked,
  ];
  return c.meetingTime === null && lists.every((l) => l.length === 0);
}

describe('describeChanges, properties', () => {
  it('is empty when nothing changed, even with other whitespace and another offset for the same instants', () => {
    fc.assert(
      fc.property(versionArb, (v) => {
        expect(describeChanges(v, v)).toEqual({ sv: [], en: [] });
        const respaced: NextVersion = {
          ...v,
          start: toZonedIso(parseZonedIso(v.start), 'UTC'),
          agenda: {
            parts: v.agenda.parts.map((p) => ({
              ...p,
              title: ` ${p.title}\t`,
              items: p.items.map((i) => ({ ...i, title: `${i.title}  ` })),
            })),
          },
          questions: v.questions.map((q) => ({ ...q, text: `\n${q.text}` })),
        };
        expect(describeChanges(v, respaced)).toEqual({ sv: [], en: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('is empty exactly when no fact changed, short, as long in both languages, and the same every time', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const note = describeChanges(a, b);
        expect(note.sv.length === 0).toBe(nothingChanged(compareVersions(a, b)));
        expect(note.sv.length).toBeLessThanOrEqual(MAX_NOTE_LINES);
        expect(note.en.length).toBe(note.sv.length);
        expect([...note.sv, ...note.en].every((line) => line.trim() !== '' && !line.includes('\n'))).toBe(true);
        expect(describeChanges(a, b)).toEqual(note);
      }),
      { numRuns: 300 },
    );
  });

  it('never mentions an element that is in neither version', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const known = new Set([...idsOf(a), ...idsOf(b)]);
        const note = describeChanges(a, b);
        for (const line of [...note.sv, ...note.en]) {
          for (const [, id] of line.matchAll(MARKER)) expect(known).toContain(id);
          // Ids themselves are never shown: only titles are.
          for (const id of ALL_IDS) expect(line.replace(MARKER, '')).not.toContain(id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('states the same facts both ways round: added one way is removed the other', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const [forth, back] = [compareVersions(a, b), compareVersions(b, a)];
        for (const list of ['parts', 'items', 'questions'] as const) {
          expect(ids(forth[list].added)).toEqual(ids(back[list].removed));
          expect(ids(forth[list].removed)).toEqual(ids(back[list].added));
          expect(forth[list].moved.length).toBe(back[list].moved.length);
        }
        for (const list of ['parts', 'items'] as const) {
          expect(forth[list].renamed.map((r) => [r.id, r.from, r.to]).sort()).toEqual(
            back[list].renamed.map((r) => [r.id, r.to, r.from]).sort(),
          );
        }
        expect(idSet(forth.durations.added)).toEqual(idSet(back.durations.removed));
        expect(idSet(forth.durations.changed)).toEqual(idSet(back.durations.changed));
        expect(forth.durations.allAdded).toBe(back.durations.allRemoved);
        expect(idSet(forth.retimed)).toEqual(idSet(back.retimed));
        expect(idSet(forth.presenters)).toEqual(idSet(back.presenters));
        expect(idSet(forth.questions.reworded)).toEqual(idSet(back.questions.reworded));
        expect(idSet(forth.questions.relinked)).toEqual(idSet(back.questions.relinked));
        expect(forth.meetingTime === null).toBe(back.meetingTime === null);
      }),
      { numRuns: 300 },
    );
  });

  it('words a single added element as the mirror of its removal', () => {
    fc.assert(
      fc.property(versionArb, fc.constantFrom(...ITEM_IDS), (v, id) => {
        const without: NextVersion = {
          ...v,
          agenda: { parts: v.agenda.parts.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })) },
          questions: v.questions.map((q) => (q.agendaItemId === id ? { ...q, agendaItemId: null } : q)),
        };
        const added = describeChanges(without, v).sv.filter((line) => line.startsWith('punkten') && line.endsWith(' tillagd'));
        const removed = describeChanges(v, without).sv.filter(
          (line) => line.startsWith('punkten') && line.endsWith(' borttagen'),
        );
        expect(added.map((line) => line.replace(/ tillagd$/, ''))).toEqual(
          removed.map((line) => line.replace(/ borttagen$/, '')),
        );
        expect(added).toHaveLength(idsOf(v).has(id) ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });
});
