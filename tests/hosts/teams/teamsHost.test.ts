/**
 * The Teams host over a fake teams-js bridge: started only for `host=teams`, every frame context, anonymous
 * participants, the language from Teams's locale, initialize timing out or rejecting, the context missing, theme
 * changes and their unsubscribe, and sharing to the meeting stage (shared, refused, capabilities).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadTeamsApi,
  type TeamsApi,
  type TeamsCallback,
  type TeamsJsContext,
  type TeamsSdkError,
} from '../../../src/hosts/teams/teamsApi';
import {
  DEFAULT_INITIALIZE_TIMEOUT_MS,
  frameContextOf,
  languageOfLocale,
  startTeamsHost,
  themeOf,
  type TeamsFrameContext,
} from '../../../src/hosts/teams/teamsHost';
import { isTeamsHostError, TeamsHostError, type TeamsHostErrorReason } from '../../../src/hosts/teams/teamsHostError';

const TEAMS_URL = new URL('https://samrad.example/panel.html?host=teams');

function baseContext(overrides: Partial<TeamsJsContext> = {}): TeamsJsContext {
  return {
    app: { locale: 'sv-se', theme: 'default' },
    page: { frameContext: 'sidePanel' },
    user: { id: 'user-1', licenseType: 'Unknown', userPrincipalName: 'anna@ministry.example' },
    chat: { id: '19:meeting_abc@thread.v2' },
    meeting: { id: 'meeting-1' },
    ...overrides,
  };
}

interface FakeOptions {
  readonly initialize?: () => Promise<void>;
  readonly context?: TeamsJsContext;
  readonly getContext?: () => Promise<TeamsJsContext>;
  readonly share?: (callback: TeamsCallback<boolean>, url: string) => void;
  readonly capabilities?: (callback: TeamsCallback<{ readonly doesAppHaveSharePermission: boolean }>) => void;
  readonly sharingState?: (callback: TeamsCallback<{ readonly isAppSharing: boolean }>) => void;
}

function fakeTeams(options: FakeOptions = {}) {
  let themeHandler: ((theme: string) => void) | null = null;
  const initialize = vi.fn(options.initialize ?? (() => Promise.resolve()));
  const shared: string[] = [];
  const api: TeamsApi = {
    app: {
      initialize,
      getContext: options.getContext ?? (() => Promise.resolve(options.context ?? baseContext())),
      registerOnThemeChangeHandler(handler) {
        themeHandler = handler;
      },
    },
    meeting: {
      shareAppContentToStage(callback, url) {
        shared.push(url);
        if (options.share) options.share(callback, url);
        else callback(null, true);
      },
      getAppContentStageSharingCapabilities(callback) {
        if (options.capabilities) options.capabilities(callback);
        else callback(null, { doesAppHaveSharePermission: true });
      },
      getAppContentStageSharingState(callback) {
        if (options.sharingState) options.sharingState(callback);
        else callback(null, { isAppSharing: shared.length > 0 });
      },
    },
  };
  return {
    api,
    initialize,
    shared,
    changeTheme(theme: string): void {
      if (themeHandler === null) throw new Error('no theme handler registered');
      themeHandler(theme);
    },
  };
}

async function failure(promise: Promise<unknown>, reason: TeamsHostErrorReason): Promise<TeamsHostError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TeamsHostError);
  const typed = error as TeamsHostError;
  expect(typed.reason).toBe(reason);
  expect(isTeamsHostError(typed, reason)).toBe(true);
  for (const text of [typed.what, typed.hint]) {
    expect(text.sv).not.toBe('');
    expect(text.en).not.toBe('');
    expect(text.sv).not.toBe(text.en);
  }
  return typed;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('starting in Teams', () => {
  it('is refused without host=teams in the URL, and never tries initialize to find out', async () => {
    const fake = fakeTeams();
    const error = await failure(
      startTeamsHost(fake.api, { url: new URL('https://samrad.example/panel.html?host=outlook') }),
      'not-in-teams',
    );
    expect(error.what.sv).toContain('utanför Teams');
    expect(error.what.en).toContain('outside Teams');
    expect(fake.initialize).not.toHaveBeenCalled();
  });

  it('maps the context into Samråd’s plain type', async () => {
    const host = await startTeamsHost(fakeTeams().api, { url: TEAMS_URL });
    expect(host.kind).toBe('teams');
    expect(host.context).toEqual({
      frameContext: 'sidePanel',
      chatId: '19:meeting_abc@thread.v2',
      meetingId: 'meeting-1',
      userId: 'user-1',
      userPrincipalName: 'anna@ministry.example',
      anonymous: false,
      language: 'sv',
      theme: 'default',
    });
  });

  it('gives null for what Teams leaves out (a personal tab has no chat or meeting)', async () => {
    const context = baseContext({ chat: undefined, meeting: undefined, user: { id: '' }, page: { frameContext: 'content' } });
    const host = await startTeamsHost(fakeTeams({ context }).api, { url: TEAMS_URL });
    expect(host.context).toMatchObject({
      frameContext: 'content',
      chatId: null,
      meetingId: null,
      userId: null,
      userPrincipalName: null,
      anonymous: false,
    });
  });

  it.each<[string, TeamsFrameContext]>([
    ['content', 'content'],
    ['sidePanel', 'sidePanel'],
    ['meetingStage', 'meetingStage'],
    ['settings', 'settings'],
    ['remove', 'remove'],
    ['task', 'other'],
    ['authentication', 'other'],
    ['stage', 'other'],
    ['', 'other'],
  ])('frame context %j is %s', async (teams, samrad) => {
    expect(frameContextOf(teams)).toBe(samrad);
    const host = await startTeamsHost(fakeTeams({ context: baseContext({ page: { frameContext: teams } }) }).api, {
      url: TEAMS_URL,
    });
    expect(host.context.frameContext).toBe(samrad);
  });

  it.each<[string, TeamsJsContext['user'], boolean]>([
    ['no user at all', undefined, true],
    ['licence type Anonymous', { id: 'anon-7', licenseType: 'Anonymous' }, true],
    ['licence type in other case', { id: 'anon-8', licenseType: 'ANONYMOUS' }, true],
    ['a licensed user', { id: 'user-2', licenseType: 'Unknown', userPrincipalName: 'b@org.example' }, false],
    [
      'a guest (external UPN)',
      { id: 'user-3', licenseType: 'Free', userPrincipalName: 'c_org.example#EXT#@ministry.example' },
      false,
    ],
    ['no licence type', { id: 'user-4' }, false],
  ])('anonymous detection: %s', async (_, user, anonymous) => {
    const host = await startTeamsHost(fakeTeams({ context: baseContext({ user }) }).api, { url: TEAMS_URL });
    expect(host.context.anonymous).toBe(anonymous);
  });

  it.each<[string, 'sv' | 'en', 'sv' | 'en']>([
    ['sv-se', 'en', 'sv'],
    ['sv-FI', 'en', 'sv'],
    ['sv', 'en', 'sv'],
    ['en-us', 'sv', 'en'],
    ['en-gb', 'sv', 'en'],
    ['de-de', 'sv', 'en'],
    ['', 'sv', 'sv'],
    ['', 'en', 'en'],
  ])('locale %j (page language %s) gives %s', async (locale, pageLanguage, language) => {
    expect(languageOfLocale(locale, pageLanguage)).toBe(language);
    const url = new URL(`https://samrad.example/panel.html?host=teams&lang=${pageLanguage}`);
    const host = await startTeamsHost(fakeTeams({ context: baseContext({ app: { locale, theme: 'default' } }) }).api, {
      url,
    });
    expect(host.context.language).toBe(language);
  });

  it.each([
    ['default', 'default'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['glass', 'default'],
  ])('theme %s is %s', async (teams, samrad) => {
    expect(themeOf(teams)).toBe(samrad);
    const host = await startTeamsHost(fakeTeams({ context: baseContext({ app: { locale: 'en-us', theme: teams } }) }).api, {
      url: TEAMS_URL,
    });
    expect(host.context.theme).toBe(samrad);
  });
});

describe('when Teams does not start', () => {
  it('times out with a typed error in both languages, and a late answer changes nothing', async () => {
    vi.useFakeTimers();
    let answer: () => void = () => undefined;
    const fake = fakeTeams({ initialize: () => new Promise<void>((resolve) => (answer = resolve)) });
    const started = failure(startTeamsHost(fake.api, { url: TEAMS_URL, initializeTimeoutMs: 5_000 }), 'not-in-teams');
    await vi.advanceTimersByTimeAsync(4_999);
    let done = false;
    void started.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await started;
    expect(error.what.sv).toBe('Sidan är öppnad utanför Teams, eller så svarade Teams inte inom 5 s.');
    expect(error.what.en).toBe('The page is open outside Teams, or Teams did not answer within 5 s.');
    expect(error.hint.sv).toContain('mötet');
    expect(error.hint.en).toContain('meeting');
    answer();
    await vi.runAllTimersAsync();
    expect(fake.initialize).toHaveBeenCalledTimes(1);
  });

  it('waits ten seconds by default', async () => {
    vi.useFakeTimers();
    const fake = fakeTeams({ initialize: () => new Promise<void>(() => undefined) });
    const started = failure(startTeamsHost(fake.api, { url: TEAMS_URL }), 'not-in-teams');
    await vi.advanceTimersByTimeAsync(DEFAULT_INITIALIZE_TIMEOUT_MS);
    expect((await started).what.en).toContain('10 s');
  });

  it('turns a rejected initialize into not-in-teams, keeping the cause', async () => {
    const cause = new Error('Initialization Failed. No Parent window found.');
    const error = await failure(
      startTeamsHost(fakeTeams({ initialize: () => Promise.reject(cause) }).api, { url: TEAMS_URL }),
      'not-in-teams',
    );
    expect(error.cause).toBe(cause);
    expect(error.sdk).toEqual({ code: null, message: 'Initialization Failed. No Parent window found.' });
    expect(error.what.sv).toContain('Sidan är öppnad utanför Teams');
    expect(error.what.en).toContain('The page is open outside Teams');
  });

  it('turns an initialize that throws synchronously into not-in-teams', async () => {
    const error = await failure(
      startTeamsHost(
        fakeTeams({
          initialize: () => {
            throw new Error('boom');
          },
        }).api,
        { url: TEAMS_URL },
      ),
      'not-in-teams',
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports a context Teams does not give as context-unavailable', async () => {
    const sdk: TeamsSdkError & Error = Object.assign(new Error('internal'), { errorCode: 500 });
    const error = await failure(
      startTeamsHost(fakeTeams({ getContext: () => Promise.reject(sdk) }).api, { url: TEAMS_URL }),
      'context-unavailable',
    );
    expect(error.sdk).toEqual({ code: 500, message: 'internal' });
  });
});

describe('theme changes', () => {
  it('are delivered to every listener until it unsubscribes', async () => {
    const fake = fakeTeams();
    const host = await startTeamsHost(fake.api, { url: TEAMS_URL });
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = host.onThemeChange((theme) => first.push(theme));
    host.onThemeChange((theme) => second.push(theme));
    fake.changeTheme('dark');
    fake.changeTheme('contrast');
    stopFirst();
    stopFirst();
    fake.changeTheme('default');
    fake.changeTheme('glass');
    expect(first).toEqual(['dark', 'contrast']);
    expect(second).toEqual(['dark', 'contrast', 'default', 'default']);
  });

  it('keeps two subscriptions of the same function independent', async () => {
    const fake = fakeTeams();
    const host = await startTeamsHost(fake.api, { url: TEAMS_URL });
    const seen: string[] = [];
    const listener = (theme: string): void => {
      seen.push(theme);
    };
    const stop = host.onThemeChange(listener);
    host.onThemeChange(listener);
    fake.changeTheme('dark');
    stop();
    fake.changeTheme('contrast');
    expect(seen).toEqual(['dark', 'dark', 'contrast']);
  });
});

describe('sharing to the meeting stage', () => {
  it('shares the URL and resolves when Teams says it is shared', async () => {
    const fake = fakeTeams();
    const host = await startTeamsHost(fake.api, { url: TEAMS_URL });
    await expect(host.shareToStage('https://samrad.example/stage.html?host=teams')).resolves.toBeUndefined();
    expect(fake.shared).toEqual(['https://samrad.example/stage.html?host=teams']);
  });

  it.each<[string, (callback: TeamsCallback<boolean>) => void, number | null]>([
    ['permission denied', (callback) => callback({ errorCode: 1000, message: 'denied' }, null), 1000],
    ['not in a meeting', (callback) => callback({ errorCode: 501 }, null), 501],
    ['no result', (callback) => callback(null, null), null],
    ['result false', (callback) => callback(null, false), null],
    [
      'a synchronous throw (wrong frame context)',
      () => {
        throw new Error('This call is only allowed in following contexts: ["sidePanel","meetingStage"]');
      },
      null,
    ],
  ])('refusal (%s) is stage-refused, explained in both languages', async (_, share, code) => {
    const host = await startTeamsHost(fakeTeams({ share }).api, { url: TEAMS_URL });
    const error = await failure(host.shareToStage('https://samrad.example/stage.html'), 'stage-refused');
    expect(error.sdk?.code ?? null).toBe(code);
    expect(error.hint.sv).toContain('organisatör och presentatörer');
    expect(error.hint.en).toContain('organiser and presenters');
  });

  it.each([true, false])('capability %s is what Teams says in the side panel', async (permitted) => {
    const host = await startTeamsHost(
      fakeTeams({ capabilities: (callback) => callback(null, { doesAppHaveSharePermission: permitted }) }).api,
      { url: TEAMS_URL },
    );
    await expect(host.stageSharingCapable()).resolves.toBe(permitted);
  });

  it('is asked on the stage too', async () => {
    const asked = vi.fn((callback: TeamsCallback<{ readonly doesAppHaveSharePermission: boolean }>) =>
      callback(null, { doesAppHaveSharePermission: true }),
    );
    const context = baseContext({ page: { frameContext: 'meetingStage' } });
    const host = await startTeamsHost(fakeTeams({ context, capabilities: asked }).api, { url: TEAMS_URL });
    await expect(host.stageSharingCapable()).resolves.toBe(true);
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it.each(['content', 'settings', 'remove', 'task'])(
    'is false in frame context %s without asking Teams (which throws there)',
    async (frameContext) => {
      const asked = vi.fn();
      const context = baseContext({ page: { frameContext } });
      const host = await startTeamsHost(fakeTeams({ context, capabilities: asked }).api, { url: TEAMS_URL });
      await expect(host.stageSharingCapable()).resolves.toBe(false);
      expect(asked).not.toHaveBeenCalled();
    },
  );

  it.each<[string, (callback: TeamsCallback<{ readonly doesAppHaveSharePermission: boolean }>) => void]>([
    ['an SDK error', (callback) => callback({ errorCode: 9000, message: 'old platform' }, null)],
    ['no result', (callback) => callback(null, null)],
    [
      'a synchronous throw',
      () => {
        throw new Error('not allowed');
      },
    ],
  ])('a capability query that fails (%s) is stage-unavailable', async (_, capabilities) => {
    const host = await startTeamsHost(fakeTeams({ capabilities }).api, { url: TEAMS_URL });
    await failure(host.stageSharingCapable(), 'stage-unavailable');
  });
});

describe('appIsSharing', () => {
  const SIDE_PANEL = new URL('https://samrad.example/teams.html?host=teams');
  it('says whether Samråd is on the stage now, as Teams answers', async () => {
    const teams = fakeTeams({ context: baseContext({ page: { frameContext: 'sidePanel' } }) });
    const host = await startTeamsHost(teams.api, { url: SIDE_PANEL });
    await expect(host.appIsSharing()).resolves.toBe(false);
    await host.shareToStage('https://samrad.example/teams.html?host=teams&view=stage#stage=x');
    await expect(host.appIsSharing()).resolves.toBe(true);
  });

  it('is false outside the side panel and the stage, without asking Teams (teams-js throws there)', async () => {
    const sharingState = vi.fn();
    const host = await startTeamsHost(
      fakeTeams({ context: baseContext({ page: { frameContext: 'content' } }), sharingState }).api,
      {
        url: SIDE_PANEL,
      },
    );
    await expect(host.appIsSharing()).resolves.toBe(false);
    expect(sharingState).not.toHaveBeenCalled();
  });

  it('is a typed error when Teams cannot say', async () => {
    const sharingState = (callback: TeamsCallback<{ readonly isAppSharing: boolean }>): void =>
      callback({ errorCode: 500, message: 'internal' }, null);
    const host = await startTeamsHost(
      fakeTeams({ context: baseContext({ page: { frameContext: 'sidePanel' } }), sharingState }).api,
      {
        url: SIDE_PANEL,
      },
    );
    await failure(host.appIsSharing(), 'stage-unavailable');
  });
});

describe('the real teams-js', () => {
  // This file runs in Node (no window): teams-js then keeps its built-in list of valid origins and fetches nothing.
  it('loads on demand as a TeamsApi (its functions are the ones the fake stands in for)', async () => {
    const api = await loadTeamsApi();
    expect([
      typeof api.app.initialize,
      typeof api.app.getContext,
      typeof api.app.registerOnThemeChangeHandler,
      typeof api.meeting.shareAppContentToStage,
      typeof api.meeting.getAppContentStageSharingCapabilities,
      typeof api.meeting.getAppContentStageSharingState,
    ]).toEqual(['function', 'function', 'function', 'function', 'function', 'function']);
  });
});
