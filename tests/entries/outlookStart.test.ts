/**
 * The Outlook pane's start over office-addin-mock: a build without its sign-in settings says so before waiting for
 * Office; no office.js, or a page outside Outlook, is a typed host error; otherwise the host on the open item in the
 * item's mode and Office's language, with tokens from nested app authentication (MSAL replaced by a recording fake)
 * or from the sign-in dialog page next to the pane. Also the build-time settings and the sign-in pages' addresses.
 */
import type { Configuration } from '@azure/msal-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAuthConfig, signInPages } from '../../src/entries/auth/buildConfig';
import { connectOutlook, type OutlookStartOptions } from '../../src/entries/faces/outlookStart';
import { readAuthConfig, type AuthConfig } from '../../src/hosts/auth/config';
import type { TokenClient } from '../../src/hosts/auth/naaTokenProvider';
import { SignInError } from '../../src/hosts/auth/signInError';
import { OutlookHostError } from '../../src/hosts/outlook/outlookHostError';
import { officeMock, type MockOptions } from '../hosts/outlook/officeMock';

const CLIENT_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PAGE = 'https://samrad.example/pane/outlook.html?host=outlook';

function config(): AuthConfig {
  const read = readAuthConfig({ SAMRAD_CLIENT_ID: CLIENT_ID, SAMRAD_TENANT: 'regeringskansliet.se' });
  if (read instanceof SignInError) throw read;
  return read;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

function start(options: MockOptions = {}, extra: Pick<OutlookStartOptions, 'signIn'> = {}) {
  const mock = officeMock(options);
  return { mock, started: connectOutlook({ config: config(), office: mock.office, pageUrl: PAGE, timeoutMs: 1_000, ...extra }) };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('connectOutlook', () => {
  it('reports missing sign-in settings before waiting for Office', async () => {
    const mock = officeMock();
    const missing = readAuthConfig({});
    const error = await rejection(connectOutlook({ config: missing, office: mock.office, pageUrl: PAGE }));
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).reason).toBe('config-missing');
    expect((error as SignInError).what.en).toBe('The build setting SAMRAD_CLIENT_ID is missing.');
    expect(mock.calls).not.toContain('onReady');
  });

  it('reports an office.js that did not load', async () => {
    const error = await rejection(connectOutlook({ config: config(), office: undefined, pageUrl: PAGE }));
    expect(error).toBeInstanceOf(OutlookHostError);
    expect((error as OutlookHostError).reason).toBe('office-unavailable');
  });

  it('reports a page opened outside Outlook', async () => {
    const { started } = start({ onReady: () => Promise.resolve({ host: null, platform: null }) });
    const error = await rejection(started);
    expect((error as OutlookHostError).reason).toBe('not-in-outlook');
  });

  it('reports a pane with no item open', async () => {
    const { started } = start({ item: null });
    expect(((await rejection(started)) as OutlookHostError).reason).toBe('no-item');
  });

  it.each<['organizer' | 'attendee', string, 'sv' | 'en']>([
    ['organizer', 'sv-SE', 'sv'],
    ['attendee', 'en-GB', 'en'],
  ])('gives the host on the open item (%s, %s)', async (mode, displayLanguage, language) => {
    const { started, mock } = start({ mode, displayLanguage });
    const { host, office } = await started;
    expect(host.kind).toBe('outlook');
    expect(host.mode).toBe(mode);
    expect(host.language).toBe(language);
    expect(host.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(office).toBe(mock.office);
    expect(mock.calls.filter((c) => c === 'onReady')).toHaveLength(1);
  });

  it('signs in through nested app authentication, with MSAL configured from the build and the pane’s address', async () => {
    const configurations: Configuration[] = [];
    const client: TokenClient = {
      acquireTokenSilent: () => Promise.resolve({ accessToken: 'graph-token', account: null }),
      acquireTokenPopup: () => Promise.reject(new Error('no popup expected')),
      getActiveAccount: () => null,
      getAllAccounts: () => [],
      setActiveAccount: () => undefined,
    };
    const { started } = start(
      { nestedAppAuth: true },
      {
        signIn: {
          createClient: (configuration) => {
            configurations.push(configuration);
            return Promise.resolve(client);
          },
        },
      },
    );
    const { host } = await started;
    await expect(host.getAccessToken()).resolves.toBe('graph-token');
    expect(configurations).toEqual([
      {
        auth: {
          clientId: CLIENT_ID,
          authority: 'https://login.microsoftonline.com/regeringskansliet.se',
          redirectUri: 'https://samrad.example/pane/auth-redirect.html',
        },
      },
    ]);
  });

  it('falls back to the sign-in dialog page next to the pane where Outlook has no nested app authentication', async () => {
    const { started, mock } = start({ nestedAppAuth: false });
    const { host } = await started;
    const error = await rejection(host.getAccessToken());
    // The mock's Office answers 12007: a dialog is already open.
    expect((error as SignInError).reason).toBe('dialog-busy');
    expect(mock.calls).toContain('displayDialogAsync(https://samrad.example/pane/auth-dialog.html)');
  });
});

describe('the build’s sign-in settings', () => {
  it('reads the two settings the build wrote in', () => {
    vi.stubEnv('SAMRAD_CLIENT_ID', CLIENT_ID);
    vi.stubEnv('SAMRAD_TENANT', 'common');
    expect(buildAuthConfig()).toMatchObject({ clientId: CLIENT_ID, tenant: 'common' });
  });

  it('names the missing setting when the build had none', () => {
    vi.stubEnv('SAMRAD_CLIENT_ID', '');
    const result = buildAuthConfig();
    expect(result).toBeInstanceOf(SignInError);
    expect((result as SignInError).detail).toBe('SAMRAD_CLIENT_ID');
  });

  it.each([
    ['https://samrad.example/outlook.html?host=outlook', 'https://samrad.example/'],
    ['https://samrad.example/pane/outlook.html?host=outlook#x', 'https://samrad.example/pane/'],
    ['http://127.0.0.1:3000/auth-dialog.html', 'http://127.0.0.1:3000/'],
  ])('puts the sign-in pages next to %s', (page, base) => {
    expect(signInPages(page)).toEqual({ dialogUrl: `${base}auth-dialog.html`, redirectUri: `${base}auth-redirect.html` });
  });
});
