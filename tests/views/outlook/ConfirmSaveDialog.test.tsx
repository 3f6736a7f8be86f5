// @vitest-environment jsdom
/**
 * The question asked before Samråd saves a new, unsaved appointment, by role in Swedish and English: Save answers
 * true; Cancel and Escape answer false; the explanation says that saving sends no invitation.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { ConfirmSaveDialog } from '../../../src/views/outlook/ConfirmSaveDialog';

const TEXT = {
  sv: {
    title: 'Spara mötet först',
    explanation:
      'Mötet är inte sparat än. Samråd behöver spara det i din kalender för att kunna koppla samrådet till det. Inga inbjudningar skickas förrän du själv skickar mötet.',
    save: 'Spara mötet',
    cancel: 'Avbryt',
  },
  en: {
    title: 'Save the meeting first',
    explanation:
      'The meeting is not saved yet. Samråd needs to save it to your calendar to link the consultation to it. No invitations are sent until you send the meeting yourself.',
    save: 'Save the meeting',
    cancel: 'Cancel',
  },
} as const;

/** Shows the dialog and gives the first answer as a promise, with every answer recorded. */
function ask(language: Language): { answer: Promise<boolean>; answers: boolean[] } {
  const answers: boolean[] = [];
  const answer = new Promise<boolean>((resolve) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <LanguageContext.Provider value={language}>
          <ConfirmSaveDialog
            open
            onAnswer={(save) => {
              answers.push(save);
              resolve(save);
            }}
          />
        </LanguageContext.Provider>
      </FluentProvider>,
    );
  });
  return { answer, answers };
}

afterEach(cleanup);

describe.each<Language>(['sv', 'en'])('ConfirmSaveDialog (%s)', (language) => {
  const text = TEXT[language];

  it('explains why the meeting must be saved and that no invitation is sent', async () => {
    ask(language);
    const dialog = await screen.findByRole('dialog', { name: text.title });
    expect(dialog).toHaveTextContent(text.explanation);
    expect(screen.getByRole('button', { name: text.save })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: text.cancel })).toBeInTheDocument();
  });

  it('answers true on Save', async () => {
    const { answer, answers } = ask(language);
    await userEvent.click(await screen.findByRole('button', { name: text.save }));
    await expect(answer).resolves.toBe(true);
    expect(answers).toEqual([true]);
  });

  it('answers false on Cancel', async () => {
    const { answer, answers } = ask(language);
    await userEvent.click(await screen.findByRole('button', { name: text.cancel }));
    await expect(answer).resolves.toBe(false);
    expect(answers).toEqual([false]);
  });

  it('answers false on Escape', async () => {
    const { answer, answers } = ask(language);
    await screen.findByRole('dialog', { name: text.title });
    await userEvent.keyboard('{Escape}');
    await expect(answer).resolves.toBe(false);
    expect(answers).toEqual([false]);
  });
});

describe('ConfirmSaveDialog closed', () => {
  it('shows nothing and answers nothing', () => {
    const answers: boolean[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <ConfirmSaveDialog open={false} onAnswer={(save) => answers.push(save)} />
      </FluentProvider>,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(answers).toEqual([]);
  });
});
