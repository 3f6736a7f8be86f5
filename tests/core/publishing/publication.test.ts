import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import { consultationSchema, publicationSchema } from '../../../src/core/consultation/schema';
import { isSamradError } from '../../../src/core/errors';
import { importInvitation } from '../../../src/core/invitation';
import { parseAgendaSection, publishedAgendaOf, renderAgendaSection } from '../../../src/core/publishing/agendaSection';
import { describeChanges } from '../../../src/core/publishing/changeNote';
import { htmlToText } from '../../../src/core/publishing/htmlText';
import * as publishing from '../../../src/core/publishing';
import { preparePublication, previewPublication, withPublication } from '../../../src/core/publishing/publication';
import { sampleConsultation } from '../../support/consultations';
import { readSeedInvitation } from '../../support/seed';
import { consultationArb, MANGLES } from './agendaSectionSupport';

const FIRST = '2023-12-01T09:30:00+01:00';
const SECOND = '2023-12-05T10:00:00+01:00';
const SV = ['sv'] as const;
const BOTH = ['sv', 'en'] as const;

function edited(c: Consultation, edit: (copy: Consultation) => void): Consultation {
  const copy = structuredClone(c);
  edit(copy);
  return copy;
}

function items(c: Consultation): Consultation['agenda']['parts'][number]['items'] {
  return c.agenda.parts.flatMap((p) => p.items);
}

/** The sample as the invitation gave it (no lengths), published once. */
function publishedOnce(languages: readonly ('sv' | 'en')[] = SV): Consultation {
  const untimed = edited(sampleConsultation(), (c) => items(c).forEach((i) => (i.durationMinutes = null)));
  return withPublication(untimed, preparePublication(untimed, { now: FIRST, languages }).publication);
}

