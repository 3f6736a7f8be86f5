/** Only pages from this machine may read the sandbox's answers: another site must not mint tokens through it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './support';

let running: TestSandbox;
beforeAll(async () => {
  running = await startTestSandbox();
});
afterAll(() => running.dispose());

describe('CORS', () => {
  it.each(['http://127.0.0.1:3000', 'http://localhost:3000'])('lets a page from %s read the answer', async (origin) => {
    const response = await fetch(`${running.sandbox.origin}/sandbox/people`, { headers: { origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('gives a page from another site no permission to read the answer', async () => {
    const response = await fetch(`${running.sandbox.origin}/sandbox/token`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ person: running.sandbox.people[0]?.id }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the controls refuse changes another page could forge', () => {
  it('refuses a reset from another site', async () => {
    const response = await fetch(`${running.sandbox.origin}/sandbox/reset`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['no content type', {}],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['plain text', { 'content-type': 'text/plain' }],
  ])('refuses a reset sent as %s (a request a browser sends cross-site without asking)', async (_name, headers) => {
    const response = await fetch(`${running.sandbox.origin}/sandbox/reset`, { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('application/json');
  });

  it('takes a JSON reset from a page on this machine, and reads need no JSON', async () => {
    const reset = await fetch(`${running.sandbox.origin}/sandbox/reset`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(reset.status).toBe(204);
    expect((await fetch(`${running.sandbox.origin}/sandbox/people`)).status).toBe(200);
  });
});
