/**
 * The configuration page of the meeting tab (`config.html?host=teams`, the manifest's configurationUrl): Teams opens
 * it when someone adds Samråd to a meeting. The host comes from the URL, never from trying teams-js and waiting
 * (ADR 0004); then teams-js starts, Teams says the language and theme, and the page registers what Teams' Save
 * button does. Anywhere else the page says where it belongs.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hostKindFromUrl } from '../../hosts/host';
import { configureMeetingTab, loadTeamsConfigApi, meetingTabUrls, type TeamsConfigApi } from '../../hosts/teams/teamsConfig';
import { startTeamsHost, type TeamsHost, type TeamsTheme } from '../../hosts/teams/teamsHost';
import type { Language } from '../../views/i18n';
import { StartupFailed, Starting } from '../../views/outlook/StartupStatus';
import { chunkLoadFailed } from '../../views/outlook/lazyView';
import { ConfigurePage, type ConfigureListener } from '../../views/teams/ConfigurePage';
import { FaceFrame, mountPage, NoHost, reloadPage } from './mount';

const url = new URL(window.location.href);

/** Teams' dark and high-contrast themes as their own chunk (tokens only); the light theme is already in the page. */
function loadTheme(theme: TeamsTheme): Promise<Theme> {
  if (theme === 'default') return Promise.resolve(webLightTheme);
  return import(
    /* webpackChunkName: "teams-theme" */
    /* webpackExports: ["webDarkTheme", "teamsHighContrastTheme"] */
    '@fluentui/react-components'
  ).then(
    (fluent) => (theme === 'dark' ? fluent.webDarkTheme : fluent.teamsHighContrastTheme),
    (cause: unknown) => {
      throw chunkLoadFailed(cause);
    },
  );
}

interface Started {
  readonly api: TeamsConfigApi;
  readonly host: TeamsHost;
}

type Stage =
  { readonly kind: 'starting' } | { readonly kind: 'failed'; readonly error: unknown } | ({ readonly kind: 'ready' } & Started);

async function start(pageUrl: URL): Promise<Started> {
  const api = await loadTeamsConfigApi();
  return { api, host: await startTeamsHost(api, { url: pageUrl }) };
}

function TeamsConfiguration({ pageUrl }: { readonly pageUrl: URL }) {
  const [stage, setStage] = useState<Stage>({ kind: 'starting' });
  const [theme, setTheme] = useState<Theme>(webLightTheme);
  // teams-js is started once per page, however often the effect runs (React's strict mode runs it twice).
  const started = useRef<Promise<Started> | null>(null);

  useEffect(() => {
    let live = true;
    let stopThemes: (() => void) | null = null;
    const follow = (next: TeamsTheme): void => {
      loadTheme(next).then(
        (loaded) => {
          if (live) setTheme(loaded);
        },
        (error: unknown) => {
          // A theme that does not load leaves the page readable in the light theme; the failure is kept for support.
          console.error(error);
        },
      );
    };
    started.current ??= start(pageUrl);
    started.current.then(
      ({ api, host }) => {
        if (!live) return;
        document.documentElement.lang = host.context.language;
        follow(host.context.theme);
        stopThemes = host.onThemeChange(follow);
        setStage({ kind: 'ready', api, host });
      },
      (error: unknown) => {
        if (live) setStage({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
      stopThemes?.();
    };
  }, [pageUrl]);

  const language: Language | null = stage.kind === 'ready' ? stage.host.context.language : null;
  return (
    <FaceFrame language={language} theme={theme}>
      {stage.kind === 'starting' && <Starting language={null} />}
      {stage.kind === 'failed' && (
        <StartupFailed error={stage.error} language={null} action={{ kind: 'reload', run: reloadPage }} />
      )}
      {stage.kind === 'ready' && <Ready api={stage.api} language={stage.host.context.language} pageUrl={pageUrl} />}
    </FaceFrame>
  );
}

function Ready({ api, language, pageUrl }: { readonly api: TeamsConfigApi; readonly language: Language; readonly pageUrl: URL }) {
  // Stable, so the page registers once (teams-js keeps one save handler; a second registration would replace it).
  const register = useCallback(
    (listener: ConfigureListener) => {
      try {
        configureMeetingTab(api, {
          ...meetingTabUrls(pageUrl),
          language,
          onSaved: () => listener.onSaved(),
          onFailed: (error) => {
            // Shown on the page and in Teams' dialog; kept in the console for a support case.
            console.error(error);
            listener.onFailed(error);
          },
        });
      } catch (error) {
        // Not Teams' configuration frame: the page says so instead of a Save button that does nothing.
        console.error(error);
        listener.onUnavailable(error);
      }
    },
    [api, language, pageUrl],
  );
  return <ConfigurePage register={register} />;
}

const OUTSIDE_TEAMS = {
  what: {
    sv: 'Den här sidan öppnas av Teams när Samråd läggs till som flik i ett möte.',
    en: 'Teams opens this page when Samråd is added as a tab to a meeting.',
  },
  hint: {
    sv: 'Öppna mötet i Teams, välj + (Lägg till en flik) och välj Samråd.',
    en: 'Open the meeting in Teams, select + (Add a tab) and choose Samråd.',
  },
};

if (hostKindFromUrl(url) === 'teams') {
  mountPage(<TeamsConfiguration pageUrl={url} />);
} else {
  mountPage(<NoHost explanation={OUTSIDE_TEAMS} />);
}
