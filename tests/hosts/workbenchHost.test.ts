import { describe, expect, it, vi } from 'vitest';
import { SamradError } from '../../src/core/errors';
import { hostKindFromUrl, languageFromUrl } from '../../src/hosts/host';
import { createWorkbenchHost } from '../../src/hosts/workbench/workbenchHost';

const page = (query: string): URL => new URL(`http://127.0.0.1:3000/outlook.html?${query}`);

function fakeFetch(responses: Response[]): { fetch: typeof fetch; calls: { url: string; body: string }[] } {
  const calls: { url: string; body: string }[] = [];
  const fetchImpl = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: input instanceof Request ? input.url : input.toString(),
      body: typeof init?.body === 'string' ? init.body : '',
    });
    const next = responses.shift();
    return next === undefined ? Promise.reject(new TypeError('no more responses')) : Promise.resolve(next);
  });
  return { fetch: fetchImpl, calls };
}

describe('the page knows its host from its URL', () => {
  it.each([
    ['host=workbench', 'workbench'],
    ['host=outlook', 'outlook'],
    ['host=teams', 'teams'],
    ['host=word', null],
    ['', null],
  ])('%j → %s', (query, kind) => {
    expect(hostKindFromUrl(page(query))).toBe(kind);
  });

  it.each([
    ['lang=en', 'en'],
    ['lang=sv', 'sv'],
    ['lang=fi', 'sv'],
    ['', 'sv'],
  ])('language %j → %s (Swedish unless English is asked for)', (query, language) => {
    expect(languageFromUrl(page(query))).toBe(language);
  });
});

describe('the workbench host', () => {
  it('signs in as the chosen sandbox person, once per page', async () => {
    const { fetch, calls } = fakeFetch([Response.json({ accessToken: 'token-for-sofia' })]);
    const host = createWorkbenchHost(page('host=workbench&person=sofia.lindqvist&lang=en'), fetch);
    expect(host).toMatchObject({
      kind: 'workbench',
      language: 'en',
      person: 'sofia.lindqvist',
      graphBaseUrl: 'http://127.0.0.1:3000/v1.0',
    });
    expect(await host.getAccessToken()).toBe('token-for-sofia');
    expect(await host.getAccessToken()).toBe('token-for-sofia');
    expect(calls).toEqual([{ url: 'http://127.0.0.1:3000/sandbox/token', body: '{"person":"sofia.lindqvist"}' }]);
  });

  it('says which person the sandbox refused, and tries again next time', async () => {
    const { fetch, calls } = fakeFetch([new Response('{}', { status: 404 }), Response.json({ accessToken: 'second-try' })]);
    const host = createWorkbenchHost(page('person=nobody'), fetch);
    await expect(host.getAccessToken()).rejects.toThrow(/did not sign in nobody \(HTTP 404\)/);
    expect(await host.getAccessToken()).toBe('second-try');
    expect(calls).toHaveLength(2);
  });

  it('refuses a page opened without a person', () => {
    expect(() => createWorkbenchHost(page('host=workbench'))).toThrow(SamradError);
  });
});
