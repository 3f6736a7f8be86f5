/** The meeting's Live Share container, kept by the sandbox as Teams's container mapping does, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerIdsOverHttp } from '../../src/hosts/teams/liveShare';
import { startTestSandbox, type TestSandbox } from './support';

let running: TestSandbox;
beforeAll(async () => {
  running = await startTestSandbox();
});
afterAll(() => running.dispose());

const MEETING = '19:meeting_NjM0ZmY2@thread.v2';
let meetingCount = 0;

/** A meeting key of its own per test, so the tests do not depend on each other's mappings. */
function meetingUrl(key = `${MEETING}-${++meetingCount}`): string {
  return `${running.sandbox.origin}/sandbox/live-share/${encodeURIComponent(key)}`;
}

function put(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function containerIdAt(url: string): Promise<unknown> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return ((await response.json()) as { containerId: unknown }).containerId;
}

describe('GET/PUT /sandbox/live-share/{meetingKey}', () => {
  it('has no container for a meeting nobody has joined', async () => {
    expect(await containerIdAt(meetingUrl())).toBeNull();
  });

  it('keeps the first container offered and answers a later offer with it', async () => {
    const url = meetingUrl();
    const first = await put(url, { containerId: 'container-a' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ containerId: 'container-a' });
    const second = await put(url, { containerId: 'container-b' });
    expect(await second.json()).toEqual({ containerId: 'container-a' });
    expect(await containerIdAt(url)).toBe('container-a');
  });

  it('keeps one container per meeting', async () => {
    const [one, two] = [meetingUrl(), meetingUrl()];
    await put(one, { containerId: 'container-1' });
    await put(two, { containerId: 'container-2' });
    expect([await containerIdAt(one), await containerIdAt(two)]).toEqual(['container-1', 'container-2']);
  });

  it('forgets a container when null is sent, so the next one offered is kept', async () => {
    const url = meetingUrl();
    await put(url, { containerId: 'stale' });
    expect(await (await put(url, { containerId: null })).json()).toEqual({ containerId: null });
    expect(await (await put(url, { containerId: 'fresh' })).json()).toEqual({ containerId: 'fresh' });
  });

  it('forgets every container on reset', async () => {
    const url = meetingUrl();
    await put(url, { containerId: 'before-reset' });
    const reset = await fetch(`${running.sandbox.origin}/sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reset.status).toBe(204);
    expect(await containerIdAt(url)).toBeNull();
  });

  it.each([
    ['no containerId', {}],
    ['an empty id', { containerId: '' }],
    ['a number', { containerId: 7 }],
    ['an id with spaces', { containerId: 'a b' }],
    ['an id too long', { containerId: 'x'.repeat(257) }],
  ])('refuses a body with %s (400), keeping nothing', async (_case, body) => {
    const url = meetingUrl();
    const response = await put(url, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('containerId');
    expect(await containerIdAt(url)).toBeNull();
  });

  it('refuses a meeting key that is not one path segment', async () => {
    expect((await fetch(`${running.sandbox.origin}/sandbox/live-share/`)).status).toBe(400);
    expect((await fetch(`${running.sandbox.origin}/sandbox/live-share/a/b`)).status).toBe(400);
    expect((await fetch(`${running.sandbox.origin}/sandbox/live-share/%E0%A4%A`)).status).toBe(400);
  });

  it('takes GET and PUT only', async () => {
    const response = await fetch(meetingUrl(), { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(405);
  });
});

describe('the Live Share control refuses changes another page could forge', () => {
  it('refuses a PUT from another site (403) and keeps nothing', async () => {
    const url = meetingUrl();
    const response = await put(url, { containerId: 'forged' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await containerIdAt(url)).toBeNull();
  });

  it('refuses a PUT that is not JSON (415), as a form or plain text a browser sends cross-site', async () => {
    const url = meetingUrl();
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ containerId: 'forged' }),
    });
    expect(response.status).toBe(415);
    expect(await containerIdAt(url)).toBeNull();
  });

  it('takes a JSON PUT from a page on this machine', async () => {
    const response = await put(meetingUrl(), { containerId: 'from-workbench' }, { origin: 'http://127.0.0.1:3000' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
  });
});

describe('containerIdsOverHttp (the workbench’s client of the control)', () => {
  it('reads nothing, offers, and gets the first offer back when another face was first', async () => {
    const url = meetingUrl();
    const panel = containerIdsOverHttp(url);
    const stage = containerIdsOverHttp(url);
    expect(await panel.read()).toBeNull();
    expect(await panel.offer('panel-container')).toBe('panel-container');
    expect(await stage.offer('stage-container')).toBe('panel-container');
    expect(await stage.read()).toBe('panel-container');
  });

  it('fails with the address and the status when the control refuses', async () => {
    const store = containerIdsOverHttp(`${running.sandbox.origin}/sandbox/live-share/a/b`);
    await expect(store.read()).rejects.toThrow(/\/sandbox\/live-share\/a\/b answered 400/);
  });
});
