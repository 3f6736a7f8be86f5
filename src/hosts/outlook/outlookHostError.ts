/**
 * OutlookHostError: something Outlook (Office.js) did not do, typed, with what happened and what to do in Swedish
 * and English. `reason` says which case it is, so a view can offer the right next step (reload, open the meeting,
 * save the appointment); `office` keeps Office's own error code, name and message for a support case.
 */
import { SamradError, type Bilingual } from '../../core/errors';

export type OutlookHostErrorReason =
  /** office.js did not load, or did not become ready in time. */
  | 'office-unavailable'
  /** The page runs outside Outlook (Office.onReady gave no host, or another Office application). */
  | 'not-in-outlook'
  /** Outlook has no item open for the pane. */
  | 'no-item'
  /** The item has no id yet (a new appointment that is not saved on the server). */
  | 'item-not-saved'
  /** The user chose not to save a new appointment, so it has no id Graph knows. */
  | 'save-refused'
  /** An Office.js callback API reported failure. */
  | 'callback-failed'
  /** The item or client cannot do what was asked (a message instead of a meeting, the body of an attendee's copy). */
  | 'unsupported';

export interface OfficeErrorDetails {
  /** Office's numeric error code, e.g. 9041 or 12006. */
  readonly code: number | null;
  /** Office's error name, e.g. "ItemNotSaved". */
  readonly name: string | null;
  /** Office's message, as sent (in the client's language). */
  readonly message: string | null;
}

/**
 * SamradErrorCode names the domain's failures; a host failure is reported to faces as unusable input from the
 * environment, and `reason` carries the precise case.
 */
const HOST_FAILURE = 'invalid-input';

export class OutlookHostError extends SamradError {
  override readonly name: string = 'OutlookHostError';
  readonly reason: OutlookHostErrorReason;
  readonly office: OfficeErrorDetails | null;

  constructor(
    reason: OutlookHostErrorReason,
    what: Bilingual,
    hint: Bilingual,
    options: { readonly office?: OfficeErrorDetails | null; readonly cause?: unknown } = {},
  ) {
    super(HOST_FAILURE, what, hint, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.office = options.office ?? null;
  }
}

export function isOutlookHostError(value: unknown, reason?: OutlookHostErrorReason): value is OutlookHostError {
  return value instanceof OutlookHostError && (reason === undefined || value.reason === reason);
}

/** Office's error fields from an AsyncResult error or a thrown value, whichever shape it has. */
export function officeErrorDetails(value: unknown): OfficeErrorDetails | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, name, message } = value as { code?: unknown; name?: unknown; message?: unknown };
  const details = {
    code: typeof code === 'number' ? code : null,
    name: typeof name === 'string' ? name : null,
    message: typeof message === 'string' ? message : null,
  };
  return details.code === null && details.name === null && details.message === null ? null : details;
}
