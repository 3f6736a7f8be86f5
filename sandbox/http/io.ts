/** Reading requests and writing responses on node:http, with the headers every sandbox answer carries. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphError } from './errors';
import type { GraphResponse } from './response';

/** Far above anything the app sends (a consultation document is tens of kilobytes); stops a runaway client. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new GraphError(413, 'requestTooLarge', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Graph answers browsers too (CORS): the workbench page calls the sandbox from another port, as the real app calls
 * graph.microsoft.com from its own origin, and it must be able to read the headers that matter for retries.
 */
const EXPOSED = ['request-id', 'client-request-id', 'ETag', 'Retry-After', 'Location', 'Content-Type'].join(', ');

/** Only pages served from this machine may call the sandbox: another site the developer visits must not mint tokens. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname } = new URL(origin);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

export function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED,
    Vary: 'Origin',
  };
}

export function preflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    ...corsHeaders(request),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
    'Access-Control-Max-Age': '600',
  });
  response.end();
}

export function send(response: ServerResponse, result: GraphResponse, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...extraHeaders, ...result.headers };
  let payload: Buffer | undefined;
  switch (result.body.kind) {
    case 'json':
      headers['Content-Type'] = GRAPH_JSON;
      payload = Buffer.from(JSON.stringify(result.body.value), 'utf8');
      break;
    case 'bytes':
      headers['Content-Type'] = result.body.contentType;
      payload = result.body.value;
      break;
    case 'none':
      payload = undefined;
  }
  if (payload !== undefined) headers['Content-Length'] = String(payload.length);
  response.writeHead(result.status, headers);
  response.end(payload);
}
