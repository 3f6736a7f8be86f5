/**
 * Samråd in Teams (`teams.html?host=teams`): teams-js (loaded on demand, bounded start), the meeting's context, the
 * theme Teams shows (and its changes), then the surface. The stage needs no sign-in (its content is in its
 * address); an anonymous participant is never asked to sign in; everyone else signs in through nested app
 * authentication and reads their own invitation through Graph. Every failure shows its typed error with a reload.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { isSignInError } from '../../hosts/auth/signInError';
import { createTeamsTokenProvider } from '../../hosts/teams/teamsSignIn';
import { startTeamsHost, type TeamsHost, type TeamsTheme } from '../../hosts/teams/teamsHost';
import { loadTeamsApi } from '../../hosts/teams/teamsApi';
import type { Language } from '../../views/i18n';
import { MeetingServicesContext, type MeetingServices } from '../../views/meeting/meetingServices';
import { StartupFailed, Starting } from '../../views/outlook/StartupStatus';
import { PortsContext, type Ports } from '../../views/ports';
import { buildAuthConfig, signInPages } from '../auth/buildConfig';
import { loadGraphPorts, preloadGraphPorts } from './loadGraphPorts';
import { loadDarkTheme, loadHighContrastTheme } from './lazyFaces';
import { encodeStage, lazyLiveAgenda } from './lazyLiveAgenda';
import { AnonymousPanelView, MeetingPanelView, MyConsultationsView, StageView } from './meetingFaces';
import { StageFollowingAddress } from './StageFollowingAddress';
import { FaceFrame, reloadPage } from './mount';
import { stageAddress, type MeetingSurface } from './teamsPage';

const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
const systemClock = { now: () => Date.now() };

/** Teams' theme in Fluent: the light one is in the first paint; dark and high contrast load when Teams shows them. */
function themeFor(theme: TeamsTheme): Promise<Theme> {
  if (theme === 'dark') return loadDarkTheme();
  if (theme === 'contrast') return loadHighContrastTheme();
  return Promise.resolve(webLightTheme);
}

/**
 * The stage, whether opened by Samråd's own share (`view=stage`) or by Teams' share button on the side panel, which
 * opens the tab's address in the meeting stage frame: there too the room gets the stage, never the panel.
 */
function onStage(surface: MeetingSurface, host: TeamsHost): boolean {
  return surface === 'stage' || host.context.frameContext === 'meetingStage';
}

interface Started {
  readonly host: TeamsHost;
  /** Null for the stage and for an anonymous participant: neither uses Graph. */
  readonly ports: Ports | null;
  readonly services: MeetingServices;
}

async function stageSharing(host: TeamsHost, pageUrl: string): Promise<MeetingServices['stage']> {
  let capable: boolean;
  try {
    capable = await host.stageSharingCapable();
  } catch (error) {
    // Without an answer the panel offers no stage button; the reason is kept for a support case.
    console.warn(error);
    return null;
  }
  if (!capable) return null;
  return {
    share: async (payload) => host.shareToStage(stageAddress(pageUrl, 'teams', await encodeStage(payload))),
    isSharing: () => host.appIsSharing(),
  };
}

async function start(pageUrl: string, surface: MeetingSurface): Promise<Started> {
  const host = await startTeamsHost(await loadTeamsApi(), { url: new URL(pageUrl) });
  const { context } = host;
  const base = {
    clock: systemClock,
    // Only the meeting's own surfaces run the agenda live; the details tab before the meeting and the personal tab
    // never load Live Share (it would only find the meeting not running). Nor do anonymous users: Live Share has none.
    liveAgenda:
      context.anonymous || (context.frameContext !== 'sidePanel' && context.frameContext !== 'meetingStage')
        ? null
        : lazyLiveAgenda(({ createLiveShareAgenda, teamsLiveShareHost }) =>
            createLiveShareAgenda({ host: teamsLiveShareHost() }),
          ),
  };
  if (onStage(surface, host) || context.anonymous) {
    return { host, ports: null, services: { ...base, stage: null } };
  }
  const config = buildAuthConfig();
  // A build without its sign-in settings can do nothing useful for a signed-in person: say so at once.
  if (isSignInError(config)) throw config;
  const tokens = createTeamsTokenProvider(context, config, { redirectUri: signInPages(pageUrl).redirectUri });
  if (tokens === null) return { host, ports: null, services: { clock: systemClock, liveAgenda: null, stage: null } };
  const createGraphPorts = await loadGraphPorts();
  const ports = createGraphPorts({
    baseUrl: GRAPH_BASE_URL,
    getToken: () => tokens.getToken(),
    person: context.userPrincipalName ?? context.userId ?? 'teams',
  });
  const stage = context.frameContext === 'sidePanel' ? await stageSharing(host, pageUrl) : null;
  return { host, ports, services: { ...base, stage } };
}

type State =
  | { readonly kind: 'starting' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly started: Started };

export function TeamsFace({ pageUrl, surface }: { readonly pageUrl: string; readonly surface: MeetingSurface }) {
  const [state, setState] = useState<State>({ kind: 'starting' });
  const [language, setLanguage] = useState<Language | null>(null);
  const [theme, setTheme] = useState<Theme>(webLightTheme);
  const started = useRef<Promise<Started> | null>(null);

  useEffect(() => {
    let live = true;
    let stopTheme = (): void => {};
    // After the first paint: the surface's code and the ports' code load while Teams starts.
    if (surface === 'stage') StageView.preload();
    else {
      (surface === 'personal' ? MyConsultationsView : MeetingPanelView).preload();
      preloadGraphPorts();
    }
    started.current ??= start(pageUrl, surface);
    started.current.then(
      (ready) => {
        if (!live) return;
        const { context } = ready.host;
        setLanguage(context.language);
        document.documentElement.lang = context.language;
        const follow = (next: TeamsTheme): void => {
          themeFor(next).then(
            (theme) => {
              if (live) setTheme(theme);
            },
            (error: unknown) => {
              // The page stays readable in the theme it has; the chunk that failed is reported, not hidden.
              console.error(error);
            },
          );
        };
        follow(context.theme);
        stopTheme = ready.host.onThemeChange(follow);
        setState({ kind: 'ready', started: ready });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
      stopTheme();
    };
  }, [pageUrl, surface]);

  return (
    <FaceFrame language={language} theme={theme}>
      {state.kind === 'starting' && <Starting language={language} />}
      {state.kind === 'failed' && (
        <StartupFailed error={state.error} language={language} action={{ kind: 'reload', run: reloadPage }} />
      )}
      {state.kind === 'ready' && <TeamsSurface started={state.started} surface={surface} />}
    </FaceFrame>
  );
}

function TeamsSurface({ started, surface }: { readonly started: Started; readonly surface: MeetingSurface }) {
  const { host, ports, services } = started;
  let view: ReactElement;
  if (onStage(surface, host)) view = <StageFollowingAddress />;
  else if (ports === null) view = <AnonymousPanelView />;
  else if (surface === 'personal') view = <MyConsultationsView />;
  else view = <MeetingPanelView chatId={host.context.chatId ?? ''} />;
  return (
    <MeetingServicesContext.Provider value={services}>
      {ports === null ? view : <PortsContext.Provider value={ports}>{view}</PortsContext.Provider>}
    </MeetingServicesContext.Provider>
  );
}
