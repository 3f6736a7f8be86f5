/**
 * The status table's pure model and its virtual rows. Property-based: a filter never invents a row and lets
 * through exactly the people it describes, a sort is a stable permutation, a longer query never finds more, the
 * search folds letters exactly as Swedish collation compares them; the window of rendered rows and its spacers
 * always stand for the whole list. Tables for the cases a person would check by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGISTRATION_STATUSES, type PersonStatus, type RegistrationStatus } from '../../../src/core/registration';
import { toZonedIso } from '../../../src/core/time/zonedTime';
import {
  comparePeople,
  DEFAULT_SORT,
  filterPeople,
  foldForSearch,
  isInvitable,
  matchesSearch,
  NO_FILTER,
  organisationKey,
  organisationOptions,
  searchTerms,
  SORT_KEYS,
  sortPeople,
  WITHOUT_ORGANISATION,
  type TableFilter,
  type TableSort,
} from '../../../src/views/registration/tableModel';
import { rowSegments, rowWindow, rowsInView, scrollTargetForKey } from '../../../src/views/registration/useVirtualRows';

function person(partial: Partial<PersonStatus> & { email: string }): PersonStatus {
  return {
    name: null,
    organisation: null,
    status: 'received',
    source: 'ledger',
    registeredAt: '2023-11-20T10:00:00+01:00',
    entryIds: [],
    response: null,
    holdsSeat: false,
    overCapacity: false,
    waitlistPosition: null,
    ...partial,
  };
}

// Generators ------------------------------------------------------------------------------------------------------

/** Letters people's names are written with here, upper and lower case, Swedish and not, and the odd symbol. */
const LETTERS = Array.from('abcdeéèfghijklmnopqrstuüvwxyzåäöæøABCDÉFGHIJKLMNOPQRSTUÜVWXYZÅÄÖ -<>/"\'&ß');
const text = fc.string({ unit: fc.constantFrom(...LETTERS), maxLength: 12 });
const status = fc.constantFrom(...REGISTRATION_STATUSES);
const DAY = 86_400_000;
const START = Date.UTC(2023, 10, 1);

