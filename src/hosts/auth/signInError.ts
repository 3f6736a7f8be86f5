/**
 * SignInError: signing in to Microsoft 365 did not give a token, typed, with what happened and what to do in
 * Swedish and English. `reason` tells the view which next step to offer (a sign-in button for a blocked popup,
 * the administrator for missing consent, the build for missing configuration); `detail` keeps MSAL's error code
 * or Office's dialog error number for a support case.
 */
import { SamradError, type Bilingual } from '../../core/errors';

export type SignInErrorReason =
  /** A build-time setting (client id, tenant) is missing. */
  | 'config-missing'
  /** A build-time setting is there but malformed. */
  | 'config-invalid'
  /** Neither nested app authentication nor a fallback is available in this client. */
  | 'sign-in-unavailable'
  /** The person closed the sign-in window or dialog. */
  | 'sign-in-cancelled'
  /** The browser or Office blocked the sign-in window. */
  | 'popup-blocked'
  /** Office already shows a dialog from this pane. */
  | 'dialog-busy'
  /** The sign-in dialog could not open or load its page. */
  | 'dialog-failed'
  /** The tenant has not consented to Samråd's permissions. */
  | 'consent-required'
  /** No network to Microsoft Entra ID. */
  | 'network'
  /** Anything else MSAL or the dialog reported. */
  | 'sign-in-failed';

/**
 * SamradErrorCode names the domain's failures; a sign-in failure is reported to faces as unusable input from the
 * environment, and `reason` carries the precise case.
 */
const HOST_FAILURE = 'invalid-input';

export class SignInError extends SamradError {
  override readonly name: string = 'SignInError';
  readonly reason: SignInErrorReason;
  /** MSAL's error code (e.g. user_cancelled) or Office's dialog error (e.g. 12006); null when neither applies. */
  readonly detail: string | null;

  constructor(
    reason: SignInErrorReason,
    what: Bilingual,
    hint: Bilingual,
    options: { readonly detail?: string | null; readonly cause?: unknown } = {},
  ) {
    super(HOST_FAILURE, what, hint, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.detail = options.detail ?? null;
  }
}

export function isSignInError(value: unknown, reason?: SignInErrorReason): value is SignInError {
  return value instanceof SignInError && (reason === undefined || value.reason === reason);
}

const TRY_AGAIN: Bilingual = {
  sv: 'Välj Logga in igen. Om felet består, kontakta er it-avdelning och ange felkoden.',
  en: 'Choose Sign in again. If it keeps failing, contact your IT department and give the error code.',
};

/** The common cases, worded once for MSAL (popup) and the Office dialog alike. */
export const signInErrors = {
  cancelled: (detail: string, cause?: unknown): SignInError =>
    new SignInError(
      'sign-in-cancelled',
      { sv: 'Inloggningen avbröts.', en: 'Sign-in was cancelled.' },
      {
        sv: 'Välj Logga in och slutför inloggningen i fönstret som öppnas.',
        en: 'Choose Sign in and complete the sign-in in the window that opens.',
      },
      { detail, cause },
    ),
  popupBlocked: (detail: string, cause?: unknown): SignInError =>
    new SignInError(
      'popup-blocked',
      { sv: 'Inloggningsfönstret blockerades.', en: 'The sign-in window was blocked.' },
      {
        sv: 'Välj Logga in igen och tillåt fönstret; tillåt popup-fönster för Outlook i webbläsaren om det behövs.',
        en: 'Choose Sign in again and allow the window; allow pop-ups for Outlook in the browser if needed.',
      },
      { detail, cause },
    ),
  failed: (detail: string | null, cause?: unknown): SignInError =>
    new SignInError(
      'sign-in-failed',
      {
        sv: `Inloggningen misslyckades${detail === null ? '' : ` (${detail})`}.`,
        en: `Sign-in failed${detail === null ? '' : ` (${detail})`}.`,
      },
      TRY_AGAIN,
      { detail, cause },
    ),
};
