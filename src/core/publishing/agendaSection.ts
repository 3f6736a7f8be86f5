/**
 * The published agenda: the HTML Samråd puts inside its section of the invitation body (bodySection.ts), and the
 * parser the Teams face uses to read it back from the participant's own copy (ADR 0002).
 *
 * The participant's copy has been through Exchange and mail clients, which keep the words but not the markup:
 * classes, styles and attributes go, tags are re-cased and re-wrapped, entities and whitespace change, and some
 * clients only give plain text. So the parser reads TEXT: every input goes through htmlToText (or is already
 * text), and the rendered words are designed to be read back unambiguously from lines and tab-separated cells:
 *
 *   Dagordning                                   heading of the language block
 *   Ändrat sedan förra utskicket: a; b.          change note, when there is one           ┐ the preamble:
 *   Version 2, utskickad <datum> kl. <tid>       which publication this is                │ lines without
 *   12 december 2023 kl. 13.00–14.30             meeting time (it comes from the event)   ┘ cells, not read back
 *   Dagordning: 2 delar, 2 punkter               table caption with the counts, so the table's end is known
 *   Tid⇥Punkt⇥Presenteras av⇥Längd               column headers
 *   Information                                  part row (one cell): the part's title
 *   13.00–13.15⇥Information: Inledning⇥FD⇥15 min item row (four cells); "Part: " is the known part title
 *   Diskussionsfrågor (1)                        heading with the count, so the list's end is known
 *   Vad tycker ni? (Punkt 2: Diskussion: Fråga 1)  a question, linked to item 2 by the exact label of item 2
 *
 * Titles and question texts may hold any characters (":", digits, "min", "(Punkt"); they are whitespace-
 * normalised when published so what is read back equals what was published. Counts and known part titles,
 * not punctuation, decide where things end. The preamble is skipped without being read: the table starts at the
 * first caption line that is followed by the column headers, and no preamble line can hold a cell (a tab) — so a
 * change note that quotes a title looking like a caption or a row, or a note a mail client wrapped onto several
 * lines, is never taken for part of the table, and sections published before the preamble had a note and a
 * version line read back as they did.
 */
import type { Agenda, Consultation, Publication } from '../consultation/schema';
import { computeTimePlan } from '../agenda';
import type { Language } from '../time/format';
import { formatClock, formatDate, formatMeetingTime } from '../time/format';
import { parseZonedIso, STOCKHOLM } from '../time/zonedTime';
import { escapeHtml, htmlToText, normalizeText } from './htmlText';

export interface ParsedAgendaItem {
  readonly title: string;
  readonly presenters: readonly string[];
  readonly durationMinutes: number | null;
}

export interface ParsedAgendaPart {
  readonly title: string;
  readonly items: readonly ParsedAgendaItem[];
}

export interface ParsedQuestion {
  readonly text: string;
  /** Flat index (0-based, document order over all parts) of the linked agenda item; null when not linked. */
  readonly itemIndex: number | null;
}

export interface ParsedAgenda {
  readonly parts: readonly ParsedAgendaPart[];
  readonly questions: readonly ParsedQuestion[];
}

/** What changed since the previous publication, one short line per change in each language. */
export type ChangeNote = Publication['changeNote'];

/** Which publication a section is, so attendees can tell two versions of the invitation apart. */
export interface SectionVersion {
  /** 1 for the first publication, one more for each later one. */
  readonly number: number;
  /** ISO 8601 with offset; shown as date and time in Stockholm time. */
  readonly publishedAt: string;
}

export interface AgendaSectionOptions {
  /** The language blocks, in order: ['sv'] or ['sv', 'en']. The parser reads the first. */
  readonly languages: readonly Language[];
  /** Shown right under each heading when it has lines ("Ändrat sedan förra utskicket: …"). */
  readonly changeNote?: ChangeNote;
  /** Shown as "Version N, utskickad <date and time>" under the heading (and the note). */
  readonly version?: SectionVersion;
}