const people = fc
  .array(
    fc.record({
      name: fc.option(text, { nil: null }),
      organisation: fc.option(
        fc.constantFrom('Röda Korset', 'röda  korset', 'Rädda Barnen', 'Ågrenska', 'Civil Rights Defenders', 'Åsa & co'),
        { nil: null },
      ),
      status,
      registeredAt: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: null }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((row, i) =>
      person({
        ...row,
        email: `person${i}@exempel.se`,
        registeredAt: row.registeredAt === null ? null : toZonedIso(START + row.registeredAt, 'Europe/Stockholm'),
      }),
    ),
  );

const filters: fc.Arbitrary<TableFilter> = fc.record({
  statuses: fc.subarray([...REGISTRATION_STATUSES]).map((list) => new Set<RegistrationStatus>(list)),
  organisation: fc.option(fc.constantFrom(WITHOUT_ORGANISATION, 'röda korset', 'rädda barnen', 'ingen sådan'), { nil: null }),
  search: text,
});

const sorts: fc.Arbitrary<TableSort> = fc.record({
  key: fc.constantFrom(...SORT_KEYS),
  direction: fc.constantFrom('ascending' as const, 'descending' as const),
});

function isSubsequence<T>(part: readonly T[], whole: readonly T[]): boolean {
  let at = 0;
  for (const item of whole) if (at < part.length && part[at] === item) at += 1;
  return at === part.length;
}

function names(list: readonly PersonStatus[]): (string | null)[] {
  return list.map((p) => p.name);
}

// Filtering -------------------------------------------------------------------------------------------------------

describe('filterPeople', () => {
  it('never invents a row: the result is the input’s people, in the input’s order', () => {
    fc.assert(
      fc.property(people, filters, (list, filter) => {
        expect(isSubsequence(filterPeople(list, filter), list)).toBe(true);
      }),
    );
  });

  it('lets through exactly the people who have a chosen status, the chosen organisation and every search word', () => {
    fc.assert(
      fc.property(people, filters, (list, filter) => {
        const shown = new Set(filterPeople(list, filter));
        const terms = searchTerms(filter.search);
        for (const p of list) {
          const expected =
            (filter.statuses.size === 0 || filter.statuses.has(p.status)) &&
            (filter.organisation === null || organisationKey(p.organisation) === filter.organisation) &&
            matchesSearch(p, terms);
          expect(shown.has(p)).toBe(expected);
        }
      }),
    );
  });

  it('shows everyone without a filter', () => {
    fc.assert(
      fc.property(people, (list) => {
        expect(filterPeople(list, NO_FILTER)).toEqual(list);
      }),
    );
  });

  it('a longer query never finds more: the matches of every prefix include the matches of the whole', () => {
    fc.assert(
      fc.property(people, text, (list, query) => {
        const full = new Set(filterPeople(list, { ...NO_FILTER, search: query }));
        const typed = query.normalize('NFC');
        for (let n = 0; n < typed.length; n += 1) {
          const shorter = new Set(filterPeople(list, { ...NO_FILTER, search: typed.slice(0, n) }));
          for (const p of full) expect(shorter.has(p)).toBe(true);
        }
      }),
    );
  });

  it('ignores case in the query', () => {
    fc.assert(
      fc.property(people, text, (list, query) => {
        const lower = filterPeople(list, { ...NO_FILTER, search: query.toLowerCase() });
        expect(filterPeople(list, { ...NO_FILTER, search: query.toUpperCase() })).toEqual(lower);
      }),
    );
  });

  const sample = [
    person({ email: 'andre@exempel.se', name: 'André Lind', organisation: 'Forum' }),
    person({ email: 'asa@exempel.se', name: 'Åsa Öberg', organisation: 'Södertörns högskola' }),
    person({ email: 'jurgen@exempel.se', name: 'Jürgen Müller', organisation: null }),
    person({ email: 'sara.strom@radda.se', name: 'Sara Ström', organisation: 'Rädda Barnen', status: 'invited' }),
    person({ email: 'x@exempel.se', name: '<script>alert(1)</script>', organisation: 'Röda Korset', status: 'waitlisted' }),
  ];

  it.each<[string, string, string[]]>([
    ['a name without its accent', 'andre', ['andre@exempel.se']],
    ['an accent the name has not', 'lïnd', ['andre@exempel.se']],
    ['Å, Ä and Ö as letters of their own', 'åsa', ['asa@exempel.se']],
    ['an o does not find an ö', 'sodertorn', []],
    ['ü as Swedish collates it, with y', 'myller', ['jurgen@exempel.se']],
    ['an organisation, in capitals', 'RÄDDA', ['sara.strom@radda.se']],
    ['a part of an e-mail', 'radda.se', ['sara.strom@radda.se']],
    ['words found in different fields', 'sara rädda', ['sara.strom@radda.se']],
    ['words in either order, extra spaces', '  barnen   ström ', ['sara.strom@radda.se']],
    ['a word across two fields matches nothing', 'strömrädda', []],
    ['a script payload, as text', '<script>', ['x@exempel.se']],
    ['nothing typed', '   ', ['andre@exempel.se', 'asa@exempel.se', 'jurgen@exempel.se', 'sara.strom@radda.se', 'x@exempel.se']],
  ])('search: %s ("%s")', (_what, query, emails) => {
    expect(filterPeople(sample, { ...NO_FILTER, search: query }).map((p) => p.email)).toEqual(emails);
  });

  it('filters by status set, organisation and search together', () => {
    const filter: TableFilter = { statuses: new Set(['invited', 'waitlisted']), organisation: 'rädda barnen', search: '' };
    expect(filterPeople(sample, filter).map((p) => p.email)).toEqual(['sara.strom@radda.se']);
    expect(filterPeople(sample, { ...filter, organisation: WITHOUT_ORGANISATION })).toEqual([]);
    expect(filterPeople(sample, { ...NO_FILTER, organisation: WITHOUT_ORGANISATION }).map((p) => p.email)).toEqual([
      'jurgen@exempel.se',
    ]);
  });
});

describe('foldForSearch', () => {
  const swedish = new Intl.Collator('sv', { sensitivity: 'base' });
  const characters: string[] = [];
  for (let cp = 0x21; cp <= 0x24f; cp += 1) if (cp < 0x7f || cp > 0xa0) characters.push(String.fromCodePoint(cp));

  it('folds every Latin character to one Swedish collation counts as the same letter', () => {
    for (const ch of characters) expect([ch, swedish.compare(foldForSearch(ch), ch)]).toEqual([ch, 0]);
  });

  it('folds two letters alike exactly when Swedish collation calls them the same letter', () => {
    const letters = characters.filter((ch) => /\p{L}/u.test(ch));
    for (const a of letters) {
      for (const b of letters) {
        if (swedish.compare(a, b) === 0) expect([a, b, foldForSearch(a)]).toEqual([a, b, foldForSearch(b)]);
      }
    }
    expect(foldForSearch('å')).not.toBe(foldForSearch('a'));
    expect(foldForSearch('ä')).not.toBe(foldForSearch('a'));
    expect(foldForSearch('ö')).not.toBe(foldForSearch('o'));
  });

  it('is idempotent, and folds a prefix to a prefix', () => {
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldForSearch(s);
        expect(foldForSearch(folded)).toBe(folded);
        const nfc = s.normalize('NFC');
        for (let n = 0; n <= nfc.length; n += 1) expect(folded.startsWith(foldForSearch(nfc.slice(0, n)).trimEnd())).toBe(true);
      }),
    );
  });

  it('reads decomposed input as its composed letters', () => {
    expect(foldForSearch('A\u030asa O\u0308berg')).toBe('åsa öberg');
  });
});

