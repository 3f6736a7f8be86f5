// @vitest-environment jsdom
/**
 * The agenda editor by role, in Swedish and English: the walkthrough's step 3 on the seed consultation (durations,
 * an added closing part, the time plan filling in, the overrun, the re-plan and its undo), invalid durations that
 * stay in the field without reaching the document, reordering by keyboard, removal with undo, and where focus goes.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import type { Language } from '../../../src/views/i18n';
import { sampleConsultation } from '../../support/consultations';
import { renderEditors, seedConsultation } from './support';

afterEach(cleanup);

const WORDS = {
  sv: {
    duration: 'Längd (minuter)',
    title: 'Rubrik',
    presenters: 'Presenteras av',
    partTitle: 'Delens rubrik',
    addItemTo: (part: string) => `Lägg till punkt i ${part}`,
    addPart: 'Lägg till del',
    table: 'Tidsplan',
    missing: 'Tidsplanen saknar längder för 4 punkter',
    overruns: 'Överskrider sluttiden med 5 min',
    fitsExactly: 'Tidsplanen ryms precis',
    proposal: 'Förslag till ny tidsplan',
    apply: 'Använd förslaget',
    replanned: 'Tidsplanen gjordes om: 5 punkter fick nya längder.',
    undo: 'Ångra',
    closing: 'Avslutning',
    newItem: 'Ny punkt',
    times: ['13.00–13.10', '13.10–13.30', '13.30–13.45', '13.45–14.00', '14.00–14.15', '14.15–14.30', '14.30–14.35'],
  },
  en: {
    duration: 'Duration (minutes)',
    title: 'Title',
    presenters: 'Presented by',
    partTitle: 'Title of the part',
    addItemTo: (part: string) => `Add item to ${part}`,
    addPart: 'Add part',
    table: 'Time plan',
    missing: 'Durations missing for 4 items',
    overruns: 'Overruns the end by 5 min',
    fitsExactly: 'Fits exactly',
    proposal: 'Proposed new time plan',
    apply: 'Apply the proposal',
    replanned: 'The time plan was re-planned: 5 items got new durations.',
    undo: 'Undo',
    closing: 'Closing',
    newItem: 'New item',
    times: ['13:00–13:10', '13:10–13:30', '13:30–13:45', '13:45–14:00', '14:00–14:15', '14:15–14:30', '14:30–14:35'],
  },
} as const;

const item = (name: string | RegExp): HTMLElement => screen.getByRole('group', { name });
/** The item is found by role; its field by its label (the cheaper query: role queries compute every name in the pane). */
const field = (itemName: string | RegExp, label: string): HTMLElement => within(item(itemName)).getByLabelText(label);
const durations = (c: Consultation): (number | null)[] => c.agenda.parts.flatMap((p) => p.items.map((i) => i.durationMinutes));
const layout = (c: Consultation): string[][] => c.agenda.parts.map((p) => [p.title, ...p.items.map((i) => i.title)]);

