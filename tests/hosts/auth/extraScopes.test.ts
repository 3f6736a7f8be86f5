/**
 * The permission asked for only when reply drafts are made (Mail.ReadWrite), over a fake MSAL client that records
 * its calls: granted = a silent token for it; asking = MSAL's popup (the consent prompt), with closing or declining
 * it an answer rather than a failure; the sign-in scopes never include it; where only the Office dialog signs in,
 * it cannot be asked for, and the error says so. Errors are MSAL's own classes.
 */
import {
  AuthError,
  BrowserAuthError,
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type SilentRequest,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { EXTRA_GRAPH_SCOPES } from '../../../src/hosts/auth/config';
import {
  createNaaTokenProvider,
  type NaaTokenProviderConfig,
  type TokenClient,
  type TokenResult,
} from '../../../src/hosts/auth/naaTokenProvider';
import { signInFailure } from '../../support/signInFailure';
import { createOutlookHost } from '../../../src/hosts/outlook/outlookHost';
import { officeMock } from '../outlook/officeMock';

const ACCOUNT: AccountInfo = {
  homeAccountId: 'uid.tid',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid',
  username: 'maria.envall@regeringskansliet.example',
  localAccountId: 'uid',
};

const SIGN_IN = ['Calendars.ReadWrite', 'Mail.Read'] as const;
const DRAFTS = 'Mail.ReadWrite';

const BASE: NaaTokenProviderConfig = {
  clientId: '8a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9',
  authority: 'https://login.microsoftonline.com/organizations',
  scopes: SIGN_IN,
  naaSupported: () => true,
};

type Answer = TokenResult | Error;

function fakeMsal(options: { silent?: Answer[]; popup?: Answer[] } = {}) {
  const calls: { method: string; request?: unknown }[] = [];
  const silent = [...(options.silent ?? [])];
  const popup = [...(options.popup ?? [])];
  let active: AccountInfo | null = null;
  const answer = (queue: Answer[], method: string): Promise<TokenResult> => {
    const next = queue.shift();
    if (next === undefined) return Promise.reject(new Error(`unexpected ${method}`));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  const client: TokenClient = {
    acquireTokenSilent: (request: SilentRequest) => {
      calls.push({ method: 'silent', request });
      return answer(silent, 'silent');
    },
    acquireTokenPopup: (request) => {
      calls.push({ method: 'popup', request });
      return answer(popup, 'popup');
    },
    getActiveAccount: () => active,
    getAllAccounts: () => [],
    setActiveAccount: (account) => {
      calls.push({ method: 'setActiveAccount', request: account?.username ?? null });
      active = account;
    },
  };
  const createClient = vi.fn(() => Promise.resolve(client));
  return { calls, createClient };
}

const token = (accessToken: string, account: AccountInfo | null = ACCOUNT): TokenResult => ({ accessToken, account });
const interaction = () => new InteractionRequiredAuthError('consent_required', 'corr', 'AADSTS65001: consent needed');

describe('granted: a silent token for the extra scope', () => {
  it('is true when MSAL gives one silently, asking for that scope only, for the signed-in account', async () => {
    const msal = fakeMsal({ popup: [token('signed-in')], silent: [interaction(), token('drafts-token')] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    // Sign-in first (silent needs the person, popup), then the check for drafts.
    await provider.getToken();
    expect(await provider.extraScopes.granted(DRAFTS)).toBe(true);
    expect(msal.calls).toEqual([
      { method: 'silent', request: { scopes: [...SIGN_IN] } },
      { method: 'popup', request: { scopes: [...SIGN_IN] } },
      { method: 'setActiveAccount', request: ACCOUNT.username },
      { method: 'silent', request: { scopes: [DRAFTS], account: ACCOUNT } },
    ]);
  });

  it('is false when MSAL says the person must consent first, and no popup opens', async () => {
    const msal = fakeMsal({ silent: [interaction()] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    expect(await provider.extraScopes.granted(DRAFTS)).toBe(false);
    expect(msal.calls.map((c) => c.method)).toEqual(['silent']);
  });

  it('reports a failure interaction would not mend (no network) instead of calling it "not granted"', async () => {
    const msal = fakeMsal({ silent: [new BrowserAuthError('no_network_connectivity', 'corr')] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    expect(await signInFailure(provider.extraScopes.granted(DRAFTS))).toMatchObject({ reason: 'network' });
  });

  it('is false where only the Office dialog signs in, without loading MSAL', async () => {
    const msal = fakeMsal();
    const provider = createNaaTokenProvider(
      { ...BASE, naaSupported: () => false, dialogFallback: { signIn: () => Promise.reject(new Error('not used')) } },
      { createClient: msal.createClient },
    );
    expect(await provider.extraScopes.granted(DRAFTS)).toBe(false);
    expect(msal.createClient).not.toHaveBeenCalled();
  });
});

describe('request: the consent prompt, on the person’s action only', () => {
  it('opens MSAL’s popup for the extra scope alone and says it was granted', async () => {
    const msal = fakeMsal({ popup: [token('drafts-token')], silent: [token('drafts-token')] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    expect(await provider.extraScopes.request(DRAFTS)).toBe(true);
    expect(await provider.extraScopes.token(DRAFTS)).toBe('drafts-token');
    expect(msal.calls).toEqual([
      { method: 'popup', request: { scopes: [DRAFTS] } },
      { method: 'setActiveAccount', request: ACCOUNT.username },
      { method: 'silent', request: { scopes: [DRAFTS], account: ACCOUNT } },
    ]);
  });

  it.each<readonly [string, Error]>([
    ['closing the prompt', new BrowserAuthError('user_cancelled', 'corr')],
    ['declining it', new ServerError('access_denied', 'corr', 'AADSTS65004: User declined to consent to access the app.')],
    ['declining it (as a broker words it)', new ServerError('invalid_request', 'corr', 'AADSTS65004: User declined to consent.')],
  ])('takes %s as "not granted", not as a failure', async (_what, error) => {
    const msal = fakeMsal({ popup: [error] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    expect(await provider.extraScopes.request(DRAFTS)).toBe(false);
  });

  it.each<readonly [string, Error, string]>([
    [
      'a tenant where only administrators consent',
      new ServerError('invalid_grant', 'corr', 'AADSTS90094: An administrator must grant permission.'),
      'consent-required',
    ],
    ['a blocked popup', new BrowserAuthError('popup_window_error', 'corr'), 'popup-blocked'],
    ['anything else', new AuthError('unknown_error', 'corr', 'broker broke'), 'sign-in-failed'],
  ])('reports %s as a typed error with the next step', async (_what, error, reason) => {
    const msal = fakeMsal({ popup: [error] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    expect((await signInFailure(provider.extraScopes.request(DRAFTS))).reason).toBe(reason);
  });

  it('cannot ask where only the Office dialog signs in, and says what to use instead', async () => {
    const provider = createNaaTokenProvider({ ...BASE, naaSupported: () => false }, { createClient: fakeMsal().createClient });
    const error = await signInFailure(provider.extraScopes.request(DRAFTS));
    expect(error.reason).toBe('sign-in-unavailable');
    expect(error.what.en).toContain('Mail.ReadWrite');
    expect(error.hint.en).toContain('Everything else in Samråd works without the permission');
    expect((await signInFailure(provider.extraScopes.token(DRAFTS))).reason).toBe('sign-in-unavailable');
  });
});

describe('token: for the extra scope, and never part of sign-in', () => {
  it('fails with consent-required when the person has not granted it', async () => {
    const msal = fakeMsal({ silent: [interaction()] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    const error = await signInFailure(provider.extraScopes.token(DRAFTS));
    expect(error).toMatchObject({ reason: 'consent-required', detail: 'interaction_required' });
    expect(error.hint.sv).toContain('Ge behörighet');
  });

  it('leaves the sign-in token’s scopes as configured: the extra scope is asked for on its own', async () => {
    const msal = fakeMsal({ silent: [token('signed-in'), token('drafts-token')] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    await provider.getToken();
    await provider.extraScopes.token(DRAFTS);
    const requested = msal.calls.map((c) => (c.request as { scopes: string[] }).scopes);
    expect(requested).toEqual([[...SIGN_IN], [DRAFTS]]);
    expect(EXTRA_GRAPH_SCOPES.map(({ scope }) => scope)).toEqual([DRAFTS]);
  });
});

describe('the Outlook host', () => {
  it('hands on the sign-in’s extra scopes, or null when the sign-in has none', async () => {
    const msal = fakeMsal({ silent: [token('drafts-token')] });
    const provider = createNaaTokenProvider(BASE, { createClient: msal.createClient });
    const host = createOutlookHost(officeMock().office, { tokens: provider });
    expect(host.extraScopes).toBe(provider.extraScopes);
    expect(await host.extraScopes?.token(DRAFTS)).toBe('drafts-token');
    const plain = createOutlookHost(officeMock().office, { tokens: { getToken: () => Promise.resolve('t') } });
    expect(plain.extraScopes).toBeNull();
  });
});
