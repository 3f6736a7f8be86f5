/**
 * GraphError: a failed Microsoft Graph call, typed, with what happened and what to do in Swedish and English. It is
 * a PortError, so faces handle it like any port failure; the HTTP status, Graph's own error code and the request id
 * are there for the log and for a support case with Microsoft.
 */
import type { Bilingual } from '../../core/errors';
import { PortError, type PortErrorCode } from '../../core/ports/errors';

export interface GraphErrorDetails {
  readonly code: PortErrorCode;
  /** Null when no answer came (network error). */
  readonly status: number | null;
  /** Graph's `error.code`, e.g. ErrorItemNotFound; null when the answer had none. */
  readonly graphCode: string | null;
  /** Graph's `error.message`, as sent (English). */
  readonly graphMessage: string | null;
  /** `request-id` of the answer: what Microsoft support asks for. */
  readonly requestId: string | null;
  readonly method: string;
  /** The path of the request, without its query (which may hold addresses). */
  readonly path: string;
  /** How many times it was sent. */
  readonly attempts: number;
  /** What Graph asked us to wait, when it said (429/503). */
  readonly retryAfterMs: number | null;
  readonly cause?: unknown;
}

export class GraphError extends PortError {
  override readonly name: string = 'GraphError';
  readonly status: number | null;
  readonly graphCode: string | null;
  readonly graphMessage: string | null;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly retryAfterMs: number | null;

  constructor(details: GraphErrorDetails, what: Bilingual, hint: Bilingual) {
    super(details.code, what, hint, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = withoutMailbox(details.path);
    this.attempts = details.attempts;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError;
}

export function codeForStatus(status: number): PortErrorCode {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition-failed';
    case 413:
      return 'too-large';
    case 429:
      return 'throttled';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return status >= 500 ? 'service-error' : 'bad-request';
  }
}

const HINTS: Partial<Record<PortErrorCode, Bilingual>> = {
  'bad-request': {
    sv: 'Begäran var felaktig; det är ett fel i Samråd. Rapportera det med begärans id.',
    en: 'The request was malformed; that is a bug in Samråd. Report it with the request id.',
  },
  unauthorized: {
    sv: 'Inloggningen har gått ut eller saknas. Logga in igen och försök på nytt.',
    en: 'The sign-in has expired or is missing. Sign in again and retry.',
  },
  forbidden: {
    sv: 'Kontot saknar behörighet till detta. Be administratören godkänna Samråds behörigheter (se README), eller använd rätt konto.',
    en: "The account may not do this. Ask the administrator to consent to Samråd's permissions (see README), or use the right account.",
  },
  'not-found': {
    sv: 'Det finns inte (längre). Kontrollera att mötet eller dokumentet inte har tagits bort, och ladda om.',
    en: 'It does not exist (any more). Check that the meeting or document was not deleted, and reload.',
  },
  conflict: {
    sv: 'Det krockar med något som redan finns. Ladda om och försök igen.',
    en: 'It clashes with something that already exists. Reload and try again.',
  },
  'precondition-failed': {
    sv: 'Någon annan ändrade samtidigt. Ladda om och gör ändringen igen.',
    en: 'Someone else changed it at the same time. Reload and make the change again.',
  },
  'too-large': {
    sv: 'Innehållet är för stort för Microsoft 365. Korta ner det och försök igen.',
    en: 'The content is too large for Microsoft 365. Shorten it and try again.',
  },
  throttled: {
    sv: 'Microsoft 365 begränsar antalet anrop just nu. Vänta en stund och försök igen.',
    en: 'Microsoft 365 is limiting requests right now. Wait a while and try again.',
  },
  unavailable: {
    sv: 'Microsoft 365 svarar inte just nu. Försök igen om en stund; ladda om först om du ändrade något.',
    en: 'Microsoft 365 is not answering right now. Try again shortly; reload first if you were changing something.',
  },
  network: {
    sv: 'Ingen kontakt med Microsoft 365. Kontrollera nätverket. Om du ändrade något: ladda om och se efter om ändringen gick igenom innan du försöker igen.',
    en: 'No connection to Microsoft 365. Check the network. If you were changing something: reload and check whether it went through before trying again.',
  },
  'service-error': {
    sv: 'Fel hos Microsoft 365. Försök igen om en stund; kvarstår det, rapportera det med begärans id.',
    en: 'An error at Microsoft 365. Try again shortly; if it persists, report it with the request id.',
  },
  'invalid-response': {
    sv: 'Svaret gick inte att tolka; det är ett fel i Samråd eller hos tjänsten. Rapportera det med begärans id.',
    en: 'The answer could not be read; that is a bug in Samråd or in the service. Report it with the request id.',
  },
};

const FALLBACK_HINT: Bilingual = {
  sv: 'Försök igen; kvarstår det, rapportera det med begärans id.',
  en: 'Try again; if it persists, report it with the request id.',
};

/**
 * A shared mailbox is addressed as /users/{address}/…: an error shown on screen or written to a log must not carry
 * the address, so the segment is replaced by a placeholder wherever a GraphError names its path.
 */
export function withoutMailbox(path: string): string {
  return path.replace(/^\/users\/[^/]+/i, '/users/{mailbox}');
}

/** A GraphError with the standard texts for its code; `detail` adds what only the caller knows. */
export function graphError(details: GraphErrorDetails, detail?: Bilingual): GraphError {
  const path = withoutMailbox(details.path);
  const answer =
    details.status === null
      ? { sv: 'inget svar', en: 'no answer' }
      : { sv: `svar ${details.status}`, en: `answer ${details.status}` };
  const graph =
    details.graphMessage === null ? '' : ` ${details.graphMessage}${details.graphCode === null ? '' : ` (${details.graphCode})`}`;
  const tries =
    details.attempts > 1
      ? { sv: ` efter ${details.attempts} försök`, en: ` after ${details.attempts} attempts` }
      : { sv: '', en: '' };
  const what: Bilingual = {
    sv: `Microsoft Graph: ${details.method} ${path} gav ${answer.sv}${tries.sv}.${graph}${detail === undefined ? '' : ` ${detail.sv}`}`,
    en: `Microsoft Graph: ${details.method} ${path} got ${answer.en}${tries.en}.${graph}${detail === undefined ? '' : ` ${detail.en}`}`,
  };
  return new GraphError(details, what, HINTS[details.code] ?? FALLBACK_HINT);
}

/** Graph's error body: `{"error": {"code", "message", "innerError": {"request-id", "date"}}}`. */
export function parseGraphErrorBody(text: string): { code: string | null; message: string | null; requestId: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): there is no Graph error to read, and the status still says it.
    return { code: null, message: null, requestId: null };
  }
  const error = isRecord(parsed) ? parsed['error'] : undefined;
  if (!isRecord(error)) return { code: null, message: null, requestId: null };
  const inner = isRecord(error['innerError']) ? error['innerError'] : isRecord(error['innererror']) ? error['innererror'] : {};
  return {
    code: typeof error['code'] === 'string' ? error['code'] : null,
    message: typeof error['message'] === 'string' ? error['message'] : null,
    requestId: typeof inner['request-id'] === 'string' ? inner['request-id'] : null,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
