/**
 * Sign-in in Teams: an anonymous participant is never asked (no provider at all, MSAL never created); a signed-in
 * person goes through MSAL's nestable client with the sign-in scopes and the redirect bridge, silently first.
 */
import type { AccountInfo } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { readAuthConfig, type AuthConfig } from '../../../src/hosts/auth/config';
import { isSignInError } from '../../../src/hosts/auth/signInError';
import type { TokenClient } from '../../../src/hosts/auth/naaTokenProvider';
import { createTeamsTokenProvider } from '../../../src/hosts/teams/teamsSignIn';

const config = readAuthConfig({ SAMRAD_CLIENT_ID: '8a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9', SAMRAD_TENANT: 'organizations' });
if (isSignInError(config)) throw config;
const CONFIG: AuthConfig = config;
const REDIRECT = 'https://samrad.example/auth-redirect.html';

const ACCOUNT: AccountInfo = {
  homeAccountId: 'uid.tid',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid',
  username: 'sofia.lindqvist@raddabarnen.example',
  localAccountId: 'uid',
};

function fakeMsal() {
  const requests: unknown[] = [];
  const client: TokenClient = {
    acquireTokenSilent: (request) => {
      requests.push(request);
      return Promise.resolve({ accessToken: 'token-1', account: ACCOUNT });
    },
    acquireTokenPopup: () => Promise.reject(new Error('no popup expected')),
    getActiveAccount: () => ACCOUNT,
    getAllAccounts: () => [ACCOUNT],
    setActiveAccount: () => undefined,
  };
  const createClient = vi.fn(() => Promise.resolve(client));
  return { createClient, requests };
}

describe('createTeamsTokenProvider', () => {
  it('gives an anonymous participant no token provider, so nothing can ever ask them to sign in', () => {
    const msal = fakeMsal();
    expect(
      createTeamsTokenProvider({ anonymous: true }, CONFIG, { redirectUri: REDIRECT }, { createClient: msal.createClient }),
    ).toBeNull();
    expect(msal.createClient).not.toHaveBeenCalled();
  });

  it('signs a person in through MSAL with the sign-in scopes and the redirect bridge, silently first', async () => {
    const msal = fakeMsal();
    const provider = createTeamsTokenProvider(
      { anonymous: false },
      CONFIG,
      { redirectUri: REDIRECT },
      { createClient: msal.createClient },
    );
    expect(provider).not.toBeNull();
    await expect(provider?.getToken()).resolves.toBe('token-1');
    expect(msal.createClient).toHaveBeenCalledTimes(1);
    expect(msal.createClient).toHaveBeenCalledWith({
      auth: { clientId: CONFIG.clientId, authority: CONFIG.authority, redirectUri: REDIRECT },
    });
    expect(msal.requests).toEqual([{ scopes: [...CONFIG.scopes], account: ACCOUNT }]);
  });

  it('does not create MSAL before the first token is needed', () => {
    const msal = fakeMsal();
    createTeamsTokenProvider({ anonymous: false }, CONFIG, { redirectUri: REDIRECT }, { createClient: msal.createClient });
    expect(msal.createClient).not.toHaveBeenCalled();
  });
});
