/**
 * What every face page shares: the React root that replaces the page's static shell, Fluent with the host's theme,
 * the language, and a boundary that turns a failing view into a message instead of a blank pane. The faces
 * themselves and the Graph ports are loaded as their own chunks (lazyFaces.ts, graphPorts.ts), so the page's
 * first React paint needs only React, a few Fluent components and the host.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
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
  readonly dark?: boolean;
  readonly children: ReactNode;
}

export function FaceFrame({ language, dark = false, children }: FaceFrameProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
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
