// @vitest-environment jsdom
/** The workbench's switches by role: both faces framed for the chosen people; a refused change is undone and explained. */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SamradError } from '../../../src/core/errors';
import { LanguageContext } from '../../../src/views/i18n';
import { Workbench, type WorkbenchSetup } from '../../../src/views/workbench/Workbench';

const SETUP: WorkbenchSetup = {
  people: [
    { id: 'maria', role: 'organiser', label: 'Maria Envall (Finansdepartementet)' },
    { id: 'jonas', role: 'presenter', label: 'Jonas Lindahl (Myndigheten för digital förvaltning)' },
    { id: 'sofia', role: 'participant', label: 'Sofia Lindqvist (Rädda Barnen)' },
  ],
  organiserEventId: 'ev-1',
  organiserId: 'maria',
  iCalUId: 'uid-1',
  chatId: 'chat-1',
};

const refused = new SamradError(
  'invalid-input',
  { sv: 'Sandlådan svarade inte.', en: 'No answer.' },
  { sv: 'Starta om.', en: 'Restart.' },
);

function show(applyFaults: () => Promise<void>, onStageShare?: (listener: (payload: string) => void) => () => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value="sv">
        <Workbench
          language="sv"
          onLanguage={() => undefined}
          loadSetup={() => Promise.resolve(SETUP)}
          applyFaults={applyFaults}
          resetSandbox={() => Promise.resolve()}
          now={() => 0}
          loadExample={() => Promise.resolve('')}
          {...(onStageShare === undefined ? {} : { onStageShare })}
        />
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

afterEach(cleanup);

describe('Workbench', () => {
  it('frames the organiser in Outlook and the presenter in Teams', async () => {
    show(() => Promise.resolve());
    const outlook = await screen.findByTitle('Outlook – arrangörens fönster');
    expect(outlook.getAttribute('src')).toMatch(/^\/outlook\.html\?host=workbench&person=maria&lang=sv&item=ev-1/);
    expect(screen.getByTitle('Teams – mötespanelen').getAttribute('src')).toMatch(/person=jonas&lang=sv&chat=chat-1/);
  });

  it('opens Outlook in attendee mode, on the person’s own copy, for anyone but the organiser', async () => {
    show(() => Promise.resolve());
    await screen.findByTitle('Outlook – arrangörens fönster');
    await userEvent.click(screen.getByRole('combobox', { name: 'Outlook: inloggad som' }));
    await userEvent.click(screen.getByRole('option', { name: /^Sofia Lindqvist/ }));
    expect(screen.getByTitle('Outlook – arrangörens fönster').getAttribute('src')).toMatch(/person=sofia&lang=sv&meeting=uid-1/);
  });

  it('undoes a fault switch the sandbox refused, and says why', async () => {
    show(() => Promise.reject(refused));
    await userEvent.click(await screen.findByRole('radio', { name: '500 ms' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sandlådan kunde inte ändrasSandlådan svarade inte. Starta om.');
    expect(screen.getAllByRole('radio', { name: 'Inga' })[0]).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('gives the Teams face the meeting role Teams would give the person, and offers an anonymous participant', async () => {
    show(() => Promise.resolve());
    const teams = await screen.findByTitle('Teams – mötespanelen');
    expect(teams.getAttribute('src')).toMatch(/meetingRole=presenter/);
    await userEvent.click(screen.getByRole('combobox', { name: 'Teams: inloggad som' }));
    await userEvent.click(screen.getByRole('option', { name: 'Anonym deltagare (utan konto)' }));
    expect(screen.getByTitle('Teams – mötespanelen').getAttribute('src')).toMatch(/person=anonymous&.*meetingRole=anonymous/);
    // Nobody to answer an invitation as: an anonymous participant has none.
    expect(screen.queryByRole('group', { name: /Svara på inbjudan/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Teams: inloggad som' }));
    await userEvent.click(screen.getByRole('option', { name: /^Maria Envall/ }));
    expect(screen.getByTitle('Teams – mötespanelen').getAttribute('src')).toMatch(/meetingRole=organizer/);
    // Outlook's person list is the sandbox's people only.
    await userEvent.click(screen.getByRole('combobox', { name: 'Outlook: inloggad som' }));
    expect(screen.queryByRole('option', { name: 'Anonym deltagare (utan konto)' })).not.toBeInTheDocument();
  });

  it('shows an empty stage until a face shares to it, then frames the shared stage for the Teams-side person', async () => {
    let share: ((payload: string) => void) | null = null;
    let unsubscribed = false;
    show(
      () => Promise.resolve(),
      (listener) => {
        share = listener;
        return () => {
          unsubscribed = true;
        };
      },
    );
    const empty = await screen.findByRole('region', { name: 'Teams – scenen' });
    expect(empty).toHaveTextContent(/Scenen är tom/);
    expect(screen.queryByTitle('Teams – scenen')).not.toBeInTheDocument();
    act(() => share?.('eyJ2IjoxfQ'));
    const stage = screen.getByTitle('Teams – scenen');
    const src = stage.getAttribute('src') ?? '';
    expect(src).toMatch(/^\/teams\.html\?host=workbench&person=jonas&lang=sv&view=stage&meetingRole=presenter/);
    expect(src.endsWith('#stage=eyJ2IjoxfQ')).toBe(true);
    cleanup();
    expect(unsubscribed).toBe(true);
  });

  it('has no stage without a way to share to it', async () => {
    show(() => Promise.resolve());
    await screen.findByTitle('Teams – mötespanelen');
    expect(screen.queryByRole('region', { name: 'Teams – scenen' })).not.toBeInTheDocument();
  });
});
