/**
 * Fault injection over HTTP: per-request header faults (429 with Retry-After, 503, a dropped connection, latency),
 * run-time switches (setFaults and PUT /sandbox/faults), seeded replay — and never on the /sandbox controls.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_HEADER, NO_FAULTS, type FaultSettings } from '../../sandbox/contract';
import { cast, clientFor, startTestSandbox, type GraphClient, type GraphErrorReply, type TestSandbox } from './support';

let t: TestSandbox;
let organiser: GraphClient;

beforeAll(async () => {
  t = await startTestSandbox({ retryAfterSeconds: 7 });
  organiser = clientFor(t.sandbox, cast(t.sandbox).organiser);
});
afterAll(() => t.dispose());
afterEach(() => t.sandbox.setFaults({ ...NO_FAULTS, retryAfterSeconds: 7 }));

const fault = (value: string): Record<string, string> => ({ [FAULT_HEADER]: value });

async function putFaults(update: Partial<FaultSettings> | Record<string, unknown>): Promise<Response> {
  return fetch(`${t.sandbox.origin}/sandbox/faults`, {
    method: 'PUT',
    body: JSON.stringify(update),
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('per-request faults', () => {
  it('429 carries Retry-After and Graph’s error body', async () => {
    const reply = await organiser.get<GraphErrorReply>('/me/messages', fault('429'));
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(reply.body.error.code).toBe('TooManyRequests');
    expect(reply.body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  });

  it('503 carries Retry-After too', async () => {
    const reply = await organiser.get<GraphErrorReply>('/me/messages', fault('503'));
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('7');
  });

  it('drop destroys the connection: fetch rejects', async () => {
    await expect(organiser.raw('GET', '/me/messages', { headers: fault('drop') })).rejects.toThrow();
    expect((await organiser.get('/me/messages')).status).toBe(200);
  });

  it('lost applies the request and then destroys the connection: fetch rejects, the change is there', async () => {
    const events = await organiser.get<{ value: { id: string; subject: string }[] }>('/me/events?$select=id,subject');
    const event = events.body.value[0];
    if (event === undefined) throw new Error('The seed has no event.');
    const patched = organiser.raw('PATCH', `/me/events/${event.id}`, {
      headers: { ...fault('lost'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ categories: ['Svar borttappat'] }),
    });
    await expect(patched).rejects.toThrow();
    const after = await organiser.get<{ categories: string[] }>(`/me/events/${event.id}?$select=categories`);
    expect(after.body.categories).toEqual(['Svar borttappat']);
  });

  it('latency=… delays the answer by at least that much', async () => {
    const started = performance.now();
    const reply = await organiser.get('/me/messages?$top=1', fault('latency=150'));
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('refuses a header it does not understand', async () => {
    expect((await organiser.get('/me/messages', fault('teapot'))).status).toBe(400);
  });
});

describe('fault settings', () => {
  it('switch at run time, through setFaults and PUT /sandbox/faults, and never touch the controls', async () => {
    t.sandbox.setFaults({ rate429: 1 });
    expect((await organiser.get('/me/messages')).status).toBe(429);
    expect((await fetch(`${t.sandbox.origin}/sandbox/people`)).status).toBe(200);

    const put = await putFaults({ rate429: 0, rate503: 1 });
    expect(put.status).toBe(200);
    expect(((await put.json()) as FaultSettings).rate503).toBe(1);
    expect((await organiser.get('/me/messages')).status).toBe(503);

    await putFaults({ rate503: 0, latencyMs: 120 });
    const started = performance.now();
    expect((await organiser.get('/me/messages?$top=1')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    const settings = (await (await fetch(`${t.sandbox.origin}/sandbox/faults`)).json()) as FaultSettings;
    expect(settings.latencyMs).toBe(120);
  });

  it('replay: the same seed gives the same faults in the same order', async () => {
    const run = async (seed: number): Promise<number[]> => {
      t.sandbox.setFaults({ rate429: 0.3, rate503: 0.2, seed });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i += 1) statuses.push((await organiser.get('/me/messages?$top=1')).status);
      return statuses;
    };
    const first = await run(42);
    expect(first).toContain(200);
    expect(first.some((s) => s === 429 || s === 503)).toBe(true);
    expect(await run(42)).toEqual(first);
    expect(await run(43)).not.toEqual(first);
  });

  it('refuses settings that make no sense', async () => {
    expect((await putFaults({ rate429: 2 })).status).toBe(400);
    expect((await putFaults({ rate429: 0.6, rate503: 0.6 })).status).toBe(400);
    expect((await putFaults({ rateDrop: 0.5, rateLostAnswer: 0.6 })).status).toBe(400);
    expect((await putFaults({ latency: 5 })).status).toBe(400);
    expect(() => t.sandbox.setFaults({ latencyMs: -1 })).toThrow(RangeError);
  });
});
