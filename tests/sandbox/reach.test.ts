/**
 * People from outside the ministry's tenant, over real HTTP: where a guest, an external Teams user and someone who
 * takes part by e-mail only can sign in, and what Graph gives each of them — the meeting chat but no mailbox to the
 * guest account, their own mailbox to everyone signed in at home, nothing of the ministry's Teams from another
 * tenant. The seed holds one of each without changing anything the seed made before them.
 */
import type { Chat, Event, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPerson, SandboxTenant } from '../../sandbox/contract';
import { SEED_ORGANISATIONS, SEED_OUTSIDE_PARTICIPANTS, SEED_PEOPLE } from '../../sandbox/seed/people';
import { buildSeedState, defaultSeedSources } from '../../sandbox/seed/state';
import { attendee, cast, clientFor, startTestSandbox, type GraphErrorReply, type Reply, type TestSandbox } from './support';

let t: TestSandbox;
let organiser: SandboxPerson;
let presenter: SandboxPerson;
let guest: SandboxPerson;
let external: SandboxPerson;
let emailOnly: SandboxPerson;
let eventId: string;
let iCalUId: string;
let chatId: string;
let joinUrl: string;

function outside(access: SandboxPerson['access']): SandboxPerson {
  const found = t.sandbox.people.find((p) => p.access === access);
  if (found === undefined) throw new Error(`The seed has nobody with access ${String(access)}.`);
  return found;
}

beforeAll(async () => {
  t = await startTestSandbox();
  ({ organiser, presenter } = cast(t.sandbox));
  guest = outside('guest');
  external = outside('external');
  emailOnly = outside('email-only');
});
afterAll(() => t.dispose());
beforeEach(async () => {
  await t.sandbox.reset();
  const scenario = (await (await fetch(`${t.sandbox.origin}/sandbox/scenario`)).json()) as {
    organiserEventId: string;
    iCalUId: string;
    chatId: string;
    joinUrl: string;
  };
  ({ organiserEventId: eventId, iCalUId, chatId, joinUrl } = scenario);
});

