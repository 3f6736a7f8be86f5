/**
 * Graph tokens for the signed-in person in Outlook. Where the client supports nested app authentication
 * (NestedAppAuth 1.1), MSAL asks Outlook's own broker: silently first, and with a popup only when MSAL says the
 * person must act (consent, a new sign-in). Where it does not, the Office dialog fallback opens Samråd's sign-in
 * page and receives the token from it. MSAL sits behind a factory, loaded only when sign-in starts (it is about
 * 80 KB gzip and not needed for the pane's first paint), and replaced by a fake in tests.
 *
 * A permission the app asks for only when a feature needs it (Mail.ReadWrite for reply drafts) is never added to
 * the sign-in scopes: `extraScopes` finds out silently whether it is granted (a silent token for it), asks for it
 * with MSAL's popup (the consent prompt) only when the person chooses to, and gives tokens that carry it.
 */
import type { AccountInfo, Configuration, PopupRequest, SilentRequest } from '@azure/msal-browser';
import type { ExtraScopes } from '../host';
import type { DialogToken } from './dialogProtocol';
import { declinedConsent, needsInteraction, signInErrorFromMsal } from './msalErrors';
import { SignInError } from './signInError';

export interface TokenResult {
  readonly accessToken: string;
  readonly account: AccountInfo | null;
}

/** What Samråd uses of MSAL's IPublicClientApplication. */
export interface TokenClient {
  acquireTokenSilent(request: SilentRequest): Promise<TokenResult>;
  acquireTokenPopup(request: PopupRequest): Promise<TokenResult>;
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
}

export type TokenClientFactory = (configuration: Configuration) => Promise<TokenClient>;

export interface DialogFallback {
  /** Opens the sign-in dialog and resolves with the token it sends (src/hosts/outlook/signInDialog.ts). */
  signIn(): Promise<DialogToken>;
}

export interface NaaTokenProviderConfig {
  readonly clientId: string;
  readonly authority: string;
  readonly scopes: readonly string[];
  /** Whether the host supports nested app authentication; asked once, on the first token request. */
  readonly naaSupported: () => boolean;
  readonly dialogFallback?: DialogFallback;
  /** Where MSAL's standard popup returns when no broker answers (a page calling broadcastResponseToMainFrame). */
  readonly redirectUri?: string;
}

export interface NaaTokenProviderDeps {
  readonly createClient?: TokenClientFactory;
  readonly now?: () => number;
}

export interface TokenProvider {
  getToken(): Promise<string>;
}

export interface NaaTokenProvider extends TokenProvider {
  /** Permissions beyond the sign-in scopes, asked for one at a time when the person uses what needs them. */
  readonly extraScopes: ExtraScopes;
}

/** A token from the dialog is used until this long before it expires. */
export const DIALOG_TOKEN_MARGIN_MS = 5 * 60_000;
/** Graph access tokens live 60–90 minutes; one whose expiry the dialog did not send is kept for less. */
export const DIALOG_TOKEN_ASSUMED_LIFETIME_MS = 45 * 60_000;

const loadMsal: TokenClientFactory = async (configuration) => {
  const { createNestablePublicClientApplication } = await import('@azure/msal-browser');
  return createNestablePublicClientApplication(configuration);
};

function unavailable(): SignInError {
  return new SignInError(
    'sign-in-unavailable',
    {
      sv: 'Den här versionen av Outlook kan inte logga in Samråd i Microsoft 365.',
      en: 'This version of Outlook cannot sign Samråd in to Microsoft 365.',
    },
    {
      sv: 'Använd Outlook på webben eller nya Outlook för Windows, eller uppdatera Outlook.',
      en: 'Use Outlook on the web or the new Outlook for Windows, or update Outlook.',
    },
  );
}

/** Where only the Office dialog signs in, there is no silent path to a further permission, nor a prompt for one. */
function extraUnavailable(scope: string): SignInError {
  return new SignInError(
    'sign-in-unavailable',
    {
      sv: `Den här versionen av Outlook kan inte be om behörigheten ${scope} åt Samråd.`,
      en: `This version of Outlook cannot ask for the ${scope} permission for Samråd.`,
    },
    {
      sv: 'Använd Outlook på webben eller nya Outlook för Windows, eller uppdatera Outlook. Allt annat i Samråd fungerar utan behörigheten.',
      en: 'Use Outlook on the web or the new Outlook for Windows, or update Outlook. Everything else in Samråd works without the permission.',
    },
  );
}

function extraNotGranted(scope: string): SignInError {
  return new SignInError(
    'consent-required',
    {
      sv: `Samråd har inte fått behörigheten ${scope}.`,
      en: `Samråd has not been given the ${scope} permission.`,
    },
    {
      sv: 'Välj Ge behörighet i Samråd och godkänn frågan från Microsoft, eller be er Microsoft 365-administratör att godkänna den.',
      en: 'Choose Grant permission in Samråd and accept the question from Microsoft, or ask your Microsoft 365 administrator to approve it.',
    },
    { detail: 'interaction_required' },
  );
}