/** …and then every item given a length: the walkthrough's second publication. */
function withLengths(c: Consultation): Consultation {
  return edited(c, (copy) => {
    const [first, second] = items(copy);
    if (first !== undefined) first.durationMinutes = 15;
    if (second !== undefined) second.durationMinutes = 30;
  });
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('preparePublication', () => {
  it('makes the first publication number 1, of the document’s revision, with no change note', () => {
    const c = { ...sampleConsultation(), revision: 7 };
    const prepared = preparePublication(c, { now: FIRST, languages: BOTH });
    expect(prepared.publication).toEqual({
      number: 1,
      revision: 7,
      publishedAt: FIRST,
      languages: ['sv', 'en'],
      start: c.start,
      end: c.end,
      agenda: c.agenda,
      questions: c.questions,
      practicalInformation: c.practicalInformation,
      changeNote: { sv: [], en: [] },
    });
    expect(publicationSchema.safeParse(prepared.publication).success).toBe(true);
    expect(prepared.changeNote).toEqual({ sv: [], en: [] });
    expect(prepared.unchanged).toBe(false);
    const text = htmlToText(prepared.sectionHtml);
    expect(text).toContain('Dagordning\nVersion 1, utskickad 1 december 2023 kl. 09.30\n12 december 2023 kl. 13.00–14.30');
    expect(text).toContain('Agenda\nVersion 1, sent 1 December 2023, 09:30\n12 December 2023, 13:00–14:30');
    expect(text).not.toMatch(/Ändrat sedan|Changed since/);
  });

  it('numbers the next publication one more and says what changed since the last one (the walkthrough)', () => {
    const once = publishedOnce(BOTH);
    const next = { ...withLengths(once), revision: 3 };
    const prepared = preparePublication(next, { now: SECOND, languages: BOTH });
    expect(prepared.publication.number).toBe(2);
    expect(prepared.publication.revision).toBe(3);
    expect(prepared.changeNote).toEqual({ sv: ['längder tillagda för alla punkter'], en: ['durations added for all items'] });
    expect(prepared.publication.changeNote).toEqual(prepared.changeNote);
    expect(prepared.changeNote).toEqual(describeChanges(once.published, next));
    expect(prepared.unchanged).toBe(false);
    expect(htmlToText(prepared.sectionHtml).split('\n').slice(0, 4)).toEqual([
      'Dagordning',
      'Ändrat sedan förra utskicket: längder tillagda för alla punkter.',
      'Version 2, utskickad 5 december 2023 kl. 10.00',
      '12 december 2023 kl. 13.00–14.30',
    ]);
    expect(htmlToText(prepared.sectionHtml)).toContain(
      'Agenda\nChanged since the last version: durations added for all items.\nVersion 2, sent 5 December 2023, 10:00\n',
    );
    expect(parseAgendaSection(prepared.sectionHtml)).toEqual(publishedAgendaOf(next));
  });

  it('says the walkthrough’s note for the seed invitation once every item has a length', () => {
    const imported = importInvitation(readSeedInvitation()).consultation;
    expect(items(imported).every((i) => i.durationMinutes === null)).toBe(true);
    const once = withPublication(imported, preparePublication(imported, { now: FIRST, languages: SV }).publication);
    const timed = edited(once, (c) => items(c).forEach((i) => (i.durationMinutes = 15)));
    const prepared = preparePublication(timed, { now: SECOND, languages: SV });
    expect(htmlToText(prepared.sectionHtml).split('\n')[1]).toBe(
      'Ändrat sedan förra utskicket: längder tillagda för alla punkter.',
    );
    expect(parseAgendaSection(prepared.sectionHtml)).toEqual(publishedAgendaOf(timed));
  });

  it('shows the publication time in Stockholm time whatever offset it came with', () => {
    const summer = { now: '2024-06-03T08:05:00Z', languages: SV };
    expect(htmlToText(preparePublication(sampleConsultation(), summer).sectionHtml)).toContain(
      'Version 1, utskickad 3 juni 2024 kl. 10.05',
    );
  });

  it.each<[name: string, edit: (c: Consultation) => void, languages: readonly ('sv' | 'en')[], unchanged: boolean]>([
    ['nothing changed', () => undefined, SV, true],
    [
      'only the revision and unpublished fields changed',
      (c) => {
        c.revision += 4;
        c.title = 'Nytt namn på samrådet';
        c.background = ['Annan bakgrund.'];
      },
      SV,
      true,
    ],
    [
      'only whitespace in titles changed',
      (c) => {
        const [first] = items(c);
        if (first !== undefined) first.title = `  ${first.title}  `;
      },
      SV,
      true,
    ],
    ['the same meeting time written with another offset', (c) => (c.start = '2023-12-12T12:00:00Z'), SV, true],
    ['English added', () => undefined, BOTH, false],
    ['the meeting moved', (c) => (c.end = '2023-12-12T15:00:00+01:00'), SV, false],
    [
      'a length added',
      (c) => {
        const [first] = items(c);
        if (first !== undefined) first.durationMinutes = 10;
      },
      SV,
      false,
    ],
    [
      'a question unlinked',
      (c) => {
        c.questions = c.questions.map((q) => ({ ...q, agendaItemId: null }));
        items(c).forEach((i) => (i.questionIds = []));
      },
      SV,
      false,
    ],
    ['a question reworded', (c) => (c.questions = c.questions.map((q) => ({ ...q, text: `${q.text} Varför?` }))), SV, false],
    ['the practical information changed', (c) => (c.practicalInformation = ['Länken skickas dagen före.']), SV, false],
    [
      'only whitespace in the practical information changed',
      (c) => (c.practicalInformation = c.practicalInformation.map((p) => ` ${p}  `)),
      SV,
      true,
    ],
  ])('knows whether there is anything new to send: %s', (_name, edit, languages, unchanged) => {
    const prepared = preparePublication(edited(publishedOnce(), edit), { now: SECOND, languages });
    expect(prepared.unchanged).toBe(unchanged);
    expect(prepared.publication.number).toBe(2);
  });

  it('keeps a record that shares nothing with the document', () => {
    const c = sampleConsultation();
    const { publication } = preparePublication(c, { now: FIRST, languages: SV });
    const [first] = items(c);
    if (first !== undefined) first.title = 'Ändrad efteråt';
    c.questions.pop();
    expect(publication.agenda.parts[0]?.items[0]?.title).toBe('Inledning');
    expect(publication.questions).toHaveLength(1);
  });

  it.each<[name: string, now: string, languages: readonly ('sv' | 'en')[], code: string]>([
    ['a time without offset', '2023-12-05T10:00:00', SV, 'invalid-date-time'],
    ['no time at all', 'nu', SV, 'invalid-date-time'],
    ['no language', SECOND, [], 'invalid-input'],
    ['a language twice', SECOND, ['sv', 'sv'], 'invalid-input'],
  ])('refuses %s with a typed error in both languages', (_name, now, languages, code) => {
    const error = thrown(() => preparePublication(sampleConsultation(), { now, languages }));
    expect(isSamradError(error) && error.code).toBe(code);
    if (!isSamradError(error)) return;
    expect(error.what.sv).not.toBe('');
    expect(error.hint.en).not.toBe('');
  });

  it('refuses a consultation whose meeting time cannot be published', () => {
    const broken = { ...sampleConsultation(), end: 'imorgon' };
    const error = thrown(() => preparePublication(broken, { now: FIRST, languages: SV }));
    expect(isSamradError(error)).toBe(true);
  });
});

describe('withPublication', () => {
  it('records the publication as the last one, in a document that still validates', () => {
    const c = sampleConsultation();
    const { publication } = preparePublication(c, { now: FIRST, languages: BOTH });
    const published = withPublication(c, publication);
    expect(published.published).toEqual(publication);
    expect({ ...published, published: null }).toEqual(c);
    expect(consultationSchema.safeParse(published).success).toBe(true);
    expect(c.published).toBeNull();
  });

  it('is what the next publication compares with and counts from', () => {
    let c = sampleConsultation();
    for (const n of [1, 2, 3]) {
      const prepared = preparePublication(c, { now: FIRST, languages: SV });
      expect(prepared.publication.number).toBe(n);
      c = withPublication(c, prepared.publication);
    }
    expect(c.published?.number).toBe(3);
  });
});

describe('the public index', () => {
  it('exposes the publishing functions under one import', () => {
    expect(publishing.preparePublication).toBe(preparePublication);
    expect(publishing.withPublication).toBe(withPublication);
    expect(publishing.describeChanges).toBe(describeChanges);
    expect(publishing.renderAgendaSection).toBe(renderAgendaSection);
    expect(publishing.parseAgendaSection).toBe(parseAgendaSection);
  });
});

describe('the section with a change note and a version line', () => {
  it('is marked up for screen readers: a heading, the note and version as paragraphs, a captioned table, lang per block', () => {
    const prepared = preparePublication(withLengths(publishedOnce(BOTH)), { now: SECOND, languages: BOTH });
    const html = prepared.sectionHtml;
    const svBlock =
      /^<div lang="sv" style="[^"]+"><h2 [^>]+>Dagordning<\/h2><p [^>]+><strong>Ändrat sedan förra utskicket:<\/strong> /;
    expect(html).toMatch(svBlock);
    expect(html).toMatch(
      /<\/div><div lang="en" style="[^"]+"><h2 [^>]+>Agenda<\/h2><p [^>]+><strong>Changed since the last version:<\/strong>/,
    );
    expect(html.match(/<caption/g)).toHaveLength(2);
    expect(html.match(/<th scope="col"/g)).toHaveLength(8);
    expect(html).toMatch(/<p style="[^"]*color:#616161[^"]*">Version 2, utskickad/);
    expect(html).not.toMatch(/\bclass=|<style/);
  });

  it('writes the note as one paragraph, normalised, ending with a full stop', () => {
    const html = renderAgendaSection(sampleConsultation(), {
      languages: SV,
      changeNote: { sv: ['a  b', '  ', 'c\nd'], en: [] },
    });
    expect(htmlToText(html).split('\n')[1]).toBe('Ändrat sedan förra utskicket: a b; c d.');
    expect(
      htmlToText(renderAgendaSection(sampleConsultation(), { languages: ['en'], changeNote: { sv: ['x'], en: [] } })),
    ).not.toContain('Changed since');
  });

  /** Titles made to look like the preamble's lines, the caption or the column headers, quoted by the change note. */
  function lookalikes(): Consultation {
    return edited(publishedOnce(BOTH), (c) => {
      const [part1] = c.agenda.parts;
      const [first] = items(c);
      if (part1 === undefined || first === undefined) return;
      part1.title = 'Ändrat sedan förra utskicket: allt.';
      first.title = 'Version 9, utskickad 1 januari 2024 kl. 10.00';
      c.agenda.parts.push({
        id: 'part-3',
        title: 'Dagordning: 1 del, 1 punkt',
        items: [
          { id: 'item-3', title: 'Tid Punkt Presenteras av Längd', presenters: [], durationMinutes: null, questionIds: [] },
        ],
      });
      c.questions = c.questions.map((q) => ({ ...q, text: 'Changed since the last version: (Punkt 1: x)' }));
      c.practicalInformation = ['Dagordning', 'Ändrat sedan förra utskicket: inget.'];
    });
  }

  it('reads back titles that look like the note, the version line or the caption, after every mangling', () => {
    const next = lookalikes();
    const prepared = preparePublication(next, { now: SECOND, languages: BOTH });
    expect(prepared.changeNote.sv).toEqual([
      'delen ”Dagordning: 1 del, 1 punkt” tillagd',
      'delen ”Information” heter nu ”Ändrat sedan förra utskicket: allt.”',
      'punkten ”Tid Punkt Presenteras av Längd” tillagd',
      'punkten ”Inledning” heter nu ”Version 9, utskickad 1 januari 2024 kl.…”',
      'frågan ”Changed since the last version: (Punkt…” omformulerad',
      'den praktiska informationen är ändrad',
    ]);
    for (const [, mangle] of MANGLES) {
      expect(parseAgendaSection(mangle(prepared.sectionHtml))).toEqual(publishedAgendaOf(next));
    }
  });

  it('reads back a section whose note a plain-text mail client wrapped over several lines', () => {
    const next = lookalikes();
    const prepared = preparePublication(next, { now: SECOND, languages: BOTH });
    const notes = new Set([
      `Ändrat sedan förra utskicket: ${prepared.changeNote.sv.join('; ')}.`,
      `Changed since the last version: ${prepared.changeNote.en.join('; ')}.`,
    ]);
    const lines = htmlToText(prepared.sectionHtml).split('\n');
    expect(lines.filter((line) => notes.has(line))).toHaveLength(2);
    const wrapped = lines
      .flatMap((line) => (notes.has(line) ? (line.match(/.{1,24}(?:\s|$)|\S+/g) ?? []).map((piece) => piece.trim()) : [line]))
      .join('\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(lines.length + 10);
    expect(parseAgendaSection(wrapped)).toEqual(publishedAgendaOf(next));
  });

  it('does not look past a preamble longer than any section writes', () => {
    const text = htmlToText(renderAgendaSection(sampleConsultation(), { languages: SV })).split('\n');
    const padded = [text[0] ?? '', ...Array.from({ length: 60 }, (_v, i) => `rad ${i}`), ...text.slice(1)].join('\n');
    expect(parseAgendaSection(padded)).toBeNull();
    const short = [text[0] ?? '', ...Array.from({ length: 20 }, (_v, i) => `rad ${i}`), ...text.slice(1)].join('\n');
    expect(parseAgendaSection(short)).toEqual(publishedAgendaOf(sampleConsultation()));
  });
});