/** The time column of the time plan table, row by row. */
function plannedTimes(tableName: string): string[] {
  const rows = within(screen.getByRole('table', { name: tableName }))
    .getAllByRole('row')
    .slice(1);
  return rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

describe('the walkthrough, step 3, on the seed consultation', () => {
  it.each<Language>(['sv', 'en'])(
    'durations 10 + 20 + 15, 3 × 15 and 5 min closing: the plan fills in, overruns by 5 min, is re-planned and undone (%s)',
    async (language) => {
      const w = WORDS[language];
      const user = userEvent.setup();
      const editing = renderEditors(seedConsultation(), language, 'agenda');
      expect(screen.getByText(w.missing)).toBeInTheDocument();
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
        'Information',
        'Diskussion',
        w.table,
      ]);

      await user.type(field('Information', w.duration), '10');

      // Two more information items, added where the invitation's single item stands.
      for (const [title, presenter, minutes] of [
        ['OGP-processen och handlingsplanen', 'Finansdepartementet', '20'],
        ['Implementeringen av handlingsplanen', 'Myndigheten för digital förvaltning', '15'],
      ] as const) {
        await user.click(screen.getByRole('button', { name: w.addItemTo('Information') }));
        // Focus is on the new item's title, its placeholder selected: what is typed (or pasted) replaces it.
        const focused = document.activeElement;
        expect(screen.getAllByRole('textbox', { name: w.title })).toContain(focused);
        expect(focused).toHaveValue(w.newItem);
        await user.paste(title);
        await user.click(field(title, w.presenters));
        await user.paste(presenter);
        await user.type(field(title, w.duration), minutes);
      }

      for (const discussion of [/^Syften och nyttor/, /^Tillgängliggörande/, /^Utmaningarna/]) {
        await user.type(field(discussion, w.duration), '15');
      }

      // The seed has no closing item: a closing part with one item of 5 minutes.
      await user.click(screen.getByRole('button', { name: w.addPart }));
      await user.paste(w.closing);
      expect(screen.getByRole('region', { name: w.closing })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: w.addItemTo(w.closing) }));
      await user.paste(w.closing);
      await user.type(field(w.closing, w.duration), '5');

      expect(layout(editing.latest())).toEqual([
        ['Information', 'Information', 'OGP-processen och handlingsplanen', 'Implementeringen av handlingsplanen'],
        [
          'Diskussion',
          expect.stringMatching(/^Syften/),
          expect.stringMatching(/^Tillgängliggörande/),
          expect.stringMatching(/^Utmaningarna/),
        ],
        [w.closing, w.closing],
      ]);
      expect(durations(editing.latest())).toEqual([10, 20, 15, 15, 15, 15, 5]);
      expect(plannedTimes(w.table)).toEqual(w.times);
      // The status line is a polite live region, so the overrun is announced as soon as it appears.
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(w.overruns);

      const offer = screen.getByRole('group', { name: w.proposal });
      expect(within(offer).getByText('OGP-processen och handlingsplanen: 20 → 19 min')).toBeInTheDocument();
      await user.click(within(offer).getByRole('button', { name: w.apply }));

      expect(screen.queryByText(w.overruns)).not.toBeInTheDocument();
      expect(screen.queryByRole('group', { name: w.proposal })).not.toBeInTheDocument();
      expect(screen.getByText(w.fitsExactly)).toBeInTheDocument();
      expect(screen.getByText(w.replanned)).toBeInTheDocument();
      expect(durations(editing.latest())).toEqual([10, 19, 14, 14, 14, 14, 5]);
      expect(field('OGP-processen och handlingsplanen', w.duration)).toHaveValue('19');
      expect(plannedTimes(w.table).at(-1)).toBe(language === 'sv' ? '14.25–14.30' : '14:25–14:30');
      // The apply button is gone: focus goes to the undo beside the notice.
      expect(screen.getByRole('button', { name: w.undo })).toHaveFocus();

      await user.keyboard('{Enter}');
      expect(durations(editing.latest())).toEqual([10, 20, 15, 15, 15, 15, 5]);
      expect(screen.getByText(w.overruns)).toBeInTheDocument();
      expect(field('OGP-processen och handlingsplanen', w.duration)).toHaveValue('20');
      expect(screen.queryByRole('button', { name: w.undo })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: w.apply })).toHaveFocus();
    },
  );
});

describe('durations', () => {
  it.each<[Language, string, RegExp]>([
    ['sv', 'Längd (minuter)', /"abc" är ingen giltig längd\. Ange längden i hela minuter, 0–1440/],
    ['en', 'Duration (minutes)', /"abc" is not a valid duration\. Give the duration in whole minutes, 0–1440/],
  ])('shows why "abc" is no duration, keeps the text and hands nothing up (%s)', async (language, label, message) => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), language, 'agenda');
    const input = field('Inledning', label);
    await user.clear(input);
    const afterClearing = editing.changes.length;
    expect(editing.latest().agenda.parts[0]?.items[0]?.durationMinutes).toBeNull();

    await user.type(input, 'abc');
    expect(input).toHaveValue('abc');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(within(item('Inledning')).getByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveAccessibleDescription(message);
    expect(editing.changes).toHaveLength(afterClearing);
  });

  it('refuses -5 and 2000 without losing them; what was valid on the way is kept', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'sv', 'agenda');
    const input = field('Inledning', 'Längd (minuter)');
    await user.clear(input);
    const before = editing.changes.length;
    await user.type(input, '-5');
    expect(input).toHaveValue('-5');
    expect(within(item('Inledning')).getByRole('alert')).toHaveTextContent('"-5" är ingen giltig längd.');
    expect(editing.changes).toHaveLength(before);

    await user.clear(input);
    await user.type(input, '2000');
    expect(input).toHaveValue('2000');
    expect(within(item('Inledning')).getByRole('alert')).toHaveTextContent('"2000" är ingen giltig längd.');
    expect(editing.latest().agenda.parts[0]?.items[0]?.durationMinutes).toBe(200);

    await user.type(input, '{Backspace}');
    expect(within(item('Inledning')).queryByRole('alert')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(editing.latest().agenda.parts[0]?.items[0]?.durationMinutes).toBe(200);
    // 200 minutes already pass the end, whatever the item without a duration takes.
    expect(screen.getByText('Överskrider sluttiden med 110 min')).toBeInTheDocument();
  });

  it('an emptied title says so and keeps the document’s title', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'en', 'agenda');
    await user.clear(field('Inledning', 'Title'));
    expect(within(item('Inledning')).getByRole('alert')).toHaveTextContent('The item’s title must not be empty.');
    expect(editing.changes).toHaveLength(0);
    await user.type(field('Inledning', 'Title'), 'Välkommen ');
    expect(editing.latest().agenda.parts[0]?.items[0]?.title).toBe('Välkommen');
    // The trailing space stays in the field while the document holds the trimmed title.
    expect(field('Välkommen', 'Title')).toHaveValue('Välkommen ');
  });
});

