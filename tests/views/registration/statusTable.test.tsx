// @vitest-environment jsdom
/**
 * The status table and the per-organisation summary by role, in Swedish and English: filter by status and
 * organisation, search, sort (aria-sort follows), selection of the people who can be invited only, 5,000 people
 * of whom only a window is in the DOM and which scrolling (by wheel or by key) moves, and mail-borne script payloads
 * that stay inert text.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REGISTRATION_STATUSES,
  type OrganisationTotals,
  type PersonStatus,
  type RegistrationStatus,
} from '../../../src/core/registration';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { OrganisationSummary } from '../../../src/views/registration/OrganisationSummary';
import { FALLBACK_VIEWPORT_HEIGHT, ROW_HEIGHT, StatusTable } from '../../../src/views/registration/StatusTable';

afterEach(cleanup);

function person(partial: Partial<PersonStatus> & { email: string }): PersonStatus {
  return {
    name: null,
    organisation: null,
    status: 'received',
    source: 'ledger',
    registeredAt: '2023-11-20T10:00:00+01:00',
    entryIds: ['e'],
    response: null,
    holdsSeat: true,
    overCapacity: false,
    waitlistPosition: null,
    ...partial,
  };
}

const FEW: readonly PersonStatus[] = [
  person({ email: 'anna@radda.se', name: 'Åsa Åberg', organisation: 'Rädda Barnen', registeredAt: '2023-11-20T09:05:00+01:00' }),
  person({
    email: 'bo@kfum.se',
    name: 'Bo Öst',
    organisation: 'KFUM',
    status: 'invited',
    response: 'notResponded',
    registeredAt: '2023-11-20T11:40:00+01:00',
  }),
  person({
    email: 'cilla@radda.se',
    name: 'Ärla Ek',
    organisation: 'rädda  barnen',
    status: 'waitlisted',
    waitlistPosition: 1,
    holdsSeat: false,
    registeredAt: '2023-11-21T08:00:00+01:00',
  }),
  person({ email: 'david@exempel.se', name: 'David Élan', status: 'cancelled', registeredAt: '2023-11-21T12:30:00+01:00' }),
  person({
    email: 'presentator@digg.se',
    name: 'Eva Presentatör',
    status: 'accepted',
    response: 'accepted',
    source: 'attendee-only',
    registeredAt: null,
  }),
];

interface Shown {
  readonly changes: ReadonlySet<string>[];
}

function Selecting({
  people,
  initial,
  record,
}: {
  people: readonly PersonStatus[];
  initial: ReadonlySet<string>;
  record: (s: ReadonlySet<string>) => void;
}) {
  const [selected, setSelected] = useState(initial);
  return (
    <StatusTable
      people={people}
      timeZone="Europe/Stockholm"
      selected={selected}
      onSelectionChange={(next) => {
        record(next);
        setSelected(next);
      }}
    />
  );
}

function show(
  language: Language,
  people: readonly PersonStatus[],
  options: { selectable?: boolean; initial?: ReadonlySet<string>; viewportHeight?: number } = {},
): Shown {
  const changes: ReadonlySet<string>[] = [];
  const table =
    options.selectable === true ? (
      <Selecting people={people} initial={options.initial ?? new Set()} record={(s) => changes.push(s)} />
    ) : options.viewportHeight === undefined ? (
      <StatusTable people={people} timeZone="Europe/Stockholm" />
    ) : (
      <StatusTable people={people} timeZone="Europe/Stockholm" viewportHeight={options.viewportHeight} />
    );
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>{table}</LanguageContext.Provider>
    </FluentProvider>,
  );
  return { changes };
}

/** The body rows in the DOM (the header row and the spacers left out), as their cells' text. */
function bodyRows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

function emailsShown(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .flatMap((row) => {
      const email = row.getAttribute('data-email');
      return email === null ? [] : [email];
    });
}

function renderedIndices(): number[] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .map((row) => Number(row.getAttribute('aria-rowindex')))
    .filter((index) => index > 1);
}

