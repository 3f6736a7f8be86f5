/**
 * What the sign-in dialog page sends to the pane through Office's `messageParent`: one JSON message, either the
 * token or the reason there is none. Both sides use these functions, so the format lives in one place.
 */

export interface DialogToken {
  readonly accessToken: string;
  /** Epoch milliseconds; null when the sign-in did not say. */
  readonly expiresOn: number | null;
}

export type DialogSignInMessage =
  | ({ readonly type: 'samrad-sign-in'; readonly ok: true } & DialogToken)
  | { readonly type: 'samrad-sign-in'; readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

export function encodeDialogToken(token: DialogToken): string {
  return JSON.stringify({ type: 'samrad-sign-in', ok: true, accessToken: token.accessToken, expiresOn: token.expiresOn });
}

export function encodeDialogFailure(errorCode: string, errorMessage: string): string {
  return JSON.stringify({ type: 'samrad-sign-in', ok: false, errorCode, errorMessage });
}

/** The message, or null when the text is not one of ours (another page in the dialog, a truncated message). */
export function decodeDialogMessage(text: string): DialogSignInMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message['type'] !== 'samrad-sign-in') return null;
  if (message['ok'] === true) {
    const { accessToken, expiresOn } = message;
    if (typeof accessToken !== 'string' || accessToken === '') return null;
    if (expiresOn !== null && (typeof expiresOn !== 'number' || !Number.isFinite(expiresOn))) return null;
    return { type: 'samrad-sign-in', ok: true, accessToken, expiresOn };
  }
  if (message['ok'] === false) {
    const { errorCode, errorMessage } = message;
    return {
      type: 'samrad-sign-in',
      ok: false,
      errorCode: typeof errorCode === 'string' ? errorCode : 'unknown_error',
      errorMessage: typeof errorMessage === 'string' ? errorMessage : '',
    };
  }
  return null;
}
