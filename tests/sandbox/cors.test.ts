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