describe('StatusTable', () => {
  it.each<[Language, string, string, string, string]>([
    ['sv', 'Status per person', 'Visar 5 av 5', 'anmäld', '20 november 2023 kl. 09.05'],
    ['en', 'Status per person', 'Showing 5 of 5', 'registered', '20 November 2023, 09:05'],
  ])('shows every person with their status and when their registration came in (%s)', (language, name, count, received, at) => {
    show(language, FEW);
    const table = screen.getByRole('table', { name });
    expect(table).toHaveAttribute('aria-rowcount', '6');
    expect(screen.getByRole('status')).toHaveTextContent(count);
    const rows = bodyRows();
    expect(rows[0]).toEqual(['Åsa Åberg', 'Rädda Barnen', 'anna@radda.se', received, at]);
    expect(rows.map((r) => r[2])).toEqual([
      'anna@radda.se',
      'bo@kfum.se',
      'cilla@radda.se',
      'david@exempel.se',
      'presentator@digg.se',
    ]);
    expect(rows[2]?.[3]).toBe(language === 'sv' ? 'på väntelista, plats 1' : 'waitlisted, place 1');
    // Invited without registering: no organisation, no registration time, said in words.
    expect(rows[4]).toEqual(
      language === 'sv'
        ? ['Eva Presentatör', 'utan organisation', 'presentator@digg.se', 'tackat ja', 'ingen anmälan']
        : ['Eva Presentatör', 'no organisation', 'presentator@digg.se', 'accepted', 'no registration'],
    );
    expect(within(table).getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '2');
  });

  it('filters by status, several at once (sv)', async () => {
    show('sv', FEW);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Inbjuden (1)' }));
    expect(emailsShown()).toEqual(['bo@kfum.se']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'På väntelista (1)' }));
    expect(emailsShown()).toEqual(['bo@kfum.se', 'cilla@radda.se']);
    expect(screen.getByRole('status')).toHaveTextContent('Visar 2 av 5');
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '3');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Inbjuden (1)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'På väntelista (1)' }));
    expect(emailsShown()).toHaveLength(5);
  });

  it('filters by organisation, spellings of one organisation together, and the people without one (en)', async () => {
    show('en', FEW);
    const organisation = screen.getByRole('combobox', { name: 'Organisation' });
    expect(
      within(organisation)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All organisations', 'KFUM (1)', 'Rädda Barnen (2)', 'No organisation (2)']);
    await userEvent.selectOptions(organisation, 'Rädda Barnen (2)');
    expect(emailsShown()).toEqual(['anna@radda.se', 'cilla@radda.se']);
    await userEvent.selectOptions(organisation, 'No organisation (2)');
    expect(emailsShown()).toEqual(['david@exempel.se', 'presentator@digg.se']);
    await userEvent.selectOptions(organisation, 'All organisations');
    expect(emailsShown()).toHaveLength(5);
  });

  it.each<[Language, string, string, string[]]>([
    ['sv', 'Sök', 'ÅBERG', ['anna@radda.se']],
    ['sv', 'Sök', 'elan', ['david@exempel.se']],
    ['en', 'Search', 'radda.se', ['anna@radda.se', 'cilla@radda.se']],
    ['en', 'Search', 'rädda ärla', ['cilla@radda.se']],
  ])(
    'searches names, organisations and e-mails, whatever the case and accents (%s: "%s" → %j)',
    async (language, label, query, emails) => {
      show(language, FEW);
      await userEvent.type(screen.getByRole('searchbox', { name: label }), query);
      expect(emailsShown()).toEqual(emails);
    },
  );

  it('says when nobody matches, and when there is nobody yet', async () => {
    show('en', FEW);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'zzz');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 0 of 5. Nobody matches the search and filters.');
    cleanup();
    show('sv', []);
    expect(screen.getByRole('status')).toHaveTextContent('Visar 0 av 0. Inga anmälningar ännu.');
  });

  it.each<[Language, string, string]>([
    ['sv', 'Namn', 'Inkom'],
    ['en', 'Name', 'Received'],
  ])('sorts by a column header; aria-sort says which and how (%s)', async (language, nameColumn, receivedColumn) => {
    show(language, FEW);
    const header = (name: string): HTMLElement => screen.getByRole('columnheader', { name });
    expect(header(receivedColumn)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(nameColumn)).toHaveAttribute('aria-sort', 'none');

    await userEvent.click(within(header(nameColumn)).getByRole('button', { name: nameColumn }));
    expect(header(nameColumn)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(receivedColumn)).toHaveAttribute('aria-sort', 'none');
    // Swedish order whatever the language of the pane: Å, Ä, Ö after Z, and Å before Ä.
    expect(bodyRows().map((r) => r[0])).toEqual(['Bo Öst', 'David Élan', 'Eva Presentatör', 'Åsa Åberg', 'Ärla Ek']);

    // By keyboard: the header's sort button answers Enter.
    within(header(nameColumn)).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    expect(header(nameColumn)).toHaveAttribute('aria-sort', 'descending');
    expect(bodyRows().map((r) => r[0])).toEqual(['Ärla Ek', 'Åsa Åberg', 'Eva Presentatör', 'David Élan', 'Bo Öst']);
  });

  it('sorts by status in the order a registration moves (en)', async () => {
    show('en', FEW);
    await userEvent.click(screen.getByRole('button', { name: 'Status' }));
    expect(bodyRows().map((r) => r[3])).toEqual(['registered', 'invited', 'accepted', 'cancelled', 'waitlisted, place 1']);
  });

  describe('selection', () => {
    it.each<[Language, string, string]>([
      ['sv', 'Välj', 'Välj alla visade som kan bjudas in'],
      ['en', 'Select', 'Select everyone shown who can be invited'],
    ])('offers only the people who can be invited: registered or waitlisted (%s)', async (language, select, selectAll) => {
      const { changes } = show(language, FEW, { selectable: true });
      const rowBoxes = within(screen.getByRole('table'))
        .getAllByRole('checkbox')
        .filter((box) => box.getAttribute('aria-label') !== selectAll);
      expect(rowBoxes.map((box) => box.getAttribute('aria-label'))).toEqual([
        `${select} Åsa Åberg (anna@radda.se)`,
        `${select} Ärla Ek (cilla@radda.se)`,
      ]);
      await userEvent.click(screen.getByRole('checkbox', { name: `${select} Ärla Ek (cilla@radda.se)` }));
      expect([...(changes.at(-1) ?? [])]).toEqual(['cilla@radda.se']);
      expect(screen.getByRole('checkbox', { name: selectAll })).toBePartiallyChecked();
      expect(screen.getByRole('status')).toHaveTextContent(
        language === 'sv' ? 'Visar 5 av 5 · 1 valda' : 'Showing 5 of 5 · 1 selected',
      );
    });

    it('selects everyone shown who can be invited, keeps the rest of the selection, and clears only what is shown (sv)', async () => {
      const { changes } = show('sv', FEW, { selectable: true, initial: new Set(['anna@radda.se']) });
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Organisation' }), 'Rädda Barnen (2)');
      await userEvent.click(screen.getByRole('checkbox', { name: 'På väntelista (1)' }));
      expect(emailsShown()).toEqual(['cilla@radda.se']);

      const selectAll = screen.getByRole('checkbox', { name: 'Välj alla visade som kan bjudas in' });
      expect(selectAll).not.toBeChecked();
      await userEvent.click(selectAll);
      expect([...(changes.at(-1) ?? [])].sort()).toEqual(['anna@radda.se', 'cilla@radda.se']);
      expect(selectAll).toBeChecked();
      await userEvent.click(selectAll);
      expect([...(changes.at(-1) ?? [])]).toEqual(['anna@radda.se']);
    });

    it('cannot select all when nobody shown can be invited (en)', async () => {
      show('en', FEW, { selectable: true });
      await userEvent.click(screen.getByRole('checkbox', { name: 'Accepted (1)' }));
      expect(screen.getByRole('checkbox', { name: 'Select everyone shown who can be invited' })).toBeDisabled();
    });

    it('has no selection column unless the tab asks for one', () => {
      show('en', FEW);
      expect(within(screen.getByRole('table')).queryAllByRole('checkbox')).toEqual([]);
      expect(screen.getByRole('status')).toHaveTextContent(/^Showing 5 of 5$/);
    });
  });

  describe('5,000 people', () => {
    const STATUSES: readonly RegistrationStatus[] = REGISTRATION_STATUSES;
    const MANY = Array.from({ length: 5000 }, (_, i) =>
      person({
        email: `person${String(i).padStart(4, '0')}@org${i % 40}.se`,
        name: `Person ${i}`,
        organisation: `Organisation ${i % 40}`,
        status: STATUSES[i % STATUSES.length] ?? 'received',
        registeredAt: `2023-11-${String(1 + Math.floor(i / 200)).padStart(2, '0')}T${String(8 + Math.floor((i % 200) / 20)).padStart(2, '0')}:${String((i % 20) * 3).padStart(2, '0')}:00+01:00`,
      }),
    );

    it('renders only a window of rows, with the whole list’s row count and indices (sv)', () => {
      show('sv', MANY);
      expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '5001');
      expect(screen.getByRole('status')).toHaveTextContent('Visar 5 000 av 5 000');
      const indices = renderedIndices();
      expect(indices.length).toBeGreaterThan(Math.floor(FALLBACK_VIEWPORT_HEIGHT / ROW_HEIGHT) - 1);
      expect(indices.length).toBeLessThan(60);
      expect(indices[0]).toBe(2);
      // The header row is there too, and the spacer below stands for every row not rendered.
      expect(screen.getByRole('columnheader', { name: 'Namn' })).toBeInTheDocument();
      const spacer = screen.getByRole('table').querySelector('tbody > tr[aria-hidden="true"]');
      expect(spacer).toHaveStyle({ height: `${(5000 - indices.length) * ROW_HEIGHT}px` });
    });

    it('renders other rows as the list scrolls, and a given viewport height decides how many (en)', () => {
      show('en', MANY, { viewportHeight: 360 });
      const region = screen.getByRole('region', { name: 'Registration list' });
      const before = renderedIndices();
      fireEvent.scroll(region, { target: { scrollTop: 2000 * ROW_HEIGHT } });
      const after = renderedIndices();
      expect(after).toContain(2002);
      expect(after).not.toContain(2);
      expect(after.length).toBeLessThanOrEqual(before.length + 8);
      expect(within(screen.getByRole('table')).getByText('Person 2000')).toBeInTheDocument();
      // Rows above and below the window are stood for by spacers of their exact height.
      const spacers = [...screen.getByRole('table').querySelectorAll<HTMLElement>('tbody > tr[aria-hidden="true"]')];
      const spacerRows = spacers.reduce((sum, tr) => sum + Number.parseFloat(tr.style.height) / ROW_HEIGHT, 0);
      expect(spacerRows + after.length).toBe(5000);
    });

    it('moves through the rows by keyboard when the list has the focus: End, Home, PageDown, ArrowDown (sv)', async () => {
      show('sv', MANY, { viewportHeight: 360 });
      const region = screen.getByRole('region', { name: 'Anmälningslistan' });
      expect(region).toHaveAccessibleDescription(/Piltangenterna flyttar listan en rad/);
      region.focus();
      expect(region).toHaveFocus();
      await userEvent.keyboard('{End}');
      expect(renderedIndices()).toContain(5001);
      expect(region.scrollTop).toBe(5001 * ROW_HEIGHT - 360);
      await userEvent.keyboard('{Home}');
      expect(renderedIndices()[0]).toBe(2);
      expect(region.scrollTop).toBe(0);
      await userEvent.keyboard('{PageDown}');
      const page = region.scrollTop / ROW_HEIGHT;
      expect(page).toBe(8);
      await userEvent.keyboard('{ArrowDown}');
      expect(region.scrollTop).toBe((page + 1) * ROW_HEIGHT);
      await userEvent.keyboard('{ArrowUp}{ArrowUp}');
      expect(region.scrollTop).toBe((page - 1) * ROW_HEIGHT);
    });

    it('keeps the row that has the focus when it is scrolled out of the window (en)', async () => {
      const selectable = MANY.map((p) => ({ ...p, status: 'received' as const }));
      show('en', selectable, { selectable: true });
      const box = screen.getByRole('checkbox', { name: 'Select Person 3 (person0003@org3.se)' });
      await userEvent.click(box);
      expect(box).toHaveFocus();
      act(() => {
        fireEvent.scroll(screen.getByRole('region', { name: 'Registration list' }), { target: { scrollTop: 3000 * ROW_HEIGHT } });
      });
      expect(renderedIndices()).toContain(3002);
      expect(box).toBeInTheDocument();
      expect(box).toHaveFocus();
      expect(renderedIndices()).toContain(5);
    });

    it('filters the 5,000 and starts the result at its top (en)', async () => {
      show('en', MANY, { viewportHeight: 360 });
      fireEvent.scroll(screen.getByRole('region', { name: 'Registration list' }), { target: { scrollTop: 4000 * ROW_HEIGHT } });
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Organisation' }), 'Organisation 7 (125)');
      expect(screen.getByRole('status')).toHaveTextContent('Showing 125 of 5,000');
      expect(renderedIndices()[0]).toBe(2);
      expect(emailsShown()[0]).toBe('person0007@org7.se');
    });
  });

  it.each<Language>(['sv', 'en'])('shows script and markup from mails as inert text (%s)', (language) => {
    const payloads = [
      person({
        email: 'x@evil.example',
        name: '<img src=x onerror="window.hacked=1">',
        organisation: '<script>window.hacked=1</script>',
      }),
      person({ email: '"><svg onload=alert(1)>@evil.example', name: 'javascript:alert(1)', organisation: '<b>fet</b>' }),
    ];
    show(language, payloads);
    const table = screen.getByRole('table');
    expect(within(table).getByText('<img src=x onerror="window.hacked=1">')).toBeInTheDocument();
    expect(within(table).getByText('<script>window.hacked=1</script>')).toBeInTheDocument();
    expect(within(table).getByText('"><svg onload=alert(1)>@evil.example')).toBeInTheDocument();
    expect(within(table).getByText('<b>fet</b>')).toBeInTheDocument();
    expect(table.querySelector('img, script, svg:not([aria-hidden="true"]), b')).toBeNull();
    expect('hacked' in window).toBe(false);
    // Searching for the payload finds it as text.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '<script>' } });
    expect(emailsShown()).toEqual(['x@evil.example']);
  });
});