interface Vocabulary {
  readonly heading: string;
  readonly time: string;
  readonly item: string;
  readonly presenters: string;
  readonly length: string;
  readonly questions: string;
  readonly practical: string;
  /** Starts the change note paragraph. */
  readonly changedSince: string;
  readonly version: (n: number, publishedAt: string) => string;
  /** Before a question's link: "(Punkt 3: …)". */
  readonly itemMarker: string;
  readonly parts: (n: number) => string;
  readonly items: (n: number) => string;
  readonly caption: RegExp;
  readonly questionsHeading: RegExp;
}

const WORDS: Readonly<Record<Language, Vocabulary>> = {
  sv: {
    heading: 'Dagordning',
    time: 'Tid',
    item: 'Punkt',
    presenters: 'Presenteras av',
    length: 'Längd',
    questions: 'Diskussionsfrågor',
    practical: 'Praktisk information',
    changedSince: 'Ändrat sedan förra utskicket:',
    version: (n, publishedAt) => `Version ${n}, utskickad ${publishedAt}`,
    itemMarker: 'Punkt',
    parts: (n) => `${n} ${n === 1 ? 'del' : 'delar'}`,
    items: (n) => `${n} ${n === 1 ? 'punkt' : 'punkter'}`,
    caption: /^Dagordning: (\d{1,4}) (?:del|delar), (\d{1,5}) (?:punkt|punkter)$/,
    questionsHeading: /^Diskussionsfrågor \((\d{1,5})\)$/,
  },
  en: {
    heading: 'Agenda',
    time: 'Time',
    item: 'Item',
    presenters: 'Presented by',
    length: 'Length',
    questions: 'Discussion questions',
    practical: 'Practical information',
    changedSince: 'Changed since the last version:',
    version: (n, publishedAt) => `Version ${n}, sent ${publishedAt}`,
    itemMarker: 'Item',
    parts: (n) => `${n} ${n === 1 ? 'part' : 'parts'}`,
    items: (n) => `${n} ${n === 1 ? 'item' : 'items'}`,
    caption: /^Agenda: (\d{1,4}) parts?, (\d{1,5}) items?$/,
    questionsHeading: /^Discussion questions \((\d{1,5})\)$/,
  },
};

const LANGUAGES: readonly Language[] = ['sv', 'en'];
const UNKNOWN = '–';
const PRESENTER_SEPARATOR = ', ';

// Inline styles only: mail clients drop <style> blocks and classes. Nothing depends on them being kept.
const STYLE = {
  block: 'font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#242424;margin:0 0 16px 0',
  heading: 'font-size:20px;font-weight:600;margin:16px 0 4px 0',
  subheading: 'font-size:16px;font-weight:600;margin:16px 0 4px 0',
  paragraph: 'margin:0 0 8px 0',
  // #616161 on white is about 6:1, above WCAG AA's 4.5:1 for body text.
  version: 'margin:0 0 8px 0;color:#616161',
  table: 'border-collapse:collapse;margin:8px 0',
  caption: 'text-align:left;font-weight:600;padding:4px 0',
  columnHeader: 'text-align:left;padding:4px 8px;border-bottom:2px solid #616161',
  partHeader: 'text-align:left;padding:8px 8px 4px 8px;background-color:#f5f5f5',
  cell: 'padding:4px 8px;border-bottom:1px solid #d1d1d1;vertical-align:top',
  timeCell: 'padding:4px 8px;border-bottom:1px solid #d1d1d1;vertical-align:top;white-space:nowrap',
  list: 'margin:0 0 8px 0;padding-left:24px',
} as const;

const itemLabel = (partTitle: string, itemTitle: string): string => `${partTitle}: ${itemTitle}`;
const durationText = (minutes: number | null): string => (minutes === null ? UNKNOWN : `${minutes} min`);

/** What the section is made of: the agenda and questions of a consultation or of an earlier publication. */
export type PublishedContent = Pick<Consultation, 'agenda' | 'questions'>;

