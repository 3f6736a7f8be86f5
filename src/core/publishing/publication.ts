/**
 * Publishing the agenda into the invitation, as far as the core goes: the section's HTML (with its change note
 * and version line), the record of the publication kept in the consultation document, and whether there is
 * anything new to send at all. Sending is the meeting event port's job; the time comes in from the caller's clock.
 */
import type { Consultation, Publication } from '../consultation/schema';
import { jsonEqual } from '../consultation/merge';
import { publicationSchema } from '../consultation/schema';
import { SamradError } from '../errors';
import type { Language } from '../time/format';
import { parseZonedIso } from '../time/zonedTime';
import type { ChangeNote } from './agendaSection';
import { publishedAgendaOf, renderAgendaSection } from './agendaSection';
import { describeChanges } from './changeNote';
import { normalizeText } from './htmlText';

export interface PublicationOptions {
  /** The moment of publishing, ISO 8601 with offset (from the caller's clock: the core has none). */
  readonly now: string;
  /** The language blocks, in order: Swedish first, optionally followed by English. */
  readonly languages: readonly Language[];
}

export interface PreparedPublication {
  /** The section's inner HTML, for replaceSamradSection / the meeting event port. */
  readonly sectionHtml: string;
  /** The record to keep in the document once the section is sent (withPublication). */
  readonly publication: Publication;
  /** What changed since the previous publication; empty for the first. */
  readonly changeNote: ChangeNote;
  /**
   * The meeting time, agenda, questions and languages are what was published last: sending again would only mail
   * every attendee the same agenda under a new version number.
   */
  readonly unchanged: boolean;
}

function requireLanguages(languages: readonly Language[]): void {
  if (languages.length > 0 && new Set(languages).size === languages.length) return;
  throw new SamradError(
    'invalid-input',
    {
      sv: `Språken för utskicket är ogiltiga: [${languages.join(', ')}].`,
      en: `The languages to publish in are invalid: [${languages.join(', ')}].`,
    },
    {
      sv: 'Välj svenska, eller svenska följt av engelska, och varje språk en gång.',
      en: 'Choose Swedish, or Swedish followed by English, each language once.',
    },
  );
}

/** What the agenda's change note cannot see: the practical information and the languages published. */
function withOtherChanges(
  note: ChangeNote,
  previous: Publication | null,
  consultation: Consultation,
  languages: readonly Language[],
): ChangeNote {
  if (previous === null) return note;
  const sv = [...note.sv];
  const en = [...note.en];
  const practical = (paragraphs: readonly string[]): string[] => paragraphs.map(normalizeText);
  if (!jsonEqual(practical(previous.practicalInformation), practical(consultation.practicalInformation))) {
    sv.push('den praktiska informationen är ändrad');
    en.push('the practical information has changed');
  }
  const hadEnglish = previous.languages.includes('en');
  if (languages.includes('en') !== hadEnglish) {
    sv.push(hadEnglish ? 'den engelska texten är borttagen' : 'engelsk text tillagd');
    en.push(hadEnglish ? 'the English text has been removed' : 'English text added');
  }
  return { sv, en };
}

/** The same meeting, agenda and questions as an attendee reads them, in the same languages. */
function samePublished(previous: Publication, consultation: Consultation, languages: readonly Language[]): boolean {
  return (
    previous.languages.join() === languages.join() &&
    parseZonedIso(previous.start) === parseZonedIso(consultation.start) &&
    parseZonedIso(previous.end) === parseZonedIso(consultation.end) &&
    jsonEqual(publishedAgendaOf(previous), publishedAgendaOf(consultation)) &&
    jsonEqual(previous.practicalInformation.map(normalizeText), consultation.practicalInformation.map(normalizeText))
  );
}

/**
 * Everything needed to publish the consultation's agenda now: the section (with the change note against the last
 * publication and a "Version N" line), the publication record (number one more than the last, the document's
 * revision), and whether it differs from the last publication. Throws a SamradError when `now` is not ISO 8601
 * with an offset, the languages are empty or repeated, or the consultation cannot be published as it is.
 */
/**
 * What publishing now would tell attendees changed, and whether there is anything new to send — without rendering
 * the section, so views can show it on every edit.
 */
export function previewPublication(
  consultation: Consultation,
  languages: readonly Language[],
): Pick<PreparedPublication, 'changeNote' | 'unchanged'> {
  const previous = consultation.published;
  return {
    changeNote: withOtherChanges(describeChanges(previous, consultation), previous, consultation, languages),
    unchanged: previous !== null && samePublished(previous, consultation, languages),
  };
}

export function preparePublication(consultation: Consultation, options: PublicationOptions): PreparedPublication {
  parseZonedIso(options.now);
  requireLanguages(options.languages);
  const previous = consultation.published;
  const { changeNote, unchanged } = previewPublication(consultation, options.languages);
  const number = (previous?.number ?? 0) + 1;

  const candidate: Publication = {
    number,
    revision: consultation.revision,
    publishedAt: options.now,
    languages: [...options.languages],
    start: consultation.start,
    end: consultation.end,
    agenda: consultation.agenda,
    questions: consultation.questions,
    practicalInformation: consultation.practicalInformation,
    changeNote,
  };
  // Parsing also copies: the record shares nothing with the document it was taken from.
  const checked = publicationSchema.safeParse(candidate);
  if (!checked.success) {
    const where = checked.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new SamradError(
      'invalid-consultation',
      {
        sv: `Dagordningen kan inte publiceras: uppgifterna är ogiltiga (${where}).`,
        en: `The agenda cannot be published: its data is invalid (${where}).`,
      },
      {
        sv: 'Rätta det som valideringen av samrådet visar och publicera igen.',
        en: "Correct what the consultation's validation shows and publish again.",
      },
    );
  }

  const sectionHtml = renderAgendaSection(consultation, {
    languages: checked.data.languages,
    changeNote,
    version: { number, publishedAt: options.now },
  });
  return { sectionHtml, publication: checked.data, changeNote, unchanged };
}

/** The consultation with `publication` as its last publication (saved like any other edit). */
export function withPublication(consultation: Consultation, publication: Publication): Consultation {
  return { ...consultation, published: publication };
}
