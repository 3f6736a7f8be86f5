/**
 * Graph's error shape, `{"error":{"code","message","innerError":{"request-id","date"}}}`, thrown from anywhere in
 * a handler and written once at the edge (the HTTP server or a $batch item), where the request id is known.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly innerError: { readonly 'request-id': string; readonly date: string; readonly 'client-request-id'?: string };
  };
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId?: string): GraphErrorBody {
  // Graph writes the date without fractions of a second.
  const date = new Date().toISOString().slice(0, 19);
  return {
    error: {
      code,
      message,
      innerError: {
        'request-id': requestId,
        date,
        ...(clientRequestId === undefined ? {} : { 'client-request-id': clientRequestId }),
      },
    },
  };
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);

/** Exchange's answer for an id that is well formed but names nothing in this mailbox. */
export const itemNotFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const mailboxAccessDenied = (): GraphError =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