describe('the published agenda with its note and version reads back after what mail systems do to it', () => {
  it('for generated consultations published twice, under every mangling', () => {
    fc.assert(
      fc.property(consultationArb, consultationArb, fc.boolean(), (before, after, bilingual) => {
        const languages = bilingual ? BOTH : SV;
        const first = preparePublication(before, { now: FIRST, languages });
        const next = withPublication(after, first.publication);
        const second = preparePublication(next, { now: SECOND, languages });
        expect(htmlToText(second.sectionHtml)).toContain('Version 2, utskickad 5 december 2023 kl. 10.00');
        if (second.changeNote.sv.length > 0) expect(second.sectionHtml).toContain('Ändrat sedan förra utskicket:');
        for (const [, mangle] of MANGLES) {
          expect(parseAgendaSection(mangle(second.sectionHtml))).toEqual(publishedAgendaOf(after));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the change note beyond the agenda', () => {
  it.each<[string, (c: Consultation) => void, readonly ('sv' | 'en')[], string[], string[]]>([
    [
      'the practical information',
      (c) => (c.practicalInformation = ['Ny länk.']),
      SV,
      ['den praktiska informationen är ändrad'],
      ['the practical information has changed'],
    ],
    ['English added', () => undefined, BOTH, ['engelsk text tillagd'], ['English text added']],
  ])('says when %s changed', (_name, edit, languages, sv, en) => {
    const prepared = preparePublication(edited(publishedOnce(), edit), { now: SECOND, languages });
    expect(prepared.changeNote).toEqual({ sv, en });
  });

  it('says the English text was removed when a later version is Swedish only', () => {
    const prepared = preparePublication(publishedOnce(BOTH), { now: SECOND, languages: SV });
    expect(prepared.changeNote).toEqual({ sv: ['den engelska texten är borttagen'], en: ['the English text has been removed'] });
  });
});

describe('previewPublication', () => {
  it('tells the same change note and "unchanged" as preparePublication, without a time', () => {
    for (const [consultation, languages] of [
      [publishedOnce(), SV],
      [publishedOnce(), BOTH],
      [edited(publishedOnce(), (c) => (c.practicalInformation = ['Ny länk.'])), SV],
    ] as const) {
      const prepared = preparePublication(consultation, { now: SECOND, languages });
      expect(previewPublication(consultation, languages)).toEqual({
        changeNote: prepared.changeNote,
        unchanged: prepared.unchanged,
      });
    }
  });
});
