/**
 * The OneDrive app folder over HTTP: the seed's consultation document where the event's extension says it is,
 * uploads that create or replace, optimistic concurrency with eTags, and the versions OneDrive keeps.
 */
import type { DriveItem, DriveItemVersion } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateConsultation } from '../../src/core/consultation/validate';
import { cast, clientFor, startTestSandbox, type GraphClient, type GraphErrorReply, type TestSandbox } from './support';

let t: TestSandbox;
let organiser: GraphClient;
let participant: GraphClient;

beforeAll(async () => {
  t = await startTestSandbox();
  const people = cast(t.sandbox);
  organiser = clientFor(t.sandbox, people.organiser);
  participant = clientFor(t.sandbox, people.participants[0] ?? people.presenter);
});
afterAll(() => t.dispose());
beforeEach(() => t.sandbox.reset());

const FILE = '/me/drive/special/approot:/Samrad/test/anteckning.json';

async function put(
  body: string,
  headers: Record<string, string> = {},
  file = FILE,
): Promise<{ status: number; body: DriveItem & GraphErrorReply }> {
  const response = await organiser.raw('PUT', `${file}:/content`, {
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  return { status: response.status, body: (await response.json()) as DriveItem & GraphErrorReply };
}

describe('the app folder', () => {
  it('holds the seed consultation document at the path the event’s extension names', async () => {
    const events = await organiser.get<{ value: { id: string }[] }>('/me/events');
    const eventId = events.body.value[0]?.id ?? '';
    const expanded = await organiser.get<{ extensions: { documentPath: string }[] }>(`/me/events/${eventId}?$expand=extensions`);
    const documentPath = expanded.body.extensions[0]?.documentPath ?? '';

    const meta = await organiser.get<DriveItem>(`/me/drive/special/approot:/${documentPath}`);
    expect(meta.status).toBe(200);
    expect(meta.body.file?.mimeType).toBe('application/json');
    expect(meta.body.parentReference?.path).toBe('/drive/root:/Apps/Samråd/Samrad/consultations');

    const content = await organiser.raw('GET', `/me/drive/special/approot:/${documentPath}:/content`);
    expect(content.status).toBe(200);
    expect(content.headers.get('etag')).toBe(meta.body.eTag);
    expect(validateConsultation(await content.json()).ok).toBe(true);
  });

  it('creates a file (and its folders) with PUT, then replaces it, changing eTag and cTag', async () => {
    const created = await put('{"v":1}');
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('anteckning.json');
    expect(created.body.eTag).toMatch(/^"\{[0-9A-F-]+\},1"$/);
    expect(created.body.cTag).toMatch(/^"c:\{[0-9A-F-]+\},1"$/);

    const replaced = await put('{"v":2}');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(created.body.id);
    expect(replaced.body.eTag).not.toBe(created.body.eTag);
    expect(replaced.body.cTag).not.toBe(created.body.cTag);
    expect(await (await organiser.raw('GET', `${FILE}:/content`)).text()).toBe('{"v":2}');
    expect((await organiser.get<DriveItem>(`/me/drive/items/${created.body.id ?? ''}`)).body.size).toBe(7);
  });

  it('answers 412 to a stale If-Match and to If-None-Match: * on an existing file, changing nothing', async () => {
    const first = await put('{"v":1}');
    const second = await put('{"v":2}', { 'If-Match': first.body.eTag ?? '' });
    expect(second.status).toBe(200);

    const stale = await put('{"v":3}', { 'If-Match': first.body.eTag ?? '' });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    expect((await put('{"v":3}', { 'If-None-Match': '*' })).status).toBe(412);
    expect(await (await organiser.raw('GET', `${FILE}:/content`)).text()).toBe('{"v":2}');

    expect((await put('{"ny":true}', { 'If-None-Match': '*' }, '/me/drive/special/approot:/Samrad/test/ny.json')).status).toBe(
      201,
    );
    expect((await put('{"v":4}', { 'If-Match': second.body.cTag ?? '' })).status).toBe(200);
  });

  it('keeps every earlier content as a version, newest first, each readable', async () => {
    const first = await put('{"v":1}');
    await put('{"v":2}');
    await put('{"v":3}');
    const versions = await organiser.get<{ value: DriveItemVersion[] }>(`/me/drive/items/${first.body.id ?? ''}/versions`);
    expect(versions.body.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    const oldest = await organiser.raw('GET', `/me/drive/items/${first.body.id ?? ''}/versions/1.0/content`);
    expect(await oldest.text()).toBe('{"v":1}');
  });

  it('answers 404 itemNotFound for a missing path and 403 for another person’s drive', async () => {
    const missing = await organiser.get<GraphErrorReply>('/me/drive/special/approot:/Samrad/finns-inte.json');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('itemNotFound');
    expect((await organiser.raw('GET', '/me/drive/special/approot:/Samrad/finns-inte.json:/content')).status).toBe(404);

    const other = await participant.get<GraphErrorReply>(
      `/users/${organiser.person.mail}/drive/special/approot:/Samrad/test/anteckning.json`,
    );
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('accessDenied');
    // A participant's own app folder exists, empty, the first time it is asked for.
    const own = await participant.get<{ value: unknown[] }>('/me/drive/special/approot/children');
    expect(own.body.value).toEqual([]);
  });
});
