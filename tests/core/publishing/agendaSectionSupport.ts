/**
 * What mail systems do to an HTML body on its way to a participant, as pure functions over the rendered section,
 * and generators of hostile consultations for the round-trip property.
 */
import fc from 'fast-check';
import type { Consultation } from '../../../src/core/consultation/schema';
import { htmlToText, normalizeText } from '../../../src/core/publishing/htmlText';
import { sampleConsultation } from '../../support/consultations';

/** Applies `f` to the text between tags only (tags and comments untouched). */
function mapText(html: string, f: (text: string) => string): string {
  return html.replace(/(^|>)([^<]+)(?=<|$)/g, (_whole, open: string, text: string) => open + f(text));
}

/** Applies `f` to every tag. */
function mapTags(html: string, f: (tag: string) => string): string {
  return html.replace(/<[^<>]+>/g, f);
}

/** Outlook's Word engine: wrappers around everything, <p class=MsoNormal> in cells, <o:p>, fonts and spans. */
export function wrapInExtraElements(html: string): string {
  const inner = mapText(html, (text) => `<span style="font-size:11pt"><font face="Calibri">${text}</font></span>`)
    .replace(/<(td|th)(\s[^>]*)?>/gi, '<$1$2><p class=MsoNormal style="margin:0">')
    .replace(/<\/(td|th)>/gi, '<o:p></o:p></p></$1>')
    .replace(/<li>/gi, '<li><span>')
    .replace(/<\/li>/gi, '</span></li>');
  return `<div class=WordSection1><div><span lang=SV>${inner}</span></div></div>`;
}

/** Attributes dropped (class, style, lang, scope, colspan: all of them). */
export function stripAttributes(html: string): string {
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9:]*)[^>]*>/g, '<$1$2>');
}

/** Whitespace removed between tags and runs of it in text collapsed. */
export function collapseWhitespace(html: string): string {
  return mapText(html.replace(/>\s+</g, '><'), (text) => text.replace(/\s+/g, ' '));
}

/** Line breaks and indentation between tags, inside tags and in place of every space in text. */
export function expandWhitespace(html: string): string {
  const tagsSpread = mapTags(html, (tag) => tag.replace(/ (?=[a-zA-Z-]+=)/g, '\r\n    ').replace(/>$/, '\n>'));
  return mapText(tagsSpread.replace(/></g, '>\r\n\t  <'), (text) => text.replace(/ /g, ' \n  \t'));
}

const NAMED: Readonly<Record<string, string>> = { å: '&aring;', ä: '&auml;', ö: '&ouml;', Å: '&Aring;', '–': '&ndash;' };

/** Entities as another serialiser writes them: numeric for non-ASCII, names for Nordic letters, &nbsp; for spaces. */
export function reencodeEntities(html: string): string {
  return mapText(html, (text) => {
    const decoded = text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    let i = 0;
    return Array.from(decoded, (ch) => {
      i += 1;
      const code = ch.codePointAt(0) ?? 0;
      if (ch === '&') return '&#38;';
      if (ch === '<') return i % 2 === 0 ? '&#x3C;' : '&lt;';
      if (ch === '>') return '&#62;';
      if (ch === '"') return '&#34;';
      if (ch === "'") return '&apos;';
      if (ch === ' ') return i % 3 === 0 ? '&nbsp;' : ' ';
      const named = NAMED[ch];
      if (named !== undefined && i % 2 === 0) return named;
      if (code > 127) return i % 2 === 0 ? `&#${code};` : `&#x${code.toString(16).toUpperCase()};`;
      return ch;
    }).join('');
  });
}

/** Upper-case element and attribute names, as old Outlook and some gateways write them. */
export function uppercaseTags(html: string): string {
  return mapTags(html, (tag) =>
    tag
      .replace(/^<(\/?)([a-zA-Z0-9]+)/, (_m, slash: string, name: string) => `<${slash}${name.toUpperCase()}`)
      .replace(/ ([a-z-]+)=/g, (_m, name: string) => ` ${name.toUpperCase()}=`),
  );
}

