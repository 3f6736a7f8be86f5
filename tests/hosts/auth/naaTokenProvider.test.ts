/**
 * The token provider over a fake MSAL client that records its calls (no broker, no browser): silent first, a
 * popup only when MSAL says interaction is required, MSAL's errors typed; where NestedAppAuth is missing, the
 * dialog fallback, whose token is kept until shortly before it expires. Errors are MSAL's own classes.
 */
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { DialogToken } from '../../../src/hosts/auth/dialogProtocol';
import {
  createNaaTokenProvider,
  DIALOG_TOKEN_ASSUMED_LIFETIME_MS,
  DIALOG_TOKEN_MARGIN_MS,
  type NaaTokenProviderConfig,
  type TokenClient,
  type TokenResult,
} from '../../../src/hosts/auth/naaTokenProvider';
import { SignInError } from '../../../src/hosts/auth/signInError';
import { signInFailure } from '../../support/signInFailure';

const ACCOUNT: AccountInfo = {
  homeAccountId: 'uid.tid',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid',
  username: 'sofia.lindqvist@regeringskansliet.example',
  localAccountId: 'uid',
};

const SCOPES = ['Calendars.ReadWrite', 'Files.ReadWrite.AppFolder'] as const;

const BASE: NaaTokenProviderConfig = {
  clientId: '8a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9',
  authority: 'https://login.microsoftonline.com/organizations',
  scopes: SCOPES,
  naaSupported: () => true,
};

type Answer = TokenResult | Error;

