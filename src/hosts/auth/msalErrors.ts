/**
 * MSAL's errors, read by their name and code rather than by class, so this module does not pull MSAL into the
 * page's first bundle (MSAL is loaded when sign-in starts) and errors from the sign-in dialog's own MSAL map the
 * same way.
 */
import { SignInError, signInErrors } from './signInError';

interface MsalLikeError {
  readonly name: string;
  readonly errorCode: string;
  /** Entra ID's finer reason (e.g. consent_required under interaction_required). */
  readonly subError: string;
  readonly message: string;
  /** The server's own text (e.g. "AADSTS65004: User declined…"); MSAL 5 keeps it out of `message`. */
  readonly errorMessage: string;
}

function asMsalError(error: unknown): MsalLikeError | null {
  if (!(error instanceof Error)) return null;
  const { errorCode, subError, errorMessage } = error as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown };
  return {
    name: error.name,
    errorCode: typeof errorCode === 'string' ? errorCode : '',
    subError: typeof subError === 'string' ? subError : '',
    message: error.message,
    errorMessage: typeof errorMessage === 'string' ? errorMessage : '',
  };
}

/** Silent sign-in needs the person: MSAL says so with InteractionRequiredAuthError, or has no account yet. */
export function needsInteraction(error: unknown): boolean {
  const msal = asMsalError(error);
  return msal !== null && (msal.name === 'InteractionRequiredAuthError' || msal.errorCode === 'no_account_error');
}

const CONSENT = /consent_required|AADSTS65001|AADSTS90094|AADSTS90099/i;

/** A SignInError for an MSAL error code and message (from MSAL itself or relayed by the sign-in dialog). */
export function signInErrorFromCode(errorCode: string, message: string, cause?: unknown): SignInError {
  if (errorCode === 'user_cancelled') return signInErrors.cancelled(errorCode, cause);
  if (errorCode === 'popup_window_error' || errorCode === 'empty_window_error')
    return signInErrors.popupBlocked(errorCode, cause);
  if (CONSENT.test(errorCode) || CONSENT.test(message)) {
    return new SignInError(
      'consent-required',
      {
        sv: 'Organisationen har inte godkänt Samråds behörigheter i Microsoft 365.',
        en: "Your organisation has not approved Samråd's permissions in Microsoft 365.",
      },
      {
        sv: 'Be er Microsoft 365-administratör att ge administratörsmedgivande för Samråd i Microsoft Entra ID.',
        en: 'Ask your Microsoft 365 administrator to grant admin consent for Samråd in Microsoft Entra ID.',
      },
      { detail: errorCode, cause },
    );
  }
  if (errorCode === 'no_network_connectivity' || errorCode === 'network_error') {
    return new SignInError(
      'network',
      { sv: 'Microsoft Entra ID gick inte att nå.', en: 'Microsoft Entra ID could not be reached.' },
      { sv: 'Kontrollera nätverket och välj Logga in igen.', en: 'Check the network and choose Sign in again.' },
      { detail: errorCode, cause },
    );
  }
  return signInErrors.failed(errorCode === '' ? null : errorCode, cause);
}

export function signInErrorFromMsal(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const msal = asMsalError(error);
  return msal === null
    ? signInErrors.failed(null, error)
    : signInErrorFromCode(msal.errorCode, `${msal.subError} ${msal.message} ${msal.errorMessage}`, error);
}

/**
 * Whether the person closed a consent prompt (user_cancelled) or answered no to it (access_denied, AADSTS65004):
 * an answer, not a failure.
 */
export function declinedConsent(error: unknown): boolean {
  const msal = asMsalError(error);
  if (msal === null) return false;
  return (
    msal.errorCode === 'user_cancelled' ||
    msal.errorCode === 'access_denied' ||
    /AADSTS65004/.test(`${msal.message} ${msal.errorMessage}`)
  );
}

/** MSAL's error code and message, for relaying an error from the sign-in dialog to the pane. */
export function describeMsalError(error: unknown): { readonly errorCode: string; readonly message: string } {
  const msal = asMsalError(error);
  return msal === null
    ? { errorCode: 'unknown_error', message: String(error) }
    : { errorCode: msal.errorCode === '' ? 'unknown_error' : msal.errorCode, message: msal.message };
}
