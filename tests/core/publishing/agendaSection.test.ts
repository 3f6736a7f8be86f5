import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import { consultationSchema } from '../../../src/core/consultation/schema';
import { parseAgendaSection, publishedAgendaOf, renderAgendaSection } from '../../../src/core/publishing/agendaSection';
import { extractSamradSection, replaceSamradSection } from '../../../src/core/publishing/bodySection';
import { decodeEntities, escapeHtml, htmlToText } from '../../../src/core/publishing/htmlText';
import { sampleConsultation } from '../../support/consultations';
import { consultationArb, MANGLES } from './agendaSectionSupport';

const SV = { languages: ['sv'] } as const;
const BOTH = { languages: ['sv', 'en'] } as const;

const SAMPLE_AGENDA = {
  parts: [
    { title: 'Information', items: [{ title: 'Inledning', presenters: ['Finansdepartementet'], durationMinutes: 15 }] },
    { title: 'Diskussion', items: [{ title: 'Fråga 1', presenters: [], durationMinutes: null }] },
  ],
  questions: [{ text: 'Vad tycker ni?', itemIndex: 1 }],
};

function firstOf<T>(items: readonly T[]): T {
  const [first] = items;
  if (first === undefined) throw new Error('expected at least one element');
  return first;
}

function withAgenda(change: (c: Consultation) => Partial<Consultation>): Consultation {
  const c = sampleConsultation();
  return { ...c, ...change(c) };
}

describe('renderAgendaSection', () => {
  it('writes the sample as heading, meeting time, a captioned table with column headers, and the questions', () => {
    const text = htmlToText(renderAgendaSection(sampleConsultation(), SV));
    expect(text.split('\n')).toEqual([
      'Dagordning',
      '12 december 2023 kl. 13.00–14.30',
      'Dagordning: 2 delar, 2 punkter',
      'Tid\tPunkt\tPresenteras av\tLängd',
      'Information',
      '13.00–13.15\tInformation: Inledning\tFinansdepartementet\t15 min',
      'Diskussion',
      '13.15\tDiskussion: Fråga 1\t\t–',
      'Diskussionsfrågor (1)',
      'Vad tycker ni? (Punkt 2: Diskussion: Fråga 1)',
    ]);
  });

  it('marks the table up for screen readers and styles inline only', () => {
    const html = renderAgendaSection(sampleConsultation(), SV);
    expect(html).toMatch(/^<div lang="sv" style="[^"]+"><h2 /);
    expect(html).toContain('<caption');
    expect(html.match(/<th scope="col"/g)).toHaveLength(4);
    expect(html).toContain('<th scope="rowgroup" colspan="4"');
    expect(html).toContain('<ol');
    expect(html).not.toMatch(/\bclass=|<style/);
  });

  it('writes an English block after the Swedish one, and the parser reads the first', () => {
    const html = renderAgendaSection(sampleConsultation(), BOTH);
    const text = htmlToText(html);
    expect(html).toContain('<div lang="en"');
    expect(text).toContain('12 December 2023, 13:00–14:30');
    expect(text).toContain('Time\tItem\tPresented by\tLength');
    expect(text).toContain('13:00–13:15\tInformation: Inledning\tFinansdepartementet\t15 min');
    expect(text).toContain('Discussion questions (1)\nVad tycker ni? (Item 2: Diskussion: Fråga 1)');
    expect(parseAgendaSection(html)).toEqual(SAMPLE_AGENDA);
    expect(parseAgendaSection(renderAgendaSection(sampleConsultation(), { languages: ['en'] }))).toEqual(SAMPLE_AGENDA);
  });

  it('leaves every later time unknown after an unknown duration', () => {
    const c = withAgenda(() => ({
      agenda: {
        parts: [
          {
            id: 'p1',
            title: 'Del',
            items: [
              { id: 'i1', title: 'A', presenters: [], durationMinutes: null, questionIds: [] },
              { id: 'i2', title: 'B', presenters: ['X', 'Y'], durationMinutes: 10, questionIds: [] },
            ],
          },
        ],
      },
      questions: [],
    }));
    const rows = htmlToText(renderAgendaSection(c, SV)).split('\n').slice(5);
    expect(rows).toEqual(['13.00\tDel: A\t\t–', '–\tDel: B\tX, Y\t10 min']);
    expect(parseAgendaSection(renderAgendaSection(c, SV))?.parts[0]?.items).toEqual([
      { title: 'A', presenters: [], durationMinutes: null },
      { title: 'B', presenters: ['X', 'Y'], durationMinutes: 10 },
    ]);
  });

  it('publishes an empty agenda as an empty table that reads back as empty', () => {
    const c = withAgenda(() => ({ agenda: { parts: [] }, questions: [] }));
    const html = renderAgendaSection(c, SV);
    expect(htmlToText(html)).toContain('Dagordning: 0 delar, 0 punkter\nTid\tPunkt\tPresenteras av\tLängd');
    expect(html).not.toContain('<ol');
    expect(parseAgendaSection(html)).toEqual({ parts: [], questions: [] });
  });

  it('writes markup in titles as inert text', () => {
    const c = withAgenda((s) => ({
      agenda: {
        parts: [{ ...firstOf(s.agenda.parts), title: '<script>alert("x")</script>' }],
      },
      questions: [],
      practicalInformation: ["Tom & Jerry's <img src=x onerror=alert(1)>"],
    }));
    const html = renderAgendaSection(c, SV);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry&#39;s &lt;img src=x onerror=alert(1)&gt;');
    expect(parseAgendaSection(html)?.parts[0]?.title).toBe('<script>alert("x")</script>');
    expect(htmlToText(html)).toContain("Praktisk information\nTom & Jerry's <img src=x onerror=alert(1)>");
  });

  it('normalises whitespace in what it publishes, and links only to items that exist', () => {
    const c = withAgenda((s) => ({
      agenda: { parts: [{ ...firstOf(s.agenda.parts), title: '  Två \t  mellanslag ' }] },
      questions: [{ id: 'q', text: 'Fråga\u00a0 här', agendaItemId: 'missing' }],
    }));
    expect(parseAgendaSection(renderAgendaSection(c, SV))).toEqual({
      parts: [{ title: 'Två mellanslag', items: firstOf(SAMPLE_AGENDA.parts).items }],
      questions: [{ text: 'Fråga här', itemIndex: null }],
    });
  });
});

