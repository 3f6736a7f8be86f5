import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/time/clock';
import { GraphClient, type GraphClientOptions } from '../../src/graph/http/graphClient';
import { GraphError, isGraphError, parseGraphErrorBody } from '../../src/graph/http/graphError';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRepeatable, parseRetryAfter } from '../../src/graph/http/retry';
import {
  graphErrorBody,
  inOrder,
  recordingSleep,
  startScriptedServer,
  type Handler,
  type ScriptedServer,
} from './support/scriptedServer';

const NOW = Date.UTC(2023, 11, 12, 12, 0, 0);
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: Partial<GraphClientOptions> = {}) {
  server = await startScriptedServer(handler);
  const recorder = recordingSleep();
  let tokens = 0;
  const client = new GraphClient({
    baseUrl: server.baseUrl,
    tokens: { getToken: () => Promise.resolve(`token-${++tokens}`) },
    clock: fixedClock(NOW),
    sleep: recorder.sleep,
    random: () => 0.5,
    ...options,
  });
  return { client, server, waits: recorder.waits };
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (isGraphError(error)) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

describe('GraphClient.request', () => {
  it('never names a shared mailbox’s address in an error', async () => {
    const { client } = await setup(
      inOrder({ status: 404, json: { error: { code: 'ErrorItemNotFound', message: 'Not found.' } } }),
    );
    const error = await failure(client.request({ method: 'GET', url: '/users/anmalan@regeringskansliet.example/messages' }));
    expect(error.path).toBe('/users/{mailbox}/messages');
    expect(`${error.what.sv} ${error.what.en} ${error.message}`).not.toContain('anmalan@');
  });

  it('sends the bearer token and returns a 2xx answer', async () => {
    const { client, server } = await setup(inOrder({ status: 200, json: { id: 'e1' } }));
    expect(await client.json({ method: 'GET', url: '/me/events/e1' })).toEqual({ id: 'e1' });
    expect(server.requests[0]?.url).toBe('/v1.0/me/events/e1');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('waits the Retry-After seconds of a 429, then succeeds, asking for a fresh token', async () => {
    const { client, server, waits } = await setup(
      inOrder(
        { status: 429, headers: { 'retry-after': '3' }, json: graphErrorBody('TooManyRequests', 'Slow down') },
        { status: 200, json: {} },
      ),
    );
    const response = await client.request({ method: 'GET', url: '/me/events' });
    expect(response.attempts).toBe(2);
    expect(waits).toEqual([3000]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('reads Retry-After given as an HTTP date, from the injected clock', async () => {
    const at = new Date(NOW + 7000).toUTCString();
    const { client, waits } = await setup(inOrder({ status: 503, headers: { 'retry-after': at } }, { status: 204 }));
    await client.request({ method: 'GET', url: '/me/events' });
    expect(waits).toEqual([7000]);
  });

  it('sends a POST again after a throttling 503 (with Retry-After), but not after a bare 503 that may follow done work', async () => {
    const throttled = await setup(inOrder({ status: 503, headers: { 'retry-after': '2' } }, { status: 201, json: {} }));
    const sent = await throttled.client.request({ method: 'POST', url: '/chats/1/messages', json: { body: { content: 'x' } } });
    expect(sent.attempts).toBe(2);
    const bare = await setup(inOrder({ status: 503 }, { status: 201, json: {} }));
    const error = await failure(
      bare.client.request({ method: 'POST', url: '/chats/1/messages', json: { body: { content: 'x' } } }),
    );
    expect(error.status).toBe(503);
    expect(bare.server.requests).toHaveLength(1);
  });

  it('backs off exponentially with jitter when Graph gives no Retry-After', async () => {
    const { client, waits } = await setup(inOrder({ status: 503 }, { status: 503 }, { status: 503 }, { status: 200, json: {} }));
    await client.request({ method: 'GET', url: '/me/events' });
    // random() = 0.5: half of each step fixed plus a quarter → 375, 750, 1500 for steps 500, 1000, 2000.
    expect(waits).toEqual([375, 750, 1500]);
  });

  it('gives up after the attempts allowed, with a typed, bilingual GraphError', async () => {
    const { client, server, waits } = await setup(
      inOrder({
        status: 429,
        headers: { 'retry-after': '1', 'request-id': 'req-429' },
        json: graphErrorBody('ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'),
      }),
      { retry: { maxAttempts: 3 } },
    );
    const error = await failure(client.request({ method: 'GET', url: '/me/events?$top=5' }));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      code: 'throttled',
      status: 429,
      graphCode: 'ApplicationThrottled',
      requestId: 'req-429',
      attempts: 3,
      retryAfterMs: 1000,
      method: 'GET',
      path: '/me/events',
    });
    expect(error.what.en).toContain('MailboxConcurrency');
    expect(error.what.sv).toContain('efter 3 försök');
    expect(error.hint.sv).toMatch(/Vänta/);
    expect(error.hint.en).toMatch(/Wait/);
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('never waits longer in total than the policy allows', async () => {
    const { client, server, waits } = await setup(inOrder({ status: 429, headers: { 'retry-after': '50' } }), {
      retry: { maxTotalWaitMs: 60_000 },
    });
    const error = await failure(client.request({ method: 'GET', url: '/me/events' }));
    expect(error.code).toBe('throttled');
    expect(waits).toEqual([50_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('sends a GET again after a dropped connection', async () => {
    const { client, server } = await setup(inOrder('drop', { status: 200, json: { ok: true } }));
    expect(await client.json({ method: 'GET', url: '/me/events' })).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not send a POST again after a dropped connection: it may have been applied', async () => {
    const { client, server, waits } = await setup(inOrder('drop', { status: 201, json: {} }));
    const error = await failure(client.request({ method: 'POST', url: '/chats/c1/messages', json: { body: {} } }));
    expect(error).toMatchObject({ code: 'network', status: null, attempts: 1 });
    expect(error.hint.en).toMatch(/check whether it went through/);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('sends a PATCH with If-Match again after a dropped connection (a repeat fails with 412, never applies twice)', async () => {
    const { client, server } = await setup(inOrder('drop', { status: 200, json: {} }));
    await client.request({ method: 'PATCH', url: '/me/events/e1', headers: { 'If-Match': 'W/"1"' }, json: {} });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['if-match']).toBe('W/"1"');
  });

  it('retries 429 for any method (Graph did not do the work) but 504 only for repeatable requests', async () => {
    const first = await setup(inOrder({ status: 429, headers: { 'retry-after': '0' } }, { status: 201, json: {} }));
    await first.client.request({ method: 'POST', url: '/chats/c1/messages', json: {} });
    expect(first.server.requests).toHaveLength(2);
    await first.server.close();

    const second = await setup(inOrder({ status: 504 }, { status: 201, json: {} }));
    const error = await failure(second.client.request({ method: 'POST', url: '/chats/c1/messages', json: {} }));
    expect(error).toMatchObject({ code: 'unavailable', status: 504, attempts: 1 });
    await second.server.close();

    const third = await setup(inOrder({ status: 504 }, { status: 200, json: {} }));
    await third.client.request({ method: 'GET', url: '/chats/c1/messages' });
    expect(third.server.requests).toHaveLength(2);
  });

  it("does not retry a 4xx, and reads Graph's error body", async () => {
    const { client, server } = await setup(
      inOrder({
        status: 404,
        json: graphErrorBody('ErrorItemNotFound', 'The specified object was not found in the store.', 'req-404'),
      }),
    );
    const error = await failure(client.request({ method: 'GET', url: '/me/events/missing' }));
    expect(error).toMatchObject({
      code: 'not-found',
      status: 404,
      graphCode: 'ErrorItemNotFound',
      requestId: 'req-404',
      attempts: 1,
    });
    expect(error.what.en).toBe(
      'Microsoft Graph: GET /me/events/missing got answer 404. The specified object was not found in the store. (ErrorItemNotFound)',
    );
    expect(error.hint.sv).toMatch(/ladda om/);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the status when the error body is not JSON', async () => {
    const { client } = await setup(inOrder({ status: 502, text: '<html>Bad gateway</html>' }), { retry: { maxAttempts: 1 } });
    const error = await failure(client.request({ method: 'GET', url: '/me/events' }));
    expect(error).toMatchObject({ code: 'unavailable', status: 502, graphCode: null, graphMessage: null });
  });

  it("lets the token provider's own error through unchanged", async () => {
    const { client, server } = await setup(inOrder({ status: 200, json: {} }), {
      tokens: { getToken: () => Promise.reject(new Error('interaction required')) },
    });
    await expect(client.request({ method: 'GET', url: '/me' })).rejects.toThrow('interaction required');
    expect(server.requests).toHaveLength(0);
  });

  it('turns an unreadable 2xx body into a typed invalid-response error', async () => {
    const { client } = await setup(inOrder({ status: 200, text: '{not json' }));
    const error = await failure(client.json({ method: 'GET', url: '/me/events/e1' }));
    expect(error).toMatchObject({ code: 'invalid-response', status: 200 });
  });
});

describe('paging', () => {
  it('follows @odata.nextLink exactly as given, to the last page', async () => {
    // An opaque skip token with escapes Graph chose: re-encoding it would break the link.
    const handler: Handler = (request) => {
      if (request.url === '/v1.0/me/messages?$top=2') {
        return {
          status: 200,
          json: { value: [1, 2], '@odata.nextLink': `${server?.baseUrl ?? ''}/me/messages?%24skiptoken=a%2Bb%3D%3D&$top=2` },
        };
      }
      if (request.url === '/v1.0/me/messages?%24skiptoken=a%2Bb%3D%3D&$top=2') {
        return { status: 200, json: { value: [3], '@odata.nextLink': `${server?.baseUrl ?? ''}/me/messages?$skiptoken=last` } };
      }
      if (request.url === '/v1.0/me/messages?$skiptoken=last') return { status: 200, json: { value: [4] } };
      return { status: 400, json: graphErrorBody('BadRequest', `unexpected ${request.url}`) };
    };
    const { client, server: s } = await setup(handler);
    expect(await client.all('/me/messages?$top=2')).toEqual([1, 2, 3, 4]);
    expect(s.requests.map((r) => r.url)).toEqual([
      '/v1.0/me/messages?$top=2',
      '/v1.0/me/messages?%24skiptoken=a%2Bb%3D%3D&$top=2',
      '/v1.0/me/messages?$skiptoken=last',
    ]);
  });

  it('refuses a nextLink to another origin, so the token never leaves Graph', async () => {
    const { client, server } = await setup(
      inOrder({ status: 200, json: { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/me/messages?page=2' } }),
    );
    const error = await failure(client.all('/me/messages'));
    expect(error.code).toBe('invalid-response');
    expect(error.what.en).toContain('https://evil.example');
    expect(server.requests).toHaveLength(1);
  });

  it('stops on a nextLink that repeats', async () => {
    const { client } = await setup(() => ({
      status: 200,
      json: { value: [1], '@odata.nextLink': `${server?.baseUrl ?? ''}/me/messages?page=2` },
    }));
    const error = await failure(client.all('/me/messages'));
    expect(error.what.en).toMatch(/never ended/);
  });

  it('rejects an answer that is not a collection', async () => {
    const { client } = await setup(inOrder({ status: 200, json: { id: 'x' } }));
    expect((await failure(client.all('/me/messages'))).code).toBe('invalid-response');
  });
});

describe('$batch', () => {
  interface WireRequest {
    id: string;
    method: string;
    url: string;
  }
  const bodyOf = (text: string): WireRequest[] => (JSON.parse(text) as { requests: WireRequest[] }).requests;

  it('splits 45 requests into batches of 20, 20 and 5 and returns the results in order', async () => {
    const { client, server } = await setup((request) => ({
      status: 200,
      json: {
        responses: bodyOf(request.body)
          .reverse() // Graph may answer in any order.
          .map((r) => ({ id: r.id, status: 200, headers: { 'content-type': 'application/json' }, body: { url: r.url } })),
      },
    }));
    const items = Array.from({ length: 45 }, (_, i) => ({ method: 'GET' as const, url: `/me/events/e${i}` }));
    const results = await client.batch(items);
    expect(server.requests.map((r) => [r.method, r.url, bodyOf(r.body).length])).toEqual([
      ['POST', '/v1.0/$batch', 20],
      ['POST', '/v1.0/$batch', 20],
      ['POST', '/v1.0/$batch', 5],
    ]);
    expect(results.map((r) => (r.body as { url: string }).url)).toEqual(items.map((i) => i.url));
    expect(results.every((r) => r.error === null)).toBe(true);
  });

  it('keeps the answers of batches that were applied when another batch of the same call fails', async () => {
    let batches = 0;
    const { client } = await setup((request) => {
      batches += 1;
      if (batches === 2) return { status: 400, json: { error: { code: 'BadRequest', message: 'Malformed batch.' } } };
      return {
        status: 200,
        json: { responses: bodyOf(request.body).map((r) => ({ id: r.id, status: 201, headers: {}, body: { url: r.url } })) },
      };
    });
    const items = Array.from({ length: 25 }, (_, i) => ({
      method: 'POST' as const,
      url: `/chats/c/messages?n=${i}`,
      body: { n: i },
    }));
    const results = await client.batch(items);
    expect(results.slice(0, 20).every((r) => r.status === 201 && r.error === null)).toBe(true);
    expect(results.slice(20).every((r) => r.status === 400 && r.error?.code === 'bad-request')).toBe(true);
  });

  it('sends only the items answered 429 again, after their longest Retry-After', async () => {
    let round = 0;
    const { client, server, waits } = await setup((request) => {
      round += 1;
      return {
        status: 200,
        json: {
          responses: bodyOf(request.body).map((r) =>
            round === 1 && Number(r.id) % 2 === 0
              ? {
                  id: r.id,
                  status: 429,
                  headers: { 'Retry-After': r.id === '4' ? '4' : '2' },
                  body: graphErrorBody('TooManyRequests', 'Too many'),
                }
              : { id: r.id, status: 200, body: { id: r.id } },
          ),
        },
      };
    });
    const results = await client.batch(
      Array.from({ length: 5 }, (_, i) => ({ method: 'GET' as const, url: `/me/events/e${i}` })),
    );
    expect(bodyOf(server.requests[1]?.body ?? '{"requests":[]}').map((r) => r.id)).toEqual(['2', '4']);
    expect(waits).toEqual([4000]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('returns an item that keeps failing as a typed error, and other errors as they are', async () => {
    const { client } = await setup(
      (request) => ({
        status: 200,
        json: {
          responses: bodyOf(request.body).map((r) =>
            r.id === '1'
              ? { id: r.id, status: 404, body: graphErrorBody('ErrorItemNotFound', 'Not found') }
              : { id: r.id, status: 429, headers: { 'retry-after': '1' }, body: {} },
          ),
        },
      }),
      { retry: { maxAttempts: 2 } },
    );
    const [missing, throttled] = await client.batch([
      { method: 'GET', url: '/me/events/a' },
      { method: 'GET', url: '/me/events/b' },
    ]);
    expect(missing?.error).toMatchObject({ code: 'not-found', graphCode: 'ErrorItemNotFound', path: '/me/events/a' });
    expect(throttled?.error).toMatchObject({ code: 'throttled', status: 429, retryAfterMs: 1000 });
  });

  it('puts a JSON body with its content type into the batch', async () => {
    const { client, server } = await setup((request) => ({
      status: 200,
      json: { responses: bodyOf(request.body).map((r) => ({ id: r.id, status: 204 })) },
    }));
    await client.batch([{ method: 'PATCH', url: '/me/events/a', headers: { 'If-Match': 'W/"1"' }, body: { subject: 'x' } }]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      requests: [
        {
          id: '1',
          method: 'PATCH',
          url: '/me/events/a',
          headers: { 'If-Match': 'W/"1"', 'content-type': 'application/json' },
          body: { subject: 'x' },
        },
      ],
    });
  });
});

describe('concurrency', () => {
  it('keeps at most 4 requests in flight per mailbox, and mailboxes apart', async () => {
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    const { client } = await setup(async (request) => {
      const mailbox = request.url.startsWith('/v1.0/me/') ? 'me' : 'users/u1';
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
      most.set(mailbox, Math.max(most.get(mailbox) ?? 0, inFlight.get(mailbox) ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) - 1);
      return { status: 200, json: {} };
    });
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => client.request({ method: 'GET', url: `/me/events/e${i}` })),
      ...Array.from({ length: 12 }, (_, i) => client.request({ method: 'GET', url: `/users/U1/events/e${i}` })),
    ]);
    expect(most.get('me')).toBe(4);
    expect(most.get('users/u1')).toBe(4);
  });
});

describe('retry rules', () => {
  it.each<[string | null, number | null]>([
    [null, null],
    ['0', 0],
    ['120', 120_000],
    [' 5 ', 5000],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
    ['soon', null],
    ['-3', null],
  ])('parses Retry-After %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it('caps the backoff step and spreads it between half and the whole step', () => {
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 0, () => 0)).toBe(250);
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 0, () => 0.999999)).toBe(500);
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 20, () => 0)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs / 2);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['GET', {}, true],
    ['PUT', {}, true],
    ['DELETE', {}, true],
    ['POST', {}, false],
    ['PATCH', {}, false],
    ['PATCH', { 'If-Match': 'W/"x"' }, true],
  ])('%s %j is repeatable: %s', (method, headers, expected) => {
    expect(isRepeatable(method, headers)).toBe(expected);
  });

  it('reads Graph error bodies, and nothing from bodies that are not', () => {
    expect(parseGraphErrorBody(JSON.stringify(graphErrorBody('ErrorAccessDenied', 'Access is denied.', 'r1')))).toEqual({
      code: 'ErrorAccessDenied',
      message: 'Access is denied.',
      requestId: 'r1',
    });
    expect(parseGraphErrorBody('')).toEqual({ code: null, message: null, requestId: null });
    expect(parseGraphErrorBody('{"error":"x"}')).toEqual({ code: null, message: null, requestId: null });
  });
});
