/**
 * Invitation import: from the plain text of a consultation invitation (Swedish or English, as written by a
 * ministry, often copied out of a PDF) to a draft consultation and a review report. It reads the genre — its
 * headings, "Label: value" lines, bullets, numbered questions, commitments and programme rows — never one
 * particular invitation. Every line ends up in the draft or in the report, as written.
 */
import { CONSULTATION_SCHEMA_VERSION, type Consultation, type Location } from '../consultation/schema';
import { validateConsultation } from '../consultation/validate';
import { SamradError } from '../errors';
import { STOCKHOLM } from '../time/zonedTime';
import { completeAgenda, readAgenda, readQuestions, type SourceText } from './agenda';
import { collect, type Collected } from './collect';
import { toLogicalLines, type LogicalLine } from './lines';
import { resolveMeetingTime, type TimeSource } from './meetingTime';
import { findInvitingOrganisation, findOrganisations } from './organisations';
import { resolveCapacity, resolveContact, resolveDeadline, resolveWaitlist } from './registration';
import { note, ReportBuilder, type ImportReport } from './report';
import { ONLINE_PLATFORMS, ONLINE_WORDS } from './vocabulary';
import { emptyRegistrationRecord } from '../registration/record';

export interface ImportOptions {
  /** The zone the invitation's times are in; Europe/Stockholm unless said otherwise. */
  readonly timeZone?: string;
  /** "Now", from the clock port: decides the year of a date written without one when the text gives none. */
  readonly referenceInstant?: number;
  /** The calendar item's own start and end, used when the text has no date. */
  readonly fallbackStart?: string;
  readonly fallbackEnd?: string;
  /** The organising department, when the text does not name it. */
  readonly organiser?: string;
}

export interface ImportResult {
  readonly consultation: Consultation;
  readonly report: ImportReport;
}

const INVITATION_PREFIX = /^(?:inbjudan till|välkommen till|invitation to(?: an?)?|welcome to)\s+/i;

function noTitle(): SamradError {
  return new SamradError(
    'unreadable-invitation',
    {
      sv: 'Hittade ingen rubrik för samrådet i början av texten.',
      en: 'Found no title for the consultation at the start of the text.',
    },
    {
      sv: 'Börja texten med inbjudans rubrik, till exempel "Inbjudan till samråd om …".',
      en: 'Start the text with the invitation’s title, e.g. "Invitation to a consultation on …".',
    },
  );
}

/** "Inbjudan till samråd avseende X" → "Samråd avseende X": the meeting's name, not the letter's. */
function resolveTitle(source: SourceText | null, report: ReportBuilder): string {
  if (source === null) throw noTitle();
  const prefix = INVITATION_PREFIX.exec(source.text)?.[0].trim() ?? '';
  const stripped = source.text.slice(prefix.length).trim();
  const title = stripped === '' ? source.text : stripped;
  const capitalised = title.charAt(0).toLocaleUpperCase('sv') + title.slice(1);
  // The report keeps the line as written, so what was stripped stays visible.
  const stripping = title === source.text ? null : prefix;
  report.recognise(
    'title',
    source.line,
    source.text,
    stripping === null
      ? note('Rubrik', 'Title')
      : note(`Rubrik "${capitalised}" ("${stripping}" togs bort)`, `Title "${capitalised}" ("${stripping}" removed)`),
  );
  return capitalised;
}

function resolveLocation(values: readonly TimeSource[], report: ReportBuilder): Location | null {
  const value = values
    .map((v) => v.text)
    .join(' ')
    .trim();
  if (value === '') {
    report.review('location', null, '', note('Ingen plats hittades', 'No place was found'));
    return null;
  }
  const line = values[0]?.line ?? null;
  const platform = ONLINE_PLATFORMS.find(([pattern]) => pattern.test(value))?.[1];
  if (platform !== undefined || ONLINE_WORDS.test(value)) {
    const named = platform === undefined ? '' : ` (${platform})`;
    report.recognise('location', line, value, note(`Digitalt möte${named}`, `Online meeting${named}`));
    return { kind: 'online', ...(platform === undefined ? {} : { platform }), note: value };
  }
  report.recognise('location', line, value, note('Plats', 'Place'));
  return { kind: 'place', address: value };
}

