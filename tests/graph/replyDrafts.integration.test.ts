/**
 * GraphReplyDrafts against the sandbox over real HTTP, with the workbench host's extra permission (the sandbox's
 * consent control standing in for Entra ID's prompt): without Mail.ReadWrite nothing is written and the error says
 * what to do; with it each draft lands in Drafts, as text, and never in the inbox; a lost answer is not sent again.
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { isPortError, type PortError } from '../../src/core/ports/errors';
import type { ReplyDraft } from '../../src/core/ports/replyDrafts';
import { DRAFT_SCOPE, draftMessage, GraphReplyDrafts, type ExtraPermission } from '../../src/graph/adapters/replyDrafts';
import type { Fetch } from '../../src/graph/http/graphClient';
import { isGraphError } from '../../src/graph/http/graphError';
import { EXTRA_GRAPH_SCOPES } from '../../src/hosts/auth/config';
import { createWorkbenchHost } from '../../src/hosts/workbench/workbenchHost';
import { startGatewaySandbox, type GatewaySandbox } from './support/sandbox';

let t: GatewaySandbox;
let organiser: SandboxPerson;

beforeAll(async () => {
  t = await startGatewaySandbox();
  organiser = t.organiser;
});
afterAll(() => t.dispose());
beforeEach(() => t.sandbox.reset());

const THANKS: ReplyDraft = {
  to: [{ name: 'Sofia Lindqvist', email: 'sofia.lindqvist@raddabarnen.example' }],
  subject: 'Tack för din anmälan',
  bodyText: 'Hej Sofia!\n\nTack för din anmälan till samrådet den 12 december.\n\nMaria Envall',
};

/** Every request the adapter sends, and a fault header for the first POST when asked. */
function recording(faultOnFirstPost?: string): { fetch: Fetch; sent: string[] } {
  const sent: string[] = [];
  let fault = faultOnFirstPost;
  return {
    sent,
    fetch: (input, init) => {
      const method = init.method ?? 'GET';
      sent.push(`${method} ${new URL(input).pathname}`);
      if (method === 'POST' && fault !== undefined) {
        const headers = new Headers(init.headers);
        headers.set('x-sandbox-fault', fault);
        fault = undefined;
        return fetch(input, { ...init, headers });
      }
      return fetch(input, init);
    },
  };
}

function workbenchPermission(person: SandboxPerson): ExtraPermission {
  return createWorkbenchHost(new URL(`${t.sandbox.origin}/outlook.html?host=workbench&person=${person.id}`)).extraScopes;
}

function adapter(permission: ExtraPermission, fetchImpl?: Fetch): GraphReplyDrafts {
  return new GraphReplyDrafts({
    permission,
    client: {
      baseUrl: t.sandbox.graphBaseUrl,
      sleep: () => Promise.resolve(),
      ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    },
  });
}

type Page = { value: (Message & { id: string })[] };

async function folder(person: SandboxPerson, name: 'drafts' | 'inbox'): Promise<(Message & { id: string })[]> {
  const { client } = t.clientFor(person);
  return (await client.all(`/me/mailFolders/${name}/messages?$top=1000`)) as Page['value'];
}

async function failure(promise: Promise<unknown>): Promise<PortError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isPortError(error)).toBe(true);
  return error as PortError;
}

