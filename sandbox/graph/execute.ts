/** One Graph request to one response, errors included: the step shared by the HTTP server and $batch. */
import { errorBody, GraphError } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import type { GraphContext } from './context';
import { dispatchGraph } from './router';

export function faultError(kind: '429' | '503', retryAfterSeconds: number): GraphError {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  return kind === '429'
    ? new GraphError(429, 'TooManyRequests', `Too many requests. Retry after ${retryAfterSeconds} seconds.`, headers)
    : new GraphError(
        503,
        'serviceNotAvailable',
        `The service is temporarily unavailable. Retry after ${retryAfterSeconds} seconds.`,
        headers,
      );
}

export function errorResponse(error: unknown, requestId: string, clientRequestId: string | undefined): GraphResponse {
  if (error instanceof GraphError) {
    return json(error.status, errorBody(error.code, error.message, requestId, clientRequestId), { ...error.headers });
  }
  // A defect in the sandbox, not the client's fault: say so the way Graph does, and leave the details in the log.
  console.error('[sandbox] unexpected error', error);
  return json(500, errorBody('generalException', 'An unexpected error occurred in the sandbox.', requestId, clientRequestId));
}

export async function executeGraph(ctx: GraphContext, requestId: string): Promise<GraphResponse> {
  try {
    return await dispatchGraph(ctx);
  } catch (error) {
    return errorResponse(error, requestId, ctx.request.headers['client-request-id']);
  }
}