describe('reordering by keyboard', () => {
  it('moves an item down into the next part and back up, focus staying on the button (sv)', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'sv', 'agenda');
    act(() => screen.getByRole('button', { name: 'Flytta ned Inledning' }).focus());

    await user.keyboard('{Enter}');
    expect(layout(editing.latest())).toEqual([['Information'], ['Diskussion', 'Inledning', 'Fråga 1']]);
    expect(
      within(screen.getByRole('region', { name: 'Diskussion' }))
        .getAllByRole('group')
        .map((g) => g.querySelector('legend')?.textContent),
    ).toEqual(['Inledning', 'Fråga 1']);
    expect(screen.getByRole('button', { name: 'Flytta ned Inledning' })).toHaveFocus();
    expect(screen.getByText('Inledning är nu punkt 1 av 2, i delen Diskussion.')).toBeInTheDocument();

    await user.keyboard(' ');
    expect(layout(editing.latest())).toEqual([['Information'], ['Diskussion', 'Fråga 1', 'Inledning']]);
    // Last on the agenda: the button is disabled but keeps focus, and pressing it does nothing.
    const down = screen.getByRole('button', { name: 'Flytta ned Inledning' });
    expect(down).toHaveFocus();
    expect(down).toHaveAttribute('aria-disabled', 'true');
    const count = editing.changes.length;
    await user.keyboard('{Enter}');
    expect(editing.changes).toHaveLength(count);

    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Flytta upp Inledning' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(layout(editing.latest())).toEqual([
      ['Information', 'Inledning'],
      ['Diskussion', 'Fråga 1'],
    ]);
    expect(screen.getByRole('button', { name: 'Flytta upp Inledning' })).toHaveFocus();
  });

  it('moves a part up, its items with it (en)', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'en', 'agenda');
    act(() => screen.getByRole('button', { name: 'Move up the part Diskussion' }).focus());
    await user.keyboard('{Enter}');
    expect(layout(editing.latest())).toEqual([
      ['Diskussion', 'Fråga 1'],
      ['Information', 'Inledning'],
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Diskussion',
      'Information',
      'Time plan',
    ]);
    expect(screen.getByRole('button', { name: 'Move up the part Diskussion' })).toHaveFocus();
    expect(screen.getByText('The part Diskussion is now part 1 of 2.')).toBeInTheDocument();
  });
});

describe('adding, renaming and removing', () => {
  it('removes an item with undo; its question is unlinked and linked again (sv)', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'sv', 'agenda');
    await user.click(screen.getByRole('button', { name: 'Ta bort Fråga 1' }));
    expect(layout(editing.latest())).toEqual([['Information', 'Inledning'], ['Diskussion']]);
    expect(editing.latest().questions[0]?.agendaItemId).toBeNull();
    expect(screen.getByText('Punkten Fråga 1 togs bort.')).toBeInTheDocument();
    expect(screen.getByText('Delen har inga punkter än.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ångra' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(editing.latest().agenda).toEqual(sampleConsultation().agenda);
    expect(editing.latest().questions).toEqual(sampleConsultation().questions);
    expect(field('Fråga 1', 'Rubrik')).toHaveFocus();
  });

  it('offers undo only until the next change', async () => {
    const user = userEvent.setup();
    renderEditors(sampleConsultation(), 'en', 'agenda');
    await user.click(screen.getByRole('button', { name: 'Remove Fråga 1' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await user.type(field('Inledning', 'Duration (minutes)'), '0');
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.queryByText('The item Fråga 1 was removed.')).not.toBeInTheDocument();
  });

  it('adds a part, renames it, gives it an item, and removes it with its item (en)', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'en', 'agenda');
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    const title = within(screen.getByRole('region', { name: 'New part' })).getByRole('textbox', { name: 'Title of the part' });
    expect(title).toHaveFocus();
    expect(title).toHaveValue('New part');
    await user.keyboard('Summary');
    expect(screen.getByRole('heading', { level: 3, name: 'Summary' })).toBeInTheDocument();
    expect(editing.latest().agenda.parts[2]).toEqual({ id: 'part-3', title: 'Summary', items: [] });

    await user.click(screen.getByRole('button', { name: 'Add item to Summary' }));
    await user.keyboard('Next steps');
    expect(layout(editing.latest())[2]).toEqual(['Summary', 'Next steps']);

    await user.click(screen.getByRole('button', { name: 'Remove the part Summary' }));
    expect(layout(editing.latest())).toEqual([
      ['Information', 'Inledning'],
      ['Diskussion', 'Fråga 1'],
    ]);
    expect(screen.getByText('The part Summary was removed with its items.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
  });

  it('edits presenters as a comma-separated list', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'sv', 'agenda');
    await user.type(field('Inledning', 'Presenteras av'), ', Riksarkivet');
    expect(editing.latest().agenda.parts[0]?.items[0]?.presenters).toEqual(['Finansdepartementet', 'Riksarkivet']);
    const row = within(screen.getByRole('table', { name: 'Tidsplan' })).getAllByRole('row')[1];
    expect(row).toHaveTextContent('presenteras av Finansdepartementet, Riksarkivet');
  });
});