/** A fake PublicClientApplication: answers silent and popup requests from queues and records every call. */
function fakeClient(options: { silent?: Answer[]; popup?: Answer[]; active?: AccountInfo | null; all?: AccountInfo[] } = {}) {
  const calls: { method: string; request?: unknown }[] = [];
  const silent = [...(options.silent ?? [])];
  const popup = [...(options.popup ?? [])];
  let active = options.active ?? null;
  const answer = (queue: Answer[], method: string): Promise<TokenResult> => {
    const next = queue.shift();
    if (next === undefined) return Promise.reject(new Error(`unexpected ${method}`));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  const client: TokenClient = {
    acquireTokenSilent: (request) => {
      calls.push({ method: 'silent', request });
      return answer(silent, 'silent');
    },
    acquireTokenPopup: (request) => {
      calls.push({ method: 'popup', request });
      return answer(popup, 'popup');
    },
    getActiveAccount: () => active,
    getAllAccounts: () => options.all ?? [],
    setActiveAccount: (account) => {
      calls.push({ method: 'setActiveAccount', request: account?.username ?? null });
      active = account;
    },
  };
  const configurations: Configuration[] = [];
  const createClient = vi.fn((configuration: Configuration) => {
    configurations.push(configuration);
    return Promise.resolve(client);
  });
  return { client, calls, createClient, configurations, methods: () => calls.map(({ method }) => method) };
}

const token = (accessToken: string, account: AccountInfo | null = ACCOUNT): TokenResult => ({ accessToken, account });

describe('with nested app authentication', () => {
  it('creates one MSAL client with the configuration, and gets the token silently', async () => {
    // Checked by the type checker: the factory's fake stands for MSAL's own client.
    expectTypeOf<IPublicClientApplication>().toExtend<TokenClient>();
    const fake = fakeClient({ silent: [token('silent-1'), token('silent-2')] });
    const provider = createNaaTokenProvider(
      { ...BASE, redirectUri: 'https://samrad.example/redirect.html' },
      { createClient: fake.createClient },
    );
    expect(fake.createClient).not.toHaveBeenCalled();
    await expect(provider.getToken()).resolves.toBe('silent-1');
    await expect(provider.getToken()).resolves.toBe('silent-2');
    expect(fake.createClient).toHaveBeenCalledOnce();
    expect(fake.configurations).toEqual([
      { auth: { clientId: BASE.clientId, authority: BASE.authority, redirectUri: 'https://samrad.example/redirect.html' } },
    ]);
    expect(fake.calls).toEqual([
      { method: 'silent', request: { scopes: [...SCOPES] } },
      { method: 'silent', request: { scopes: [...SCOPES] } },
    ]);
  });

  it('asks silently for the active account, or the one MSAL already knows', async () => {
    const active = fakeClient({ silent: [token('a')], active: ACCOUNT });
    await createNaaTokenProvider(BASE, { createClient: active.createClient }).getToken();
    expect(active.calls[0]?.request).toEqual({ scopes: [...SCOPES], account: ACCOUNT });
    const known = fakeClient({ silent: [token('b')], all: [ACCOUNT] });
    await createNaaTokenProvider(BASE, { createClient: known.createClient }).getToken();
    expect(known.calls[0]?.request).toEqual({ scopes: [...SCOPES], account: ACCOUNT });
  });

  it('silent → interaction required → popup, and remembers the account', async () => {
    const fake = fakeClient({
      silent: [new InteractionRequiredAuthError('consent_required', 'corr', 'AADSTS65001: consent needed')],
      popup: [token('popup-token')],
    });
    await expect(createNaaTokenProvider(BASE, { createClient: fake.createClient }).getToken()).resolves.toBe('popup-token');
    expect(fake.calls).toEqual([
      { method: 'silent', request: { scopes: [...SCOPES] } },
      { method: 'popup', request: { scopes: [...SCOPES] } },
      { method: 'setActiveAccount', request: ACCOUNT.username },
    ]);
  });

  it('silent with no account yet (the standard client without a broker) → popup', async () => {
    const fake = fakeClient({ silent: [new BrowserAuthError('no_account_error', 'corr')], popup: [token('popup-token', null)] });
    await expect(createNaaTokenProvider(BASE, { createClient: fake.createClient }).getToken()).resolves.toBe('popup-token');
    expect(fake.methods()).toEqual(['silent', 'popup']);
  });

  it('a silent failure that interaction would not mend is typed, and no popup opens', async () => {
    const fake = fakeClient({ silent: [new BrowserAuthError('no_network_connectivity', 'corr')] });
    const error = await signInFailure(createNaaTokenProvider(BASE, { createClient: fake.createClient }).getToken());
    expect(error).toMatchObject({ reason: 'network', detail: 'no_network_connectivity' });
    expect(fake.methods()).toEqual(['silent']);
  });

  it.each([
    [new BrowserAuthError('user_cancelled', 'corr'), 'sign-in-cancelled', 'user_cancelled'],
    [new BrowserAuthError('popup_window_error', 'corr'), 'popup-blocked', 'popup_window_error'],
    [new BrowserAuthError('empty_window_error', 'corr'), 'popup-blocked', 'empty_window_error'],
    [new InteractionRequiredAuthError('consent_required', 'corr', 'AADSTS65001'), 'consent-required', 'consent_required'],
    [new ServerError('invalid_request', 'corr', 'AADSTS90094: admin consent required'), 'consent-required', 'invalid_request'],
    [new ServerError('invalid_client', 'corr', 'AADSTS700016: application not found'), 'sign-in-failed', 'invalid_client'],
    [
      new InteractionRequiredAuthError('interaction_required', 'corr', 'more needed', 'consent_required'),
      'consent-required',
      'interaction_required',
    ],
    [new TypeError('broker exploded'), 'sign-in-failed', null],
  ] as const)('a popup failing with %s is %s', async (popupError, reason, detail) => {
    const fake = fakeClient({ silent: [new InteractionRequiredAuthError('interaction_required', 'corr')], popup: [popupError] });
    const error = await signInFailure(createNaaTokenProvider(BASE, { createClient: fake.createClient }).getToken());
    expect(error).toMatchObject({ reason, detail });
    expect(error.cause).toBe(popupError);
  });

  it('an empty access token is a failure, not a token', async () => {
    const fake = fakeClient({ silent: [token('')] });
    expect((await signInFailure(createNaaTokenProvider(BASE, { createClient: fake.createClient }).getToken())).detail).toBe(
      'empty_access_token',
    );
  });

  it('concurrent requests share one sign-in: one silent call, at most one popup', async () => {
    const fake = fakeClient({
      silent: [new InteractionRequiredAuthError('interaction_required', 'corr')],
      popup: [token('shared')],
    });
    const provider = createNaaTokenProvider(BASE, { createClient: fake.createClient });
    const tokens = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken(), provider.getToken()]);
    expect(tokens).toEqual(['shared', 'shared', 'shared', 'shared']);
    expect(fake.methods()).toEqual(['silent', 'popup', 'setActiveAccount']);
  });

  it('a client that cannot be created is a typed error, and is created again next time', async () => {
    const fake = fakeClient({ silent: [token('second-time')] });
    const createClient = vi
      .fn<(configuration: Configuration) => Promise<TokenClient>>()
      .mockRejectedValueOnce(new BrowserAuthError('crypto_nonexistent', 'corr'))
      .mockImplementation(fake.createClient);
    const provider = createNaaTokenProvider(BASE, { createClient });
    expect((await signInFailure(provider.getToken())).detail).toBe('crypto_nonexistent');
    await expect(provider.getToken()).resolves.toBe('second-time');
    expect(createClient).toHaveBeenCalledTimes(2);
  });
});

