/**
 * The meeting tab's configuration step over a fake teams-js `pages.config`: the save handler is registered before
 * Save is enabled; Save gives Teams the tab's page and then reports success; a refused or throwing setConfig is
 * reported to Teams with a reason in the person's language and to the page as a typed error; outside the settings
 * frame the step is refused with its own error; and the tab's addresses sit beside the configuration page.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../src/core/time/format';
import {
  configureMeetingTab,
  isTeamsConfigError,
  loadTeamsConfigApi,
  MEETING_TAB_DISPLAY_NAME,
  MEETING_TAB_ENTITY_ID,
  meetingTabUrls,
  TeamsConfigError,
  type MeetingTabOptions,
  type TeamsConfigApi,
  type TeamsInstanceConfig,
  type TeamsSaveEvent,
} from '../../../src/hosts/teams/teamsConfig';

interface FakeOptions {
  readonly setConfig?: (config: TeamsInstanceConfig) => Promise<void>;
  readonly registerThrows?: Error;
  readonly validityThrows?: Error;
}

/** teams-js's pages.config as Teams' settings frame behaves: one handler, Save disabled until valid. */
function fakeConfig(options: FakeOptions = {}) {
  const calls: string[] = [];
  const configs: TeamsInstanceConfig[] = [];
  let handler: ((event: TeamsSaveEvent) => void) | null = null;
  const api: TeamsConfigApi = {
    pages: {
      config: {
        registerOnSaveHandler(next) {
          calls.push('registerOnSaveHandler');
          if (options.registerThrows !== undefined) throw options.registerThrows;
          handler = next;
        },
        setConfig(config) {
          calls.push('setConfig');
          configs.push(config);
          return options.setConfig ? options.setConfig(config) : Promise.resolve();
        },
        setValidityState(valid) {
          calls.push(`setValidityState(${String(valid)})`);
          if (options.validityThrows !== undefined) throw options.validityThrows;
        },
      },
    },
  };
  return {
    api,
    calls,
    configs,
    /** The person selects Save; resolves once Teams has been told the outcome. */
    async save(event: Partial<TeamsSaveEvent> = {}): Promise<{ success: number; failures: (string | undefined)[] }> {
      if (handler === null) throw new Error('no save handler registered');
      const told = { success: 0, failures: [] as (string | undefined)[] };
      let settle: () => void = () => undefined;
      const settled = new Promise<void>((resolve) => (settle = resolve));
      handler({
        notifySuccess: () => {
          told.success += 1;
          settle();
          event.notifySuccess?.();
        },
        notifyFailure: (reason) => {
          told.failures.push(reason);
          settle();
          event.notifyFailure?.(reason);
        },
      });
      await settled;
      return told;
    },
  };
}

const URLS = {
  contentUrl: 'https://samrad.example.se/teams.html?host=teams',
  websiteUrl: 'https://samrad.example.se/support.html',
};

function options(overrides: Partial<MeetingTabOptions> = {}): MeetingTabOptions {
  return { ...URLS, language: 'sv', ...overrides };
}

