/**
 * The sign-in page inside the Office dialog, over a fake MSAL client: the first load sends the person to Entra ID
 * and sends nothing to the pane; the return sends the token (with its expiry); any MSAL error is relayed with its
 * code, so the pane can say what happened.
 */
import { BrowserAuthError, type Configuration, type RedirectRequest } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { runSignInDialogPage, type RedirectClient, type RedirectResult } from '../../../src/hosts/auth/dialogPage';
import { decodeDialogMessage } from '../../../src/hosts/auth/dialogProtocol';

const OPTIONS = {
  clientId: '8a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9',
  authority: 'https://login.microsoftonline.com/organizations',
  scopes: ['Calendars.ReadWrite', 'Mail.Read'],
  redirectUri: 'https://samrad.example/auth-redirect.html',
};

function page(redirect: RedirectResult | null | Error) {
  const sent: string[] = [];
  const configurations: Configuration[] = [];
  const logins: RedirectRequest[] = [];
  const client: RedirectClient = {
    handleRedirectPromise: () => (redirect instanceof Error ? Promise.reject(redirect) : Promise.resolve(redirect)),
    loginRedirect: (request) => {
      logins.push(request);
      return Promise.resolve();
    },
  };
  const run = () =>
    runSignInDialogPage({
      ...OPTIONS,
      send: (message) => sent.push(message),
      createClient: (configuration) => {
        configurations.push(configuration);
        return Promise.resolve(client);
      },
    });
  return { run, sent, configurations, logins };
}

describe('the sign-in dialog page', () => {
  it('first load: sends the person to Entra ID with the scopes, sends nothing to the pane', async () => {
    const dialog = page(null);
    await expect(dialog.run()).resolves.toBe('redirecting');
    expect(dialog.configurations).toEqual([
      {
        auth: { clientId: OPTIONS.clientId, authority: OPTIONS.authority, redirectUri: OPTIONS.redirectUri },
        cache: { cacheLocation: 'sessionStorage' },
      },
    ]);
    expect(dialog.logins).toEqual([{ scopes: OPTIONS.scopes, redirectUri: OPTIONS.redirectUri }]);
    expect(dialog.sent).toEqual([]);
  });

  it('back from Entra ID: sends the token and its expiry to the pane', async () => {
    const dialog = page({ accessToken: 'graph-token', expiresOn: new Date(Date.UTC(2026, 10, 28, 12)) });
    await expect(dialog.run()).resolves.toBe('sent');
    expect(dialog.sent.map(decodeDialogMessage)).toEqual([
      { type: 'samrad-sign-in', ok: true, accessToken: 'graph-token', expiresOn: Date.UTC(2026, 10, 28, 12) },
    ]);
    expect(dialog.logins).toEqual([]);
  });

  it('a token without expiry is sent with a null expiry', async () => {
    const dialog = page({ accessToken: 'graph-token', expiresOn: null });
    await dialog.run();
    expect(decodeDialogMessage(dialog.sent[0] ?? '')).toMatchObject({ ok: true, expiresOn: null });
  });

  it('an empty token is sent as a failure', async () => {
    const dialog = page({ accessToken: '', expiresOn: null });
    await dialog.run();
    expect(decodeDialogMessage(dialog.sent[0] ?? '')).toMatchObject({ ok: false, errorCode: 'empty_access_token' });
  });

  it("relays MSAL's error with its code", async () => {
    const dialog = page(new BrowserAuthError('user_cancelled', 'corr'));
    await expect(dialog.run()).resolves.toBe('sent');
    expect(decodeDialogMessage(dialog.sent[0] ?? '')).toMatchObject({ ok: false, errorCode: 'user_cancelled' });
  });

  it('relays an error that is not MSAL as unknown_error', async () => {
    const dialog = page(new TypeError('storage blocked'));
    await dialog.run();
    expect(decodeDialogMessage(dialog.sent[0] ?? '')).toEqual({
      type: 'samrad-sign-in',
      ok: false,
      errorCode: 'unknown_error',
      errorMessage: 'storage blocked',
    });
  });
});