describe('parseAgendaSection', () => {
  it('reads the sample back from the section inside a whole invitation body', () => {
    const body = replaceSamradSection(
      '<html><body><p>Välkomna!</p></body></html>',
      renderAgendaSection(sampleConsultation(), BOTH),
    );
    expect(parseAgendaSection(extractSamradSection(body) ?? '')).toEqual(SAMPLE_AGENDA);
    expect(parseAgendaSection(body)).toEqual(SAMPLE_AGENDA);
    expect(parseAgendaSection(htmlToText(body))).toEqual(SAMPLE_AGENDA);
  });

  it('skips an "Agenda" heading of the invitation itself that is not followed by a Samråd table', () => {
    const text = `Agenda\nVi börjar med kaffe.\n\n${htmlToText(renderAgendaSection(sampleConsultation(), SV))}`;
    expect(parseAgendaSection(text)).toEqual(SAMPLE_AGENDA);
  });

  it('does not take a question text that merely looks like a link for a link', () => {
    const c = withAgenda((s) => ({
      questions: [{ id: 'q', text: 'Se (Punkt 2: Diskussion: Fråga 2)', agendaItemId: null }],
      agenda: { parts: s.agenda.parts.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, questionIds: [] })) })) },
    }));
    expect(parseAgendaSection(renderAgendaSection(c, SV))?.questions).toEqual([
      { text: 'Se (Punkt 2: Diskussion: Fråga 2)', itemIndex: null },
    ]);
  });

  it('skips the change note and version line, and reads sections written before they existed', () => {
    const plain = htmlToText(renderAgendaSection(sampleConsultation(), SV));
    const withPreamble = htmlToText(
      renderAgendaSection(sampleConsultation(), {
        languages: ['sv'],
        changeNote: { sv: ['punkten ”Dagordning: 2 delar, 2 punkter” tillagd', 'Tid Punkt Presenteras av Längd'], en: [] },
        version: { number: 12, publishedAt: '2023-12-05T10:00:00+01:00' },
      }),
    );
    expect(withPreamble.split('\n').slice(0, 4)).toEqual([
      'Dagordning',
      'Ändrat sedan förra utskicket: punkten ”Dagordning: 2 delar, 2 punkter” tillagd; Tid Punkt Presenteras av Längd.',
      'Version 12, utskickad 5 december 2023 kl. 10.00',
      '12 december 2023 kl. 13.00–14.30',
    ]);
    expect(withPreamble.split('\n').slice(4)).toEqual(plain.split('\n').slice(2));
    expect(parseAgendaSection(withPreamble)).toEqual(SAMPLE_AGENDA);
    expect(parseAgendaSection(plain)).toEqual(SAMPLE_AGENDA);
  });

  it('takes a caption-looking preamble line for the caption only when the column headers follow it', () => {
    const text = htmlToText(renderAgendaSection(sampleConsultation(), SV)).split('\n');
    const fake = ['Dagordning', 'Dagordning: 1 del, 1 punkt', ...text.slice(1)].join('\n');
    expect(parseAgendaSection(fake)).toEqual(SAMPLE_AGENDA);
  });

  it.each([
    ['empty text', ''],
    ['an invitation without a section', '<p>Välkomna till samrådet.</p><p>Agenda</p><p>Dagordning</p>'],
    ['a heading with a caption but no table', 'Dagordning\n12 december\nDagordning: 1 del, 1 punkt\n'],
    [
      'a table with fewer rows than its caption says',
      'Dagordning\nx\nDagordning: 1 del, 2 punkter\nTid\tPunkt\tPresenteras av\tLängd\nA\n–\tA: b\t\t–',
    ],
    [
      'an item whose part is not the row above',
      'Dagordning\nx\nDagordning: 1 del, 1 punkt\nTid\tPunkt\tPresenteras av\tLängd\nA\n–\tB: b\t\t–',
    ],
    [
      'a preamble line with cells before the caption',
      'Dagordning\nx\ty\nDagordning: 1 del, 1 punkt\nTid\tPunkt\tPresenteras av\tLängd\nA\n–\tA: b\t\t–',
    ],
    [
      'a length that is not minutes',
      'Dagordning\nx\nDagordning: 1 del, 1 punkt\nTid\tPunkt\tPresenteras av\tLängd\nA\n–\tA: b\t\tlång',
    ],
  ])('returns null for %s', (_name, input) => {
    expect(parseAgendaSection(input)).toBeNull();
  });
});