describe('GraphReplyDrafts over the sandbox', () => {
  it('asks for Mail.ReadWrite, the extra scope the host config lists and sign-in never asks for', () => {
    expect(DRAFT_SCOPE).toBe('Mail.ReadWrite');
    expect(EXTRA_GRAPH_SCOPES.map(({ scope }) => scope)).toContain(DRAFT_SCOPE);
  });

  it('without the permission: not granted, and createDraft fails with permission-missing before writing anything', async () => {
    const { fetch: recorded, sent } = recording();
    const drafts = adapter(workbenchPermission(organiser), recorded);
    expect(await drafts.permission()).toBe('not-granted');
    const error = await failure(drafts.createDraft(THANKS));
    expect(error.code).toBe('permission-missing');
    expect(error.hint.sv).toMatch(/^Ge Samråd behörigheten att skapa utkast \(Mail\.ReadWrite\)/);
    expect(error.hint.en).toMatch(/^Give Samråd the permission to create drafts \(Mail\.ReadWrite\)/);
    expect(error.what.sv).toContain('Inget utkast skapades');
    expect(error.what.en).toContain('No draft was created');
    expect(sent).toEqual([]);
    expect(await folder(organiser, 'drafts')).toEqual([]);
  });

  it('asks, is granted, and creates the draft in Drafts with a text body, never in the inbox', async () => {
    const drafts = adapter(workbenchPermission(organiser));
    const inboxBefore = (await folder(organiser, 'inbox')).map((m) => m.id);
    expect(await drafts.requestPermission()).toBe('granted');
    expect(await drafts.permission()).toBe('granted');

    const created = await drafts.createDraft(THANKS);
    expect(created.id).not.toBe('');
    expect(created.webLink).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?ItemID=/);

    const inDrafts = await folder(organiser, 'drafts');
    expect(inDrafts.map((m) => m.id)).toEqual([created.id]);
    expect(inDrafts[0]).toMatchObject({
      isDraft: true,
      subject: THANKS.subject,
      body: { contentType: 'text', content: THANKS.bodyText },
      toRecipients: [{ emailAddress: { name: 'Sofia Lindqvist', address: 'sofia.lindqvist@raddabarnen.example' } }],
    });
    expect((await folder(organiser, 'inbox')).map((m) => m.id)).toEqual(inboxBefore);
    // Nothing reaches the person it is addressed to: a draft is not sent.
    const sofia = t.sandbox.people.find((p) => p.id === 'sofia.lindqvist');
    if (sofia === undefined) throw new Error('The seed has no Sofia Lindqvist.');
    expect((await folder(sofia, 'inbox')).some((m) => m.subject === THANKS.subject)).toBe(false);
  });

  it('keeps script and link payloads in the subject and body as text', async () => {
    const permission = workbenchPermission(organiser);
    await permission.request(DRAFT_SCOPE);
    const hostile: ReplyDraft = {
      to: [{ name: '<img src=x onerror=alert(1)>', email: 'x@example.invalid' }],
      subject: '<script>alert("subject")</script> Tack',
      bodyText: 'Hej <b onmouseover="alert(1)">du</b>!\n<a href="javascript:alert(2)">klicka</a>\n=HYPERLINK("http://x")',
    };
    expect(draftMessage(hostile)).toMatchObject({ body: { contentType: 'text', content: hostile.bodyText } });
    const created = await adapter(permission).createDraft(hostile);
    const { client } = t.clientFor(organiser);
    const read = (await client.json({ method: 'GET', url: `/me/messages/${encodeURIComponent(created.id)}` })) as Message;
    expect(read.subject).toBe(hostile.subject);
    expect(read.body).toEqual({ contentType: 'text', content: hostile.bodyText });
    expect(read.toRecipients).toEqual([{ emailAddress: { name: '<img src=x onerror=alert(1)>', address: 'x@example.invalid' } }]);
  });

  it('a recipient without a name is sent without one (Exchange shows the address)', () => {
    expect(draftMessage({ to: [{ name: ' ', email: 'a@b.example' }], subject: 's', bodyText: 'b' })).toEqual({
      subject: 's',
      body: { contentType: 'text', content: 'b' },
      toRecipients: [{ emailAddress: { address: 'a@b.example' } }],
    });
  });

  it('when Graph refuses (consent taken back after the check): permission-missing, and nothing written', async () => {
    // The host says yes, but the token it gives carries only the sign-in scopes: Exchange answers 403.
    const stale: ExtraPermission = {
      granted: () => Promise.resolve(true),
      request: () => Promise.resolve(true),
      token: () => Promise.resolve(t.sandbox.tokenFor(organiser.id)),
    };
    const error = await failure(adapter(stale).createDraft(THANKS));
    expect(error.code).toBe('permission-missing');
    expect(isGraphError(error.cause) && error.cause.status).toBe(403);
    expect(await folder(organiser, 'drafts')).toEqual([]);
  });

  it('does not send a draft again after a lost answer, so there is never a second copy', async () => {
    const permission = workbenchPermission(organiser);
    await permission.request(DRAFT_SCOPE);
    const { fetch: recorded, sent } = recording('lost');
    const error = await failure(adapter(permission, recorded).createDraft(THANKS));
    expect(error.code).toBe('network');
    expect(sent.filter((s) => s.startsWith('POST'))).toHaveLength(1);
    expect(await folder(organiser, 'drafts')).toHaveLength(1);
  });

  it('is the person’s own: another person’s consent does not let them write', async () => {
    const sofia = t.sandbox.people.find((p) => p.id === 'sofia.lindqvist');
    if (sofia === undefined) throw new Error('The seed has no Sofia Lindqvist.');
    await workbenchPermission(organiser).request(DRAFT_SCOPE);
    const hers = adapter(workbenchPermission(sofia));
    expect(await hers.permission()).toBe('not-granted');
    expect((await failure(hers.createDraft(THANKS))).code).toBe('permission-missing');
  });
});
