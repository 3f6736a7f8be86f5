/**
 * The workbench page (`npm start`): wiring only. It connects the workbench view to the sandbox's controls, the
 * system clock and the example invitation served next to the pages.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SamradError } from '../core/errors';
import { sandboxControls } from '../hosts/workbench/sandboxControls';
import { listenForStageShares } from '../hosts/workbench/stageChannel';
import { LanguageContext, type Language } from '../views/i18n';
import { Workbench, type WorkbenchSetup } from '../views/workbench/Workbench';

const controls = sandboxControls(window.location.origin);

/** The workbench's stand-in for Microsoft 365's consent prompt for reply drafts (Mail.ReadWrite), per person. */
const draftConsent = {
  read: async (person: string): Promise<boolean> => ((await controls.consent()).granted[person] ?? []).includes('Mail.ReadWrite'),
  set: async (person: string, granted: boolean): Promise<void> => {
    await controls.setConsent(person, 'Mail.ReadWrite', granted);
  },
};
const systemNow = (): number => Date.now();
const onStageShare = (listener: (payload: string) => void): (() => void) =>
  listenForStageShares(window, window.location.origin, listener);

async function loadSeedInvitation(): Promise<string> {
  const response = await fetch('/seed/invitation-ogp-2023-12-12.txt').catch(() => null);
  if (response === null || !response.ok) {
    const status = response === null ? '' : ` (HTTP ${response.status})`;
    throw new SamradError(
      'invalid-input',
      { sv: `Exempelinbjudan kunde inte hämtas${status}.`, en: `The example invitation could not be loaded${status}.` },
      {
        sv: 'Kontrollera att npm start fortfarande körs och ladda om sidan.',
        en: 'Check that npm start is still running and reload the page.',
      },
    );
  }
  return response.text();
}

async function loadSetup(): Promise<WorkbenchSetup> {
  const [people, scenario] = await Promise.all([controls.people(), controls.scenario()]);
  return {
    people: people.map((p) => ({ id: p.id, role: p.role, label: `${p.displayName} (${p.organisation})`, name: p.displayName })),
    organiserEventId: scenario.organiserEventId,
    organiserId: scenario.organiserId,
    iCalUId: scenario.iCalUId,
    chatId: scenario.chatId,
  };
}

function Page() {
  const [language, setLanguage] = useState<Language>('sv');
  // Screen readers pick their voice from the page's language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <main style={{ padding: 16 }}>
          <Workbench
            language={language}
            onLanguage={setLanguage}
            loadSetup={loadSetup}
            applyFaults={(f) =>
              controls.setFaults({
                latencyMs: f.latencyMs,
                // The failure rate spread over every kind of fault the sandbox can inject.
                rate429: f.failureRate / 4,
                rate503: f.failureRate / 4,
                rateDrop: f.failureRate / 4,
                rateLostAnswer: f.failureRate / 4,
              })
            }
            resetSandbox={() => controls.reset()}
            answerInvitation={(person, iCalUId, answer) => controls.answerInvitation(person, iCalUId, answer)}
            draftConsent={draftConsent}
            onStageShare={onStageShare}
            now={systemNow}
            loadExample={loadSeedInvitation}
          />
        </main>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
