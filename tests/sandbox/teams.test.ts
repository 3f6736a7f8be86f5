/**
 * Teams over HTTP: from a join URL to the online meeting, from the meeting chat back to the calendar event, and
 * the chat's messages — readable and writable by the meeting's members only.
 */
import type { Chat, ChatMessage, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { attendee, cast, clientFor, startTestSandbox, type GraphClient, type GraphErrorReply, type TestSandbox } from './support';

let t: TestSandbox;
let organiser: GraphClient;
let invited: SandboxPerson;
let outsider: SandboxPerson;
let eventId: string;
let joinUrl: string;

beforeAll(async () => {
  t = await startTestSandbox();
  const people = cast(t.sandbox);
  organiser = clientFor(t.sandbox, people.organiser);
  [invited, outsider] = people.participants as [SandboxPerson, SandboxPerson];
});
afterAll(() => t.dispose());
beforeEach(async () => {
  await t.sandbox.reset();
  const events = await organiser.get<{ value: { id: string; onlineMeeting: { joinUrl: string } }[] }>('/me/events');
  eventId = events.body.value[0]?.id ?? '';
  joinUrl = events.body.value[0]?.onlineMeeting.joinUrl ?? '';
  await organiser.patch(`/me/events/${eventId}`, { attendees: [attendee(invited)] });
});

const as = (p: SandboxPerson): GraphClient => clientFor(t.sandbox, p);
const byJoinUrl = (url: string): string => `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${url}'`)}`;

async function chatId(): Promise<string> {
  const meetings = await organiser.get<{ value: OnlineMeeting[] }>(byJoinUrl(joinUrl));
  return meetings.body.value[0]?.chatInfo?.threadId ?? '';
}

describe('online meetings', () => {
  it('are found by join URL by the organiser and the invited, not by others', async () => {
    const mine = await organiser.get<{ value: OnlineMeeting[] }>(byJoinUrl(joinUrl));
    expect(mine.status).toBe(200);
    expect(mine.body.value).toHaveLength(1);
    expect(mine.body.value[0]?.joinWebUrl).toBe(joinUrl);
    expect(mine.body.value[0]?.chatInfo?.threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    expect((await as(invited).get<{ value: unknown[] }>(byJoinUrl(joinUrl))).body.value).toHaveLength(1);
    expect((await as(outsider).get<{ value: unknown[] }>(byJoinUrl(joinUrl))).body.value).toHaveLength(0);
  });
});

describe('the meeting chat', () => {
  it('leads back to the event and is readable by members only', async () => {
    const id = await chatId();
    const chat = await as(invited).get<Chat>(`/chats/${encodeURIComponent(id)}`);
    expect(chat.status).toBe(200);
    expect(chat.body.chatType).toBe('meeting');
    expect(chat.body.onlineMeetingInfo).toMatchObject({ joinWebUrl: joinUrl, calendarEventId: eventId });

    const denied = await as(outsider).get<GraphErrorReply>(`/chats/${encodeURIComponent(id)}`);
    expect(denied.status).toBe(403);
    expect((await as(outsider).get(`/chats/${encodeURIComponent(id)}/messages`)).status).toBe(403);
    expect((await as(outsider).post(`/chats/${encodeURIComponent(id)}/messages`, { body: { content: 'hej' } })).status).toBe(403);

    // Removing someone from the invitation takes them out of the chat.
    await organiser.patch(`/me/events/${eventId}`, { attendees: [] });
    expect((await as(invited).get(`/chats/${encodeURIComponent(id)}`)).status).toBe(403);
    expect((await organiser.get('/chats/19%3Anothing%40thread.v2')).status).toBe(404);
  });

  it('takes posts from members, with the sender, and lists them newest first in pages of at most 50', async () => {
    const base = `/chats/${encodeURIComponent(await chatId())}/messages`;
    const posted = await as(invited).post<ChatMessage>(base, {
      body: { contentType: 'html', content: '<p>Fråga 2: Öppna data först.</p>' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.from?.user?.id).toBe(invited.id);
    expect(posted.body.from?.user?.displayName).toBe(invited.displayName);
    expect(posted.body.body).toEqual({ contentType: 'html', content: '<p>Fråga 2: Öppna data först.</p>' });
    for (let i = 1; i <= 4; i += 1) await organiser.post(base, { body: { contentType: 'text', content: `Svar ${i}` } });

    const seen: string[] = [];
    let next: string | undefined = `${base}?$top=2`;
    while (next !== undefined) {
      const page: { status: number; body: { value: ChatMessage[]; '@odata.nextLink'?: string } } = await organiser.get(next);
      expect(page.status).toBe(200);
      expect(page.body.value.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.value.map((m) => m.body?.content ?? ''));
      next = page.body['@odata.nextLink'];
    }
    expect(seen).toEqual(['Svar 4', 'Svar 3', 'Svar 2', 'Svar 1', '<p>Fråga 2: Öppna data först.</p>']);

    const tooMany = await organiser.get<GraphErrorReply>(`${base}?$top=51`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/50/);
    expect((await organiser.post(base, { body: { content: '' } })).status).toBe(400);
  });
});
