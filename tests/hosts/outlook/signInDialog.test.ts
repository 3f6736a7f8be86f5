/**
 * The Office dialog fallback for sign-in, pane side: the dialog opens on the given page, the token it sends with
 * messageParent comes back, and every dialog error Office reports (opening refused, closed by the person, page
 * not loaded) is a typed SignInError. Also the dialog page's side (sendToPane) and the Outlook wiring of the token
 * provider: nested app authentication where NestedAppAuth 1.1 is supported, the dialog elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { encodeDialogFailure, encodeDialogToken } from '../../../src/hosts/auth/dialogProtocol';
import { SignInError } from '../../../src/hosts/auth/signInError';
import { signInFailure } from '../../support/signInFailure';
import type { TokenClient } from '../../../src/hosts/auth/naaTokenProvider';
import { createOutlookTokenProvider, nestedAppAuthSupported } from '../../../src/hosts/outlook/nestedAppAuth';
import { DialogError, openSignInDialog, runOutlookSignInDialog, sendToPane } from '../../../src/hosts/outlook/signInDialog';
import { OutlookHostError } from '../../../src/hosts/outlook/outlookHostError';
import { ENUMS, failed, officeMock, ok } from './officeMock';

const URL_ = 'https://samrad.example/auth-dialog.html';

type Handler = (args: { message: string; origin: string | undefined } | { error: number }) => void;

/** An Office whose displayDialogAsync opens a recorded dialog; the test then plays Office's events. */
function withDialog(openResult?: ReturnType<typeof failed>, { closeThrows = false } = {}) {
  const handlers = new Map<string, Handler>();
  const opened: { url: string; options: unknown }[] = [];
  let closed = 0;
  const dialog = {
    addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
    close: () => {
      closed += 1;
      if (closeThrows) throw new Error('The dialog is already closed.');
    },
  };
  const mock = officeMock({
    displayDialogAsync: (url, options, callback) => {
      opened.push({ url, options });
      callback(openResult ?? ok(dialog));
    },
  });
  const emit = (type: 'message' | 'event', args: Parameters<Handler>[0]): void => {
    const handler = handlers.get(
      type === 'message' ? ENUMS.EventType.DialogMessageReceived : ENUMS.EventType.DialogEventReceived,
    );
    if (handler === undefined) throw new Error(`no ${type} handler`);
    handler(args);
  };
  return { ...mock, opened, emit, closed: () => closed, handlers };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sign-in dialog, pane side', () => {
  it('opens the page and resolves with the token the page sends; then closes the dialog', async () => {
    const office = withDialog();
    const token = openSignInDialog(office.office, { url: URL_ });
    await tick();
    expect(office.opened).toEqual([{ url: URL_, options: { height: 60, width: 30 } }]);
    office.emit('message', {
      message: encodeDialogToken({ accessToken: 'dialog-token', expiresOn: 1_700_000_000_000 }),
      origin: 'https://samrad.example',
    });
    await expect(token).resolves.toEqual({ accessToken: 'dialog-token', expiresOn: 1_700_000_000_000 });
    expect(office.closed()).toBe(1);
  });

  it('passes the size it is given', async () => {
    const office = withDialog();
    const token = openSignInDialog(office.office, { url: URL_, height: 50, width: 40 });
    await tick();
    expect(office.opened[0]?.options).toEqual({ height: 50, width: 40 });
    office.emit('message', { message: encodeDialogToken({ accessToken: 't', expiresOn: null }), origin: undefined });
    await expect(token).resolves.toEqual({ accessToken: 't', expiresOn: null });
  });

  it.each([
    ['user_cancelled', 'sign-in-cancelled'],
    ['popup_window_error', 'popup-blocked'],
    ['consent_required', 'consent-required'],
    ['invalid_grant', 'sign-in-failed'],
  ] as const)("relays the page's MSAL error %s as %s", async (errorCode, reason) => {
    const office = withDialog();
    const token = openSignInDialog(office.office, { url: URL_ });
    await tick();
    office.emit('message', { message: encodeDialogFailure(errorCode, 'from the dialog'), origin: undefined });
    const error = await signInFailure(token);
    expect(error.reason).toBe(reason);
    expect(error.detail).toBe(errorCode);
    expect(office.closed()).toBe(1);
  });

  it('a message that is not ours is a typed failure, not a hang', async () => {
    const office = withDialog();
    const token = openSignInDialog(office.office, { url: URL_ });
    await tick();
    office.emit('message', { message: 'hello', origin: undefined });
    expect((await signInFailure(token)).detail).toBe('unreadable-dialog-message');
  });

  it.each([
    [DialogError.closedByUser, 'sign-in-cancelled'],
    [DialogError.pageNotLoaded, 'dialog-failed'],
    [DialogError.insecureRedirect, 'dialog-failed'],
    [12345, 'dialog-failed'],
  ] as const)('dialog event %i → %s', async (code, reason) => {
    const office = withDialog();
    const token = openSignInDialog(office.office, { url: URL_ });
    await tick();
    office.emit('event', { error: code });
    const error = await signInFailure(token);
    expect(error.reason).toBe(reason);
    expect(error.detail).toBe(String(code));
  });

  it.each([
    [DialogError.alreadyOpen, 'dialog-busy'],
    [DialogError.ignoredByUser, 'popup-blocked'],
    [DialogError.blockedByBrowser, 'popup-blocked'],
    [DialogError.untrustedDomain, 'dialog-failed'],
    [DialogError.insecureUrl, 'dialog-failed'],
  ] as const)('displayDialogAsync failing with %i → %s', async (code, reason) => {
    const office = withDialog(failed(code, 'Dialog error'));
    const error = await signInFailure(openSignInDialog(office.office, { url: URL_ }));
    expect(error.reason).toBe(reason);
    expect(error.detail).toBe(String(code));
  });

  it('the person closing the dialog reads as a cancelled sign-in in both languages', async () => {
    const office = withDialog();
    const token = openSignInDialog(office.office, { url: URL_ });
    await tick();
    office.emit('event', { error: DialogError.closedByUser });
    const error = await signInFailure(token);
    expect(error.what).toEqual({ sv: 'Inloggningen avbröts.', en: 'Sign-in was cancelled.' });
  });

  it('handlers never throw back into Office: not when close throws, not after the outcome is settled', async () => {
    const office = withDialog(undefined, { closeThrows: true });
    const token = openSignInDialog(office.office, { url: URL_ });
    await tick();
    expect(office.handlers.size).toBe(2);
    expect(() => {
      office.emit('message', { message: encodeDialogToken({ accessToken: 'ok', expiresOn: null }), origin: undefined });
    }).not.toThrow();
    expect(() => {
      office.emit('event', { error: DialogError.closedByUser });
    }).not.toThrow();
    await expect(token).resolves.toMatchObject({ accessToken: 'ok' });
    expect(office.closed()).toBe(1);
  });

  it('an Office without a dialog API cannot sign in this way', async () => {
    const { office } = officeMock();
    const error = await signInFailure(
      openSignInDialog({ ...office, context: { ...office.context, ui: undefined } }, { url: URL_ }),
    );
    expect(error.reason).toBe('sign-in-unavailable');
  });
});

