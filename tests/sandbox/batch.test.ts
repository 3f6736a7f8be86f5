/** $batch over HTTP: at most 20 requests, each answered on its own — status, headers, body, faults, access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cast, clientFor, startTestSandbox, type GraphClient, type GraphErrorReply, type TestSandbox } from './support';

interface BatchReply {
  responses: {
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: Record<string, unknown> & Partial<GraphErrorReply>;
  }[];
}

let t: TestSandbox;
let organiser: GraphClient;
let participantId: string;

beforeAll(async () => {
  t = await startTestSandbox();
  const people = cast(t.sandbox);
  organiser = clientFor(t.sandbox, people.organiser);
  participantId = people.participants[0]?.id ?? '';
});
afterAll(() => t.dispose());

const gets = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/me/messages?$top=1&$skip=${i}` }));

describe('$batch', () => {
  it('answers 20 requests, each with its own status and body', async () => {
    const reply = await organiser.post<BatchReply>('/$batch', { requests: gets(20) });
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((r) => r.id)).toEqual(gets(20).map((r) => r.id));
    expect(reply.body.responses.every((r) => r.status === 200 && Array.isArray(r.body?.value))).toBe(true);
    const ids = reply.body.responses.map((r) => (r.body?.value as { id: string }[])[0]?.id);
    expect(new Set(ids).size).toBe(20);
  });

  it('refuses 21 requests with a message that names the limit', async () => {
    const reply = await organiser.post<GraphErrorReply>('/$batch', { requests: gets(21) });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/at most 20 requests.*21/);
  });

  it('authorises, fault-injects and answers every item separately', async () => {
    const events = await organiser.get<{ value: { id: string }[] }>('/me/events');
    const eventId = events.body.value[0]?.id ?? '';
    const reply = await organiser.post<BatchReply>('/$batch', {
      requests: [
        { id: 'own', method: 'GET', url: `/me/events/${eventId}?$select=subject` },
        { id: 'other', method: 'GET', url: `/users/${participantId}/messages` },
        { id: 'throttled', method: 'GET', url: '/me/messages', headers: { 'x-sandbox-fault': '429' } },
        {
          id: 'patch',
          method: 'PATCH',
          url: `me/events/${eventId}`,
          headers: { 'Content-Type': 'application/json' },
          body: { categories: ['Samråd'] },
        },
        { id: 'missing', method: 'GET', url: '/me/events/AAMkADmissing=' },
        { id: 'after-missing', method: 'GET', url: '/me/messages?$top=1', dependsOn: ['missing'] },
      ],
    });
    expect(reply.status).toBe(200);
    const byId = new Map(reply.body.responses.map((r) => [r.id, r]));
    expect(byId.get('own')?.status).toBe(200);
    expect(byId.get('own')?.body?.subject).toBe('Samråd om Sveriges handlingsplan för OGP 2023–2025');
    expect(byId.get('other')?.status).toBe(403);
    expect(byId.get('other')?.body?.error?.code).toBe('ErrorAccessDenied');
    expect(byId.get('throttled')?.status).toBe(429);
    expect(byId.get('throttled')?.headers['Retry-After']).toBe('1');
    expect(byId.get('patch')?.status).toBe(200);
    expect(byId.get('patch')?.body?.categories).toEqual(['Samråd']);
    expect(byId.get('missing')?.status).toBe(404);
    expect(byId.get('after-missing')?.status).toBe(424);
  });

  it('needs a token like any Graph request', async () => {
    const response = await fetch(`${t.sandbox.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: gets(1) }),
    });
    expect(response.status).toBe(401);
  });
});
