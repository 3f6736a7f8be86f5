/**
 * Every person's registration status as a table — name, organisation, e-mail, status, received — with filters by
 * status and organisation, a search, sortable columns and, when the registration tab asks for it, a selection of
 * the people who can be invited.
 *
 * It stays smooth at 5,000 people: the rows are virtual (useVirtualRows: only those in view, and a margin, are in
 * the DOM, between spacers of the exact height); rows are memoised and keep no state; filtering and sorting are
 * the pure functions of tableModel, sorted once per order and filtered on the sorted list, with the search text
 * deferred so typing never waits for the table.
 *
 * Accessibility: a real table (caption-like name, header cells with aria-sort, aria-rowcount on the table and
 * aria-rowindex on each rendered row, so a screen reader says "row 2,417 of 5,001" although only a window is in
 * the DOM). The header row is always rendered and stays in view (sticky). The scroll container is a focusable,
 * named region — the WCAG pattern for scrollable content — and, when it has the focus, ArrowUp/ArrowDown move the
 * view by one row, PageUp/PageDown by a view, Home/End to the first and last row, always onto a row boundary. We
 * chose that over the ARIA grid pattern (one tab stop, arrow keys from cell to cell): the content is read, not
 * edited, and a grid would take the table-reading commands away from screen readers; the only controls in rows
 * are native checkboxes, reached with Tab. The row that holds the focus stays rendered even when scrolled out of
 * the window, so the focus is never dropped to the page.
 *
 * Names, organisations and e-mails come from mails anyone can send: they are rendered as React text, never as
 * HTML, so a script payload is inert text.
 */
