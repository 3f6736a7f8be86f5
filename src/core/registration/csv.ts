/**
 * The ledger as CSV that opens right in Swedish Excel: UTF-8 with a byte order mark (without it Excel reads the
 * file as Windows-1252 and "Rädda Barnen" comes out garbled), `;` between fields (Swedish Excel's list separator,
 * since `,` is the decimal comma), CRLF line ends, Swedish or English headers and status words.
 *
 * Names and organisations come from mails anyone can send, so a cell is never left to be read as a formula
 * (CSV injection): see neutraliseFormula for the rule.
 */
import { parseZonedIso, wallTimeAt } from '../time/zonedTime';
import type { Language } from '../time/format';
import { REGISTRATION_STATUSES, type PersonStatus, type RegistrationStatus } from './reconcile';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/** Per organisation: the reconciliation's totals, or the counts kept after retention deleted the ledger. */
export interface OrganisationCounts {
  readonly organisation: string | null;
  readonly totals: Readonly<Record<RegistrationStatus, number>>;
}

const STATUS_WORDS: Readonly<Record<Language, Readonly<Record<RegistrationStatus, string>>>> = {
  sv: {
    received: 'anmäld',
    invited: 'inbjuden',
    accepted: 'tackat ja',
    tentative: 'preliminärt',
    declined: 'tackat nej',
    cancelled: 'avanmäld',
    waitlisted: 'väntelista',
  },
  en: {
    received: 'registered',
    invited: 'invited',
    accepted: 'accepted',
    tentative: 'tentative',
    declined: 'declined',
    cancelled: 'cancelled',
    waitlisted: 'waitlisted',
  },
};

/** Column headings of the organisation summary, one per status, in REGISTRATION_STATUSES order. */
const STATUS_COLUMNS: Readonly<Record<Language, Readonly<Record<RegistrationStatus, string>>>> = {
  sv: {
    received: 'Anmälda',
    invited: 'Inbjudna',
    accepted: 'Tackat ja',
    tentative: 'Preliminärt',
    declined: 'Tackat nej',
    cancelled: 'Avanmälda',
    waitlisted: 'Väntelista',
  },
  en: {
    received: 'Registered',
    invited: 'Invited',
    accepted: 'Accepted',
    tentative: 'Tentative',
    declined: 'Declined',
    cancelled: 'Cancelled',
    waitlisted: 'Waitlisted',
  },
};

const LEDGER_HEADERS: Readonly<Record<Language, readonly string[]>> = {
  sv: ['Namn', 'Organisation', 'E-post', 'Status', 'Anmäld'],
  en: ['Name', 'Organisation', 'E-mail', 'Status', 'Registered'],
};

const ORGANISATION_WORDS: Readonly<
  Record<Language, { readonly heading: string; readonly none: string; readonly total: string }>
> = {
  sv: { heading: 'Organisation', none: '(ingen organisation)', total: 'Totalt' },
  en: { heading: 'Organisation', none: '(no organisation)', total: 'Total' },
};

/** The status as a word in `language`, as the CSV writes it. */
export function statusWord(status: RegistrationStatus, language: Language): string {
  return STATUS_WORDS[language][status];
}

// Characters that make a spreadsheet read a cell as a formula (= + - @, and their full-width forms, which some
// spreadsheets fold to the ASCII ones), and characters that start a cell so that the next one may: tab, CR, LF.
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
const CONTROL_START = /^[\t\r\n]/;
const LEADING_SPACE = /^\s+/u;

/** Whether a cell would be read as a formula; see neutraliseFormula. */
export function isFormulaLike(value: string): boolean {
  return CONTROL_START.test(value) || FORMULA_START.test(value.replace(LEADING_SPACE, ''));
}

/**
 * The rule: a cell whose first character is a tab, CR or LF, or whose first character after any leading
 * whitespace is `=`, `+`, `-` or `@` (or a full-width form of one), gets a leading apostrophe. Spreadsheets skip
 * leading spaces before deciding, so " =1+1" is as dangerous as "=1+1". The apostrophe is what Excel itself uses to
 * mark text: it shows the value as typed. A telephone number "+46 8 …" or a name starting with "-" is shown with it
 * too — a small cost against running a formula from a stranger's mail.
 */
export function neutraliseFormula(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

const NEEDS_QUOTES = /[;"\r\n]/;

/** One cell: neutralised, then quoted (quotes doubled) when it holds the separator, a quote or a line break. */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvDocument(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR) + LINE_END).join('');
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "2023-11-20 09:00" in `timeZone`: sortable, and Excel reads it as a date and time. */
function localDateTime(iso: string, timeZone: string): string {
  const w = wallTimeAt(parseZonedIso(iso), timeZone);
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}

/** One row per person: name, organisation, e-mail, status, when they registered (in `timeZone`). */
export function ledgerCsv(people: readonly PersonStatus[], language: Language, timeZone: string): string {
  const rows = people.map((person) => [
    person.name ?? '',
    person.organisation ?? '',
    person.email,
    statusWord(person.status, language),
    person.registeredAt === null ? '' : localDateTime(person.registeredAt, timeZone),
  ]);
  return csvDocument([LEDGER_HEADERS[language], ...rows]);
}

/** One row per organisation: the number of people in each status and their total. */
export function organisationsCsv(groups: readonly OrganisationCounts[], language: Language): string {
  const words = ORGANISATION_WORDS[language];
  const header = [words.heading, ...REGISTRATION_STATUSES.map((s) => STATUS_COLUMNS[language][s]), words.total];
  const rows = groups.map((group) => {
    const counts = REGISTRATION_STATUSES.map((s) => group.totals[s]);
    return [group.organisation ?? words.none, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))];
  });
  return csvDocument([header, ...rows]);
}
