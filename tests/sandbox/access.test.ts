/** Who may do what: tokens, one's own mailbox only, Graph's error bodies and request ids, the /sandbox controls. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { cast, clientFor, startTestSandbox, type GraphErrorReply, type TestSandbox } from './support';

let t: TestSandbox;
let organiser: SandboxPerson;
let participant: SandboxPerson;

beforeAll(async () => {
  t = await startTestSandbox();
  const people = cast(t.sandbox);
  organiser = people.organiser;
  participant = people.participants[0] ?? people.presenter;
});
afterAll(() => t.dispose());

async function getWith(
  path: string,
  authorization?: string,
): Promise<{ status: number; headers: Headers; body: GraphErrorReply }> {
  const response = await fetch(`${t.sandbox.graphBaseUrl}${path}`, {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphErrorReply };
}

describe('tokens', () => {
  it('401 InvalidAuthenticationToken without a token, in Graph’s error shape with the request id', async () => {
    const reply = await getWith('/me/events');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('InvalidAuthenticationToken');
    const requestId = reply.headers.get('request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.body.error.innerError['request-id']).toBe(requestId);
    expect(reply.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('401 for a token that is not the sandbox’s, or has been tampered with', async () => {
    expect((await getWith('/me/events', 'Bearer eyJ0eXAiOiJKV1Qi.x.y')).status).toBe(401);
    const good = t.sandbox.tokenFor(organiser.id);
    const [prefix, , signature] = good.split('.');
    const forged = `${prefix ?? ''}.${Buffer.from(JSON.stringify({ sub: participant.id })).toString('base64url')}.${signature ?? ''}`;
    expect((await getWith('/me/events', `Bearer ${forged}`)).status).toBe(401);
    expect((await getWith('/me/events', `Bearer ${good}`)).status).toBe(200);
  });

  it('are issued by POST /sandbox/token for an id or a mail, without faults or a token', async () => {
    const response = await fetch(`${t.sandbox.origin}/sandbox/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-sandbox-fault': '503' },
      body: JSON.stringify({ person: participant.mail.toUpperCase() }),
    });
    expect(response.status).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const me = await fetch(`${t.sandbox.graphBaseUrl}/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(((await me.json()) as { id: string }).id).toBe(participant.id);
    const unknown = await fetch(`${t.sandbox.origin}/sandbox/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ person: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
  });
});

describe('mailboxes', () => {
  it('are the caller’s own: /users/{own id or mail} works, anyone else’s is 403 ErrorAccessDenied', async () => {
    const token = `Bearer ${t.sandbox.tokenFor(participant.id)}`;
    expect((await getWith(`/users/${participant.mail}/messages`, token)).status).toBe(200);
    for (const path of [
      `/users/${organiser.id}/events`,
      `/users/${organiser.mail}/messages`,
      `/users/${organiser.id}/calendarView?startDateTime=2023-01-01&endDateTime=2024-01-01`,
    ]) {
      const reply = await getWith(path, token);
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('ErrorAccessDenied');
    }
    expect((await getWith('/users/nobody@example.invalid/events', token)).status).toBe(404);
  });

  it('echo client-request-id and answer unknown paths the way Graph does', async () => {
    const response = await fetch(`${t.sandbox.graphBaseUrl}/me/nonsense`, {
      headers: { Authorization: `Bearer ${t.sandbox.tokenFor(organiser.id)}`, 'client-request-id': 'abc-123' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(((await response.json()) as GraphErrorReply).error.message).toBe("Resource not found for the segment 'nonsense'.");
    const wrongMethod = await clientFor(t.sandbox, organiser).call('DELETE', '/me/messages');
    expect(wrongMethod.status).toBe(405);
  });
});

describe('browsers', () => {
  it('may call Graph from another origin (CORS), reading the headers retries need', async () => {
    const preflight = await fetch(`${t.sandbox.graphBaseUrl}/me/events`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:3000',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,if-match');
    const reply = await getWith('/me/events', `Bearer ${t.sandbox.tokenFor(organiser.id)}`);
    expect(reply.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });
});

describe('/sandbox/people', () => {
  it('lists the organiser first, a presenter and at least 40 participants', async () => {
    const people = (await (await fetch(`${t.sandbox.origin}/sandbox/people`)).json()) as SandboxPerson[];
    expect(people[0]?.role).toBe('organiser');
    expect(people.filter((p) => p.role === 'presenter').length).toBeGreaterThanOrEqual(1);
    expect(people.filter((p) => p.role === 'participant').length).toBeGreaterThanOrEqual(40);
  });
});
