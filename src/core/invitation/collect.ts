/**
 * Sorting an invitation's logical lines into the consultation's fields: by the section a line stands in (after
 * "Bakgrund", "Dagordning" …) and by its shape (label, bullet, numbered line, programme row). Every line is
 * filed, and reported as written.
 */
import type { Commitment } from '../consultation/schema';
import type { SourceText } from './agenda';
import { findDates, findTimeRange } from './dates';
import type { LogicalLine } from './lines';
import type { TimeSource } from './meetingTime';
import { note, type ReportBuilder } from './report';
import type { LineShape } from './shapes';
import { headingKey, isClosing, type LabelKey, type SectionKey } from './vocabulary';

/** Where the text being read belongs: a known section, the lines before any heading, or after a letter's closing. */
type Section = SectionKey | 'title' | 'unknown' | 'closing';

export interface Collected {
  title: SourceText | null;
  description: string[];
  background: string[];
  purpose: string[];
  practical: string[];
  commitments: Commitment[];
  agendaLines: LogicalLine[];
  agendaTitle: string | null;
  questionLines: LogicalLine[];
  timeLabels: TimeSource[];
  placeValues: TimeSource[];
  registrationTexts: TimeSource[];
  deadlineTexts: TimeSource[];
  capacityTexts: TimeSource[];
  organiserTexts: TimeSource[];
  contactTexts: TimeSource[];
}

function emptyCollected(): Collected {
  return {
    title: null,
    description: [],
    background: [],
    purpose: [],
    practical: [],
    commitments: [],
    agendaLines: [],
    agendaTitle: null,
    questionLines: [],
    timeLabels: [],
    placeValues: [],
    registrationTexts: [],
    deadlineTexts: [],
    capacityTexts: [],
    organiserTexts: [],
    contactTexts: [],
  };
}

function paragraphTarget(section: Section, c: Collected): string[] {
  switch (section) {
    case 'background':
    case 'commitments':
      return c.background;
    case 'purpose':
      return c.purpose;
    case 'practical':
    case 'registration':
    case 'closing':
      return c.practical;
    default:
      return c.description;
  }
}

function fieldOf(section: Section): string {
  switch (section) {
    case 'agenda':
      return 'agenda';
    case 'questions':
      return 'questions';
    case 'background':
    case 'commitments':
      return 'background';
    case 'purpose':
      return 'purpose';
    case 'timeAndPlace':
      return 'start';
    case 'practical':
    case 'registration':
    case 'closing':
      return 'practicalInformation';
    default:
      return 'description';
  }
}

/** The consultation field a label's value feeds, for the report. */
const LABEL_FIELDS: Record<LabelKey, string> = {
  dateTime: 'start',
  place: 'location',
  registration: 'registration',
  deadline: 'registration.deadline',
  capacity: 'registration.capacity',
  organiser: 'organiser.department',
  contact: 'practicalInformation',
};

function labelTarget(key: LabelKey, c: Collected): TimeSource[] {
  switch (key) {
    case 'dateTime':
      return c.timeLabels;
    case 'place':
      return c.placeValues;
    case 'registration':
      return c.registrationTexts;
    case 'deadline':
      return c.deadlineTexts;
    case 'capacity':
      return c.capacityTexts;
    case 'organiser':
      return c.organiserTexts;
    case 'contact':
      return c.contactTexts;
  }
}

/** A short line that stands alone and does not end a sentence reads as a heading we do not know. */
function looksLikeUnknownHeading(line: LogicalLine, next: LogicalLine | undefined): boolean {
  return (
    line.shape.kind === 'text' &&
    next !== undefined &&
    next.shape.kind !== 'heading' &&
    line.text.split(' ').length <= 5 &&
    /^[A-ZÅÄÖ]/.test(line.text) &&
    !/[.!?;,:]$/.test(line.text) &&
    !/\d/.test(line.text)
  );
}

/** Files a label's value ("Plats: …", or the line under a lone "Plats") and reports the line as written. */
function takeLabel(key: LabelKey, label: string, value: string, line: LogicalLine, c: Collected, report: ReportBuilder): void {
  if (value !== '') labelTarget(key, c).push({ line: line.line, text: value });
  if (key === 'contact') {
    // Contact details are for the participants too: they stay in the practical information, as written.
    c.practical.push(line.text);
    report.keep('practicalInformation', line.line, line.text, note('Kontaktuppgift', 'Contact details'));
    return;
  }
  report.recognise(LABEL_FIELDS[key], line.line, line.text, note(`Uppgift "${label}"`, `Field "${label}"`));
}

function addCommitment(title: string, number: number, line: LogicalLine, c: Collected, report: ReportBuilder): void {
  c.commitments.push({
    id: `commitment-${c.commitments.length + 1}`,
    number: number > 0 ? number : c.commitments.length + 1,
    title,
  });
  report.recognise(`commitments[${c.commitments.length - 1}]`, line.line, line.text, note('Åtagande', 'Commitment'));
}

type LabelShape = Extract<LineShape, { kind: 'label' }>;

/**
 * Sorts the logical lines into the consultation's fields, line by line, by the section they stand in and by
 * their shape.
 */
class Collector {
  readonly c: Collected = emptyCollected();
  private section: Section = 'title';
  /** A label alone on its line ("Plats") takes the lines under it as its value, up to the next paragraph. */
  private pending: { key: LabelKey; label: string; taken: number } | null = null;

  constructor(private readonly report: ReportBuilder) {}

