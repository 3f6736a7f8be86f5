/**
 * The Office dialog fallback for sign-in, where Outlook has no nested app authentication (NestedAppAuth 1.1):
 * the pane opens Samråd's sign-in page in an Office dialog (`displayDialogAsync`), the page signs in with MSAL
 * and sends the token back with `messageParent` (src/hosts/auth/dialogProtocol.ts). Office reports what happens
 * to the dialog as numbered errors (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events);
 * each becomes a typed SignInError. Like every Office callback here, the handlers never throw.
 */
import type { AuthConfig } from '../auth/config';
import { runSignInDialogPage, type RedirectClientFactory } from '../auth/dialogPage';
import { decodeDialogMessage, type DialogToken } from '../auth/dialogProtocol';
import { signInErrorFromCode } from '../auth/msalErrors';
import { SignInError, signInErrors } from '../auth/signInError';
import { fromCallback } from './fromCallback';
import type { DialogEventArgs, OfficeApi, OfficeDialogApi, OfficeUiApi } from './officeApi';
import { isOutlookHostError } from './outlookHostError';
import { waitForOffice } from './waitForOffice';

export interface SignInDialogOptions {
  /** The sign-in page, https, on the add-in's own origin (Office refuses others: 12004, 12005). */
  readonly url: string;
  /** Percent of the screen. */
  readonly height?: number;
  readonly width?: number;
}

/** Office's dialog error numbers. */
export const DialogError = {
  /** The page could not be found or loaded. */
  pageNotLoaded: 12002,
  /** The dialog was sent to an http: URL. */
  insecureRedirect: 12003,
  /** The URL's domain is not the add-in's. */
  untrustedDomain: 12004,
  /** The URL is http:. */
  insecureUrl: 12005,
  /** The person closed the dialog. */
  closedByUser: 12006,
  /** A dialog is already open from this pane. */
  alreadyOpen: 12007,
  /** The person chose to ignore the dialog (Office on the web). */
  ignoredByUser: 12009,
  /** The browser blocks pop-ups (Office on the web). */
  blockedByBrowser: 12011,
} as const;

function dialogFailed(code: number | null, cause?: unknown): SignInError {
  const detail = code === null ? 'dialog' : String(code);
  return new SignInError(
    'dialog-failed',
    {
      sv: `Inloggningsfönstret kunde inte öppnas (${detail}).`,
      en: `The sign-in window could not be opened (${detail}).`,
    },
    {
      sv: 'Försök igen. Om felet består: tillägget är felkonfigurerat (inloggningssidan måste ligga på tilläggets egen https-adress); kontakta er it-avdelning.',
      en: "Try again. If it keeps failing, the add-in is misconfigured (the sign-in page must be on the add-in's own https address); contact your IT department.",
    },
    { detail, cause },
  );
}

function fromOpenFailure(error: unknown): SignInError {
  const code = isOutlookHostError(error) ? (error.office?.code ?? null) : null;
  switch (code) {
    case DialogError.alreadyOpen:
      return new SignInError(
        'dialog-busy',
        { sv: 'Ett annat fönster från Samråd är redan öppet.', en: 'Another window from Samråd is already open.' },
        { sv: 'Stäng det fönstret och välj Logga in igen.', en: 'Close that window and choose Sign in again.' },
        { detail: String(code), cause: error },
      );
    case DialogError.ignoredByUser:
    case DialogError.blockedByBrowser:
      return signInErrors.popupBlocked(String(code), error);
    default:
      return dialogFailed(code, error);
  }
}

function fromDialogEvent(code: number): SignInError {
  return code === DialogError.closedByUser ? signInErrors.cancelled(String(code)) : dialogFailed(code);
}