function emptyToken(): SignInError {
  return new SignInError(
    'sign-in-failed',
    { sv: 'Inloggningen gav ingen åtkomsttoken.', en: 'Sign-in gave no access token.' },
    { sv: 'Välj Logga in igen.', en: 'Choose Sign in again.' },
    { detail: 'empty_access_token' },
  );
}

export function createNaaTokenProvider(config: NaaTokenProviderConfig, deps: NaaTokenProviderDeps = {}): NaaTokenProvider {
  const createClient = deps.createClient ?? loadMsal;
  const now = deps.now ?? Date.now;
  const scopes = [...config.scopes];

  let naa: boolean | null = null;
  const useNaa = (): boolean => {
    if (naa === null) {
      try {
        naa = config.naaSupported();
      } catch {
        // An Office without the requirements API is an Office without nested app authentication.
        naa = false;
      }
    }
    return naa;
  };

  let client: Promise<TokenClient> | null = null;
  const msal = (): Promise<TokenClient> => {
    client ??= createClient({
      auth: {
        clientId: config.clientId,
        authority: config.authority,
        ...(config.redirectUri === undefined ? {} : { redirectUri: config.redirectUri }),
      },
    }).catch((error: unknown) => {
      client = null;
      throw signInErrorFromMsal(error);
    });
    return client;
  };

  const silentRequest = (pca: TokenClient, wanted: string[]): SilentRequest => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
    return account === null ? { scopes: wanted } : { scopes: wanted, account };
  };

  const viaMsal = async (): Promise<string> => {
    const pca = await msal();
    const silent = silentRequest(pca, scopes);
    try {
      const result = await pca.acquireTokenSilent(silent);
      if (result.accessToken === '') throw emptyToken();
      return result.accessToken;
    } catch (error) {
      if (!needsInteraction(error)) throw signInErrorFromMsal(error);
    }
    let result: TokenResult;
    try {
      result = await pca.acquireTokenPopup({ scopes });
    } catch (error) {
      throw signInErrorFromMsal(error);
    }
    if (result.accessToken === '') throw emptyToken();
    if (result.account !== null) pca.setActiveAccount(result.account);
    return result.accessToken;
  };

  let dialogToken: { readonly accessToken: string; readonly usableUntil: number } | null = null;
  const viaDialog = async (fallback: DialogFallback): Promise<string> => {
    if (dialogToken !== null && now() < dialogToken.usableUntil) return dialogToken.accessToken;
    dialogToken = null;
    const token = await fallback.signIn();
    if (token.accessToken === '') throw emptyToken();
    const receivedAt = now();
    const expiresOn = token.expiresOn ?? receivedAt + DIALOG_TOKEN_ASSUMED_LIFETIME_MS;
    dialogToken = { accessToken: token.accessToken, usableUntil: expiresOn - DIALOG_TOKEN_MARGIN_MS };
    return token.accessToken;
  };

  const acquire = (): Promise<string> => {
    if (useNaa()) return viaMsal();
    if (config.dialogFallback === undefined) return Promise.reject(unavailable());
    return viaDialog(config.dialogFallback);
  };

  /** A silent token for one extra scope: the token, or null when MSAL says the person must consent first. */
  const silentExtra = async (scope: string): Promise<string | null> => {
    const pca = await msal();
    try {
      const result = await pca.acquireTokenSilent(silentRequest(pca, [scope]));
      return result.accessToken === '' ? null : result.accessToken;
    } catch (error) {
      if (needsInteraction(error)) return null;
      throw signInErrorFromMsal(error);
    }
  };

  const extraScopes: ExtraScopes = {
    granted: async (scope) => useNaa() && (await silentExtra(scope)) !== null,
    request: async (scope) => {
      if (!useNaa()) throw extraUnavailable(scope);
      const pca = await msal();
      let result: TokenResult;
      try {
        result = await pca.acquireTokenPopup({ scopes: [scope] });
      } catch (error) {
        // Closing the prompt or declining it is an answer, not a failure: the feature stays off and says so. A
        // tenant that lets only administrators consent is a failure with its own next step (the administrator).
        if (declinedConsent(error)) return false;
        throw signInErrorFromMsal(error);
      }
      if (result.account !== null) pca.setActiveAccount(result.account);
      return result.accessToken !== '';
    },
    token: async (scope) => {
      if (!useNaa()) throw extraUnavailable(scope);
      const token = await silentExtra(scope);
      if (token === null) throw extraNotGranted(scope);
      return token;
    },
  };

  // The Graph client asks for a token on every request, up to four at a time: one sign-in serves them all, and
  // never two popups or dialogs at once.
  let inFlight: Promise<string> | null = null;
  return {
    getToken: () => {
      inFlight ??= acquire().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    extraScopes,
  };
}