describe('the sign-in dialog, page side', () => {
  it("hands the page's message to the pane with messageParent", () => {
    const { office, calls } = officeMock();
    sendToPane(office, 'message-1');
    expect(calls).toEqual(['messageParent(message-1)']);
  });

  it('says so when the page is not in an Office dialog', () => {
    const { office } = officeMock();
    expect(() => {
      sendToPane({ context: { ...office.context, ui: undefined } }, 'x');
    }).toThrow(SignInError);
  });
});

describe('the sign-in page in the dialog', () => {
  const config = {
    clientId: '00000000-0000-0000-0000-000000000001',
    tenant: 'organizations',
    authority: 'https://login.microsoftonline.com/organizations',
    scopes: ['Calendars.ReadWrite'],
  };
  const redirectUri = 'https://samrad.example/auth-redirect.html';

  it('waits for Office, then sends the token from the redirect to the pane', async () => {
    const { office, calls } = officeMock();
    const outcome = await runOutlookSignInDialog(office, config, {
      redirectUri,
      createClient: () =>
        Promise.resolve({
          handleRedirectPromise: () => Promise.resolve({ accessToken: 'from-entra', expiresOn: null }),
          loginRedirect: () => Promise.reject(new Error('no redirect expected')),
        }),
    });
    expect(outcome).toBe('sent');
    expect(calls).toEqual(['onReady', `messageParent(${encodeDialogToken({ accessToken: 'from-entra', expiresOn: null })})`]);
  });

  it('without office.js it rejects with a typed error and sends nothing', async () => {
    const error = await runOutlookSignInDialog(undefined, config, { redirectUri }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutlookHostError);
    expect(error).toMatchObject({ reason: 'office-unavailable' });
  });
});

describe('sign-in in Outlook', () => {
  const config = {
    clientId: '00000000-0000-0000-0000-000000000001',
    tenant: 'organizations',
    authority: 'https://login.microsoftonline.com/organizations',
    scopes: ['Calendars.ReadWrite'],
  };

  it('asks Office for NestedAppAuth 1.1', () => {
    const supported = officeMock({ nestedAppAuth: true });
    expect(nestedAppAuthSupported(supported.office)).toBe(true);
    expect(supported.calls).toEqual(['isSetSupported(NestedAppAuth,1.1)']);
    expect(nestedAppAuthSupported(officeMock({ nestedAppAuth: false }).office)).toBe(false);
    const { office } = officeMock();
    expect(nestedAppAuthSupported({ context: { ...office.context, requirements: undefined } })).toBe(false);
  });

  it('uses MSAL nested app authentication where Outlook supports it', async () => {
    const { office } = officeMock({ nestedAppAuth: true });
    const client: TokenClient = {
      acquireTokenSilent: () => Promise.resolve({ accessToken: 'naa-token', account: null }),
      acquireTokenPopup: () => Promise.reject(new Error('no popup expected')),
      getActiveAccount: () => null,
      getAllAccounts: () => [],
      setActiveAccount: () => undefined,
    };
    const provider = createOutlookTokenProvider(
      office,
      config,
      { dialogUrl: URL_ },
      { createClient: () => Promise.resolve(client) },
    );
    await expect(provider.getToken()).resolves.toBe('naa-token');
  });

  it('opens the Office dialog where it does not', async () => {
    const office = withDialog();
    const mock = officeMock({ nestedAppAuth: false });
    const provider = createOutlookTokenProvider(
      { ...office.office, context: { ...office.office.context, requirements: mock.office.context.requirements } },
      config,
      { dialogUrl: URL_ },
      { createClient: () => Promise.reject(new Error('MSAL must not load in the pane')) },
    );
    const token = provider.getToken();
    await tick();
    expect(office.opened.map(({ url }) => url)).toEqual([URL_]);
    office.emit('message', { message: encodeDialogToken({ accessToken: 'dialog-token', expiresOn: null }), origin: undefined });
    await expect(token).resolves.toBe('dialog-token');
  });
});
