/**
 * The workbench page (`npm start`): wiring only. It gives the views the system clock and the example
 * invitation served by the dev server, and lets the visitor switch language.
 */
import { FluentProvider, Radio, RadioGroup, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ImportPreview } from '../views/ImportPreview';
import { LanguageContext, type Language } from '../views/i18n';

const systemNow = (): number => Date.now();

async function loadSeedInvitation(): Promise<string> {
  const response = await fetch('/seed/invitation-ogp-2023-12-12.txt');
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

function Workbench() {
  const [language, setLanguage] = useState<Language>('sv');
  // Screen readers pick their voice from the page's language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <LanguageContext.Provider value={language}>
        <main style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
          <h1>{language === 'sv' ? 'Samråd – arbetsbänk' : 'Samråd – workbench'}</h1>
          <RadioGroup
            layout="horizontal"
            aria-label={language === 'sv' ? 'Språk' : 'Language'}
            value={language}
            onChange={(_e, data) => setLanguage(data.value === 'en' ? 'en' : 'sv')}
          >
            <Radio value="sv" label="Svenska" />
            <Radio value="en" label="English" />
          </RadioGroup>
          <ImportPreview now={systemNow} loadExample={loadSeedInvitation} />
        </main>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <Workbench />
  </StrictMode>,
);