// Sorting ---------------------------------------------------------------------------------------------------------

describe('sortPeople', () => {
  it('is a permutation', () => {
    fc.assert(
      fc.property(people, sorts, (list, sort) => {
        const sorted = sortPeople(list, sort);
        expect(sorted).toHaveLength(list.length);
        expect(new Set(sorted)).toEqual(new Set(list));
      }),
    );
  });

  it('is ordered, and stable in both directions: ties keep the order given', () => {
    fc.assert(
      fc.property(people, sorts, (list, sort) => {
        const sorted = sortPeople(list, sort);
        for (let i = 1; i < sorted.length; i += 1) {
          const a = sorted[i - 1];
          const b = sorted[i];
          if (a === undefined || b === undefined) throw new Error('index out of range');
          const order = comparePeople(a, b, sort);
          expect(order).toBeLessThanOrEqual(0);
          if (order === 0) expect(list.indexOf(a)).toBeLessThan(list.indexOf(b));
        }
      }),
    );
  });

  it('puts the missing values last, whichever the direction', () => {
    fc.assert(
      fc.property(people, sorts, (list, sort) => {
        const value = (p: PersonStatus): unknown =>
          sort.key === 'name'
            ? p.name
            : sort.key === 'organisation'
              ? p.organisation
              : sort.key === 'received'
                ? p.registeredAt
                : 'x';
        const sorted = sortPeople(list, sort);
        const firstMissing = sorted.findIndex((p) => value(p) === null);
        if (firstMissing >= 0) expect(sorted.slice(firstMissing).every((p) => value(p) === null)).toBe(true);
      }),
    );
  });

  const swedishNames = ['Örjan', 'anna', 'Zacke', 'Ärla', 'Åsa', 'Anna', 'Émile', 'Erik', 'Ylva', 'Ülle'].map((name, i) =>
    person({ email: `p${i}@exempel.se`, name }),
  );

  it('sorts names in Swedish: Å, Ä, Ö after Z; é with e; ü with y; case only breaks ties', () => {
    expect(names(sortPeople(swedishNames, { key: 'name', direction: 'ascending' }))).toEqual([
      'anna',
      'Anna',
      'Émile',
      'Erik',
      'Ülle',
      'Ylva',
      'Zacke',
      'Åsa',
      'Ärla',
      'Örjan',
    ]);
  });

  it('sorts descending as the reverse order of values, not of the list', () => {
    const tied = [
      person({ email: 'a@x.se', name: 'Anna', status: 'invited' }),
      person({ email: 'b@x.se', name: 'Bo', status: 'received' }),
      person({ email: 'c@x.se', name: 'Cilla', status: 'invited' }),
    ];
    expect(sortPeople(tied, { key: 'status', direction: 'descending' }).map((p) => p.email)).toEqual([
      'a@x.se',
      'c@x.se',
      'b@x.se',
    ]);
    expect(sortPeople(tied, { key: 'status', direction: 'ascending' }).map((p) => p.email)).toEqual([
      'b@x.se',
      'a@x.se',
      'c@x.se',
    ]);
  });

  it('sorts by status in the order a registration moves, and by received on the instant, not the text', () => {
    const byTime = [
      person({ email: 'late@x.se', registeredAt: '2023-11-20T10:00:00+01:00' }),
      // Earlier, though its text sorts later: 09:30 UTC is 10:30 in Stockholm, written with another offset.
      person({ email: 'early@x.se', registeredAt: '2023-11-20T09:30:00+00:00' }),
      person({ email: 'never@x.se', registeredAt: null, source: 'attendee-only', status: 'invited' }),
    ];
    expect(sortPeople(byTime, DEFAULT_SORT).map((p) => p.email)).toEqual(['late@x.se', 'early@x.se', 'never@x.se']);
    expect(sortPeople(byTime, { key: 'received', direction: 'descending' }).map((p) => p.email)).toEqual([
      'early@x.se',
      'late@x.se',
      'never@x.se',
    ]);
    const statuses = [...REGISTRATION_STATUSES].reverse().map((s, i) => person({ email: `${i}@x.se`, status: s }));
    expect(sortPeople(statuses, { key: 'status', direction: 'ascending' }).map((p) => p.status)).toEqual([
      ...REGISTRATION_STATUSES,
    ]);
  });
});

