/**
 * Builds the agenda (parts → items) and the discussion questions from the lines of an invitation's programme
 * section. Invitations write programmes in several ways, all handled by shape, not by wording:
 *   - bullets as parts, with prose or numbered questions under each ("➢ Information" + text; "➢ Diskussion" + 1) 2) 3));
 *   - a list of bullets, or of numbered lines, with nothing under them: the items of one part;
 *   - timed rows ("13.00–13.15 Inledning", or "13.00 Inledning" lasting until the next row), optionally under
 *     "Del 1: …" parts;
 *   - rows with durations ("Inledning (15 min)").
 * Durations come only from the text (a time range, the next row's start, the meeting's stated end, or
 * "(15 min)"): never invented.
 */
import type { AgendaItem, AgendaPart, DiscussionQuestion } from '../consultation/schema';
import { extractDuration, minutesBetween } from './dates';
import type { LogicalLine } from './lines';
import { findOrganisations } from './organisations';
import type { ReportBuilder } from './report';
import type { ClockTime, LineShape } from './shapes';
import { isDiscussionTitle } from './vocabulary';

interface DraftItem {
  title: string;
  description: string[];
  presenters: string[];
  durationMinutes: number | null;
  start: ClockTime | null;
  end: ClockTime | null;
  questions: DraftQuestion[];
  line: number;
  /** The programme line as written, for the review report (it holds what the title leaves out: times, "(15 min)"). */
  source: string;
  /** row: a line of the programme; prose: a part told in text; question: one item per listed question. */
  origin: 'row' | 'prose' | 'question';
}

interface DraftPart {
  title: string;
  description: string[];
  items: DraftItem[];
  line: number;
  /** The line that opened the part as written ("Del 1: Information", "➢ Diskussion"), for the review report. */
  source: string;
  /** The row read last, which the questions listed under it belong to. */
  lastRow: DraftItem | null;
}

export interface DraftQuestion {
  readonly number: number;
  readonly text: string;
  readonly line: number;
  readonly source: string;
  part: DraftPart | null;
  host: DraftItem | null;
}

export interface SourceText {
  readonly line: number;
  readonly text: string;
}

export interface AgendaDraft {
  readonly parts: DraftPart[];
  readonly questions: DraftQuestion[];
  /** Clock times of the first and last timed rows, which can stand in for a missing meeting time. */
  readonly firstStart: ClockTime | null;
  readonly lastEnd: ClockTime | null;
  /** Agenda text that belongs to no part (an introduction such as "Samrådet är uppdelat i två delar."). */
  readonly introduction: SourceText[];
}

export interface BuiltAgenda {
  readonly parts: AgendaPart[];
  readonly questions: DiscussionQuestion[];
}

const MAX_PART_TITLE_WORDS = 8;

function stripEndPunctuation(text: string): string {
  const stripped = text.replace(/[\s.:;,]+$/, '').trim();
  // A title of nothing but punctuation stays as written rather than becoming empty.
  return stripped === '' ? text.trim() : stripped;
}

