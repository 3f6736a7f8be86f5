/**
 * The sign-in page inside the Office dialog (the fallback where Outlook has no nested app authentication). It
 * runs MSAL's standard redirect flow in the dialog: on the first load it sends the person to Microsoft Entra ID;
 * when Entra ID returns (through the redirect bridge page, which brings the response back to this page), it
 * sends the token, or MSAL's error, to the pane with `send` (Office's messageParent). Nothing is kept in the
 * dialog: the pane keeps the token.
 */
import type { Configuration, RedirectRequest } from '@azure/msal-browser';
import { encodeDialogFailure, encodeDialogToken } from './dialogProtocol';
import { describeMsalError } from './msalErrors';

export interface RedirectResult {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
}

/** What the dialog page uses of MSAL's IPublicClientApplication. */
export interface RedirectClient {
  handleRedirectPromise(): Promise<RedirectResult | null>;
  loginRedirect(request: RedirectRequest): Promise<void>;
}

export type RedirectClientFactory = (configuration: Configuration) => Promise<RedirectClient>;

export interface SignInDialogPageOptions {
  readonly clientId: string;
  readonly authority: string;
  readonly scopes: readonly string[];
  /** The redirect bridge page (calls broadcastResponseToMainFrame), registered as a SPA redirect URI. */
  readonly redirectUri: string;
  /** Hands a message to the pane (src/hosts/outlook/signInDialog.ts: sendToPane). */
  readonly send: (message: string) => void;
  readonly createClient?: RedirectClientFactory;
}

const loadMsal: RedirectClientFactory = async (configuration) => {
  const { createStandardPublicClientApplication } = await import('@azure/msal-browser');
  return createStandardPublicClientApplication(configuration);
};

/** 'redirecting' while the person signs in at Entra ID; 'sent' once the pane has its answer. */
export async function runSignInDialogPage(options: SignInDialogPageOptions): Promise<'redirecting' | 'sent'> {
  const createClient = options.createClient ?? loadMsal;
  try {
    const client = await createClient({
      auth: { clientId: options.clientId, authority: options.authority, redirectUri: options.redirectUri },
      // The dialog is its own window: sessionStorage keeps the flow's state across the redirect and no longer.
      cache: { cacheLocation: 'sessionStorage' },
    });
    const result = await client.handleRedirectPromise();
    if (result === null) {
      await client.loginRedirect({ scopes: [...options.scopes], redirectUri: options.redirectUri });
      return 'redirecting';
    }
    if (result.accessToken === '') {
      options.send(encodeDialogFailure('empty_access_token', 'Sign-in gave no access token.'));
    } else {
      options.send(encodeDialogToken({ accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? null }));
    }
    return 'sent';
  } catch (error) {
    const { errorCode, message } = describeMsalError(error);
    options.send(encodeDialogFailure(errorCode, message));
    return 'sent';
  }
}