describe('htmlToText', () => {
  it('turns blocks into lines, cells into tabs, and decodes entities once', () => {
    expect(
      htmlToText(
        '<DIV><P>Fr&#229;ga&nbsp;1\n  och &aring;tta</P><table><tr><TD>a<br>b</TD><td><p class=MsoNormal>c</p></td></tr></table>&amp;lt;</DIV>',
      ),
    ).toBe('Fråga 1 och åtta\na b\tc\n&lt;');
  });

  it('ignores comments, styles and head, and keeps a lone "<" as text', () => {
    expect(htmlToText('<head><style>p{}</style></head><!-- x --><p>a < b</p><script>x()</script>')).toBe('a < b');
  });

  it('escapes and decodes as inverses', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeEntities(escapeHtml(s)) === s));
  });
});

describe('the published agenda reads back after what mail systems do to it', () => {
  it.each(MANGLES)('%s', (_name, mangle) => {
    fc.assert(
      fc.property(consultationArb, fc.boolean(), (c, bilingual) => {
        expect(consultationSchema.safeParse(c).success).toBe(true);
        const html = renderAgendaSection(c, bilingual ? BOTH : SV);
        expect(parseAgendaSection(mangle(html))).toEqual(publishedAgendaOf(c));
      }),
      { numRuns: 60 },
    );
  });
});