export function openSignInDialog(
  office: Pick<OfficeApi, 'context' | 'EventType'>,
  options: SignInDialogOptions,
): Promise<DialogToken> {
  const ui: OfficeUiApi | undefined = office.context.ui;
  if (ui === undefined) {
    return Promise.reject(
      new SignInError(
        'sign-in-unavailable',
        {
          sv: 'Den här versionen av Outlook kan inte visa ett inloggningsfönster.',
          en: 'This version of Outlook cannot show a sign-in window.',
        },
        { sv: 'Uppdatera Outlook eller använd Outlook på webben.', en: 'Update Outlook or use Outlook on the web.' },
      ),
    );
  }
  return fromCallback<OfficeDialogApi>(
    (callback) => {
      ui.displayDialogAsync(options.url, { height: options.height ?? 60, width: options.width ?? 30 }, callback);
    },
    { sv: 'Inloggningsfönstret kunde inte öppnas.', en: 'The sign-in window could not be opened.' },
  ).then(
    (dialog) =>
      new Promise<DialogToken>((resolve, reject) => {
        // Office may still report the dialog closing after its message arrived: the first outcome stands.
        let settled = false;
        const finish = (outcome: { token: DialogToken } | { error: SignInError }): void => {
          if (settled) return;
          settled = true;
          try {
            dialog.close();
          } catch {
            // Closing a dialog Office already closed throws in some clients; the outcome stands either way.
          }
          if ('token' in outcome) resolve(outcome.token);
          else reject(outcome.error);
        };
        const onEvent = (args: DialogEventArgs): void => {
          try {
            if ('error' in args) {
              finish({ error: fromDialogEvent(args.error) });
              return;
            }
            const message = decodeDialogMessage(args.message);
            if (message === null) finish({ error: signInErrors.failed('unreadable-dialog-message') });
            else if (message.ok) finish({ token: { accessToken: message.accessToken, expiresOn: message.expiresOn } });
            else finish({ error: signInErrorFromCode(message.errorCode, message.errorMessage) });
          } catch (cause) {
            reject(signInErrors.failed('dialog-event', cause));
          }
        };
        try {
          dialog.addEventHandler(office.EventType.DialogMessageReceived, onEvent);
          dialog.addEventHandler(office.EventType.DialogEventReceived, onEvent);
        } catch (cause) {
          finish({ error: dialogFailed(null, cause) });
        }
      }),
    (error: unknown) => {
      throw fromOpenFailure(error);
    },
  );
}

/**
 * The sign-in page's side: hands its message to the pane. Used by the page that runs inside the dialog; throws a
 * typed error when the page is not in an Office dialog.
 */
export function sendToPane(office: Pick<OfficeApi, 'context'>, message: string): void {
  const ui = office.context.ui;
  if (ui === undefined) {
    throw new SignInError(
      'sign-in-unavailable',
      { sv: 'Inloggningssidan är inte öppnad från Outlook.', en: 'The sign-in page is not open from Outlook.' },
      {
        sv: 'Stäng fönstret och välj Logga in i Samråd i Outlook.',
        en: 'Close the window and choose Sign in in Samråd in Outlook.',
      },
    );
  }
  ui.messageParent(message);
}

/**
 * The whole sign-in page inside the dialog: waits for Office (any application: the pane has already checked it is
 * Outlook), then runs MSAL's redirect flow and hands the outcome to the pane. Rejects with a typed error only when
 * Office never became ready, which the page shows as text (the pane then sees the dialog closed by the person, or
 * nothing, and its own error applies).
 */
export async function runOutlookSignInDialog(
  office: OfficeApi | undefined,
  config: AuthConfig,
  options: { readonly redirectUri: string; readonly timeoutMs?: number; readonly createClient?: RedirectClientFactory },
): Promise<'redirecting' | 'sent'> {
  const ready = await waitForOffice(office, options.timeoutMs ?? 10_000, { requireOutlook: false });
  return runSignInDialogPage({
    clientId: config.clientId,
    authority: config.authority,
    scopes: config.scopes,
    redirectUri: options.redirectUri,
    send: (message) => {
      sendToPane(ready.office, message);
    },
    ...(options.createClient === undefined ? {} : { createClient: options.createClient }),
  });
}
