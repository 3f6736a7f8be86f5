/// <reference types="office-js" />
/**
 * The one bridge from Office.js callback APIs to promises. Office calls our callback from its own stack, where a
 * throw would be lost (or break Outlook's message loop), so the callback only settles the promise and never
 * throws; a malformed result and an invoker that throws synchronously both become a typed OutlookHostError.
 */
import type { Bilingual } from '../../core/errors';
import type { AsyncCallback } from './officeApi';
import { OutlookHostError, officeErrorDetails } from './outlookHostError';

/**
 * office.js sets `AsyncResult.status` to this string at run time (Microsoft.Office.WebExtension.AsyncResultStatus
 * = {Succeeded:"succeeded", Failed:"failed"}); @types/office-js declares a numeric enum, so the value is compared
 * as what office.js really sends.
 */
const SUCCEEDED = 'succeeded';

const TRY_AGAIN: Bilingual = {
  sv: 'Försök igen. Om felet består, stäng fönstret i Outlook och öppna mötet igen.',
  en: 'Try again. If it keeps failing, close the window in Outlook and open the meeting again.',
};

export function fromCallback<T>(
  invoke: (callback: AsyncCallback<T>) => void,
  what: Bilingual,
  hint: Bilingual = TRY_AGAIN,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = (result: Office.AsyncResult<T> | null | undefined): void => {
      try {
        if (typeof result !== 'object' || result === null) {
          reject(new OutlookHostError('callback-failed', what, hint));
        } else if (String(result.status) === SUCCEEDED) {
          resolve(result.value);
        } else {
          reject(new OutlookHostError('callback-failed', what, hint, { office: officeErrorDetails(result.error) }));
        }
      } catch (cause) {
        // A result whose getters throw: still settle, never let the throw reach Office.
        reject(new OutlookHostError('callback-failed', what, hint, { cause }));
      }
    };
    try {
      invoke(settle);
    } catch (cause) {
      reject(new OutlookHostError('callback-failed', what, hint, { office: officeErrorDetails(cause), cause }));
    }
  });
}
