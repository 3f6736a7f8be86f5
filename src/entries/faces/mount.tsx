/**
 * What every face page shares: the React root that replaces the page's static shell, Fluent with the host's theme,
 * the language, and a boundary that turns a failing view into a message instead of a blank pane. The faces
 * themselves, the Graph ports and the dark theme are loaded as their own chunks (lazyFaces.ts, graphPorts.ts), so
 * the page's first React paint needs only React, a few Fluent components, the light theme and the host.
 */
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bilingual } from '../../core/errors';
import { LanguageContext, type Language } from '../../views/i18n';
import { StartupBoundary } from '../../views/outlook/StartupBoundary';
import { StartupFailed } from '../../views/outlook/StartupStatus';

export function reloadPage(): void {
  window.location.reload();
}

export interface FaceFrameProps {
  /** Null until the host has said the person's language: startup messages are then shown in both. */
  readonly language: Language | null;
  /** The host's theme once it is known and loaded; Fluent's web light theme until then. */
  readonly theme?: Theme;
  readonly children: ReactNode;
}

export function FaceFrame({ language, theme = webLightTheme, children }: FaceFrameProps) {
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <LanguageContext.Provider value={language ?? 'sv'}>
        <StartupBoundary
          language={language}
          onReload={reloadPage}
          onError={(error) => {
            // Shown in the pane by the boundary; kept in the console for a support case.
            console.error(error);
          }}
        >
          <main style={{ padding: 12 }}>{children}</main>
        </StartupBoundary>
      </LanguageContext.Provider>
    </FluentProvider>
  );
}

/** Replaces the static shell (#root's content) with the app. */
export function mountPage(node: ReactNode): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('The page has no #root element.');
  createRoot(container).render(<StrictMode>{node}</StrictMode>);
}

const NO_HOST = {
  what: {
    sv: 'Sidan vet inte vilket program den är öppnad i.',
    en: 'The page does not know which application it is open in.',
  },
  hint: {
    sv: 'Öppna Samråd från Outlook, eller från arbetsbänken (npm start).',
    en: 'Open Samråd from Outlook, or from the workbench (npm start).',
  },
};

export interface NoHostProps {
  /** What to say instead of the general "which application" message. */
  readonly explanation?: { readonly what: Bilingual; readonly hint: Bilingual };
}

/** A page opened without a host it can run in says so instead of guessing (ADR 0004: never try a host and wait). */
export function NoHost({ explanation = NO_HOST }: NoHostProps) {
  return (
    <FaceFrame language={null}>
      <StartupFailed error={explanation} language={null} action={null} />
    </FaceFrame>
  );
}
