// @vitest-environment jsdom
/**
 * The questions editor by role, in Swedish and English: each question linked to the agenda item where it is
 * discussed (both sides of the link in the document), added, edited, reordered by keyboard and removed with undo.
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

/** A question's group, inside the questions editor (the sample also has an agenda item called "Fråga 1"). */
const question = (n: number, language: Language): HTMLElement =>
  within(screen.getByRole('region', { name: language === 'sv' ? 'Diskussionsfrågor' : 'Discussion questions' })).getByRole(
    'group',
    { name: language === 'sv' ? `Fråga ${n}` : `Question ${n}` },
  );
const links = (c: Consultation): [string, string | null][] => c.questions.map((q) => [q.id, q.agendaItemId]);
const itemLinks = (c: Consultation): [string, string[]][] =>
  c.agenda.parts.flatMap((p) => p.items.map((i): [string, string[]] => [i.id, i.questionIds]));

describe('links to agenda items', () => {
  it.each<[Language, string, string, string]>([
    ['sv', 'Diskuteras under punkt', 'Information: Information', 'Ingen punkt'],
    ['en', 'Discussed under item', 'Information: Information', 'No item'],
  ])('shows the seed’s links, relinks a question and unlinks it (%s)', async (language, label, otherItem, none) => {
    const user = userEvent.setup();
    const editing = renderEditors(seedConsultation(), language, 'questions');
    const select = within(question(1, language)).getByRole('combobox', { name: label });
    expect(select).toHaveDisplayValue('Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      none,
      'Information: Information',
      'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen',
      'Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen',
      'Diskussion: Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan',
    ]);

    await user.selectOptions(select, otherItem);
    expect(links(editing.latest())[0]).toEqual(['question-1', 'item-1']);
    expect(itemLinks(editing.latest())).toEqual([
      ['item-1', ['question-1']],
      ['item-2', []],
      ['item-3', ['question-2']],
      ['item-4', ['question-3']],
    ]);

    await user.selectOptions(select, none);
    expect(links(editing.latest())[0]).toEqual(['question-1', null]);
    expect(itemLinks(editing.latest()).flatMap(([, ids]) => ids)).toEqual(['question-2', 'question-3']);
  });

  it('follows the agenda: an item removed there leaves its question with no item', async () => {
    const user = userEvent.setup();
    renderEditors(sampleConsultation(), 'sv');
    const select = within(question(1, 'sv')).getByRole('combobox', { name: 'Diskuteras under punkt' });
    expect(select).toHaveDisplayValue('Diskussion: Fråga 1');
    await user.click(screen.getByRole('button', { name: 'Ta bort Fråga 1' }));
    expect(select).toHaveDisplayValue('Ingen punkt');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ingen punkt', 'Information: Inledning']);
  });
});

describe('editing questions', () => {
  it.each<[Language, string, string, string, string]>([
    ['sv', 'Lägg till fråga', 'Frågans text', 'Ny fråga', 'Vad behöver ni av oss?'],
    ['en', 'Add question', 'The question', 'New question', 'What do you need from us?'],
  ])('adds a question, focused and ready to be typed over (%s)', async (language, add, label, placeholder, text) => {
    const user = userEvent.setup();
    const editing = renderEditors(seedConsultation(), language, 'questions');
    await user.click(screen.getByRole('button', { name: add }));
    const field = within(question(4, language)).getByRole('textbox', { name: label });
    expect(field).toHaveFocus();
    expect(field).toHaveValue(placeholder);
    await user.keyboard(text);
    expect(editing.latest().questions[3]).toEqual({ id: 'question-4', number: 4, text, agendaItemId: null });
  });

  it('keeps an emptied question in the field with the reason, and edits the text', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(sampleConsultation(), 'sv', 'questions');
    const field = within(question(1, 'sv')).getByRole('textbox', { name: 'Frågans text' });
    await user.clear(field);
    expect(within(question(1, 'sv')).getByRole('alert')).toHaveTextContent('Frågan får inte vara tom.');
    expect(editing.changes).toHaveLength(0);
    await user.type(field, 'Vad saknas?');
    expect(editing.latest().questions[0]?.text).toBe('Vad saknas?');
    expect(within(question(1, 'sv')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reorders by keyboard, numbering the questions anew and keeping focus on the button (sv)', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(seedConsultation(), 'sv', 'questions');
    act(() => screen.getByRole('button', { name: 'Flytta upp fråga 3' }).focus());
    await user.keyboard('{Enter}');
    expect(editing.latest().questions.map((q) => [q.id, q.number])).toEqual([
      ['question-1', 1],
      ['question-3', 2],
      ['question-2', 3],
    ]);
    // The same button, now named after the question's new place.
    expect(screen.getByRole('button', { name: 'Flytta upp fråga 2' })).toHaveFocus();
    expect(screen.getByText('Frågan är nu fråga 2 av 3.')).toBeInTheDocument();
    expect(within(question(2, 'sv')).getByRole('textbox', { name: 'Frågans text' })).toHaveValue(
      'Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan.',
    );
    await user.keyboard(' ');
    expect(editing.latest().questions.map((q) => q.id)).toEqual(['question-3', 'question-1', 'question-2']);
    expect(screen.getByRole('button', { name: 'Flytta upp fråga 1' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Flytta upp fråga 1' })).toHaveFocus();
  });

  it('removes a question with undo, from its item too (en)', async () => {
    const user = userEvent.setup();
    const editing = renderEditors(seedConsultation(), 'en', 'questions');
    await user.click(screen.getByRole('button', { name: 'Remove question 2' }));
    expect(editing.latest().questions.map((q) => [q.id, q.number])).toEqual([
      ['question-1', 1],
      ['question-3', 2],
    ]);
    expect(itemLinks(editing.latest())).toContainEqual(['item-3', []]);
    expect(screen.getByText('Question 2 was removed.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(editing.latest().questions).toEqual(seedConsultation().questions);
    expect(editing.latest().agenda).toEqual(seedConsultation().agenda);
    expect(within(question(2, 'en')).getByRole('textbox', { name: 'The question' })).toHaveFocus();
  });
});
