/**
 * Delegated permissions over real HTTP: tokens carry the scopes granted (and cannot be edited to carry more), every
 * route wants one of Graph's scopes for it, the extra scope Mail.ReadWrite needs the person's consent (a control,
 * default not given), drafts land in Drafts and nowhere else, and the ministry's shared registration mailbox is
 * read by the people it is shared with only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTRA_SCOPES, SIGN_IN_SCOPES } from '../../sandbox/auth/scopes';
import { issueToken } from '../../sandbox/auth/tokens';
import type { ConsentState, SandboxPerson, SharedMailboxInfo } from '../../sandbox/contract';
import { STATE_FILE } from '../../sandbox/state/store';
import { GRAPH_SCOPE_NAMES } from '../../src/hosts/auth/config';
import { cast, startTestSandbox, type GraphErrorReply, type TestSandbox } from './support';

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
beforeEach(() => t.sandbox.reset());

interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

async function graph<T>(token: string, method: string, url: string, body?: unknown): Promise<Reply<T>> {
  const response = await fetch(`${t.sandbox.graphBaseUrl}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

async function control<T>(method: string, name: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const response = await fetch(`${t.sandbox.origin}/sandbox/${name}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const consent = (person: string, granted: boolean) =>
  control<ConsentState>('POST', 'consent', { person, scope: 'Mail.ReadWrite', granted });

async function tokenOf(person: string, scopes?: readonly string[]): Promise<Reply<{ accessToken: string; scopes: string[] }>> {
  return control('POST', 'token', scopes === undefined ? { person } : { person, scopes });
}

const DRAFT = {
  subject: 'Tack för din anmälan',
  body: { contentType: 'text', content: 'Hej!\n\nVi har tagit emot din anmälan.' },
  toRecipients: [{ emailAddress: { address: 'sofia.lindqvist@raddabarnen.example', name: 'Sofia Lindqvist' } }],
};

type Page = { value: (Message & { id: string })[] };

async function ids(token: string, url: string): Promise<string[]> {
  const reply = await graph<Page>(token, 'GET', `${url}${url.includes('?') ? '&' : '?'}$top=1000&$select=id`);
  expect(reply.status).toBe(200);
  return reply.body.value.map((m) => m.id);
}

describe('scopes in tokens', () => {
  it('are the app’s sign-in scopes, the same list as GRAPH_SCOPES in src/hosts/auth/config.ts', () => {
    expect([...SIGN_IN_SCOPES].sort()).toEqual([...GRAPH_SCOPE_NAMES].sort());
    expect(EXTRA_SCOPES).toEqual(['Mail.ReadWrite']);
    expect(SIGN_IN_SCOPES).not.toContain('Mail.ReadWrite');
  });

  it('are signed: a token edited to carry Mail.ReadWrite is refused with 401', async () => {
    const good = t.sandbox.tokenFor(organiser.id);
    expect((await graph(good, 'GET', '/me')).status).toBe(200);
    const [prefix, , signature] = good.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: organiser.id, scp: [...SIGN_IN_SCOPES, 'Mail.ReadWrite'] })).toString(
      'base64url',
    );
    const forged = await graph<GraphErrorReply>(`${prefix ?? ''}.${payload}.${signature ?? ''}`, 'POST', '/me/messages', DRAFT);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('without a scope list (a token from before scopes) carry the sign-in scopes, and no extra one', async () => {
    await consent(organiser.id, true);
    const state = JSON.parse(readFileSync(path.join(t.dataDir, STATE_FILE), 'utf8')) as { secret: string };
    const bare = issueToken(state.secret, organiser);
    expect(JSON.parse(Buffer.from(bare.split('.')[1] ?? '', 'base64url').toString('utf8'))).toEqual({ sub: organiser.id });
    expect((await graph(bare, 'GET', '/me/mailFolders/inbox/messages?$top=1')).status).toBe(200);
    expect((await graph(bare, 'GET', '/me/events?$top=1')).status).toBe(200);
    const draft = await graph<GraphErrorReply>(bare, 'POST', '/me/messages', DRAFT);
    expect(draft.status).toBe(403);
  });

  it('narrow what a request may do: each service refuses a missing scope in its own words', async () => {
    const profileOnly = t.sandbox.tokenFor(organiser.id, ['User.Read']);
    expect((await graph(profileOnly, 'GET', '/me')).status).toBe(200);
    const events = await graph<GraphErrorReply>(profileOnly, 'GET', '/me/events');
    expect([events.status, events.body.error.code]).toEqual([403, 'ErrorAccessDenied']);
    const mail = await graph<GraphErrorReply>(profileOnly, 'GET', '/me/mailFolders/inbox/messages');
    expect([mail.status, mail.body.error.code]).toEqual([403, 'ErrorAccessDenied']);
    const drive = await graph<GraphErrorReply>(profileOnly, 'GET', '/me/drive/special/approot');
    expect([drive.status, drive.body.error.code]).toEqual([403, 'accessDenied']);
    const meetings = await graph<GraphErrorReply>(profileOnly, 'GET', "/me/onlineMeetings?$filter=JoinWebUrl eq 'x'");
    expect([meetings.status, meetings.body.error.code]).toEqual([403, 'Forbidden']);
    const chat = await graph<GraphErrorReply>(profileOnly, 'GET', '/chats/19:meeting_x@thread.v2');
    expect([chat.status, chat.body.error.code]).toEqual([403, 'Forbidden']);
    expect(chat.body.error.message).toContain("API requires one of 'Chat.ReadBasic, Chat.Read, Chat.ReadWrite'");
    const mailOnly = t.sandbox.tokenFor(organiser.id, ['Mail.Read']);
    expect((await graph(mailOnly, 'GET', '/me/mailFolders/inbox/messages?$top=1')).status).toBe(200);
    const patch = await graph<GraphErrorReply>(mailOnly, 'PATCH', '/me/events/x', { subject: 'x' });
    expect([patch.status, patch.body.error.code]).toEqual([403, 'ErrorAccessDenied']);
    const profile = await graph<GraphErrorReply>(mailOnly, 'GET', '/me');
    expect([profile.status, profile.body.error.code]).toEqual([403, 'Authorization_RequestDenied']);
    // A scope the person could not have granted the app is not honoured, even in a signed token.
    const unasked = t.sandbox.tokenFor(organiser.id, ['Calendars.Read']);
    expect((await graph(unasked, 'GET', '/me/events?$top=1')).status).toBe(403);
  });

  it('hold inside $batch: each item is authorised with the batch’s scopes', async () => {
    const reply = await graph<{ responses: { id: string; status: number; body: GraphErrorReply }[] }>(
      t.sandbox.tokenFor(organiser.id),
      'POST',
      '/$batch',
      {
        requests: [
          { id: '1', method: 'GET', url: '/me/events?$top=1' },
          { id: '2', method: 'POST', url: '/me/messages', headers: { 'Content-Type': 'application/json' }, body: DRAFT },
        ],
      },
    );
    expect(reply.body.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 403],
    ]);
  });
});

describe('consent to Mail.ReadWrite (POST /sandbox/consent)', () => {
  it('is not given by default, and a token asked for with it is refused with consent_required', async () => {
    expect((await control<ConsentState>('GET', 'consent')).body).toEqual({ extraScopes: ['Mail.ReadWrite'], granted: {} });
    const refused = await tokenOf(organiser.id, ['Mail.ReadWrite']);
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as GraphErrorReply).error.code).toBe('consent_required');
    const plain = await tokenOf(organiser.mail);
    expect(plain.status).toBe(200);
    expect(plain.body.scopes).toEqual([...SIGN_IN_SCOPES]);
  });

  it('is kept per person, shown by GET, and put into the tokens issued after it', async () => {
    const given = await consent(organiser.mail, true);
    expect(given.status).toBe(200);
    expect(given.body.granted).toEqual({ [organiser.id]: ['Mail.ReadWrite'] });
    expect((await control<ConsentState>('GET', 'consent')).body.granted).toEqual({ [organiser.id]: ['Mail.ReadWrite'] });
    const issued = await tokenOf(organiser.id, ['Mail.ReadWrite']);
    expect(issued.status).toBe(200);
    expect(issued.body.scopes).toEqual([...SIGN_IN_SCOPES, 'Mail.ReadWrite']);
    expect((await tokenOf(participant.id, ['Mail.ReadWrite'])).status).toBe(403);
    // Given twice is given once; taken back is gone.
    await consent(organiser.id, true);
    expect((await control<ConsentState>('GET', 'consent')).body.granted[organiser.id]).toEqual(['Mail.ReadWrite']);
    expect((await consent(organiser.id, false)).body.granted).toEqual({});
  });

  it('takes only the extra scopes, for a known person, as JSON from this machine', async () => {
    expect((await control('POST', 'consent', { person: organiser.id, scope: 'Mail.Read', granted: true })).status).toBe(400);
    expect((await control('POST', 'consent', { person: organiser.id, scope: 'Mail.ReadWrite', granted: 'yes' })).status).toBe(
      400,
    );
    expect((await control('POST', 'consent', { person: 'nobody', scope: 'Mail.ReadWrite', granted: true })).status).toBe(404);
    expect((await control('POST', 'token', { person: organiser.id, scopes: ['Mail.Send'] })).status).toBe(400);
    const foreign = await control(
      'POST',
      'consent',
      { person: organiser.id, scope: 'Mail.ReadWrite', granted: true },
      {
        Origin: 'https://elsewhere.example',
      },
    );
    expect(foreign.status).toBe(403);
    const form = await fetch(`${t.sandbox.origin}/sandbox/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ person: organiser.id, scope: 'Mail.ReadWrite', granted: true }),
    });
    expect(form.status).toBe(415);
    expect((await control<ConsentState>('GET', 'consent')).body.granted).toEqual({});
  });

  it('is forgotten on reset, and taking it back stops a token that already carries it at once', async () => {
    await consent(organiser.id, true);
    const token = t.sandbox.tokenFor(organiser.id);
    expect((await graph(token, 'POST', '/me/messages', DRAFT)).status).toBe(201);
    await consent(organiser.id, false);
    expect((await graph(token, 'POST', '/me/messages', DRAFT)).status).toBe(403);
    await consent(organiser.id, true);
    await t.sandbox.reset();
    expect((await control<ConsentState>('GET', 'consent')).body.granted).toEqual({});
  });
});

describe('drafts (POST /me/messages)', () => {
  it('without Mail.ReadWrite: 403 with Graph’s error body, and nothing is written', async () => {
    const token = t.sandbox.tokenFor(organiser.id);
    const before = await ids(token, '/me/messages');
    const reply = await graph<GraphErrorReply>(token, 'POST', '/me/messages', DRAFT);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('ErrorAccessDenied');
    expect(reply.body.error.message).toBe('Access is denied. Check credentials and try again.');
    expect(await ids(token, '/me/messages')).toEqual(before);
    expect(await ids(token, '/me/mailFolders/drafts/messages')).toEqual([]);
  });

  it('with it: 201, a draft in Drafts with its text body as sent, never in the inbox, never sent', async () => {
    await consent(organiser.id, true);
    const { body: issued } = await tokenOf(organiser.id, ['Mail.ReadWrite']);
    const token = issued.accessToken;
    const inboxBefore = await ids(token, '/me/mailFolders/inbox/messages');
    const recipientToken = t.sandbox.tokenFor('sofia.lindqvist');
    const recipientBefore = await ids(recipientToken, '/me/messages');

    const created = await graph<Message & { id: string; '@odata.context': string }>(token, 'POST', '/me/messages', DRAFT);
    expect(created.status).toBe(201);
    const drafts = await graph<{ id: string; displayName: string; totalItemCount: number }>(
      token,
      'GET',
      '/me/mailFolders/drafts',
    );
    expect(drafts.body).toMatchObject({ displayName: 'Drafts', totalItemCount: 1 });
    expect(created.body).toMatchObject({
      isDraft: true,
      isRead: true,
      subject: DRAFT.subject,
      body: DRAFT.body,
      parentFolderId: drafts.body.id,
      toRecipients: DRAFT.toRecipients,
      bodyPreview: 'Hej! Vi har tagit emot din anmälan.',
    });
    expect(created.body.webLink).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?ItemID=/);
    expect(created.body['@odata.context']).toMatch(/\/\$metadata#users\('maria\.envall'\)\/messages\/\$entity$/);

    expect(await ids(token, '/me/mailFolders/drafts/messages')).toEqual([created.body.id]);
    expect(await ids(token, '/me/mailFolders/inbox/messages')).toEqual(inboxBefore);
    expect(await ids(token, '/me/messages')).toContain(created.body.id);
    expect((await graph(token, 'GET', `/me/mailFolders/inbox/messages/${created.body.id}`)).status).toBe(404);
    expect((await graph(token, 'GET', `/me/mailFolders/drafts/messages/${created.body.id}`)).status).toBe(200);

    // There is no way to send it, and the recipient never gets anything.
    expect((await graph(token, 'POST', `/me/messages/${created.body.id}/send`, {})).status).toBeGreaterThanOrEqual(400);
    expect((await graph(token, 'POST', '/me/sendMail', { message: DRAFT })).status).toBeGreaterThanOrEqual(400);
    expect(await ids(recipientToken, '/me/messages')).toEqual(recipientBefore);
    const again = await graph<Message>(token, 'GET', `/me/messages/${created.body.id}`);
    expect(again.body.isDraft).toBe(true);
  });

  it('keeps script payloads as the text they are, and refuses what a message does not have', async () => {
    await consent(organiser.id, true);
    const token = t.sandbox.tokenFor(organiser.id);
    const payload = {
      subject: '<img src=x onerror=alert(1)> Tack',
      body: { contentType: 'text', content: '<script>alert("x")</script>\nHej' },
    };
    const created = await graph<Message & { id: string }>(token, 'POST', '/me/messages', payload);
    expect(created.status).toBe(201);
    const read = await graph<Message>(token, 'GET', `/me/messages/${created.body.id}`);
    expect(read.body.subject).toBe(payload.subject);
    expect(read.body.body).toEqual(payload.body);

    const unknown = await graph<GraphErrorReply>(token, 'POST', '/me/messages', { ...DRAFT, isDraft: false });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'RequestBodyRead']);
    const badRecipient = await graph(token, 'POST', '/me/messages', { toRecipients: [{ address: 'x@y.example' }] });
    expect(badRecipient.status).toBe(400);
  });

  it('are one’s own: not in a shared mailbox, not in someone else’s', async () => {
    await consent(organiser.id, true);
    const token = t.sandbox.tokenFor(organiser.id);
    const mailboxes = (await control<SharedMailboxInfo[]>('GET', 'mailboxes')).body;
    const shared = mailboxes[0]?.mail ?? '';
    expect((await graph(token, 'POST', `/users/${shared}/messages`, DRAFT)).status).toBe(403);
    expect((await graph(token, 'POST', `/users/${participant.mail}/messages`, DRAFT)).status).toBe(403);
  });
});

describe('the shared registration mailbox', () => {
  it('is registrering@ the ministry’s domain, shared with the organiser only', async () => {
    const mailboxes = (await control<SharedMailboxInfo[]>('GET', 'mailboxes')).body;
    expect(mailboxes).toEqual([
      {
        id: 'registrering',
        displayName: 'Registrering – Finansdepartementet',
        mail: 'registrering@regeringskansliet.example',
        delegates: [organiser.id],
      },
    ]);
  });

  it('is read by a delegate with Mail.Read.Shared: its own mail, none of the organiser’s', async () => {
    const token = t.sandbox.tokenFor(organiser.id);
    const reply = await graph<Page & { '@odata.context': string }>(
      token,
      'GET',
      '/users/registrering@regeringskansliet.example/mailFolders/inbox/messages?$orderby=receivedDateTime asc',
    );
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toContain("users('registrering')");
    expect(reply.body.value.map((m) => m.from?.emailAddress?.address)).toEqual([
      'ola.sundberg@helasverige.example',
      'maja.ostlund@sjf.example',
      'camilla.rosen@skr.example',
    ]);
    const own = await ids(token, '/me/mailFolders/inbox/messages');
    expect(reply.body.value.some((m) => own.includes(m.id))).toBe(false);
    const profile = await graph<{ displayName: string; mail: string }>(token, 'GET', '/users/registrering');
    expect(profile.body.mail).toBe('registrering@regeringskansliet.example');
  });

  it('is refused to anyone it is not shared with, to a token without Mail.Read.Shared, and for anything but mail', async () => {
    const url = '/users/registrering@regeringskansliet.example/mailFolders/inbox/messages';
    const stranger = await graph<GraphErrorReply>(t.sandbox.tokenFor(participant.id), 'GET', url);
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'ErrorAccessDenied']);
    const ownOnly = t.sandbox.tokenFor(
      organiser.id,
      SIGN_IN_SCOPES.filter((s) => s !== 'Mail.Read.Shared'),
    );
    expect((await graph(ownOnly, 'GET', url)).status).toBe(403);
    expect((await graph(ownOnly, 'GET', '/me/mailFolders/inbox/messages?$top=1')).status).toBe(200);
    const delegate = t.sandbox.tokenFor(organiser.id);
    expect((await graph(delegate, 'GET', '/users/registrering/events')).status).toBe(403);
    expect((await graph(delegate, 'GET', '/users/registrering/drive/special/approot')).status).toBe(403);
  });
});