describe('without nested app authentication', () => {
  function dialog(answers: (DialogToken | Error)[]) {
    const queue = [...answers];
    const signIn = vi.fn(() => {
      const next = queue.shift();
      if (next === undefined) return Promise.reject(new Error('unexpected dialog'));
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    });
    return { signIn };
  }

  const noMsal = () => Promise.reject(new Error('MSAL must not load when the dialog signs in'));

  it('signs in through the dialog and keeps its token until shortly before it expires', async () => {
    let now = 1_000_000;
    const fallback = dialog([
      { accessToken: 'dialog-1', expiresOn: 1_000_000 + 60 * 60_000 },
      { accessToken: 'dialog-2', expiresOn: null },
    ]);
    const provider = createNaaTokenProvider(
      { ...BASE, naaSupported: () => false, dialogFallback: fallback },
      { createClient: noMsal, now: () => now },
    );
    await expect(provider.getToken()).resolves.toBe('dialog-1');
    now += 60 * 60_000 - DIALOG_TOKEN_MARGIN_MS - 1;
    await expect(provider.getToken()).resolves.toBe('dialog-1');
    expect(fallback.signIn).toHaveBeenCalledOnce();
    now += 1;
    await expect(provider.getToken()).resolves.toBe('dialog-2');
    expect(fallback.signIn).toHaveBeenCalledTimes(2);
    // No expiry sent: kept for the assumed lifetime, less the margin.
    now += DIALOG_TOKEN_ASSUMED_LIFETIME_MS - DIALOG_TOKEN_MARGIN_MS - 1;
    await expect(provider.getToken()).resolves.toBe('dialog-2');
    expect(fallback.signIn).toHaveBeenCalledTimes(2);
  });

  it("passes the dialog's typed errors on, and opens it again next time", async () => {
    const cancelled = new SignInError('sign-in-cancelled', { sv: 'Avbröts.', en: 'Cancelled.' }, { sv: 'Igen.', en: 'Again.' });
    const fallback = dialog([cancelled, { accessToken: 'dialog', expiresOn: null }]);
    const provider = createNaaTokenProvider(
      { ...BASE, naaSupported: () => false, dialogFallback: fallback },
      { createClient: noMsal },
    );
    await expect(provider.getToken()).rejects.toBe(cancelled);
    await expect(provider.getToken()).resolves.toBe('dialog');
  });

  it('opens one dialog for concurrent requests', async () => {
    const fallback = dialog([{ accessToken: 'one', expiresOn: null }]);
    const provider = createNaaTokenProvider(
      { ...BASE, naaSupported: () => false, dialogFallback: fallback },
      { createClient: noMsal },
    );
    expect(await Promise.all([provider.getToken(), provider.getToken()])).toEqual(['one', 'one']);
    expect(fallback.signIn).toHaveBeenCalledOnce();
  });

  it('asks whether NAA is supported once; a throwing check means no NAA', async () => {
    const naaSupported = vi.fn((): boolean => {
      throw new TypeError('Office.context.requirements is undefined');
    });
    const fallback = dialog([
      { accessToken: 'a', expiresOn: 0 },
      { accessToken: 'b', expiresOn: 0 },
    ]);
    const provider = createNaaTokenProvider(
      { ...BASE, naaSupported, dialogFallback: fallback },
      { createClient: noMsal, now: () => 0 },
    );
    await expect(provider.getToken()).resolves.toBe('a');
    await expect(provider.getToken()).resolves.toBe('b');
    expect(naaSupported).toHaveBeenCalledOnce();
  });

  it('with no fallback either: sign-in-unavailable, saying which Outlook works', async () => {
    const error = await signInFailure(
      createNaaTokenProvider({ ...BASE, naaSupported: () => false }, { createClient: noMsal }).getToken(),
    );
    expect(error.reason).toBe('sign-in-unavailable');
    expect(error.hint.en).toMatch(/Outlook on the web/);
  });

  it('an empty token from the dialog is a failure', async () => {
    const fallback = dialog([{ accessToken: '', expiresOn: null }]);
    const provider = createNaaTokenProvider(
      { ...BASE, naaSupported: () => false, dialogFallback: fallback },
      { createClient: noMsal },
    );
    expect((await signInFailure(provider.getToken())).reason).toBe('sign-in-failed');
  });
});
