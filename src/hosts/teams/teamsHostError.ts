/**
 * TeamsHostError: something Teams (teams-js) did not do, typed, with what happened and what to do in Swedish and
 * English. `reason` says which case it is, so a view can offer the right next step (open the app from the
 * meeting, ask an organiser to share); `sdk` keeps teams-js's own error code and message for a support case.
 */
import { SamradError, type Bilingual } from '../../core/errors';

export type TeamsHostErrorReason =
  /** The page was opened outside Teams, or Teams did not answer `app.initialize()` in time. */
  | 'not-in-teams'
  /** Teams initialised but did not give the app its context. */
  | 'context-unavailable'
  /** Teams refused to share the app to the meeting stage (not an organiser or presenter, not in a meeting). */
  | 'stage-refused'
  /** Teams could not say whether the app may share to the stage. */
  | 'stage-unavailable';

export interface TeamsSdkErrorDetails {
  /** teams-js's ErrorCode, e.g. 1000 (permission denied) or 501 (not supported in this context). */
  readonly code: number | null;
  /** teams-js's message, for developers only (not localised). */
  readonly message: string | null;
}

/**
 * SamradErrorCode names the domain's failures; a host failure is reported to faces as unusable input from the
 * environment, and `reason` carries the precise case (as OutlookHostError does).
 */
const HOST_FAILURE = 'invalid-input';

export class TeamsHostError extends SamradError {
  override readonly name: string = 'TeamsHostError';
  readonly reason: TeamsHostErrorReason;
  readonly sdk: TeamsSdkErrorDetails | null;

  constructor(
    reason: TeamsHostErrorReason,
    what: Bilingual,
    hint: Bilingual,
    options: { readonly sdk?: TeamsSdkErrorDetails | null; readonly cause?: unknown } = {},
  ) {
    super(HOST_FAILURE, what, hint, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.sdk = options.sdk ?? null;
  }
}

export function isTeamsHostError(value: unknown, reason?: TeamsHostErrorReason): value is TeamsHostError {
  return value instanceof TeamsHostError && (reason === undefined || value.reason === reason);
}

/** teams-js's error fields from an SdkError or a thrown Error, whichever shape it has. */
export function teamsSdkErrorDetails(value: unknown): TeamsSdkErrorDetails | null {
  if (typeof value !== 'object' || value === null) return null;
  const { errorCode, message } = value as { errorCode?: unknown; message?: unknown };
  const details = {
    code: typeof errorCode === 'number' ? errorCode : null,
    message: typeof message === 'string' ? message : null,
  };
  return details.code === null && details.message === null ? null : details;
}