/** <br> after block ends and at the edges of cells and list items. */
export function insertLineBreaks(html: string): string {
  return html
    .replace(/<\/(h2|h3|p|table|ol|div)>/gi, '</$1><br>')
    .replace(/<(td|th|li)(\s[^>]*)?>/gi, '<$1$2><br>')
    .replace(/<\/(td|th|li)>/gi, '<br/></$1>');
}

export const MANGLES: readonly (readonly [name: string, mangle: (html: string) => string])[] = [
  ['identity', (html) => html],
  ['wrapped in extra elements', wrapInExtraElements],
  ['attributes stripped', stripAttributes],
  ['whitespace collapsed', collapseWhitespace],
  ['whitespace expanded', expandWhitespace],
  ['entities re-encoded', reencodeEntities],
  ['tags upper-cased', uppercaseTags],
  ['<br> inserted', insertLineBreaks],
  ['plain text', htmlToText],
  [
    'all of them, then plain text',
    (html) =>
      htmlToText(insertLineBreaks(uppercaseTags(reencodeEntities(expandWhitespace(stripAttributes(wrapInExtraElements(html))))))),
  ],
  [
    'all of them',
    (html) => insertLineBreaks(uppercaseTags(reencodeEntities(expandWhitespace(stripAttributes(wrapInExtraElements(html)))))),
  ],
];

/** Safe for the schema (not blank) but hostile to a parser: separators, digits, "min", markup, entities, Nordic. */
const HOSTILE_PIECES = [
  'a',
  'b',
  'Z',
  'å',
  'Ä',
  'ö',
  'é',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  ':',
  ': ',
  '|',
  '<',
  '>',
  '&',
  '"',
  "'",
  '0',
  '1',
  '7',
  '9',
  ' min',
  'min',
  '–',
  '-',
  '(',
  ')',
  'Punkt 1: ',
  '(Item 2: ',
  'Del',
  'Agenda',
  '<b>',
  '&amp;',
  '&lt;',
  '&#229;',
  '<!--',
  '-->',
  '😀',
  '中',
  ';',
  '#',
  '.',
];

const hostileText = (pieces: readonly string[]): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''))
    .filter((s) => normalizeText(s) !== '');

export const titleArb = hostileText(HOSTILE_PIECES);
/** Presenters are joined with ", ", so a name must not contain a comma (a known limit of the format). */
export const presenterArb = hostileText(HOSTILE_PIECES.filter((p) => !p.includes(',')));

const itemArb = fc.record({
  title: titleArb,
  presenters: fc.array(presenterArb, { maxLength: 3 }),
  durationMinutes: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.constant(null)),
});
const partArb = fc.record({ title: titleArb, items: fc.array(itemArb, { maxLength: 6 }) });

/** A valid consultation with a generated agenda and questions (ids p1…, i1…, q1… in document order). */
export const consultationArb: fc.Arbitrary<Consultation> = fc
  .record({
    parts: fc.array(partArb, { minLength: 1, maxLength: 4 }),
    questions: fc.array(fc.record({ text: titleArb, link: fc.option(fc.nat(), { nil: null }) }), { maxLength: 5 }),
  })
  .map(({ parts, questions }) => {
    let n = 0;
    const agendaParts = parts.map((part, p) => ({
      id: `p${p + 1}`,
      title: part.title,
      items: part.items.map((item) => {
        n += 1;
        return { id: `i${n}`, ...item, questionIds: [] as string[] };
      }),
    }));
    const allItems = agendaParts.flatMap((part) => part.items);
    const qs = questions.map((q, k) => {
      const item = q.link === null || allItems.length === 0 ? undefined : allItems[q.link % allItems.length];
      item?.questionIds.push(`q${k + 1}`);
      return { id: `q${k + 1}`, number: k + 1, text: q.text, agendaItemId: item?.id ?? null };
    });
    return { ...sampleConsultation(), agenda: { parts: agendaParts }, questions: qs };
  });
