/**
 * Errors the ports report. Every one says what happened and what to do, in Swedish and English, like SamradError,
 * so a face can show it without knowing whether it came from Graph, the sandbox or a test double. Adapters may
 * subclass it (src/graph's GraphError adds the HTTP status and request id); faces only need `code`.
 */
import type { Bilingual } from '../errors';

export type PortErrorCode =
  // The service answered, or did not, in a way the adapter could not turn into a result.
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'unavailable'
  | 'network'
  | 'conflict'
  | 'precondition-failed'
  | 'bad-request'
  | 'too-large'
  | 'service-error'
  | 'invalid-response'
  // Rules of the domain that a port enforces before it writes anything.
  | 'attendee-limit'
  | 'invalid-attendee'
  | 'invalid-document-name'
  | 'invalid-document'
  | 'invalid-link'
  | 'invalid-section'
  | 'permission-missing'
  // Optimistic concurrency that did not settle within the bounded number of rounds.
  | 'event-busy'
  | 'document-busy';

export class PortError extends Error {
  override readonly name: string = 'PortError';
  readonly code: PortErrorCode;
  readonly what: Bilingual;
  readonly hint: Bilingual;

  constructor(code: PortErrorCode, what: Bilingual, hint: Bilingual, options?: { cause?: unknown }) {
    super(`${what.en} ${hint.en}`, options);
    this.code = code;
    this.what = what;
    this.hint = hint;
  }
}

export function isPortError(value: unknown): value is PortError {
  return value instanceof PortError;
}