describe('organisations and invitability', () => {
  it('groups spellings of one organisation, in Swedish order, the people without one last', () => {
    const list = [
      person({ email: '1@x.se', organisation: 'Ägarna' }),
      person({ email: '2@x.se', organisation: null }),
      person({ email: '3@x.se', organisation: 'Röda Korset' }),
      person({ email: '4@x.se', organisation: 'RÖDA  KORSET ' }),
      person({ email: '5@x.se', organisation: 'Attac' }),
    ];
    expect(organisationOptions(list)).toEqual([
      { key: 'attac', organisation: 'Attac', count: 1 },
      { key: 'röda korset', organisation: 'Röda Korset', count: 2 },
      { key: 'ägarna', organisation: 'Ägarna', count: 1 },
      { key: WITHOUT_ORGANISATION, organisation: null, count: 1 },
    ]);
  });

  it.each(REGISTRATION_STATUSES.map((s) => [s, s === 'received' || s === 'waitlisted'] as const))(
    'a person who is %s can be invited: %s',
    (s, invitable) => {
      expect(isInvitable(person({ email: 'a@x.se', status: s }))).toBe(invitable);
    },
  );
});

// Virtual rows ----------------------------------------------------------------------------------------------------

describe('virtual rows', () => {
  const windows = fc.record({
    count: fc.nat(6000),
    rowHeight: fc.integer({ min: 10, max: 60 }),
    topRow: fc.nat(7000),
    viewportHeight: fc.integer({ min: 1, max: 2000 }),
    overscan: fc.nat(20),
  });

  it('renders the rows in view and the overscan, never more, never outside the list', () => {
    fc.assert(
      fc.property(windows, (input) => {
        const { start, end } = rowWindow(input);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(input.count);
        expect(end - start).toBeLessThanOrEqual(rowsInView(input.viewportHeight, input.rowHeight) + 1 + 2 * input.overscan);
        if (input.count > 0) expect(end).toBeGreaterThan(start);
        // The top row itself is in the window whenever the list reaches it.
        if (input.topRow < input.count - rowsInView(input.viewportHeight, input.rowHeight)) {
          expect(start).toBeLessThanOrEqual(input.topRow);
          expect(end).toBeGreaterThan(input.topRow);
        }
      }),
    );
  });

  it('covers the whole list with runs and gaps, in order, without overlap, the pinned row rendered', () => {
    fc.assert(
      fc.property(windows, fc.option(fc.nat(6000), { nil: null }), (input, pinned) => {
        const range = rowWindow(input);
        const segments = rowSegments(input.count, range, pinned);
        let at = 0;
        for (const segment of segments) {
          expect(segment.start).toBe(at);
          expect(segment.end).toBeGreaterThan(segment.start);
          at = segment.end;
        }
        expect(at).toBe(input.count);
        const rendered = (i: number): boolean => segments.some((s) => s.kind === 'rows' && s.start <= i && i < s.end);
        if (pinned !== null && pinned < input.count) expect(rendered(pinned)).toBe(true);
        for (let i = range.start; i < range.end; i += 1) expect(rendered(i)).toBe(true);
      }),
    );
  });

  it.each<[string, number, number]>([
    ['ArrowDown', 0, 36],
    ['ArrowDown', 50, 72],
    ['ArrowUp', 50, 36],
    ['ArrowUp', 0, 0],
    ['PageDown', 0, 36 * 12],
    ['PageUp', 36 * 20, 36 * 8],
    ['Home', 36 * 20, 0],
    ['End', 0, 36 * 101 - 480],
  ])('%s from %i scrolls to %i, on a row boundary (100 rows of 36 px, 480 px high)', (key, scrollTop, expected) => {
    expect(scrollTargetForKey(key, { scrollTop, count: 100, rowHeight: 36, viewportHeight: 480 })).toBe(expected);
  });

  it('leaves other keys alone and never scrolls past either end', () => {
    expect(scrollTargetForKey('Enter', { scrollTop: 0, count: 100, rowHeight: 36, viewportHeight: 480 })).toBeNull();
    expect(scrollTargetForKey('PageDown', { scrollTop: 3000, count: 100, rowHeight: 36, viewportHeight: 480 })).toBe(
      36 * 101 - 480,
    );
    expect(scrollTargetForKey('End', { scrollTop: 0, count: 3, rowHeight: 36, viewportHeight: 480 })).toBe(0);
  });
});
