// @vitest-environment jsdom
/**
 * The "start from an invitation" view, by role, in Swedish and English: paste the seed, read the draft and
 * the review report; a text that cannot be read gives an alert with what happened and what to do.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportPreview } from '../../src/views/ImportPreview';
import { LanguageContext, type Language } from '../../src/views/i18n';
import { readSeedInvitation } from '../support/seed';

const seed = readSeedInvitation();
const now = (): number => Date.parse('2023-11-01T09:00:00+01:00');

function renderIn(language: Language, loadExample?: () => Promise<string>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <ImportPreview now={now} {...(loadExample === undefined ? {} : { loadExample })} />
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

afterEach(cleanup);

describe('ImportPreview', () => {
  it('reads the seed invitation into a draft with its time plan and questions (sv)', async () => {
    renderIn('sv', () => Promise.resolve(seed));
    await userEvent.click(screen.getByRole('button', { name: 'Använd exemplet' }));

    expect(
      await screen.findByRole('heading', { level: 3, name: /Samråd avseende Sveriges nya handlingsplan/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('12 december 2023 kl. 13.00–14.30')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Tidsplan' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 4); // header + Information + three discussion questions
    expect(
      within(rows[1] as HTMLElement).getByText(/Finansdepartementet, Myndigheten för digital förvaltning/),
    ).toBeInTheDocument();
    expect(screen.getByText('Tidsplanen saknar längder för 4 punkter')).toBeInTheDocument();
    const questions = screen.getByRole('heading', { name: 'Diskussionsfrågor' }).nextElementSibling as HTMLElement;
    expect(within(questions).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('heading', { name: /Behöver granskas \(\d+\)/ })).toBeInTheDocument();
  });

  it('shows the same draft in English', async () => {
    renderIn('en');
    await userEvent.click(screen.getByRole('textbox', { name: /The invitation’s text/ }));
    await userEvent.paste(seed);
    await userEvent.click(screen.getByRole('button', { name: 'Read the invitation' }));

    expect(screen.getByText('12 December 2023, 13:00–14:30')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Time plan' })).toBeInTheDocument();
    expect(screen.getByText('Durations missing for 4 items')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Needs review \(\d+\)/ })).toBeInTheDocument();
  });

  it.each<[Language, string, RegExp]>([
    ['sv', 'Läs in inbjudan', /Texten är tom/],
    ['en', 'Read the invitation', /The text is empty/],
  ])('explains in an alert why an empty text cannot be read (%s)', async (language, button, message) => {
    renderIn(language);
    await userEvent.click(screen.getByRole('button', { name: button }));
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when the example cannot be loaded, and keeps what was typed', async () => {
    renderIn('sv', () => Promise.reject(new Error('HTTP 404 Not Found')));
    await userEvent.type(screen.getByRole('textbox', { name: /Inbjudans text/ }), 'Mitt utkast');
    await userEvent.click(screen.getByRole('button', { name: 'Använd exemplet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 404 Not Found');
    expect(screen.getByRole('textbox', { name: /Inbjudans text/ })).toHaveValue('Mitt utkast');
  });
});
