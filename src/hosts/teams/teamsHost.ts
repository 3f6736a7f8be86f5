/**
 * The Teams host: starts teams-js, reads the app's context into Samråd's own plain type, follows the theme, and
 * shares the app to the meeting stage. It is started only when the page's URL says `host=teams` (the manifest's
 * URLs carry it): outside Teams `app.initialize()` may wait forever, so it is never used to find out where the page
 * runs, and the wait is bounded. teams-js calls our callbacks from its own message handling, where a throw would be
 * lost, so each callback only settles a promise.
 */
import type { Bilingual } from '../../core/errors';
import type { Language } from '../../core/time/format';
import { hostKindFromUrl, languageFromUrl } from '../host';
import type { TeamsApi, TeamsCallback, TeamsJsContext, TeamsSdkError } from './teamsApi';
import { TeamsHostError, teamsSdkErrorDetails } from './teamsHostError';

export type TeamsFrameContext = 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'remove' | 'other';
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** What Samråd needs to know about where and for whom it runs in Teams, free of teams-js types. */
export interface TeamsContext {
  readonly frameContext: TeamsFrameContext;
  readonly chatId: string | null;
  readonly meetingId: string | null;
  readonly userId: string | null;
  readonly userPrincipalName: string | null;
  /** Joined without an account: never asked to sign in, reached through the stage. */
  readonly anonymous: boolean;
  readonly language: Language;
  readonly theme: TeamsTheme;
}

export interface TeamsHost {
  readonly kind: 'teams';
  readonly context: TeamsContext;
  /** Calls the listener on every theme change; the returned function stops it (later changes are not delivered). */
  onThemeChange(listener: (theme: TeamsTheme) => void): () => void;
  /** Whether this person may share the app to the meeting stage; false outside the side panel and the stage. */
  stageSharingCapable(): Promise<boolean>;
  /** Shares the page at `url` to the meeting stage; a refusal is a TeamsHostError 'stage-refused'. */
  shareToStage(url: string): Promise<void>;
  /** Whether the app is on the meeting stage now; false outside the side panel and the stage. */
  appIsSharing(): Promise<boolean>;
}

export interface TeamsHostOptions {
  /** The page's URL: it must say `host=teams`; its `lang` is the language when Teams gives no locale. */
  readonly url: URL;
  /** How long to wait for Teams to answer `app.initialize()`. */
  readonly initializeTimeoutMs?: number;
}

export const DEFAULT_INITIALIZE_TIMEOUT_MS = 10_000;

const FRAME_CONTEXTS: Readonly<Record<string, TeamsFrameContext>> = {
  content: 'content',
  sidePanel: 'sidePanel',
  meetingStage: 'meetingStage',
  settings: 'settings',
  remove: 'remove',
};

/** teams-js documents these licence types; "Anonymous" is a participant who joined without an account. */
const ANONYMOUS_LICENSE = 'anonymous';

/** teams-js throws from the stage APIs outside these frame contexts (documented on shareAppContentToStage). */
const STAGE_FRAMES: readonly TeamsFrameContext[] = ['sidePanel', 'meetingStage'];

const OPEN_FROM_MEETING: Bilingual = {
  sv: 'Öppna Samråd från mötet i Teams (flikarna högst upp i mötet eller sidopanelen).',
  en: 'Open Samråd from the meeting in Teams (the tabs at the top of the meeting or the side panel).',
};

const STAGE_WHO: Bilingual = {
  sv: 'Bara mötets organisatör och presentatörer kan dela till mötesscenen. Be organisatören dela eller göra dig till presentatör, och försök igen från sidopanelen under mötet.',
  en: 'Only the meeting organiser and presenters can share to the meeting stage. Ask the organiser to share, or to make you a presenter, and try again from the side panel during the meeting.',
};

function notInTeams(what: Bilingual, cause?: unknown): TeamsHostError {
  return new TeamsHostError(
    'not-in-teams',
    what,
    OPEN_FROM_MEETING,
    cause === undefined ? { sdk: null } : { sdk: teamsSdkErrorDetails(cause), cause },
  );
}

export function frameContextOf(value: string): TeamsFrameContext {
  return FRAME_CONTEXTS[value] ?? 'other';
}

/** Teams themes are "default", "dark" and "contrast"; a newer one (e.g. "glass") is shown as the default theme. */
export function themeOf(value: string): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** Swedish for a Swedish locale, English for any other; the page's own language when Teams gives none. */
export function languageOfLocale(locale: string, fallback: Language): Language {
  const tag = locale.trim().toLowerCase();
  if (tag === '') return fallback;
  return tag === 'sv' || tag.startsWith('sv-') || tag.startsWith('sv_') ? 'sv' : 'en';
}

export function toTeamsContext(context: TeamsJsContext, fallbackLanguage: Language): TeamsContext {
  const user = context.user;
  return {
    frameContext: frameContextOf(context.page.frameContext),
    chatId: context.chat?.id || null,
    meetingId: context.meeting?.id || null,
    userId: user?.id || null,
    userPrincipalName: user?.userPrincipalName || null,
    // teams-js gives no user at all for an anonymous participant, or one whose licence type says so.
    anonymous: user === undefined || user.licenseType?.toLowerCase() === ANONYMOUS_LICENSE,
    language: languageOfLocale(context.app.locale, fallbackLanguage),
    theme: themeOf(context.app.theme),
  };
}