  read(line: LogicalLine, next: LogicalLine | undefined): void {
    if (this.takesPendingValue(line)) return;
    const { shape } = line;
    if (shape.kind === 'heading') this.heading(line, shape.section);
    else if (shape.kind === 'commitment') addCommitment(shape.content.trim(), shape.number, line, this.c, this.report);
    else if (shape.kind === 'label' && this.label(line, shape)) return;
    else if (!this.structured(line)) this.text(line, next);
  }

  private takesPendingValue(line: LogicalLine): boolean {
    const pending = this.pending;
    if (pending === null) return false;
    const { kind } = line.shape;
    // The first line under the label is its value whatever it looks like ("10:00 am – 12:00 pm" looks like a
    // programme row); further lines only while they continue the same paragraph as text.
    const first = pending.taken === 0 && kind !== 'heading' && kind !== 'label';
    if (!first && (kind !== 'text' || line.paragraphStart)) {
      this.pending = null;
      return false;
    }
    pending.taken += 1;
    takeLabel(pending.key, pending.label, line.text, line, this.c, this.report);
    return true;
  }

  private heading(line: LogicalLine, section: SectionKey): void {
    this.section = section;
    if (section === 'agenda') this.c.agendaTitle = line.text.replace(/:$/, '').trim();
    const field = section === 'commitments' ? 'commitments' : fieldOf(section);
    this.report.recognise(field, line.line, line.text, note('Rubrik', 'Heading'));
  }

  /** A known label files its value; "Syfte: …" opens a section. Says whether the line was used up. */
  private label(line: LogicalLine, shape: LabelShape): boolean {
    if (shape.key !== null) {
      takeLabel(shape.key, shape.label, shape.value, line, this.c, this.report);
      if (shape.value === '') this.pending = { key: shape.key, label: shape.label, taken: 0 };
      return true;
    }
    const section = headingKey(shape.label);
    if (section === undefined || shape.value === '') return false;
    // "Syfte: Genom samrådet …" is a heading and its first paragraph on one line.
    this.section = section;
    if (section === 'agenda') this.c.agendaTitle = shape.label;
    this.report.recognise(fieldOf(section), line.line, shape.label, note('Rubrik', 'Heading'));
    const rest: LogicalLine = { ...line, text: shape.value, shape: { kind: 'text' } };
    if (section === 'agenda') this.c.agendaLines.push(rest);
    else placeText(rest, section, this.c, this.report);
    return true;
  }

  /** The title, a closing, and the lines whose place the section decides. Says whether the line was used up. */
  private structured(line: LogicalLine): boolean {
    const { shape } = line;
    const { c, section } = this;
    if (section === 'title' && c.title === null && (shape.kind === 'text' || shape.kind === 'label')) {
      c.title = { text: line.text, line: line.line };
    } else if (shape.kind === 'text' && isClosing(line.text)) {
      // After "Varmt välkommen!" or "Med vänliga hälsningar" comes a signature: practical information.
      this.section = 'closing';
      placeText(line, this.section, c, this.report);
    } else if (shape.kind === 'timed' || shape.kind === 'part' || section === 'agenda') {
      c.agendaLines.push(line);
    } else if (section === 'questions' && (shape.kind === 'numbered' || shape.kind === 'bullet')) {
      c.questionLines.push(line);
    } else if (section === 'commitments' && (shape.kind === 'bullet' || shape.kind === 'numbered')) {
      addCommitment(shape.content.trim(), shape.kind === 'numbered' ? shape.number : 0, line, c, this.report);
    } else if (section === 'timeAndPlace') {
      const hasTime = findDates(line.text).length > 0 || findTimeRange(line.text) !== null;
      (hasTime ? c.timeLabels : c.placeValues).push({ line: line.line, text: line.text });
      this.report.recognise(hasTime ? 'start' : 'location', line.line, line.text, note('Tid och plats', 'Time and place'));
    } else return false;
    return true;
  }

  /** Running text: a paragraph of its section, or a heading the vocabulary does not know. */
  private text(line: LogicalLine, next: LogicalLine | undefined): void {
    if (this.section === 'registration') this.c.registrationTexts.push({ line: line.line, text: line.text });
    if (this.section !== 'closing' && looksLikeUnknownHeading(line, next)) {
      this.section = 'unknown';
      this.c.description.push(line.text);
      this.report.keep(
        'description',
        line.line,
        line.text,
        note(
          'Okänd rubrik; texten under den lades i beskrivningen',
          'Unknown heading; the text under it went into the description',
        ),
      );
      return;
    }
    placeText(line, this.section, this.c, this.report);
  }
}

export function collect(lines: readonly LogicalLine[], report: ReportBuilder): Collected {
  const collector = new Collector(report);
  lines.forEach((line, i) => {
    collector.read(line, lines[i + 1]);
  });
  return collector.c;
}

function placeText(line: LogicalLine, section: Section, c: Collected, report: ReportBuilder): void {
  const { shape } = line;
  const text =
    shape.kind === 'numbered'
      ? `${shape.number}) ${shape.content}`
      : shape.kind === 'bullet'
        ? `• ${shape.content}`
        : 'content' in shape
          ? shape.content
          : line.text;
  paragraphTarget(section, c).push(text);
  const field = fieldOf(section);
  if (shape.kind === 'label') {
    report.keep(field, line.line, line.text, note(`Okänd uppgift "${shape.label}"`, `Unknown field "${shape.label}"`));
  } else if (section === 'title' || section === 'unknown' || section === 'general') {
    report.keep(field, line.line, line.text, note('Text utan egen rubrik', 'Text without a heading of its own'));
  } else {
    report.keep(field, line.line, line.text, note('Stycke', 'Paragraph'));
  }
}
