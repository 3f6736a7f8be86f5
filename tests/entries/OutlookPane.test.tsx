// @vitest-environment jsdom
/**
 * The Outlook pane page's wiring in jsdom, with office-addin-mock as the Office global and the build's settings
 * stubbed: a missing setting and a missing office.js are explained in both languages with a reload; a new
 * appointment is saved only after the organiser agrees (a refusal explains itself and can be tried again); then
 * the organiser's pane — or an attendee's agenda — is shown in Outlook's language and theme, reading Graph with
 * the pane's own sign-in (here Office's dialog, which the mock reports busy). jsdom leaves a reopened Fluent
 * dialog hidden from role queries (Chromium does not), so the second asking is found by its text.
 */
import '@testing-library/jest-dom/vitest';
import { webDarkTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutlookPane } from '../../src/entries/faces/OutlookPane';
import { officeMock, type MockOptions } from '../hosts/outlook/officeMock';

const PAGE = 'https://samrad.example/outlook.html?host=outlook';

function open(office: MockOptions | null): ReturnType<typeof officeMock> | null {
  vi.stubEnv('SAMRAD_CLIENT_ID', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
  const mock = office === null ? null : officeMock({ nestedAppAuth: false, ...office });
  vi.stubGlobal('Office', mock?.office);
  render(
    <StrictMode>
      <OutlookPane pageUrl={PAGE} />
    </StrictMode>,
  );
  return mock;
}

/** The CSS Fluent's provider inserted (its theme's variables). */
function themeRules(): string {
  return [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
}

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('the Outlook pane page', () => {
  it('explains a build without its sign-in settings, in both languages', async () => {
    vi.stubEnv('SAMRAD_CLIENT_ID', '');
    vi.stubGlobal('Office', officeMock().office);
    render(<OutlookPane pageUrl={PAGE} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Byggets inställning SAMRAD_CLIENT_ID saknas.');
    expect(alert).toHaveTextContent('The build setting SAMRAD_CLIENT_ID is missing.');
    expect(screen.getByRole('button', { name: 'Ladda om / Reload' })).toBeInTheDocument();
  });

  it('explains an office.js that did not load, in both languages', async () => {
    open(null);
    expect(screen.getByText('Samråd startar …')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Office.js gick inte att läsa in.');
    expect(alert).toHaveTextContent('Office.js could not be loaded.');
  });

  it('saves nothing when the organiser declines, says why, and asks again on request (sv)', async () => {
    const mock = open({ saved: false, displayLanguage: 'sv-SE' });
    await userEvent.click(await screen.findByRole('button', { name: 'Avbryt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Mötet är inte sparat, så Samråd kan inte koppla samrådet till det.',
    );
    expect(mock?.calls).not.toContain('saveAsync');
    const asked = mock?.calls.filter((c) => c === 'getItemIdAsync').length ?? 0;
    await userEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('Spara mötet först')).toBeInTheDocument();
    expect(mock?.calls.filter((c) => c === 'getItemIdAsync').length).toBe(asked + 1);
    expect(mock?.calls).not.toContain('saveAsync');
  });

  it('offers to build the agenda into the unsaved meeting when the organiser declines to save it (sv)', async () => {
    const mock = open({ saved: false, displayLanguage: 'sv-SE' });
    const item = mock?.office.context.mailbox?.item as unknown as Record<string, unknown>;
    const at = (iso: string) => ({
      getAsync: (callback: (r: unknown) => void) => callback({ status: 'succeeded', value: new Date(iso) }),
    });
    item['start'] = at('2024-03-05T09:00:00Z');
    item['end'] = at('2024-03-05T10:30:00Z');
    await userEvent.click(await screen.findByRole('button', { name: 'Avbryt' }));
    expect(await screen.findByText(/Du kan ändå bygga dagordningen och lägga in den i inbjudan du skriver/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Inbjudans text/ })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Mötet är inte sparat, så Samråd kan inte koppla samrådet till det.');
    expect(mock?.calls).not.toContain('saveAsync');
  });

  it('saves a new appointment once the organiser agrees, then shows the pane (en)', async () => {
    const mock = open({ saved: false, displayLanguage: 'en-GB' });
    await userEvent.click(await screen.findByRole('button', { name: 'Save the meeting' }));
    // The pane asks Graph for the item, with a token from the sign-in dialog, which the mock reports busy.
    expect(
      await screen.findByText(/Another window from Samråd is already open\./, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(mock?.calls).toContain('saveAsync');
    expect(mock?.calls).toContain('displayDialogAsync(https://samrad.example/auth-dialog.html)');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows an attendee’s agenda in Outlook’s language and dark theme (sv)', async () => {
    open({
      mode: 'attendee',
      displayLanguage: 'sv-SE',
      theme: { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff' },
    });
    expect(
      await screen.findByText(/Ett annat fönster från Samråd är redan öppet\./, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('sv');
    expect(themeRules()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });
});
