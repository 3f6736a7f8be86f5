/**
 * JSON batching (`POST /$batch`): Graph takes at most 20 requests per batch and answers each with its own status.
 * Longer lists are split; items answered 429 or 503 are sent again in a later batch (after the longest Retry-After
 * among them, or a backoff), bounded like single requests; everything else is returned to the caller as is.
 */
import type { GraphClient, HttpMethod } from './graphClient';
import { codeForStatus, graphError, isGraphError, isRecord, type GraphError } from './graphError';
import { backoffDelay, isAdmissionStatus, isRepeatable, parseRetryAfter, type Sleep } from './retry';

export const MAX_BATCH_SIZE = 20;

export interface BatchItem {
  readonly method: HttpMethod;
  /** Relative to the version root, e.g. "/me/events/{id}?$select=subject". */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body (Graph requires a content-type header with it, which is added). */
  readonly body?: unknown;
}

export interface BatchItemResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Set for a non-2xx status: the same typed error a single request would have thrown. */
  readonly error: GraphError | null;
}

interface WireResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

function readResponses(body: unknown): WireResponse[] | null {
  const responses = isRecord(body) ? body['responses'] : undefined;
  if (!Array.isArray(responses)) return null;
  const out: WireResponse[] = [];
  for (const r of responses as unknown[]) {
    if (!isRecord(r) || typeof r['id'] !== 'string' || typeof r['status'] !== 'number') return null;
    const headers: Record<string, string> = {};
    if (isRecord(r['headers'])) {
      for (const [name, value] of Object.entries(r['headers']))
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
    }
    out.push({ id: r['id'], status: r['status'], headers, body: r['body'] ?? null });
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface BatchDependencies {
  readonly client: GraphClient;
  readonly sleep: Sleep;
  readonly now: () => number;
  readonly random: () => number;
}

/**
 * Sends the items in batches of at most 20 and returns one result per item, in the order given. A batch that got
 * no usable answer gives each of its items that error (status 0 when no answer came at all).
 */
export async function sendBatch(deps: BatchDependencies, items: readonly BatchItem[]): Promise<BatchItemResult[]> {
  const { client } = deps;
  const policy = client.policy;
  const results = new Map<number, WireResponse>();
  const failed = new Map<number, GraphError>();
  let pending = items.map((_, index) => index);
  let waited = 0;

  for (let round = 1; pending.length > 0; round += 1) {
    const groups = chunks(pending, MAX_BATCH_SIZE);
    // allSettled: a group that failed must not hide the answers of groups that were applied, or a caller retrying
    // the whole list would send those writes twice. Its items carry the group's error and are not sent again.
    const settled = await Promise.allSettled(groups.map((group) => sendOne(client, items, group)));
    const again: number[] = [];
    let wait = 0;
    for (const [g, outcome] of settled.entries()) {
      if (outcome.status === 'rejected') {
        if (!isGraphError(outcome.reason)) throw outcome.reason;
        for (const index of groups[g] ?? []) failed.set(index, outcome.reason);
        continue;
      }
      for (const [index, response] of outcome.value) {
        results.set(index, response);
        if (isAdmissionStatus(response.status)) {
          again.push(index);
          wait = Math.max(wait, parseRetryAfter(response.headers['retry-after'] ?? null, deps.now()) ?? 0);
        }
      }
    }
    if (again.length === 0) break;
    const delay = wait > 0 ? wait : backoffDelay(policy, round - 1, deps.random);
    if (round >= policy.maxAttempts || waited + delay > policy.maxTotalWaitMs) break;
    waited += delay;
    await deps.sleep(delay);
    pending = again.sort((a, b) => a - b);
  }

  return items.map((item, index) => {
    const groupError = failed.get(index);
    if (groupError !== undefined) return { status: groupError.status ?? 0, headers: {}, body: null, error: groupError };
    const response = results.get(index);
    if (response === undefined) throw new Error(`unreachable: batch item ${index} has no result`);
    const ok = response.status >= 200 && response.status < 300;
    const body = isRecord(response.body) ? response.body : null;
    const error = isRecord(body?.['error']) ? body['error'] : null;
    return {
      status: response.status,
      headers: response.headers,
      body: response.body,
      error: ok
        ? null
        : graphError({
            code: codeForStatus(response.status),
            status: response.status,
            graphCode: typeof error?.['code'] === 'string' ? error['code'] : null,
            graphMessage: typeof error?.['message'] === 'string' ? error['message'] : null,
            requestId: response.headers['request-id'] ?? null,
            method: item.method,
            path: item.url.split('?')[0] ?? item.url,
            attempts: 1,
            retryAfterMs: parseRetryAfter(response.headers['retry-after'] ?? null, deps.now()),
          }),
    };
  });
}

/** One POST /$batch of at most 20 items; ids are the items' positions, from 1 as in Graph's examples. */
async function sendOne(
  client: GraphClient,
  items: readonly BatchItem[],
  group: readonly number[],
): Promise<Map<number, WireResponse>> {
  const requests = group.map((index) => {
    const item = items[index];
    if (item === undefined) throw new Error(`unreachable: no batch item ${index}`);
    const headers = { ...item.headers, ...(item.body === undefined ? {} : { 'content-type': 'application/json' }) };
    return {
      id: String(index + 1),
      method: item.method,
      url: item.url,
      ...(Object.keys(headers).length === 0 ? {} : { headers }),
      ...(item.body === undefined ? {} : { body: item.body }),
    };
  });
  // The batch as a whole may go again after a lost answer only if every item in it may.
  const repeatable = group.every((index) => {
    const item = items[index];
    return item !== undefined && isRepeatable(item.method, item.headers ?? {});
  });
  const request = { method: 'POST' as const, url: '/$batch', json: { requests }, repeatable };
  const responses = readResponses(await client.json(request));
  const byId = new Map((responses ?? []).map((r) => [r.id, r]));
  const out = new Map<number, WireResponse>();
  for (const index of group) {
    const response = byId.get(String(index + 1));
    if (responses === null || response === undefined) {
      throw graphError(
        {
          code: 'invalid-response',
          status: 200,
          graphCode: null,
          graphMessage: null,
          requestId: null,
          method: 'POST',
          path: '/$batch',
          attempts: 1,
          retryAfterMs: null,
        },
        { sv: `Svaret saknar begäran ${index + 1}.`, en: `The answer lacks request ${index + 1}.` },
      );
    }
    out.set(index, response);
  }
  return out;
}