/** The agenda and questions as published: whitespace-normalised, items numbered in document order. */
function publishedAgenda(consultation: PublishedContent): ParsedAgenda & { readonly itemIds: readonly string[] } {
  const itemIds: string[] = [];
  const parts = consultation.agenda.parts.map((part) => ({
    title: normalizeText(part.title),
    items: part.items.map((item) => {
      itemIds.push(item.id);
      return {
        title: normalizeText(item.title),
        presenters: item.presenters.map(normalizeText).filter((p) => p !== ''),
        durationMinutes: item.durationMinutes,
      };
    }),
  }));
  const questions = consultation.questions.map((q) => {
    const index = q.agendaItemId === null ? -1 : itemIds.indexOf(q.agendaItemId);
    return { text: normalizeText(q.text), itemIndex: index < 0 ? null : index };
  });
  return { parts, questions, itemIds };
}

/**
 * What renderAgendaSection publishes, in the shape parseAgendaSection returns: the expected result of reading the
 * section back (tests and the organiser's "what participants will see" check compare against it).
 */
export function publishedAgendaOf(consultation: PublishedContent): ParsedAgenda {
  const { parts, questions } = publishedAgenda(consultation);
  return { parts, questions };
}

/** "Ändrat sedan förra utskicket: a; b." — one paragraph, so it stays one line of text whatever a mail system does. */
function changeNoteHtml(lines: readonly string[], w: Vocabulary): string {
  const texts = lines.map(normalizeText).filter((line) => line !== '');
  if (texts.length === 0) return '';
  return `<p style="${STYLE.paragraph}"><strong>${escapeHtml(w.changedSince)}</strong> ${escapeHtml(`${texts.join('; ')}.`)}</p>`;
}

function versionHtml(version: SectionVersion, language: Language, w: Vocabulary): string {
  // The publication time is the organiser's "now", shown in Stockholm time like every time Samråd shows.
  const instant = parseZonedIso(version.publishedAt);
  const joiner = language === 'sv' ? ' kl. ' : ', ';
  const when = `${formatDate(instant, STOCKHOLM, language)}${joiner}${formatClock(instant, STOCKHOLM, language)}`;
  return `<p style="${STYLE.version}">${escapeHtml(w.version(version.number, when))}</p>`;
}

/**
 * The agenda section's inner HTML (what replaceSamradSection wraps): one `<div lang>` block per language with
 * the heading, the change note and version line when given, the meeting time, the agenda table, the discussion
 * questions and the practical information.
 */
