/** Publishing the agenda into the invitation and reading it back (the module paths below keep working too). */
export type {
  AgendaSectionOptions,
  ChangeNote,
  ParsedAgenda,
  ParsedAgendaItem,
  ParsedAgendaPart,
  ParsedQuestion,
  PublishedContent,
  SectionVersion,
} from './agendaSection';
export { agendaOfParsed, parseAgendaSection, publishedAgendaOf, renderAgendaSection } from './agendaSection';
export type { SectionSpan } from './bodySection';
export { extractSamradSection, findSamradSection, replaceSamradSection } from './bodySection';
export type {
  DurationChanges,
  ListChanges,
  Named,
  NextVersion,
  PublishedVersion,
  QuestionChanges,
  Renamed,
  VersionChanges,
} from './changeNote';
export { compareVersions, describeChanges, MAX_NOTE_LINES } from './changeNote';
export { htmlToText, normalizeText } from './htmlText';
export type { PreparedPublication, PublicationOptions } from './publication';
export { preparePublication, previewPublication, withPublication } from './publication';
