// @vitest-environment jsdom
/**
 * The Outlook pane's theme: Fluent's web light theme paints the shell; Fluent's web dark theme is a chunk of its
 * own, loaded only when Outlook's theme is dark, and a dark theme that cannot be loaded is explained with a reload
 * like any other part of Samråd that cannot be loaded.
 */
import '@testing-library/jest-dom/vitest';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as LazyFaces from '../../src/entries/faces/lazyFaces';
import { OutlookPane } from '../../src/entries/faces/OutlookPane';
import { chunkLoadFailed } from '../../src/views/outlook/lazyView';
import { officeMock, type MockOptions } from '../hosts/outlook/officeMock';

const darkTheme = vi.hoisted(() => ({ load: vi.fn() }));

vi.mock('../../src/entries/faces/lazyFaces', async (importOriginal) => {
  const original = await importOriginal<typeof LazyFaces>();
  darkTheme.load.mockImplementation(original.loadDarkTheme);
  return { ...original, loadDarkTheme: darkTheme.load };
});

const PAGE = 'https://samrad.example/outlook.html?host=outlook';
const DARK = { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff' };
const LIGHT = { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#1f1f1f' };

function open(options: MockOptions): void {
  vi.stubEnv('SAMRAD_CLIENT_ID', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
  vi.stubGlobal('Office', officeMock({ nestedAppAuth: false, mode: 'attendee', ...options }).office);
  render(<OutlookPane pageUrl={PAGE} />);
}

/** The CSS Fluent's provider inserted (its theme's variables). */
function themeRules(): string {
  return [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
}

beforeEach(() => {
  darkTheme.load.mockClear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('the Outlook pane’s theme', () => {
  it('paints the shell light, before Office says anything', () => {
    open({ displayLanguage: 'sv-SE', theme: DARK, onReady: () => new Promise(() => undefined) });
    expect(screen.getByText('Samråd startar …')).toBeInTheDocument();
    expect(themeRules()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
    expect(darkTheme.load).not.toHaveBeenCalled();
  });

  it('stays light and never loads the dark theme when Outlook is light (en)', async () => {
    open({ displayLanguage: 'en-GB', theme: LIGHT });
    expect(
      await screen.findByText(/Another window from Samråd is already open\./, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(themeRules()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
    expect(themeRules()).not.toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(darkTheme.load).not.toHaveBeenCalled();
  });

  it('stays light without an Office theme (sv)', async () => {
    open({ displayLanguage: 'sv-SE' });
    expect(
      await screen.findByText(/Ett annat fönster från Samråd är redan öppet\./, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(darkTheme.load).not.toHaveBeenCalled();
  });

  it('loads the dark theme once when Outlook is dark, and turns dark (sv)', async () => {
    open({ displayLanguage: 'sv-SE', theme: DARK });
    expect(
      await screen.findByText(/Ett annat fönster från Samråd är redan öppet\./, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(darkTheme.load).toHaveBeenCalledTimes(1);
    await expect(darkTheme.load.mock.results[0]?.value).resolves.toBe(webDarkTheme);
    expect(themeRules()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });

  it('explains a dark theme that cannot be loaded, in both languages (Outlook’s is not known yet), with a reload', async () => {
    darkTheme.load.mockRejectedValueOnce(chunkLoadFailed(new Error('Loading chunk dark-theme failed.')));
    open({ displayLanguage: 'sv-SE', theme: DARK });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('En del av Samråd kunde inte läsas in.');
    expect(alert).toHaveTextContent('A part of Samråd could not be loaded.');
    expect(screen.getByRole('button', { name: 'Ladda om / Reload' })).toBeInTheDocument();
  });
});