export function renderAgendaSection(consultation: Consultation, options: AgendaSectionOptions): string {
  const plan = computeTimePlan(consultation);
  const published = publishedAgenda(consultation);
  const labels = published.parts.flatMap((part) => part.items.map((item) => itemLabel(part.title, item.title)));
  const practical = consultation.practicalInformation.map(normalizeText).filter((p) => p !== '');
  const { changeNote, version } = options;

  return options.languages
    .map((language) => {
      const w = WORDS[language];
      const clock = (instant: number): string => formatClock(instant, plan.timeZone, language);
      const timeText = (index: number): string => {
        const planned = plan.items[index];
        if (planned?.start == null) return UNKNOWN;
        return planned.end === null ? clock(planned.start) : `${clock(planned.start)}–${clock(planned.end)}`;
      };
      const cell = (text: string, style: string = STYLE.cell): string => `<td style="${style}">${escapeHtml(text)}</td>`;

      let flat = 0;
      const bodies = published.parts.map((part) => {
        const rows = part.items.map((item) => {
          const index = flat;
          flat += 1;
          return (
            '<tr>' +
            cell(timeText(index), STYLE.timeCell) +
            cell(itemLabel(part.title, item.title)) +
            cell(item.presenters.join(PRESENTER_SEPARATOR)) +
            cell(durationText(item.durationMinutes)) +
            '</tr>'
          );
        });
        const partRow = `<tr><th scope="rowgroup" colspan="4" style="${STYLE.partHeader}">${escapeHtml(part.title)}</th></tr>`;
        return `<tbody>${partRow}${rows.join('')}</tbody>`;
      });
      const header = [w.time, w.item, w.presenters, w.length]
        .map((h) => `<th scope="col" style="${STYLE.columnHeader}">${escapeHtml(h)}</th>`)
        .join('');
      const caption = `${w.heading}: ${w.parts(published.parts.length)}, ${w.items(labels.length)}`;
      const table =
        `<table style="${STYLE.table}"><caption style="${STYLE.caption}">${escapeHtml(caption)}</caption>` +
        `<thead><tr>${header}</tr></thead>${bodies.join('')}</table>`;

      const questions =
        published.questions.length === 0
          ? ''
          : `<h3 style="${STYLE.subheading}">${escapeHtml(`${w.questions} (${published.questions.length})`)}</h3>` +
            `<ol style="${STYLE.list}">` +
            published.questions
              .map((q) => {
                const label = q.itemIndex === null ? undefined : labels[q.itemIndex];
                const link = q.itemIndex === null || label === undefined ? '' : ` (${w.itemMarker} ${q.itemIndex + 1}: ${label})`;
                return `<li>${escapeHtml(q.text + link)}</li>`;
              })
              .join('') +
            '</ol>';

      const practicalHtml =
        practical.length === 0
          ? ''
          : `<h3 style="${STYLE.subheading}">${escapeHtml(w.practical)}</h3>` +
            practical.map((p) => `<p style="${STYLE.paragraph}">${escapeHtml(p)}</p>`).join('');

      return (
        `<div lang="${language}" style="${STYLE.block}">` +
        `<h2 style="${STYLE.heading}">${escapeHtml(w.heading)}</h2>` +
        (changeNote === undefined ? '' : changeNoteHtml(changeNote[language], w)) +
        (version === undefined ? '' : versionHtml(version, language, w)) +
        `<p style="${STYLE.paragraph}">${escapeHtml(formatMeetingTime(plan.start, plan.end, plan.timeZone, language))}</p>` +
        table +
        questions +
        practicalHtml +
        '</div>'
      );
    })
    .join('');
}

type Line = readonly string[];

/** Non-blank lines as normalised cells. */
function linesOf(text: string): Line[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => line.split('\t').map(normalizeText))
    .filter((cells) => cells.length > 1 || cells[0] !== '');
}

const single = (line: Line | undefined): string | null => (line?.length === 1 ? (line[0] ?? null) : null);