describe('configureMeetingTab', () => {
  it('registers the save handler, then enables Save', () => {
    const teams = fakeConfig();
    configureMeetingTab(teams.api, options());
    expect(teams.calls).toEqual(['registerOnSaveHandler', 'setValidityState(true)']);
  });

  it("gives Teams the tab's page on Save, then reports success to Teams and the page", async () => {
    const teams = fakeConfig();
    const onSaved = vi.fn();
    const onFailed = vi.fn();
    configureMeetingTab(teams.api, options({ onSaved, onFailed }));
    const told = await teams.save();
    expect(teams.configs).toEqual([
      {
        entityId: MEETING_TAB_ENTITY_ID,
        contentUrl: URLS.contentUrl,
        websiteUrl: URLS.websiteUrl,
        suggestedDisplayName: MEETING_TAB_DISPLAY_NAME,
      },
    ]);
    expect(MEETING_TAB_DISPLAY_NAME).toBe('Samråd');
    expect(told).toEqual({ success: 1, failures: [] });
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('takes another entity id and display name when given', async () => {
    const teams = fakeConfig();
    configureMeetingTab(teams.api, options({ entityId: 'other', suggestedDisplayName: 'Samråd OGP' }));
    await teams.save();
    expect(teams.configs[0]).toMatchObject({ entityId: 'other', suggestedDisplayName: 'Samråd OGP' });
  });

  it.each<[string, () => Promise<void>]>([
    ['rejects with an SdkError', () => Promise.reject(Object.assign(new Error('Internal error'), { errorCode: 500 }))],
    [
      'throws synchronously',
      () => {
        throw Object.assign(new Error('boom'), { errorCode: 500 });
      },
    ],
  ])('reports a setConfig that %s to Teams and to the page, never as success', async (_label, setConfig) => {
    const teams = fakeConfig({ setConfig });
    const onSaved = vi.fn();
    const failures: TeamsConfigError[] = [];
    configureMeetingTab(teams.api, options({ onSaved, onFailed: (error) => failures.push(error) }));
    const told = await teams.save();
    expect(told.success).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();
    expect(failures).toHaveLength(1);
    const [error] = failures;
    expect(isTeamsConfigError(error, 'save-failed')).toBe(true);
    expect(error?.sdk?.code).toBe(500);
    expect(told.failures).toEqual([`${error?.what.sv} ${error?.hint.sv}`]);
  });

  it.each<[Language, RegExp]>([
    ['sv', /^Teams sparade inte fliken Samråd\. Välj Spara igen\./],
    ['en', /^Teams did not save the Samråd tab\. Select Save again\./],
  ])('tells Teams why in the person’s language (%s)', async (language, reason) => {
    const teams = fakeConfig({ setConfig: () => Promise.reject(new Error('refused')) });
    configureMeetingTab(teams.api, options({ language }));
    const told = await teams.save();
    expect(told.failures).toHaveLength(1);
    expect(told.failures[0]).toMatch(reason);
  });

  it('reports to the page when telling Teams of success itself fails', async () => {
    const teams = fakeConfig();
    const failures: TeamsConfigError[] = [];
    const reported = new Promise<void>((resolve) => {
      configureMeetingTab(
        teams.api,
        options({
          onFailed: (error) => {
            failures.push(error);
            resolve();
          },
        }),
      );
    });
    await teams.save({
      notifySuccess: () => {
        throw new Error('the dialog was closed');
      },
    });
    await reported;
    expect(failures).toHaveLength(1);
    expect(failures[0]?.reason).toBe('save-failed');
    expect((failures[0]?.cause as Error).message).toBe('the dialog was closed');
  });

  const notSettings = new Error('This call is only allowed in following contexts: ["settings"].');
  const notSupported = Object.assign(new Error('Not supported'), { errorCode: 501 });
  it.each<[string, FakeOptions, Error]>([
    ['registering the handler', { registerThrows: notSettings }, notSettings],
    ['enabling Save', { validityThrows: notSupported }, notSupported],
  ])('is refused outside the settings frame (%s throws), with a typed error', (_label, faults, thrown) => {
    const teams = fakeConfig(faults);
    let caught: unknown;
    try {
      configureMeetingTab(teams.api, options());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TeamsConfigError);
    expect(isTeamsConfigError(caught, 'not-configurable')).toBe(true);
    expect(isTeamsConfigError(caught, 'save-failed')).toBe(false);
    const error = caught as TeamsConfigError;
    expect(error.what.sv).toMatch(/inget att spara/);
    expect(error.hint.en).toMatch(/Add a tab/);
    expect(error.sdk).toEqual(
      thrown === notSupported ? { code: 501, message: 'Not supported' } : { code: null, message: notSettings.message },
    );
    expect(error.cause).toBe(thrown);
  });

  it('does not enable Save when the handler could not be registered', () => {
    const teams = fakeConfig({ registerThrows: new Error('not settings') });
    expect(() => configureMeetingTab(teams.api, options())).toThrow(TeamsConfigError);
    expect(teams.calls).toEqual(['registerOnSaveHandler']);
  });
});

describe('meetingTabUrls', () => {
  it.each([
    ['https://samrad.example.se/config.html?host=teams', 'https://samrad.example.se'],
    ['https://samrad.example.se/config.html?host=teams&lang=en#x', 'https://samrad.example.se'],
    ['https://www.example.se/samrad/config.html?host=teams', 'https://www.example.se/samrad'],
    ['https://localhost:3000/config.html?host=teams', 'https://localhost:3000'],
  ])('places the tab beside the configuration page %s', (page, base) => {
    expect(meetingTabUrls(new URL(page))).toEqual({
      contentUrl: `${base}/teams.html?host=teams`,
      websiteUrl: `${base}/support.html`,
    });
  });

  it('gives a content page that knows from its URL that it runs in Teams', () => {
    const { contentUrl } = meetingTabUrls(new URL('https://samrad.example.se/config.html?host=teams'));
    expect(new URL(contentUrl).searchParams.get('host')).toBe('teams');
  });
});

describe('loadTeamsConfigApi', () => {
  it('gives the real teams-js, with the configuration functions the page uses', async () => {
    const api = await loadTeamsConfigApi();
    expect([
      typeof api.pages.config.registerOnSaveHandler,
      typeof api.pages.config.setConfig,
      typeof api.pages.config.setValidityState,
      typeof api.app.initialize,
    ]).toEqual(['function', 'function', 'function', 'function']);
  });
});