function initializeWithin(api: TeamsApi, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      reject(
        notInTeams({
          sv: `Sidan är öppnad utanför Teams, eller så svarade Teams inte inom ${seconds} s.`,
          en: `The page is open outside Teams, or Teams did not answer within ${seconds} s.`,
        }),
      );
    }, timeoutMs);
    const failed = (cause: unknown): void => {
      // A late answer after the timeout has already been reported; it changes nothing.
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        notInTeams(
          {
            sv: 'Sidan är öppnad utanför Teams: Teams tog inte emot appen.',
            en: 'The page is open outside Teams: Teams did not accept the app.',
          },
          cause,
        ),
      );
    };
    try {
      api.app.initialize().then(() => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      }, failed);
    } catch (cause) {
      failed(cause);
    }
  });
}

async function readContext(api: TeamsApi): Promise<TeamsJsContext> {
  try {
    return await api.app.getContext();
  } catch (cause) {
    throw new TeamsHostError(
      'context-unavailable',
      { sv: 'Teams gav inte appen uppgifter om mötet.', en: 'Teams did not give the app the details of the meeting.' },
      { sv: 'Stäng fliken och öppna den igen från mötet.', en: 'Close the tab and open it again from the meeting.' },
      { sdk: teamsSdkErrorDetails(cause), cause },
    );
  }
}

/** A teams-js callback API as a promise: an SdkError, a missing result or a synchronous throw all reject. */
function fromTeamsCallback<T>(
  invoke: (callback: TeamsCallback<T>) => void,
  failure: (sdk: TeamsSdkError | null, cause: unknown) => TeamsHostError,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((error, result) => {
        if (error) reject(failure(error, error));
        else if (result === null || result === undefined) reject(failure(null, undefined));
        else resolve(result);
      });
    } catch (cause) {
      reject(failure(null, cause));
    }
  });
}

function stageRefused(sdk: TeamsSdkError | null, cause: unknown): TeamsHostError {
  return new TeamsHostError(
    'stage-refused',
    { sv: 'Teams delade inte Samråd till mötesscenen.', en: 'Teams did not share Samråd to the meeting stage.' },
    STAGE_WHO,
    { sdk: teamsSdkErrorDetails(sdk ?? cause), cause },
  );
}

function stageUnavailable(sdk: TeamsSdkError | null, cause: unknown): TeamsHostError {
  return new TeamsHostError(
    'stage-unavailable',
    {
      sv: 'Teams kunde inte svara på om Samråd får delas till mötesscenen.',
      en: 'Teams could not say whether Samråd may be shared to the meeting stage.',
    },
    {
      sv: 'Öppna sidopanelen i mötet och försök igen. Om det inte hjälper: be organisatören kontrollera att appen är uppdaterad.',
      en: 'Open the side panel in the meeting and try again. If that does not help, ask the organiser to check that the app is up to date.',
    },
    { sdk: teamsSdkErrorDetails(sdk ?? cause), cause },
  );
}

export async function startTeamsHost(api: TeamsApi, options: TeamsHostOptions): Promise<TeamsHost> {
  if (hostKindFromUrl(options.url) !== 'teams') {
    // Without the manifest's `host=teams` the page is not a Teams page; initialize is not tried to find out.
    throw notInTeams({
      sv: 'Sidan är öppnad utanför Teams (adressen saknar host=teams).',
      en: 'The page is open outside Teams (its address lacks host=teams).',
    });
  }
  await initializeWithin(api, options.initializeTimeoutMs ?? DEFAULT_INITIALIZE_TIMEOUT_MS);
  const context = toTeamsContext(await readContext(api), languageFromUrl(options.url));

  // teams-js keeps a single theme handler, so one is registered and fans out to Samråd's listeners.
  const listeners = new Set<(theme: TeamsTheme) => void>();
  api.app.registerOnThemeChangeHandler((theme) => {
    const mapped = themeOf(theme);
    for (const listener of [...listeners]) listener(mapped);
  });

  return {
    kind: 'teams',
    context,
    onThemeChange(listener) {
      // A wrapper per subscription, so subscribing the same function twice gives two independent unsubscribes.
      const subscription = (theme: TeamsTheme): void => listener(theme);
      listeners.add(subscription);
      return () => {
        listeners.delete(subscription);
      };
    },
    async stageSharingCapable() {
      if (!STAGE_FRAMES.includes(context.frameContext)) return false;
      const capabilities = await fromTeamsCallback<{ readonly doesAppHaveSharePermission: boolean }>(
        (callback) => api.meeting.getAppContentStageSharingCapabilities(callback),
        stageUnavailable,
      );
      return capabilities.doesAppHaveSharePermission;
    },
    async appIsSharing() {
      if (!STAGE_FRAMES.includes(context.frameContext)) return false;
      const state = await fromTeamsCallback<{ readonly isAppSharing: boolean }>(
        (callback) => api.meeting.getAppContentStageSharingState(callback),
        stageUnavailable,
      );
      return state.isAppSharing;
    },
    async shareToStage(url) {
      const shared = await fromTeamsCallback<boolean>(
        (callback) => api.meeting.shareAppContentToStage(callback, url),
        stageRefused,
      );
      if (!shared) throw stageRefused(null, undefined);
    },
  };
}
