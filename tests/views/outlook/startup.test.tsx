// @vitest-environment jsdom
/**
 * What a face shows while it starts and when it cannot, by role: both languages (each marked with its lang) until
 * the host has said the person's language, one after; a typed error's what and hint; the next step as a button. A
 * lazily loaded view shows a spinner, then the view; a chunk that fails to load is explained and loads again on
 * request; a view that throws becomes a message, never a blank pane.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SamradError } from '../../../src/core/errors';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { lazyView } from '../../../src/views/outlook/lazyView';
import { StartupBoundary } from '../../../src/views/outlook/StartupBoundary';
import { Starting, StartupFailed } from '../../../src/views/outlook/StartupStatus';

const OFFICE_MISSING = new SamradError(
  'invalid-input',
  { sv: 'Office.js gick inte att läsa in.', en: 'Office.js could not be loaded.' },
  { sv: 'Ladda om tillägget.', en: 'Reload the add-in.' },
);

function show(ui: ReactNode, language: Language = 'sv') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>{ui}</LanguageContext.Provider>
    </FluentProvider>,
  );
}

afterEach(cleanup);

describe('Starting', () => {
  it('says so in both languages until the language is known', () => {
    show(<Starting language={null} />);
    expect(screen.getByText('Samråd startar …')).toHaveAttribute('lang', 'sv');
    expect(screen.getByText('Samråd is starting …')).toHaveAttribute('lang', 'en');
  });

  it.each<[Language, string]>([
    ['sv', 'Samråd startar …'],
    ['en', 'Samråd is starting …'],
  ])('says so in the person’s language once known (%s)', (language, text) => {
    show(<Starting language={language} />, language);
    expect(screen.getByText(text)).toBeInTheDocument();
  });
});

describe('StartupFailed', () => {
  it('shows what happened and what to do in both languages, and reloads on request', async () => {
    let reloads = 0;
    show(<StartupFailed error={OFFICE_MISSING} language={null} action={{ kind: 'reload', run: () => (reloads += 1) }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Samråd kunde inte starta / Samråd could not start');
    expect(screen.getByText('Office.js gick inte att läsa in. Ladda om tillägget.')).toHaveAttribute('lang', 'sv');
    expect(screen.getByText('Office.js could not be loaded. Reload the add-in.')).toHaveAttribute('lang', 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Ladda om / Reload' }));
    expect(reloads).toBe(1);
  });

  it.each<[Language, string, string, string]>([
    ['sv', 'Samråd kunde inte starta', 'Office.js gick inte att läsa in. Ladda om tillägget.', 'Försök igen'],
    ['en', 'Samråd could not start', 'Office.js could not be loaded. Reload the add-in.', 'Try again'],
  ])('uses the person’s language once known (%s)', async (language, title, text, retry) => {
    let retries = 0;
    show(
      <StartupFailed error={OFFICE_MISSING} language={language} action={{ kind: 'retry', run: () => (retries += 1) }} />,
      language,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(`${title}${text}`);
    await userEvent.click(screen.getByRole('button', { name: retry }));
    expect(retries).toBe(1);
  });

  it('shows an unexpected error’s message, and no button when there is nothing to do', () => {
    show(<StartupFailed error={new Error('boom')} language="en" action={null} />, 'en');
    expect(screen.getByRole('alert')).toHaveTextContent('An unexpected error occurred: boom');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('lazyView', () => {
  it('shows a spinner, then the view once its code is loaded, and at once the next time', async () => {
    let loads = 0;
    const Greeting = lazyView<{ readonly name: string }>(() => {
      loads += 1;
      return Promise.resolve(({ name }: { readonly name: string }) => <h2>Hej {name}</h2>);
    });
    show(<Greeting name="Anna" />);
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Hej Anna' })).toBeInTheDocument();
    cleanup();
    show(<Greeting name="Bo" />);
    expect(screen.getByRole('heading', { name: 'Hej Bo' })).toBeInTheDocument();
    expect(loads).toBe(1);
  });

  it('renders at once when preloaded before it is shown', async () => {
    const View = lazyView(() => Promise.resolve(() => <p>Förladdad</p>));
    View.preload();
    // The preload's promise settles before the view is shown.
    await Promise.resolve();
    await Promise.resolve();
    show(<View />);
    expect(screen.getByText('Förladdad')).toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', 'En del av Samråd kunde inte läsas in.', 'Försök igen'],
    ['en', 'A part of Samråd could not be loaded.', 'Try again'],
  ])('explains a chunk that cannot be loaded and loads again on request (%s)', async (language, what, retry) => {
    let loads = 0;
    const View = lazyView(() => {
      loads += 1;
      return loads === 1 ? Promise.reject(new Error('Loading chunk 42 failed.')) : Promise.resolve(() => <p>Laddad</p>);
    });
    show(<View />, language);
    expect(await screen.findByRole('alert')).toHaveTextContent(what);
    await userEvent.click(screen.getByRole('button', { name: retry }));
    expect(await screen.findByText('Laddad')).toBeInTheDocument();
    expect(loads).toBe(2);
  });
});

describe('StartupBoundary', () => {
  it('turns a view that throws into a message with a reload, never a blank pane', async () => {
    const caught: unknown[] = [];
    let reloads = 0;
    // React reports an error a boundary caught on the console; it is expected here.
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    function Broken(): ReactNode {
      throw new Error('render failed');
    }
    show(
      <StartupBoundary language="en" onReload={() => (reloads += 1)} onError={(error) => caught.push(error)}>
        <Broken />
      </StartupBoundary>,
      'en',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('An unexpected error occurred: render failed');
    expect(caught).toHaveLength(1);
    console.mockRestore();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reloads).toBe(1);
  });
});