/** "OGP-processen – Finansdepartementet" → title "OGP-processen", presenters ["Finansdepartementet"]. */
function splitPresenters(content: string): { title: string; presenters: string[] } {
  const organisations = findOrganisations(content);
  const first = organisations[0];
  if (first === undefined) return { title: stripEndPunctuation(content), presenters: [] };
  const head = content.slice(0, first.index);
  const separated = /(?:\s[-–—]\s|[,:(]|\s(?:med|with|by|av))\s{0,3}$/i.exec(head);
  const title =
    separated !== null && separated.index > 0
      ? stripEndPunctuation(head.slice(0, separated.index))
      : stripEndPunctuation(content);
  return { title, presenters: organisations.map((o) => o.name) };
}

function itemFrom(content: string, line: LogicalLine): DraftItem {
  const { shape } = line;
  const { text, minutes } = extractDuration(content);
  const { title, presenters } = splitPresenters(text === '' ? content : text);
  const start = shape.kind === 'timed' ? shape.start : null;
  const end = shape.kind === 'timed' ? shape.end : null;
  const fromRange = start !== null && end !== null ? minutesBetween(start, end) : null;
  return {
    title,
    description: [],
    presenters,
    durationMinutes: fromRange !== null && fromRange >= 0 ? fromRange : minutes,
    start,
    end,
    questions: [],
    line: line.line,
    source: line.text,
    origin: 'row',
  };
}

function contentOf(shape: LineShape, text: string): string {
  return 'content' in shape ? shape.content : text;
}

function hasDuration(text: string): boolean {
  return extractDuration(text).minutes !== null;
}

function isTimedOrDurationBullet(line: LogicalLine): boolean {
  if (line.shape.kind === 'timed') return true;
  return line.shape.kind === 'bullet' && hasDuration(line.shape.content);
}

/** Bullets are parts when some bullet has text or questions under it; otherwise they are the items of one part. */
function bulletsArePartHeads(lines: readonly LogicalLine[]): boolean {
  for (let i = 0; i < lines.length; i += 1) {
    const here = lines[i];
    const next = lines[i + 1];
    if (here?.shape.kind !== 'bullet' || isTimedOrDurationBullet(here)) continue;
    if (next !== undefined && (next.shape.kind === 'text' || next.shape.kind === 'numbered')) {
      if (here.shape.content.split(/\s+/).length <= MAX_PART_TITLE_WORDS) return true;
    }
  }
  return false;
}

/** Reads the programme section's lines into draft parts, items and the questions listed among them. */
export function readAgenda(lines: readonly LogicalLine[], sectionTitle: string): AgendaDraft {
  const parts: DraftPart[] = [];
  const questions: DraftQuestion[] = [];
  const introduction: SourceText[] = [];
  const bulletsAreParts = bulletsArePartHeads(lines);
  // Held in an object because the helpers below move it; TypeScript does not follow closures' writes.
  const state: { current: DraftPart | null; numberedRows: boolean } = { current: null, numberedRows: false };

  const newPart = (title: string, line: number, source: string): void => {
    state.current = { title: stripEndPunctuation(title), description: [], items: [], line, source, lastRow: null };
    state.numberedRows = false;
    parts.push(state.current);
  };
  const addRow = (content: string, line: LogicalLine): void => {
    if (state.current === null) newPart(sectionTitle, line.line, sectionTitle);
    const part = state.current;
    if (part === null) return;
    const item = itemFrom(content, line);
    part.items.push(item);
    part.lastRow = item;
  };

  for (const line of lines) {
    const { shape } = line;
    switch (shape.kind) {
      case 'part':
        newPart(shape.content, line.line, line.text);
        break;
      case 'timed':
        state.numberedRows = false;
        addRow(shape.content, line);
        break;
      case 'bullet':
        if (bulletsAreParts && !isTimedOrDurationBullet(line)) newPart(shape.content, line.line, line.text);
        else addRow(shape.content, line);
        break;
      case 'numbered':
        // A numbered list that opens the programme is its rows ("1. Inledning"); under a part or a row, the
        // numbered lines are the questions taken up there. "Fråga 1:" is a question wherever it stands.
        if (!shape.asked && (state.current === null || state.numberedRows)) {
          addRow(shape.content, line);
          state.numberedRows = true;
        } else {
          const part = state.current;
          questions.push({
            number: shape.number,
            text: shape.content.trim(),
            line: line.line,
            source: line.text,
            part,
            host: part?.lastRow ?? null,
          });
        }
        break;
      default: {
        const text = contentOf(shape, line.text);
        if (hasDuration(text)) {
          // "Inledning (15 min)" is a row even without a bullet or a time in front.
          addRow(text, line);
          break;
        }
        const part = state.current;
        if (part === null) introduction.push({ line: line.line, text });
        // Text right after a row describes it ("13.15 Presentation" + "Statskontoret berättar om …").
        else if (part.lastRow !== null) part.lastRow.description.push(text);
        else part.description.push(text);
      }
    }
  }

  const timed = parts.flatMap((p) => p.items).filter((i) => i.start !== null);
  const lastTimed = timed[timed.length - 1];
  return { parts, questions, firstStart: timed[0]?.start ?? null, lastEnd: lastTimed?.end ?? null, introduction };
}

/** The questions of a section of their own ("Diskussionsfrågor"): numbered lines and bullets, in order. */
export function readQuestions(lines: readonly LogicalLine[]): DraftQuestion[] {
  const questions: DraftQuestion[] = [];
  for (const line of lines) {
    const { shape } = line;
    if (shape.kind !== 'numbered' && shape.kind !== 'bullet') continue;
    // Bulleted questions are numbered in order of appearance.
    const number = shape.kind === 'numbered' ? shape.number : questions.length + 1;
    questions.push({ number, text: shape.content.trim(), line: line.line, source: line.text, part: null, host: null });
  }
  return questions;
}

/**
 * Finishes the draft agenda once the meeting's time is known: questions listed apart join the discussion,
 * durations are derived where the text allows, and ids link items and questions both ways.
 */
export function completeAgenda(
  draft: AgendaDraft,
  separateQuestions: readonly DraftQuestion[],
  meetingEnd: ClockTime | null,
  report: ReportBuilder,
): BuiltAgenda {
  const { parts } = draft;
  const questions = [...draft.questions, ...separateQuestions];
  fillDurationsFromNextStart(parts);
  fillLastDurationFromMeetingEnd(parts, meetingEnd, report);
  attachQuestions(parts, questions);
  for (const part of parts) {
    if (part.items.length === 0) {
      // A part told in prose is one item: its presenters are the organisations its text names.
      const prose = part.description.join(' ');
      part.items.push({
        title: part.title,
        description: [...part.description],
        presenters: findOrganisations(prose).map((o) => o.name),
        durationMinutes: null,
        start: null,
        end: null,
        questions: [],
        line: part.line,
        source: part.title,
        origin: 'prose',
      });
      part.description = [];
    }
  }
  const built = toDocument(parts, questions);
  reportAgenda(parts, questions, built, report);
  return built;
}

function rowsInOrder(parts: readonly DraftPart[]): DraftItem[] {
  return parts.flatMap((p) => p.items).filter((i) => i.origin === 'row');
}

/** A timed row without an end lasts until the next row starts. */
function fillDurationsFromNextStart(parts: readonly DraftPart[]): void {
  const rows = rowsInOrder(parts);
  rows.forEach((item, i) => {
    const next = rows[i + 1];
    if (item.durationMinutes !== null || item.start === null || next?.start == null) return;
    const minutes = minutesBetween(item.start, next.start);
    if (minutes >= 0) item.durationMinutes = minutes;
  });
}

/** The last timed row, written without an end, lasts until the meeting ends — when the text says when that is. */
function fillLastDurationFromMeetingEnd(parts: readonly DraftPart[], meetingEnd: ClockTime | null, report: ReportBuilder): void {
  const rows = rowsInOrder(parts);
  const last = rows[rows.length - 1];
  if (meetingEnd === null || last?.start == null || last.durationMinutes !== null) return;
  const minutes = minutesBetween(last.start, meetingEnd);
  if (minutes < 0) return;
  last.durationMinutes = minutes;
  report.recognise('agenda', last.line, last.source, {
    sv: `Sista punkten varar tills mötet slutar (${minutes} min)`,
    en: `The last item lasts until the meeting ends (${minutes} min)`,
  });
}

type DiscussionHost = { readonly item: DraftItem } | { readonly part: DraftPart } | null;

/**
 * Where questions listed apart are discussed: the one row titled as a discussion, else the one part so titled
 * (its single row, or the part itself when it is told in prose). Anything less clear-cut is left for a human.
 */
function discussionHost(parts: readonly DraftPart[]): DiscussionHost {
  const rows = rowsInOrder(parts).filter((i) => isDiscussionTitle(i.title));
  const [onlyRow] = rows;
  if (rows.length === 1 && onlyRow !== undefined) return { item: onlyRow };
  if (rows.length > 1) return null;
  const discussionParts = parts.filter((p) => isDiscussionTitle(p.title));
  const [part] = discussionParts;
  if (discussionParts.length !== 1 || part === undefined) return null;
  const partRows = part.items.filter((i) => i.origin === 'row');
  const [partRow] = partRows;
  if (partRows.length === 1 && partRow !== undefined) return { item: partRow };
  return partRows.length === 0 ? { part } : null;
}

/**
 * A question belongs to the row it is listed under ("14.00 Diskussion" + 1) 2) 3)). Listed under a part with
 * no rows, each question becomes an item of its own. Questions listed outside any part go to the discussion.
 */
function attachQuestions(parts: readonly DraftPart[], questions: readonly DraftQuestion[]): void {
  const host = discussionHost(parts);
  for (const q of questions) {
    if (q.host === null && q.part === null && host !== null) {
      if ('item' in host) q.host = host.item;
      else q.part = host.part;
    }
    if (q.host !== null) {
      q.host.questions.push(q);
      continue;
    }
    q.part?.items.push({
      title: stripEndPunctuation(q.text),
      description: [],
      presenters: [],
      durationMinutes: null,
      start: null,
      end: null,
      questions: [q],
      line: q.line,
      source: q.source,
      origin: 'question',
    });
  }
}

function toDocument(parts: readonly DraftPart[], questions: readonly DraftQuestion[]): BuiltAgenda {
  let itemCounter = 0;
  const questionIds = new Map<DraftQuestion, string>();
  questions.forEach((q, i) => questionIds.set(q, `question-${i + 1}`));
  const itemOfQuestion = new Map<DraftQuestion, string>();

  const documentParts: AgendaPart[] = parts.map((part, p) => {
    const items: AgendaItem[] = part.items.map((item) => {
      itemCounter += 1;
      const id = `item-${itemCounter}`;
      for (const q of item.questions) itemOfQuestion.set(q, id);
      const description = item.description.join(' ').trim();
      return {
        id,
        title: item.title,
        ...(description === '' ? {} : { description }),
        presenters: item.presenters,
        durationMinutes: item.durationMinutes,
        questionIds: item.questions.map((q) => questionIds.get(q) ?? ''),
      };
    });
    const description = part.description.join(' ').trim();
    return { id: `part-${p + 1}`, title: part.title, ...(description === '' ? {} : { description }), items };
  });

  const documentQuestions: DiscussionQuestion[] = questions.map((q) => ({
    id: questionIds.get(q) ?? '',
    ...(q.number > 0 ? { number: q.number } : {}),
    text: q.text,
    agendaItemId: itemOfQuestion.get(q) ?? null,
  }));
  return { parts: documentParts, questions: documentQuestions };
}

/** Every part, programme row and question in the report, each with the line as written. */
function reportAgenda(
  parts: readonly DraftPart[],
  questions: readonly DraftQuestion[],
  built: BuiltAgenda,
  report: ReportBuilder,
): void {
  parts.forEach((part, p) => {
    const n = part.items.length;
    report.recognise(`agenda.parts[${p}]`, part.line, part.source, {
      sv: `Del med ${n} punkt${n === 1 ? '' : 'er'}`,
      en: `Part with ${n} item${n === 1 ? '' : 's'}`,
    });
    part.items.forEach((item, i) => {
      if (item.origin !== 'row') return;
      const length = item.durationMinutes === null ? '' : ` (${item.durationMinutes} min)`;
      report.recognise(`agenda.parts[${p}].items[${i}]`, item.line, item.source, {
        sv: `Programpunkt${length}`,
        en: `Agenda item${length}`,
      });
    });
  });
  questions.forEach((q, i) => {
    report.recognise(`questions[${i}]`, q.line, q.source, { sv: 'Diskussionsfråga', en: 'Discussion question' });
    if (built.questions[i]?.agendaItemId === null) {
      report.review(`questions[${i}]`, q.line, q.text, {
        sv: 'Frågan hör inte till någon punkt på dagordningen',
        en: 'The question belongs to no agenda item',
      });
    }
  });
}