/** A Graph call as the person, signed in where Teams (or their mail program) signs them in, or at `tenant`. */
async function as<T = unknown>(
  person: SandboxPerson,
  path: string,
  tenant?: SandboxTenant,
  init: { readonly method?: 'POST'; readonly body?: string } = {},
): Promise<Reply<T>> {
  const token = t.sandbox.tokenFor(person.id, undefined, tenant);
  const response = await fetch(`${t.sandbox.graphBaseUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

async function inviteOutsiders(): Promise<void> {
  const reply = await clientFor(t.sandbox, organiser).patch(`/me/events/${eventId}`, {
    attendees: [presenter, guest, external, emailOnly].map(attendee),
  });
  expect(reply.status).toBe(200);
}

const chatPath = (): string => `/chats/${encodeURIComponent(chatId)}`;
const meetingByJoinUrl = (): string => `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`;
const ownCopy = (): string => `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`;

async function token(person: string, tenant?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${t.sandbox.origin}/sandbox/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(tenant === undefined ? { person } : { person, tenant }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the seed', () => {
  it('holds a guest, an external Teams user and an e-mail-only participant, after everyone else', () => {
    expect(SEED_OUTSIDE_PARTICIPANTS.map((p) => p.access)).toEqual(['guest', 'external', 'email-only']);
    expect(t.sandbox.people.slice(-SEED_OUTSIDE_PARTICIPANTS.length)).toEqual(SEED_OUTSIDE_PARTICIPANTS);
    expect(SEED_PEOPLE.every((p) => p.access === undefined)).toBe(true);
    const everyone = [...SEED_PEOPLE, ...SEED_OUTSIDE_PARTICIPANTS];
    expect(new Set(everyone.map((p) => p.id)).size).toBe(everyone.length);
    expect(new Set(everyone.map((p) => p.mail.toLowerCase())).size).toBe(everyone.length);
    const names = new Set<string>(Object.values(SEED_ORGANISATIONS).map((o) => o.name));
    for (const person of SEED_OUTSIDE_PARTICIPANTS) {
      expect(person).toMatchObject({ role: 'participant' });
      expect(person.mail).toMatch(/^[a-z.-]+@[a-z-]+\.example$/);
      expect(names.has(person.organisation), person.organisation).toBe(true);
      // Still 1–4 people per organisation, as the seed's own rule has it.
      expect(everyone.filter((p) => p.organisation === person.organisation).length).toBeLessThanOrEqual(4);
    }
  });

  it('made every id before them as it was without them: the meeting, the chat and every member’s mailbox', () => {
    const secret = 'c2VjcmV0';
    const without = buildSeedState(secret, { ...defaultSeedSources(), people: SEED_PEOPLE });
    const withThem = buildSeedState(secret);
    expect(withThem.onlineMeetings).toEqual(without.onlineMeetings);
    expect(withThem.chats).toEqual(without.chats);
    expect(withThem.sharedMailboxes).toEqual(without.sharedMailboxes);
    for (const person of SEED_PEOPLE) expect(withThem.mailboxes[person.id], person.id).toEqual(without.mailboxes[person.id]);
    for (const person of SEED_OUTSIDE_PARTICIPANTS) {
      expect(withThem.mailboxes[person.id]).toMatchObject({ events: [], messages: [] });
    }
  });

  it('lists their kind of access at /sandbox/people', async () => {
    const people = (await (await fetch(`${t.sandbox.origin}/sandbox/people`)).json()) as SandboxPerson[];
    expect(people.filter((p) => p.access !== undefined).map((p) => [p.id, p.access])).toEqual(
      SEED_OUTSIDE_PARTICIPANTS.map((p) => [p.id, p.access]),
    );
  });
});

describe('signing in', () => {
  it('happens where Teams signs each one in: guests in the ministry’s tenant, the others at home', async () => {
    expect((await token(guest.id)).body.tenant).toBe('ministry');
    expect((await token(guest.id, 'home')).body.tenant).toBe('home');
    expect((await token(external.id)).body.tenant).toBe('home');
    expect((await token(emailOnly.id)).body.tenant).toBe('home');
    // A member's home is the ministry's tenant: asking for "home" signs them in there.
    expect((await token(presenter.id, 'home')).body.tenant).toBe('ministry');
  });

  it('refuses an external or e-mail-only person in the ministry’s tenant, as Entra ID does (AADSTS50020)', async () => {
    for (const person of [external, emailOnly]) {
      const refused = await token(person.id, 'ministry');
      expect(refused.status).toBe(400);
      expect((refused.body as unknown as GraphErrorReply).error.code).toBe('invalid_request');
      expect((refused.body as unknown as GraphErrorReply).error.message).toContain(`AADSTS50020: User account '${person.mail}'`);
      expect(() => t.sandbox.tokenFor(person.id, undefined, 'ministry')).toThrow(/AADSTS50020/);
    }
    const wrong = await token(guest.id, 'elsewhere');
    expect(wrong.status).toBe(400);
    expect((wrong.body as unknown as GraphErrorReply).error.message).toMatch(/"ministry" or "home"/);
  });

  it('signs the tenant into the token: a home token edited to say nothing of it is refused', async () => {
    const home = t.sandbox.tokenFor(guest.id, undefined, 'home');
    const [prefix, payload = '', signature] = home.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims.ten).toBe('home');
    const ministry = { ...claims };
    delete ministry.ten;
    const forged = `${prefix ?? ''}.${Buffer.from(JSON.stringify(ministry)).toString('base64url')}.${signature ?? ''}`;
    const reply = await fetch(`${t.sandbox.graphBaseUrl}/me`, { headers: { Authorization: `Bearer ${forged}` } });
    expect(reply.status).toBe(401);
    // Ministry tokens carry no tenant claim at all, as before.
    const plain = t.sandbox.tokenFor(presenter.id);
    expect(Object.keys(JSON.parse(Buffer.from(plain.split('.')[1] ?? '', 'base64url').toString('utf8')) as object)).toEqual([
      'sub',
      'scp',
    ]);
  });
});

describe('a guest', () => {
  it('signed in to the ministry’s tenant has a profile but no mailbox there: 404 MailboxNotEnabledForRESTAPI', async () => {
    await inviteOutsiders();
    expect((await as<{ id: string }>(guest, '/me')).body.id).toBe(guest.id);
    for (const path of [
      ownCopy(),
      '/me/calendarView?startDateTime=2023-12-01T00:00:00Z&endDateTime=2023-12-31T00:00:00Z',
      '/me/mailFolders/inbox/messages',
    ]) {
      const reply = await as<GraphErrorReply>(guest, path);
      expect([reply.status, reply.body.error.code], path).toEqual([404, 'MailboxNotEnabledForRESTAPI']);
      expect(reply.body.error.message).toBe('The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
    }
    const batch = await as<{ responses: { id: string; status: number; body: GraphErrorReply }[] }>(guest, '/$batch', undefined, {
      method: 'POST',
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me/events' }] }),
    });
    expect(batch.body.responses.map((r) => [r.status, r.body.error.code])).toEqual([[404, 'MailboxNotEnabledForRESTAPI']]);
  });

  it('reads the meeting chat as a member, finds the online meeting, and may post', async () => {
    expect((await as<GraphErrorReply>(guest, chatPath())).status).toBe(403);
    await inviteOutsiders();
    const chat = await as<Chat>(guest, chatPath());
    expect(chat.status).toBe(200);
    expect(chat.body.onlineMeetingInfo?.joinWebUrl).toBe(joinUrl);
    expect((await as(guest, `${chatPath()}/messages`)).status).toBe(200);
    const posted = await as(guest, `${chatPath()}/messages`, undefined, {
      method: 'POST',
      body: JSON.stringify({ body: { contentType: 'text', content: 'Fråga 1: dela data öppet.' } }),
    });
    expect(posted.status).toBe(201);
    expect((await as<{ value: OnlineMeeting[] }>(guest, meetingByJoinUrl())).body.value).toHaveLength(1);
  });

  it('signed in at home reads her own copy of the invitation, and nothing of the ministry’s Teams', async () => {
    await inviteOutsiders();
    const copies = await as<{ value: Event[] }>(guest, ownCopy(), 'home');
    expect(copies.status).toBe(200);
    expect(copies.body.value.map((e) => [e.iCalUId, e.isOrganizer, e.onlineMeeting?.joinUrl])).toEqual([
      [iCalUId, false, joinUrl],
    ]);
    const inbox = await as<{ value: { subject: string }[] }>(guest, '/me/mailFolders/inbox/messages', 'home');
    expect(inbox.body.value).toHaveLength(1);
    const chat = await as<GraphErrorReply>(guest, chatPath(), 'home');
    expect([chat.status, chat.body.error.code]).toEqual([403, 'Forbidden']);
    expect((await as<{ value: OnlineMeeting[] }>(guest, meetingByJoinUrl(), 'home')).body.value).toEqual([]);
  });
});

describe('an external Teams user, signed in to their own organisation’s tenant', () => {
  it('reads their own copy of the invitation, but not the ministry’s chat or online meeting', async () => {
    await inviteOutsiders();
    const copies = await as<{ value: Event[] }>(external, ownCopy());
    expect(copies.body.value.map((e) => e.iCalUId)).toEqual([iCalUId]);
    const chat = await as<GraphErrorReply>(external, chatPath());
    expect([chat.status, chat.body.error.code]).toEqual([403, 'Forbidden']);
    expect(chat.body.error.message).toMatch(/another organisation's tenant/);
    expect((await as(external, `${chatPath()}/messages`)).status).toBe(403);
    expect((await as<{ value: OnlineMeeting[] }>(external, meetingByJoinUrl())).body.value).toEqual([]);
    const meetings = await as<{ value: OnlineMeeting[] }>(organiser, meetingByJoinUrl());
    const meetingId = meetings.body.value[0]?.id ?? '';
    expect((await as<GraphErrorReply>(external, `/me/onlineMeetings/${encodeURIComponent(meetingId)}`)).status).toBe(404);
  });
});

describe('an e-mail-only participant', () => {
  it('has their own mailbox with the invitation, and no Teams', async () => {
    await inviteOutsiders();
    const copies = await as<{ value: Event[] }>(emailOnly, ownCopy());
    expect(copies.body.value.map((e) => e.iCalUId)).toEqual([iCalUId]);
    expect((await as<GraphErrorReply>(emailOnly, chatPath())).status).toBe(403);
  });
});

describe('a member', () => {
  it('is unchanged: own mailbox and the meeting chat with one ministry token', async () => {
    await inviteOutsiders();
    expect((await as<{ value: Event[] }>(presenter, ownCopy())).body.value).toHaveLength(1);
    expect((await as<Chat>(presenter, chatPath())).status).toBe(200);
    expect((await as<Chat>(presenter, chatPath(), 'home')).status).toBe(200);
  });
});
