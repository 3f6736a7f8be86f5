/**
 * JSON batching: `POST /v1.0/$batch` with up to 20 requests. Each item is handled as if it had come on its own —
 * its own authorisation (the batch's token), its own fault dice (an item can be throttled while the others
 * succeed), its own status, headers and body — and `dependsOn` makes an item wait for others and fail with 424
 * when one of them failed. Items run in the order given.
 */
import { FAULT_HEADER } from '../contract';
import type { FaultInjector } from '../faults';
import { badRequest, GraphError } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import { isJsonObject, readJsonObject, type GraphContext, type GraphRequest } from './context';
import { errorResponse, executeGraph, faultError } from './execute';
import type { JsonValue } from '../state/model';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

interface BatchItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue | undefined;
  readonly dependsOn: readonly string[];
}

interface BatchItemResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

function parseItem(value: JsonValue, index: number): BatchItem {
  if (!isJsonObject(value)) throw badRequest(`requests[${index}] is not an object.`);
  const { id, method, url, headers, body, dependsOn } = value;
  if (typeof id !== 'string' || id === '') throw badRequest(`requests[${index}] needs an "id" (a string).`);
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) {
    throw badRequest(`requests[${index}] needs a "method" (GET, POST, PUT, PATCH or DELETE).`);
  }
  if (typeof url !== 'string' || url === '') throw badRequest(`requests[${index}] needs a "url" relative to /v1.0.`);
  const lowered: Record<string, string> = {};
  if (headers !== undefined) {
    if (!isJsonObject(headers)) throw badRequest(`requests[${index}].headers must be an object.`);
    for (const [name, v] of Object.entries(headers)) {
      if (typeof v === 'string') lowered[name.toLowerCase()] = v;
    }
  }
  const deps = dependsOn === undefined ? [] : dependsOn;
  if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string')) {
    throw badRequest(`requests[${index}].dependsOn must be an array of request ids.`);
  }
  return { id, method: method.toUpperCase(), url, headers: lowered, body, dependsOn: deps.filter((d) => typeof d === 'string') };
}

function parseBatch(ctx: GraphContext): BatchItem[] {
  const requests = readJsonObject(ctx.request).requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw badRequest('Invalid batch payload: "requests" must be a non-empty array.');
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(
      `A $batch may hold at most ${MAX_BATCH_REQUESTS} requests; this one holds ${requests.length}. Send the rest in another batch.`,
    );
  }
  const items = requests.map(parseItem);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw badRequest(`The request id '${item.id}' appears more than once in the batch.`);
    for (const dep of item.dependsOn) {
      if (!seen.has(dep))
        throw badRequest(`Request '${item.id}' depends on '${dep}', which does not come before it in the batch.`);
    }
    seen.add(item.id);
  }
  return items;
}

/** `/me/events?x` or `me/events?x` (and a tolerated `/v1.0/` prefix) → path and query. */
function itemRequest(item: BatchItem): GraphRequest {
  if (/^[a-z]+:\/\//i.test(item.url)) throw badRequest(`Batch request '${item.id}': the url must be relative to /v1.0.`);
  const url = new URL(item.url.replace(/^\/?(?:v1\.0\/)?/, '/'), 'http://batch.invalid');
  let body = Buffer.alloc(0);
  if (item.body !== undefined) {
    const contentType = item.headers['content-type'];
    if (contentType === undefined) throw badRequest(`Batch request '${item.id}' has a body but no Content-Type header.`);
    // Graph carries non-JSON bodies (file contents) base64-encoded inside the batch.
    body = /json/i.test(contentType)
      ? Buffer.from(JSON.stringify(item.body), 'utf8')
      : Buffer.from(typeof item.body === 'string' ? item.body : JSON.stringify(item.body), 'base64');
  }
  return { method: item.method, path: url.pathname, query: url.searchParams, headers: item.headers, body };
}

function toItemResponse(id: string, response: GraphResponse): BatchItemResponse {
  const headers: Record<string, string> = { ...response.headers };
  switch (response.body.kind) {
    case 'json':
      headers['Content-Type'] = 'application/json';
      return { id, status: response.status, headers, body: response.body.value };
    case 'bytes':
      headers['Content-Type'] = response.body.contentType;
      return { id, status: response.status, headers, body: response.body.value.toString('base64') };
    case 'none':
      return { id, status: response.status, headers };
  }
}

export async function handleBatch(ctx: GraphContext, faults: FaultInjector, newRequestId: () => string): Promise<GraphResponse> {
  const items = parseBatch(ctx);
  const statuses = new Map<string, number>();
  const responses: BatchItemResponse[] = [];
  for (const item of items) {
    const requestId = newRequestId();
    let response: GraphResponse;
    try {
      if (item.dependsOn.some((dep) => (statuses.get(dep) ?? 0) >= 400)) {
        throw new GraphError(424, 'FailedDependency', 'A request this one depends on failed.');
      }
      const request = itemRequest(item);
      if (request.path.toLowerCase() === '/$batch') throw badRequest('A $batch cannot contain another $batch.');
      const fault = faults.decide(request.headers[FAULT_HEADER], false);
      if (fault.kind === '429' || fault.kind === '503') throw faultError(fault.kind, faults.settings.retryAfterSeconds);
      response = await executeGraph({ ...ctx, request }, requestId);
    } catch (error) {
      response = errorResponse(error, requestId, item.headers['client-request-id']);
    }
    statuses.set(item.id, response.status);
    responses.push(toItemResponse(item.id, response));
  }
  return json(200, { responses });
}
