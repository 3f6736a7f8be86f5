// @vitest-environment jsdom
/**
 * The meeting tab's configuration page by role, in Swedish and English: what the tab will show and where the agenda
 * comes from; the save step handed to the host once; a saved tab, a failed save and a page Teams did not open for
 * configuration each said plainly.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SamradError } from '../../../src/core/errors';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { ConfigurePage, type ConfigureListener } from '../../../src/views/teams/ConfigurePage';

afterEach(cleanup);

function show(language: Language, register: (listener: ConfigureListener) => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <ConfigurePage register={register} />
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

/** A host that keeps the listener, so a test can play Teams' Save. */
function capturingHost() {
  let listener: ConfigureListener | null = null;
  const register = vi.fn((next: ConfigureListener) => {
    listener = next;
  });
  return {
    register,
    listener(): ConfigureListener {
      if (listener === null) throw new Error('the page did not register');
      return listener;
    },
  };
}

const refused = new SamradError(
  'invalid-input',
  { sv: 'Teams sparade inte fliken Samråd.', en: 'Teams did not save the Samråd tab.' },
  { sv: 'Välj Spara igen.', en: 'Select Save again.' },
);

describe('ConfigurePage', () => {
  it.each<[Language, string, string[], RegExp, string]>([
    [
      'sv',
      'Lägg till Samråd i mötet',
      ['dagordningen med tidsplan', 'diskussionsfrågorna', 'deltagarnas inspel, som skickas till mötets chatt'],
      /Arrangören publicerar dagordningen från Samråd i Outlook/,
      'Välj Spara för att lägga till fliken.',
    ],
    [
      'en',
      'Add Samråd to the meeting',
      ['the agenda with its time plan', 'the discussion questions', "the participants' input, posted to the meeting chat"],
      /The organiser publishes the agenda from Samråd in Outlook/,
      'Select Save to add the tab.',
    ],
  ])('says what the tab shows and where the agenda comes from (%s)', (language, heading, items, publishing, save) => {
    const host = capturingHost();
    show(language, host.register);
    const region = screen.getByRole('region', { name: heading });
    expect(within(region).getByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(items);
    expect(within(region).getByText(publishing)).toBeInTheDocument();
    expect(within(region).getByText(save)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('hands the save step to the host once', () => {
    const host = capturingHost();
    const view = show('sv', host.register);
    view.rerender(
      <FluentProvider theme={webLightTheme}>
        <LanguageContext.Provider value="sv">
          <ConfigurePage register={host.register} />
        </LanguageContext.Provider>
      </FluentProvider>,
    );
    expect(host.register).toHaveBeenCalledTimes(1);
  });

  it.each<[Language, string]>([
    ['sv', 'Fliken är tillagd.'],
    ['en', 'The tab has been added.'],
  ])('says when Teams has saved the tab (%s)', (language, saved) => {
    const host = capturingHost();
    show(language, host.register);
    act(() => host.listener().onSaved());
    expect(screen.getByRole('status')).toHaveTextContent(saved);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', 'Fliken kunde inte läggas till', 'Teams sparade inte fliken Samråd. Välj Spara igen.'],
    ['en', 'The tab could not be added', 'Teams did not save the Samråd tab. Select Save again.'],
  ])('shows a failed save with what happened and what to do (%s)', (language, title, text) => {
    const host = capturingHost();
    show(language, host.register);
    act(() => host.listener().onFailed(refused));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(text);
    // Teams' own Save button is the way to try again.
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(
      screen.queryByText(language === 'sv' ? 'Välj Spara för att lägga till fliken.' : 'Select Save to add the tab.'),
    ).toBeNull();
  });

  it('shows the latest outcome when a failed save is followed by a saved one', () => {
    const host = capturingHost();
    show('en', host.register);
    act(() => host.listener().onFailed(refused));
    act(() => host.listener().onSaved());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('The tab has been added.');
  });

  it.each<[Language, string]>([
    ['sv', 'Samråd kan inte läggas till härifrån'],
    ['en', 'Samråd cannot be added from here'],
  ])('says so when the host cannot take the save step (%s)', (language, title) => {
    const notSettings = new SamradError(
      'invalid-input',
      { sv: 'Teams öppnade inte sidan för att lägga till en flik.', en: 'Teams did not open this page to add a tab.' },
      { sv: 'Lägg till Samråd från mötet.', en: 'Add Samråd from the meeting.' },
    );
    show(language, (listener) => listener.onUnavailable(notSettings));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(notSettings.what[language]);
    expect(alert).toHaveTextContent(notSettings.hint[language]);
  });

  it('ignores what the host reports after the page has gone', () => {
    const host = capturingHost();
    const view = show('sv', host.register);
    const listener = host.listener();
    view.unmount();
    expect(() => {
      listener.onSaved();
      listener.onFailed(refused);
      listener.onUnavailable(refused);
    }).not.toThrow();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