import {
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  SearchBox,
  Select,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { REGISTRATION_STATUSES, type PersonStatus, type RegistrationStatus } from '../../core/registration';
import { formatClock, formatDate } from '../../core/time/format';
import { parseZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings, type Language } from '../i18n';
import { formatCount, statusDetail, statusWord } from './statusWords';
import {
  DEFAULT_SORT,
  filterPeople,
  isInvitable,
  organisationOptions,
  sortPeople,
  WITHOUT_ORGANISATION,
  type SortKey,
  type TableFilter,
  type TableSort,
} from './tableModel';
import { rowSegments, useVirtualRows } from './useVirtualRows';

/** Every row is this many pixels high (the header row too): the virtual rows count on it. */
export const ROW_HEIGHT = 36;
/** Rows rendered beyond the view on each side. */
export const OVERSCAN = 8;
/** The list's height assumed where it cannot be measured (jsdom has no layout). */
export const FALLBACK_VIEWPORT_HEIGHT = 480;

const STRINGS = {
  table: { sv: 'Status per person', en: 'Status per person' },
  list: { sv: 'Anmälningslistan', en: 'Registration list' },
  keys: {
    sv: 'Piltangenterna flyttar listan en rad, Page Up och Page Down en sida, Home och End till början och slutet.',
    en: 'The arrow keys move the list by one row, Page Up and Page Down by a page, Home and End to the start and the end.',
  },
  filters: { sv: 'Urval', en: 'Filters' },
  statusFilter: { sv: 'Visa status', en: 'Show status' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  allOrganisations: { sv: 'Alla organisationer', en: 'All organisations' },
  withoutOrganisation: { sv: 'Utan organisation', en: 'No organisation' },
  search: { sv: 'Sök', en: 'Search' },
  searchHint: { sv: 'Namn, organisation eller e-post', en: 'Name, organisation or e-mail' },
  clearSearch: { sv: 'Töm sökrutan', en: 'Clear the search' },
  selection: { sv: 'Val', en: 'Selection' },
  selectAll: { sv: 'Välj alla visade som kan bjudas in', en: 'Select everyone shown who can be invited' },
  name: { sv: 'Namn', en: 'Name' },
  email: { sv: 'E-post', en: 'E-mail' },
  status: { sv: 'Status', en: 'Status' },
  received: { sv: 'Inkom', en: 'Received' },
  showing: { sv: 'Visar', en: 'Showing' },
  of: { sv: 'av', en: 'of' },
  selected: { sv: 'valda', en: 'selected' },
  nobody: { sv: 'Inga anmälningar ännu.', en: 'No registrations yet.' },
  noMatch: { sv: 'Ingen matchar sökningen och urvalet.', en: 'Nobody matches the search and filters.' },
};

const ROW_STRINGS = {
  select: { sv: 'Välj', en: 'Select' },
  noName: { sv: 'namn saknas', en: 'no name' },
  noOrganisation: { sv: 'utan organisation', en: 'no organisation' },
  notRegistered: { sv: 'ingen anmälan', en: 'no registration' },
};

const COLUMNS: readonly SortKey[] = ['name', 'organisation', 'email', 'status', 'received'];
/** Shares of the table's width; the table scrolls sideways in a narrow pane rather than squeezing the text. */
const COLUMN_WIDTHS: Readonly<Record<SortKey, string>> = {
  name: '22%',
  organisation: '22%',
  email: '26%',
  status: '14%',
  received: '16%',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  statuses: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  field: { minWidth: '12rem', flexGrow: 1 },
  scroller: {
    overflow: 'auto',
    position: 'relative',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: { minWidth: '44rem' },
  // Heights are exact and separators are shadows, not borders: the spacers' heights must equal the rows they stand for.
  row: { height: `${ROW_HEIGHT}px`, borderBottomWidth: 0, boxShadow: `inset 0 -1px 0 ${tokens.colorNeutralStroke2}` },
  bodyRow: {
    height: `${ROW_HEIGHT}px`,
    color: tokens.colorNeutralForeground1,
    boxShadow: `inset 0 -1px 0 ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  headerCell: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset 0 -1px 0 ${tokens.colorNeutralStroke1}`,
  },
  checkColumn: { width: '2.75rem' },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalS}`,
    verticalAlign: 'middle',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  spacer: { padding: 0, border: 'none' },
});

function capitalised(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

function receivedText(registeredAt: string, timeZone: string, language: Language): string {
  const instant = parseZonedIso(registeredAt);
  return `${formatDate(instant, timeZone, language)}${language === 'sv' ? ' kl. ' : ', '}${formatClock(instant, timeZone, language)}`;
}

interface StatusRowProps {
  readonly person: PersonStatus;
  /** aria-rowindex: 1-based, the header row is 1. */
  readonly rowIndex: number;
  readonly selectable: boolean;
  readonly checked: boolean;
  readonly onToggle: (email: string, checked: boolean) => void;
  readonly timeZone: string;
}

/**
 * One person. Memoised: scrolling, filtering or ticking another row re-renders only rows whose props changed. Plain
 * table elements styled once by class, not Fluent's TableRow and TableCell: a row mounts on every scroll step, and
 * the row and cell components' hooks cost more than the whole row otherwise does.
 */
const StatusRow = memo(function StatusRow({ person, rowIndex, selectable, checked, onToggle, timeZone }: StatusRowProps) {
  const language = useLanguage();
  const t = useStrings(ROW_STRINGS);
  const styles = useStyles();
  const cell = styles.cell;
  const missing = mergeClasses(styles.cell, styles.missing);
  const status = statusDetail(person, language);
  return (
    <tr aria-rowindex={rowIndex} data-email={person.email} className={styles.bodyRow}>
      {selectable && (
        <td className={cell}>
          {isInvitable(person) && (
            <Checkbox
              checked={checked}
              onChange={(_e, data) => onToggle(person.email, data.checked === true)}
              aria-label={`${t.select} ${person.name === null ? person.email : `${person.name} (${person.email})`}`}
            />
          )}
        </td>
      )}
      {person.name === null ? (
        <td className={missing}>{t.noName}</td>
      ) : (
        <td className={cell} title={person.name}>
          {person.name}
        </td>
      )}
      {person.organisation === null ? (
        <td className={missing}>{t.noOrganisation}</td>
      ) : (
        <td className={cell} title={person.organisation}>
          {person.organisation}
        </td>
      )}
      <td className={cell} title={person.email}>
        {person.email}
      </td>
      <td className={cell} title={status}>
        {status}
      </td>
      {person.registeredAt === null ? (
        <td className={missing}>{t.notRegistered}</td>
      ) : (
        <td className={cell}>{receivedText(person.registeredAt, timeZone, language)}</td>
      )}
    </tr>
  );
});

export interface StatusTableProps {
  /** The reconciliation's people, in its order (by registration time). */
  readonly people: readonly PersonStatus[];
  /** The meeting's zone: the received column is shown in it. */
  readonly timeZone: string;
  /**
   * The normalised e-mails picked to be invited. With onSelectionChange it turns the selection on: people who can
   * be invited (received or waitlisted) get a checkbox, and a header checkbox picks everyone shown who can be.
   */
  readonly selected?: ReadonlySet<string>;
  readonly onSelectionChange?: (selected: ReadonlySet<string>) => void;
  /** The height of the scrolling list in pixels; measured in the browser when absent. */
  readonly viewportHeight?: number;
}

export function StatusTable({ people, timeZone, selected, onSelectionChange, viewportHeight }: StatusTableProps) {
  const language = useLanguage();
  const t = useStrings(STRINGS);
  const styles = useStyles();
  const hintId = useId();
  const selectable = selected !== undefined && onSelectionChange !== undefined;

  const [statuses, setStatuses] = useState<ReadonlySet<RegistrationStatus>>(new Set());
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TableSort>(DEFAULT_SORT);
  const [focusedEmail, setFocusedEmail] = useState<string | null>(null);
  // Typing stays immediate; the table follows when React has time (the filter runs over every person).
  const deferredSearch = useDeferredValue(search);

  const organisations = useMemo(() => organisationOptions(people), [people]);
  const statusCounts = useMemo(() => {
    const counts = new Map<RegistrationStatus, number>();
    for (const person of people) counts.set(person.status, (counts.get(person.status) ?? 0) + 1);
    return counts;
  }, [people]);
  const sorted = useMemo(() => sortPeople(people, sort), [people, sort]);
  const filter: TableFilter = useMemo(
    () => ({ statuses, organisation, search: deferredSearch }),
    [statuses, organisation, deferredSearch],
  );
  const rows = useMemo(() => filterPeople(sorted, filter), [sorted, filter]);
  const shownInvitable = useMemo(() => rows.filter(isInvitable).map((p) => p.email), [rows]);
  const selectedCount = useMemo(
    () => (selected === undefined ? 0 : people.reduce((n, p) => (isInvitable(p) && selected.has(p.email) ? n + 1 : n), 0)),
    [people, selected],
  );

  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const virtual = useVirtualRows(scrollerRef, {
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    viewportHeight,
    fallbackHeight: FALLBACK_VIEWPORT_HEIGHT,
  });
  const focusedIndex = focusedEmail === null ? -1 : rows.findIndex((p) => p.email === focusedEmail);
  const segments = rowSegments(rows.length, virtual.range, focusedIndex < 0 ? null : focusedIndex);

  // Rows get one toggle function for the table's lifetime, so a changed selection re-renders only the rows whose
  // checkbox changed; it reads the latest selection from here.
  const latest = useRef({ selected, onSelectionChange });
  useLayoutEffect(() => {
    latest.current = { selected, onSelectionChange };
  });
  const toggle = useCallback((email: string, checked: boolean) => {
    const { selected: current, onSelectionChange: change } = latest.current;
    if (current === undefined || change === undefined) return;
    const next = new Set(current);
    if (checked) next.add(email);
    else next.delete(email);
    change(next);
  }, []);

  const shownSelected = selected === undefined ? 0 : shownInvitable.filter((email) => selected.has(email)).length;
  const allShown: boolean | 'mixed' = shownSelected === 0 ? false : shownSelected === shownInvitable.length ? true : 'mixed';
  const selectAllShown = (checked: boolean): void => {
    if (selected === undefined || onSelectionChange === undefined) return;
    const next = new Set(selected);
    for (const email of shownInvitable) {
      if (checked) next.add(email);
      else next.delete(email);
    }
    onSelectionChange(next);
  };

  // A new filter or order starts at the top of its list.
  const refilter = (change: () => void): void => {
    change();
    virtual.scrollTo(0);
  };
  const sortBy = (key: SortKey): void => {
    refilter(() =>
      setSort(
        sort.key === key
          ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
          : { key, direction: 'ascending' },
      ),
    );
  };
  const onRowFocus = (event: FocusEvent<HTMLElement>): void => {
    const row = event.target instanceof Element ? event.target.closest('tr[data-email]') : null;
    setFocusedEmail(row?.getAttribute('data-email') ?? null);
  };
  const onRowBlur = (event: FocusEvent<HTMLElement>): void => {
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setFocusedEmail(null);
  };

  const columnCount = COLUMNS.length + (selectable ? 1 : 0);
  const shown = `${t.showing} ${formatCount(rows.length, language)} ${t.of} ${formatCount(people.length, language)}`;
  const summary = selectable ? `${shown} · ${formatCount(selectedCount, language)} ${t.selected}` : shown;
  const empty = people.length === 0 ? t.nobody : rows.length === 0 ? t.noMatch : null;

  return (
    <div className={styles.root}>
      <div className={styles.controls} role="group" aria-label={t.filters}>
        <fieldset className={styles.statuses}>
          <legend className={styles.legend}>{t.statusFilter}</legend>
          {REGISTRATION_STATUSES.map((status) => (
            <Checkbox
              key={status}
              label={`${capitalised(statusWord(status, language))} (${formatCount(statusCounts.get(status) ?? 0, language)})`}
              checked={statuses.has(status)}
              onChange={(_e, data) =>
                refilter(() => {
                  const next = new Set(statuses);
                  if (data.checked === true) next.add(status);
                  else next.delete(status);
                  setStatuses(next);
                })
              }
            />
          ))}
        </fieldset>
        <Field label={t.organisation} className={styles.field}>
          <Select
            value={organisation === null ? '' : `=${organisation}`}
            onChange={(_e, data) => refilter(() => setOrganisation(data.value === '' ? null : data.value.slice(1)))}
          >
            <option value="">{t.allOrganisations}</option>
            {organisations.map((option) => (
              // Values carry a prefix so "all" ('') and "without organisation" (an empty key) stay apart.
              <option key={option.key} value={`=${option.key}`}>
                {`${option.key === WITHOUT_ORGANISATION ? t.withoutOrganisation : (option.organisation ?? '')} (${formatCount(option.count, language)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.search} hint={t.searchHint} className={styles.field}>
          <SearchBox
            type="search"
            value={search}
            dismiss={{ 'aria-label': t.clearSearch }}
            onChange={(_e, data) => refilter(() => setSearch(data.value))}
          />
        </Field>
      </div>
      <Text role="status">{empty === null ? summary : `${summary}. ${empty}`}</Text>
      <span id={hintId} hidden>
        {t.keys}
      </span>
      {/* A scrollable region must be reachable and scrollable by keyboard (WCAG 2.1.1); the linter cannot know it scrolls. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={scrollerRef}
        className={styles.scroller}
        style={viewportHeight === undefined ? { maxHeight: 'min(70vh, 36rem)' } : { height: `${viewportHeight}px` }}
        role="region"
        aria-label={t.list}
        aria-describedby={hintId}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onScroll={virtual.onScroll}
        onKeyDown={virtual.onKeyDown}
      >
        <Table sortable size="small" aria-label={t.table} aria-rowcount={rows.length + 1} className={styles.table}>
          <TableHeader>
            <TableRow aria-rowindex={1} className={styles.row}>
              {selectable && (
                <TableHeaderCell
                  sortable={false}
                  aria-label={t.selection}
                  className={mergeClasses(styles.headerCell, styles.checkColumn)}
                >
                  <Checkbox
                    checked={allShown}
                    disabled={shownInvitable.length === 0}
                    aria-label={t.selectAll}
                    onChange={(_e, data) => selectAllShown(data.checked === true)}
                  />
                </TableHeaderCell>
              )}
              {COLUMNS.map((key) => (
                <TableHeaderCell
                  key={key}
                  className={styles.headerCell}
                  style={{ width: COLUMN_WIDTHS[key] }}
                  {...(sort.key === key ? { sortDirection: sort.direction } : {})}
                  button={{ onClick: () => sortBy(key) }}
                >
                  {t[key]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody onFocus={onRowFocus} onBlur={onRowBlur}>
            {/* One flat list keyed by e-mail: a row keeps its DOM node (and the focus) when the segments around it change. */}
            {segments.flatMap((segment) =>
              segment.kind === 'gap'
                ? [
                    // Stands for the rows not rendered: their exact height keeps the scroll bar and position true.
                    <tr
                      key={`gap-${segment.start}`}
                      aria-hidden="true"
                      style={{ height: (segment.end - segment.start) * ROW_HEIGHT }}
                    >
                      <td colSpan={columnCount} className={styles.spacer} />
                    </tr>,
                  ]
                : rows
                    .slice(segment.start, segment.end)
                    .map((person, i) => (
                      <StatusRow
                        key={person.email}
                        person={person}
                        rowIndex={segment.start + i + 2}
                        selectable={selectable}
                        checked={selected?.has(person.email) === true}
                        onToggle={toggle}
                        timeZone={timeZone}
                      />
                    )),
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