function resolveOrganiser(c: Collected, lines: readonly LogicalLine[], options: ImportOptions, report: ReportBuilder): string {
  const organiserText = c.organiserTexts
    .map((o) => o.text)
    .join(' ')
    .trim();
  const department =
    options.organiser ??
    findOrganisations(organiserText)[0]?.name ??
    (organiserText === '' ? undefined : organiserText) ??
    findInvitingOrganisation(lines.map((l) => l.text).join('\n'));
  if (department === undefined || department.trim() === '') {
    throw new SamradError(
      'unreadable-invitation',
      { sv: 'Inbjudan säger inte vem som bjuder in.', en: 'The invitation does not say who invites.' },
      { sv: 'Lägg till en rad "Arrangör: …" eller ange arrangören.', en: 'Add a line "Organiser: …" or give the organiser.' },
    );
  }
  report.recognise('organiser.department', null, department, note('Arrangör', 'Organiser'));
  return department.trim();
}

export function importInvitation(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? STOCKHOLM;
  const report = new ReportBuilder();
  const lines = toLogicalLines(text);
  const c = collect(lines, report);
  const title = resolveTitle(c.title, report);

  const agendaDraft = readAgenda(c.agendaLines, c.agendaTitle ?? 'Program');
  for (const intro of agendaDraft.introduction) {
    c.description.push(intro.text);
    report.keep('description', intro.line, intro.text, note('Programtext utan egen del', 'Programme text outside any part'));
  }

  const everything: TimeSource[] = lines.map((l) => ({ line: l.line, text: l.text }));
  const meeting = resolveMeetingTime(
    {
      labelled: c.timeLabels,
      unlabelled: everything,
      agendaStart: agendaDraft.firstStart,
      agendaEnd: agendaDraft.lastEnd,
      timeZone,
      referenceInstant: options.referenceInstant,
      fallbackStart: options.fallbackStart,
      fallbackEnd: options.fallbackEnd,
    },
    report,
  );
  const { parts, questions } = completeAgenda(agendaDraft, readQuestions(c.questionLines), meeting.statedEnd, report);

  const contactEmail = resolveContact(c, everything, report);
  const deadline = resolveDeadline(c, meeting, everything, timeZone, report);
  const capacity = resolveCapacity(c, everything, report);
  const waitlist = resolveWaitlist(everything, report);
  const department = resolveOrganiser(c, lines, options, report);

  const instructions = c.registrationTexts
    .map((r) => r.text)
    .join(' ')
    .trim();
  const draft: Consultation = {
    schemaVersion: CONSULTATION_SCHEMA_VERSION,
    revision: 0,
    title,
    organiser: { department, ...(contactEmail === null ? {} : { contactEmail }) },
    start: meeting.start,
    end: meeting.end,
    timeZone,
    location: resolveLocation(c.placeValues, report),
    registration: { contactEmail, deadline, capacity, waitlist, ...(instructions === '' ? {} : { instructions }) },
    description: c.description,
    background: c.background,
    commitments: c.commitments,
    purpose: c.purpose,
    practicalInformation: c.practical,
    agenda: { parts },
    questions,
    published: null,
    registrations: emptyRegistrationRecord(),
  };
  reviewAgenda(draft, report);
  return { consultation: validated(draft), report: report.build() };
}

function validated(draft: Consultation): Consultation {
  const checked = validateConsultation(draft);
  if (checked.ok) return checked.consultation;
  // The importer builds only valid drafts; reaching this is a defect in it, reported with every problem.
  const problems = (lang: 'sv' | 'en'): string => checked.problems.map((p) => `${p.path}: ${p.message[lang]}`).join('; ');
  throw new SamradError(
    'invalid-consultation',
    { sv: 'Importen gav ett ogiltigt utkast.', en: 'The import produced an invalid draft.' },
    {
      sv: `Rapportera felet med texten som bilaga: ${problems('sv')}`,
      en: `Report this with the text attached: ${problems('en')}`,
    },
  );
}

function reviewAgenda(draft: Consultation, report: ReportBuilder): void {
  const items = draft.agenda.parts.flatMap((p) => p.items);
  const missing = items.filter((i) => i.durationMinutes === null).length;
  if (items.length === 0) report.review('agenda', null, '', note('Ingen dagordning hittades', 'No agenda was found'));
  if (missing > 0) {
    report.review('agenda', null, '', {
      sv: `${missing} punkt${missing === 1 ? '' : 'er'} saknar längd; ange längderna så räknas tidsplanen ut`,
      en: `${missing} item${missing === 1 ? ' lacks' : 's lack'} a duration; give the durations and the time plan is computed`,
    });
  }
  draft.agenda.parts.forEach((part, p) => {
    part.items.forEach((item, i) => {
      if (item.presenters.length === 0 && item.questionIds.length === 0) {
        report.review(
          `agenda.parts[${p}].items[${i}].presenters`,
          null,
          item.title,
          note('Ingen presentatör angiven', 'No presenter given'),
        );
      }
    });
  });
}
