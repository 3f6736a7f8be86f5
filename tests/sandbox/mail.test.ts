/**
 * Mail over HTTP: the organiser's inbox of registration mail, read the way the triage reads it — newest first in
 * pages ($top, @odata.nextLink), narrowed by receivedDateTime, reordered, trimmed with $select.
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRegistrationMails } from '../../sandbox/seed/mails';
import { cast, clientFor, startTestSandbox, type GraphClient, type GraphErrorReply, type TestSandbox } from './support';

interface Page {
  value: (Message & { id: string; receivedDateTime: string })[];
  '@odata.nextLink'?: string;
}

let t: TestSandbox;
let organiser: GraphClient;
let expectedCount: number;

beforeAll(async () => {
  t = await startTestSandbox();
  const { organiser: person } = cast(t.sandbox);
  organiser = clientFor(t.sandbox, person);
  expectedCount = seedRegistrationMails(person, t.sandbox.people, '2023-12-12T12:00:00Z').length;
});
afterAll(() => t.dispose());

async function everything(first: string): Promise<{ pages: number[]; messages: Page['value'] }> {
  const pages: number[] = [];
  const messages: Page['value'] = [];
  let next: string | undefined = first;
  while (next !== undefined) {
    const reply: { status: number; body: Page } = await organiser.get<Page>(next);
    expect(reply.status).toBe(200);
    pages.push(reply.body.value.length);
    messages.push(...reply.body.value);
    next = reply.body['@odata.nextLink'];
  }
  return { pages, messages };
}

const instants = (messages: Page['value']): number[] => messages.map((m) => Date.parse(m.receivedDateTime));

describe('listing mail', () => {
  it('gives ten per page, newest first, and every message exactly once across the nextLinks', async () => {
    const { pages, messages } = await everything('/me/messages');
    expect(expectedCount).toBeGreaterThan(10);
    expect(pages[0]).toBe(10);
    expect(messages).toHaveLength(expectedCount);
    expect(new Set(messages.map((m) => m.id)).size).toBe(expectedCount);
    const times = instants(messages);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('serves the inbox folder the same mail, and $top up to 1000', async () => {
    const inbox = await organiser.get<Page>('/me/mailFolders/inbox/messages?$top=1000');
    const all = await organiser.get<Page>('/me/messages?$top=1000');
    expect(inbox.body.value.map((m) => m.id)).toEqual(all.body.value.map((m) => m.id));
    expect(inbox.body['@odata.nextLink']).toBeUndefined();
    const tooMany = await organiser.get<GraphErrorReply>('/me/messages?$top=1001');
    expect(tooMany.status).toBe(400);
  });

  it('filters on receivedDateTime (ge/lt/and) and orders ascending on request', async () => {
    const all = (await organiser.get<Page>('/me/messages?$top=1000')).body.value;
    const sorted = instants(all).sort((a, b) => a - b);
    const from = new Date(sorted[5] ?? 0).toISOString().replace('.000', '');
    const to = new Date(sorted[20] ?? 0).toISOString().replace('.000', '');
    const filter = encodeURIComponent(`receivedDateTime ge ${from} and receivedDateTime lt ${to}`);
    const { messages } = await everything(`/me/messages?$filter=${filter}&$orderby=receivedDateTime asc&$top=4`);
    const times = instants(messages);
    expect(times).toEqual(sorted.filter((x) => x >= Date.parse(from) && x < Date.parse(to)));
    expect(times.length).toBeGreaterThanOrEqual(15);

    const after = await organiser.get<Page>(`/me/messages?$filter=${encodeURIComponent(`receivedDateTime gt ${to}`)}&$top=1000`);
    expect(after.body.value.every((m) => Date.parse(m.receivedDateTime) > Date.parse(to))).toBe(true);
  });

  it('refuses an $orderby the $filter does not start with, as Outlook does', async () => {
    const reply = await organiser.get<GraphErrorReply>(
      `/me/messages?$filter=${encodeURIComponent("subject eq 'x'")}&$orderby=receivedDateTime desc`,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('InefficientFilter');
  });

  it('returns only the $select-ed properties (plus id and the etag)', async () => {
    const reply = await organiser.get<Page>('/me/messages?$top=3&$select=subject,from');
    for (const message of reply.body.value) {
      expect(Object.keys(message).sort()).toEqual(['@odata.etag', 'from', 'id', 'subject']);
    }
    expect(reply.body['@odata.nextLink']).toContain('$select=subject');
    const bad = await organiser.get<GraphErrorReply>('/me/messages?$select=nonsense');
    expect(bad.status).toBe(400);
  });
});

describe('one message', () => {
  it('is read by id, with its body', async () => {
    const [first] = (await organiser.get<Page>('/me/messages?$top=1')).body.value;
    const reply = await organiser.get<Message>(`/me/messages/${first?.id ?? ''}`);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(first?.id);
    expect(reply.body.body?.content).toBeTruthy();
    expect(reply.body.parentFolderId).toBeTruthy();
    const missing = await organiser.get<GraphErrorReply>('/me/messages/AAMkADdoesnotexist');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ErrorItemNotFound');
  });
});