function parseDuration(cell: string): number | null | undefined {
  if (cell === UNKNOWN) return null;
  const m = /^(\d{1,4}) min$/.exec(cell);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/**
 * How many lines the preamble between the heading and the caption may have: note, version and meeting time take
 * three, and the rest is room for a note a plain-text mail client wrapped at its line length.
 */
const MAX_PREAMBLE_LINES = 40;

/**
 * The caption line of the block whose heading is at `at`: the first line after it that reads as the caption and is
 * followed by the column headers. Only lines without cells may come before it (the preamble has none), so the
 * search never runs into another block's table.
 */
function captionAfter(lines: readonly Line[], at: number, w: Vocabulary): { at: number; counts: RegExpExecArray } | null {
  const header = [w.time, w.item, w.presenters, w.length].join('\t');
  for (let line = at + 1; line <= at + 1 + MAX_PREAMBLE_LINES; line += 1) {
    const text = single(lines[line]);
    if (text === null) return null;
    const counts = w.caption.exec(text);
    if (counts !== null && lines[line + 1]?.join('\t') === header) return { at: line, counts };
  }
  return null;
}

/** The agenda block starting at a heading line, or null when the lines after it are not one. */
function parseBlockAt(lines: readonly Line[], at: number, w: Vocabulary): ParsedAgenda | null {
  // at: heading; then the preamble (change note, version, meeting time: not read back); the caption; the headers.
  const caption = captionAfter(lines, at, w);
  if (caption === null) return null;
  const partCount = Number(caption.counts[1]);
  const itemCount = Number(caption.counts[2]);

  const parts: { title: string; items: ParsedAgendaItem[] }[] = [];
  const labels: string[] = [];
  let next = caption.at + 2;
  while (parts.length < partCount || labels.length < itemCount) {
    const line = lines[next];
    next += 1;
    if (line === undefined) return null;
    if (line.length === 1) {
      if (parts.length === partCount) return null;
      parts.push({ title: line[0] ?? '', items: [] });
      continue;
    }
    const part = parts.at(-1);
    const [, itemCell = '', presentersCell = '', lengthCell = ''] = line;
    const prefix = part === undefined ? '' : `${part.title}: `;
    const durationMinutes = parseDuration(lengthCell);
    if (part === undefined || line.length !== 4 || labels.length === itemCount) return null;
    if (!itemCell.startsWith(prefix) || durationMinutes === undefined) return null;
    const title = itemCell.slice(prefix.length);
    if (title === '') return null;
    part.items.push({
      title,
      presenters: presentersCell === '' ? [] : presentersCell.split(PRESENTER_SEPARATOR),
      durationMinutes,
    });
    labels.push(itemCell);
  }

  const questionCount = Number(w.questionsHeading.exec(single(lines[next]) ?? '')?.[1] ?? 0);
  const questions: ParsedQuestion[] = [];
  for (let q = 0; q < questionCount; q += 1) {
    const line = single(lines[next + 1 + q]);
    if (line === null) return null;
    questions.push(parseQuestion(line, labels, w));
  }
  return { parts, questions };
}

/**
 * A question line: its text, then " (Punkt n: <label of item n>)" when linked. The label must be item n's exact
 * label, so a question whose own text merely contains "(Punkt 2: …" is not mistaken for a link. Where several
 * suffixes fit (a label that itself ends like another link), the longest — the earliest link — is taken.
 */
function parseQuestion(line: string, labels: readonly string[], w: Vocabulary): ParsedQuestion {
  let best: ParsedQuestion = { text: line, itemIndex: null };
  labels.forEach((label, index) => {
    const suffix = ` (${w.itemMarker} ${index + 1}: ${label})`;
    if (line.length > suffix.length && line.endsWith(suffix)) {
      const text = line.slice(0, line.length - suffix.length).trim();
      if (text !== '' && text.length < best.text.length) best = { text, itemIndex: index };
    }
  });
  return best;
}

function parseLines(text: string): ParsedAgenda | null {
  const lines = linesOf(text);
  for (let at = 0; at < lines.length; at += 1) {
    const heading = single(lines[at]);
    for (const language of LANGUAGES) {
      const w = WORDS[language];
      if (heading !== w.heading) continue;
      const parsed = parseBlockAt(lines, at, w);
      if (parsed !== null) return parsed;
    }
  }
  return null;
}

/**
 * Reads the first language block of a published agenda back, from the section's HTML (as rendered or as mail
 * systems rewrote it) or from its plain-text conversion; null when the input holds no Samråd agenda.
 *
 * Plain text is tried as it is first: htmlToText is not idempotent on text that mentions tags or entities (a
 * title "<b>" or "&amp;" in a text body), and rendered HTML can never pass as text (its header row would need
 * tabs between cells and no tags). Otherwise the input is HTML and is read through htmlToText.
 */
export function parseAgendaSection(sectionHtmlOrText: string): ParsedAgenda | null {
  return parseLines(sectionHtmlOrText) ?? parseLines(htmlToText(sectionHtmlOrText));
}

/**
 * A parsed published agenda as a core Agenda (ids generated in document order), so the time plan can be computed
 * from a participant's own invitation exactly as from the organiser's document.
 */
export function agendaOfParsed(parsed: ParsedAgenda): Agenda {
  let item = 0;
  return {
    parts: parsed.parts.map((part, p) => ({
      id: `part-${p + 1}`,
      title: part.title,
      items: part.items.map((i) => {
        item += 1;
        return {
          id: `item-${item}`,
          title: i.title,
          presenters: [...i.presenters],
          durationMinutes: i.durationMinutes,
          questionIds: [],
        };
      }),
    })),
  };
}
