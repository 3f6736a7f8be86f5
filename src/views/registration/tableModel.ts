/**
 * What the status table shows, as pure functions over the reconciliation's people: filter by status and
 * organisation, search over name, organisation and e-mail, sort by a column. Pure so the rules are property-tested
 * without a DOM, and cheap at 5,000 people: the folded search text of a person is computed once per person object
 * and the table sorts once per sort order, filtering the sorted list (a filter keeps the order it is given).
 */
import { REGISTRATION_STATUSES, type PersonStatus, type RegistrationStatus } from '../../core/registration';
import { parseZonedIso } from '../../core/time/zonedTime';

/** Registered and not invited — within the seats or waiting for one: the people an invitation can go to. */
export function isInvitable(person: PersonStatus): boolean {
  return person.status === 'received' || person.status === 'waitlisted';
}

/** The organisation filter's value for the people who gave none (no organisation's key is empty). */
export const WITHOUT_ORGANISATION = '';

/**
 * "Röda Korset", "röda  korset " and "RÖDA KORSET" are one organisation, as the reconciliation groups them in
 * byOrganisation, so a filter option and a summary row always stand for the same people.
 */
export function organisationKey(organisation: string | null): string {
  return organisation === null ? WITHOUT_ORGANISATION : organisation.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface OrganisationOption {
  /** organisationKey of the organisation; WITHOUT_ORGANISATION for the people without one. */
  readonly key: string;
  /** The first spelling met in the people's order; null for the people without an organisation. */
  readonly organisation: string | null;
  readonly count: number;
}

const swedish = new Intl.Collator('sv');

/** The organisations among the people, in Swedish alphabetical order, the people without one last. */
export function organisationOptions(people: readonly PersonStatus[]): OrganisationOption[] {
  const groups = new Map<string, { organisation: string | null; count: number }>();
  // Many people share a spelling: each spelling is normalised once.
  const keys = new Map<string | null, string>();
  for (const person of people) {
    let key = keys.get(person.organisation);
    if (key === undefined) {
      key = organisationKey(person.organisation);
      keys.set(person.organisation, key);
    }
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { organisation: person.organisation, count: 1 });
    else group.count += 1;
  }
  return [...groups]
    .map(([key, group]) => ({ key, ...group }))
    .sort((a, b) => {
      if (a.key === WITHOUT_ORGANISATION || b.key === WITHOUT_ORGANISATION) {
        return a.key === b.key ? 0 : a.key === WITHOUT_ORGANISATION ? 1 : -1;
      }
      return swedish.compare(a.key, b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
}

// Searching -------------------------------------------------------------------------------------------------------

/**
 * Letters the Swedish collation counts as another letter's variant, beyond what dropping combining marks gives:
 * æ and ø are ä and ö, ü is y, ß is ss, and so on (checked against Intl.Collator('sv') in the tests).
 */
const SWEDISH_VARIANTS: Readonly<Record<string, string>> = {
  ª: 'a',
  º: 'o',
  æ: 'ä',
  ø: 'ö',
  œ: 'ö',
  ð: 'd',
  đ: 'd',
  þ: 'th',
  ß: 'ss',
  ħ: 'h',
  ĳ: 'ij',
  ŀ: 'l',
  ł: 'l',
  ſ: 's',
  ǆ: 'dz',
  ǳ: 'dz',
  ǉ: 'lj',
  ǌ: 'nj',
};

const RING_ABOVE = '\u030a';
const DIAERESIS = '\u0308';
const DOUBLE_ACUTE = '\u030b';
const CIRCUMFLEX = '\u0302';
const OGONEK = '\u0328';

/** One letter (a code point, lower case) as the Swedish collation compares it at base strength. */
function foldLetter(lower: string): string {
  const decomposed = lower.normalize('NFD');
  const base = decomposed.slice(0, 1);
  const marks = decomposed.slice(1);
  if (marks !== '') {
    // Å, Ä and Ö are letters of their own in Swedish, not an a or an o with a mark; so are their look-alikes.
    if (base === 'a' && marks.includes(RING_ABOVE)) return 'å';
    if (base === 'a' && marks.includes(DIAERESIS)) return 'ä';
    if (base === 'o' && (marks.includes(DIAERESIS) || marks.includes(DOUBLE_ACUTE) || marks.includes(CIRCUMFLEX))) return 'ö';
    if (base === 'u' && (marks.includes(DIAERESIS) || marks.includes(DOUBLE_ACUTE))) return 'y';
    if (base === 'e' && marks.includes(OGONEK)) return 'ä';
  }
  return SWEDISH_VARIANTS[base] ?? base;
}

const foldedLetters = new Map<string, string>();

/**
 * Text as search compares it: case and accents ignored the way Swedish collation ignores them (é is e, ü is y),
 * while å, ä and ö stay letters of their own; runs of white space are one space. Letter by letter (each code point
 * of the NFC form on its own), so the fold of a prefix is a prefix of the fold: typing more never finds more.
 */
export function foldForSearch(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text.normalize('NFC')) {
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && out !== '') out += ' ';
    space = false;
    if (ch < '\u0080') {
      out += ch.toLowerCase();
      continue;
    }
    let folded = foldedLetters.get(ch);
    if (folded === undefined) {
      folded = foldLetter(ch.toLocaleLowerCase('sv'));
      foldedLetters.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** The words of a query, folded; a person matches when every word is found in their name, organisation or e-mail. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

// A line break never occurs in folded text, so a term cannot match across two fields.
const FIELD_BREAK = '\n';
const haystacks = new WeakMap<PersonStatus, string>();

function haystackOf(person: PersonStatus): string {
  let haystack = haystacks.get(person);
  if (haystack === undefined) {
    haystack = [person.name ?? '', person.organisation ?? '', person.email].map(foldForSearch).join(FIELD_BREAK);
    haystacks.set(person, haystack);
  }
  return haystack;
}

export function matchesSearch(person: PersonStatus, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = haystackOf(person);
  return terms.every((term) => haystack.includes(term));
}

// Filtering -------------------------------------------------------------------------------------------------------

export interface TableFilter {
  /** The statuses to show; an empty set shows every status. */
  readonly statuses: ReadonlySet<RegistrationStatus>;
  /** organisationKey of the organisation to show (WITHOUT_ORGANISATION for none given); null shows all. */
  readonly organisation: string | null;
  /** Free text; empty shows everyone. */
  readonly search: string;
}

export const NO_FILTER: TableFilter = { statuses: new Set(), organisation: null, search: '' };

/** The people the filter lets through, in the order given. */
export function filterPeople(people: readonly PersonStatus[], filter: TableFilter): readonly PersonStatus[] {
  const terms = searchTerms(filter.search);
  const byStatus = filter.statuses.size > 0;
  if (!byStatus && filter.organisation === null && terms.length === 0) return people;
  return people.filter(
    (person) =>
      (!byStatus || filter.statuses.has(person.status)) &&
      (filter.organisation === null || organisationKey(person.organisation) === filter.organisation) &&
      matchesSearch(person, terms),
  );
}

// Sorting ---------------------------------------------------------------------------------------------------------

export const SORT_KEYS = ['name', 'organisation', 'email', 'status', 'received'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/** The reconciliation's own order: by registration time, the people invited without registering last. */
export const DEFAULT_SORT: TableSort = { key: 'received', direction: 'ascending' };

const STATUS_ORDER: Readonly<Record<RegistrationStatus, number>> = Object.fromEntries(
  REGISTRATION_STATUSES.map((status, i) => [status, i]),
) as Record<RegistrationStatus, number>;

/** A sort value; null (no name, no organisation, never registered) sorts last in either direction. */
type SortValue = string | number | null;

function sortValue(person: PersonStatus, key: SortKey): SortValue {
  switch (key) {
    case 'name':
      return person.name;
    case 'organisation':
      return person.organisation;
    case 'email':
      return person.email;
    case 'status':
      return STATUS_ORDER[person.status];
    case 'received':
      return person.registeredAt === null ? null : parseZonedIso(person.registeredAt);
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return swedish.compare(a, b);
  return 0;
}

/** Compares two people by one column; null last whatever the direction. Exported for the property tests. */
export function comparePeople(a: PersonStatus, b: PersonStatus, sort: TableSort): number {
  return compareSortValues(sortValue(a, sort.key), sortValue(b, sort.key), sort.direction);
}

function compareSortValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = compareValues(a, b);
  return direction === 'ascending' ? order : -order;
}

/**
 * A new list sorted by one column, with Swedish collation (Å, Ä, Ö after Z; case a tie-breaker only). Stable in
 * both directions: people who tie keep the order given (the reconciliation's: by registration time), so a
 * descending sort is not the ascending one reversed.
 */
export function sortPeople(people: readonly PersonStatus[], sort: TableSort): PersonStatus[] {
  // Each value is read once, not once per comparison (received parses a timestamp).
  const decorated = people.map((person, index) => ({ person, index, value: sortValue(person, sort.key) }));
  decorated.sort((a, b) => compareSortValues(a.value, b.value, sort.direction) || a.index - b.index);
  return decorated.map((d) => d.person);
}