describe('OrganisationSummary', () => {
  const totals = (partial: Partial<Record<RegistrationStatus, number>>): Record<RegistrationStatus, number> => ({
    received: 0,
    invited: 0,
    accepted: 0,
    tentative: 0,
    declined: 0,
    cancelled: 0,
    waitlisted: 0,
    ...partial,
  });
  const ORGANISATIONS: readonly OrganisationTotals[] = [
    { organisation: 'Rädda Barnen', totals: totals({ received: 1, invited: 2, accepted: 3, waitlisted: 1 }) },
    { organisation: '<script>alert(1)</script>', totals: totals({ declined: 1, cancelled: 2 }) },
    { organisation: null, totals: totals({ tentative: 1, accepted: 1 }) },
  ];

  function showSummary(language: Language, organisations: readonly OrganisationTotals[]) {
    render(
      <FluentProvider theme={webLightTheme}>
        <LanguageContext.Provider value={language}>
          <OrganisationSummary organisations={organisations} />
        </LanguageContext.Provider>
      </FluentProvider>,
    );
  }

  it.each<[Language, string, string[], string, string]>([
    [
      'sv',
      'Anmälningar per organisation',
      ['Organisation', 'Anmälda', 'Avanmälda', 'Inbjudna', 'Tackat ja', 'Preliminärt', 'Tackat nej', 'På väntelista'],
      'Utan organisation',
      'Totalt',
    ],
    [
      'en',
      'Registrations per organisation',
      ['Organisation', 'Registered', 'Cancelled', 'Invited', 'Accepted', 'Tentative', 'Declined', 'Waitlisted'],
      'No organisation',
      'Total',
    ],
  ])(
    'is a table with a caption, column headers and the organisation as row header (%s)',
    (language, caption, columns, none, total) => {
      showSummary(language, ORGANISATIONS);
      const table = screen.getByRole('table', { name: caption });
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(columns);
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Rädda Barnen', '<script>alert(1)</script>', none, total]);
      const cells = (name: string): string[] =>
        within(within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement)
          .getAllByRole('cell')
          .map((c) => c.textContent);
      // Registered 7 (everyone not cancelled), cancelled 0, invited 5 (invited and answered), answers, waiting list.
      expect(cells('Rädda Barnen')).toEqual(['7', '0', '5', '3', '0', '0', '1']);
      expect(cells('<script>alert(1)</script>')).toEqual(['1', '2', '1', '0', '0', '1', '0']);
      expect(cells(none)).toEqual(['2', '0', '2', '1', '1', '0', '0']);
      expect(cells(total)).toEqual(['10', '2', '8', '4', '1', '1', '1']);
      expect(table.querySelector('script')).toBeNull();
      expect(screen.getByRole('region', { name: caption })).toHaveAttribute('tabindex', '0');
    },
  );

  it('says so when there is nothing to count (en)', () => {
    showSummary('en', []);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No registrations yet.')).toBeInTheDocument();
  });
});
