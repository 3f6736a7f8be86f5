/**
 * The workbench's handles on a running sandbox, over real HTTP: the face's extra permission (the sandbox's consent
 * standing in for Entra ID's prompt) and the workbench page's controls — consent, and answering the invitation as a
 * person on their own copy of the meeting, the way Outlook's buttons do, with injected throttling waited out.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox, SandboxPerson } from '../../sandbox/contract';
import { SamradError } from '../../src/core/errors';
import { sandboxControls, type SandboxControls } from '../../src/hosts/workbench/sandboxControls';
import { createWorkbenchHost } from '../../src/hosts/workbench/workbenchHost';
import { startTestSandbox, type TestSandbox } from '../sandbox/support';

let t: TestSandbox;
let sandbox: RunningSandbox;
let controls: SandboxControls;
let waits: number[];
let iCalUId: string;

const person = (id: string): SandboxPerson => {
  const found = sandbox.people.find((p) => p.id === id);
  if (found === undefined) throw new Error(`No seed person ${id}`);
  return found;
};

async function graph<T>(as: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.graphBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.tokenFor(as)}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok).toBe(true);
  const text = await response.text();
  return (text === '' ? null : JSON.parse(text)) as T;
}

interface OrganiserEvent {
  id: string;
  attendees: { emailAddress: { address: string; name: string }; type: string; status?: { response: string } }[];
}

async function organiserEvent(): Promise<OrganiserEvent> {
  const scenario = await controls.scenario();
  return graph<OrganiserEvent>('maria.envall', 'GET', `/me/events/${encodeURIComponent(scenario.organiserEventId)}`);
}

async function setAttendees(ids: readonly string[]): Promise<void> {
  const event = await organiserEvent();
  const attendees = ids.map((id) => ({
    type: 'required',
    emailAddress: { address: person(id).mail, name: person(id).displayName },
  }));
  await graph('maria.envall', 'PATCH', `/me/events/${encodeURIComponent(event.id)}`, { attendees });
}

const responseOf = (event: OrganiserEvent, id: string): string | undefined =>
  event.attendees.find((a) => a.emailAddress.address === person(id).mail)?.status?.response;

beforeAll(async () => {
  t = await startTestSandbox();
  sandbox = t.sandbox;
  waits = [];
  controls = sandboxControls(sandbox.origin, {
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
});
afterAll(() => t.dispose());
beforeEach(async () => {
  sandbox.setFaults({ rate429: 0, rate503: 0 });
  waits.length = 0;
  await sandbox.reset();
  iCalUId = (await controls.scenario()).iCalUId;
});

describe('the workbench host’s extra permission', () => {
  const face = (id: string) => createWorkbenchHost(new URL(`${sandbox.origin}/outlook.html?host=workbench&person=${id}`));

  it('reads the sandbox’s consent, records it when asked (the stand-in prompt), and then gives a token with it', async () => {
    const { extraScopes } = face('maria.envall');
    expect(await extraScopes.granted('Mail.ReadWrite')).toBe(false);
    const refused = await extraScopes.token('Mail.ReadWrite').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SamradError);
    expect((refused as SamradError).what.en).toContain('AADSTS65001');

    expect(await extraScopes.request('Mail.ReadWrite')).toBe(true);
    expect(await extraScopes.granted('Mail.ReadWrite')).toBe(true);
    expect((await controls.consent()).granted).toEqual({ 'maria.envall': ['Mail.ReadWrite'] });
    const token = await extraScopes.token('Mail.ReadWrite');
    const draft = await fetch(`${sandbox.graphBaseUrl}/me/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Tack', body: { contentType: 'text', content: 'Hej' } }),
    });
    expect(draft.status).toBe(201);
    // Another person's face is not affected.
    expect(await face('sofia.lindqvist').extraScopes.granted('Mail.ReadWrite')).toBe(false);
  });

  it('sees consent taken back in the workbench at once', async () => {
    const { extraScopes } = face('maria.envall');
    await extraScopes.request('Mail.ReadWrite');
    await controls.setConsent('maria.envall', 'Mail.ReadWrite', false);
    expect(await extraScopes.granted('Mail.ReadWrite')).toBe(false);
  });
});

describe('answering the invitation as a person', () => {
  it('accepts on the presenter’s own copy; the organiser’s item shows it and her inbox has the answer', async () => {
    const inboxBefore = await graph<{ value: unknown[] }>('maria.envall', 'GET', '/me/mailFolders/inbox/messages?$top=1000');
    expect(await controls.answerInvitation('jonas.lindahl', iCalUId, 'accept')).toBe('answered');
    expect(responseOf(await organiserEvent(), 'jonas.lindahl')).toBe('accepted');
    const inboxAfter = await graph<{ value: { subject?: string }[] }>(
      'maria.envall',
      'GET',
      '/me/mailFolders/inbox/messages?$top=1000',
    );
    expect(inboxAfter.value).toHaveLength(inboxBefore.value.length + 1);
    expect(inboxAfter.value.some((m) => m.subject?.startsWith('Accepted:') === true)).toBe(true);
  });

  it.each([
    ['tentativelyAccept', 'tentativelyAccepted'],
    ['decline', 'declined'],
  ] as const)('%s on an invited participant’s copy', async (answer, response) => {
    await setAttendees(['jonas.lindahl', 'sofia.lindqvist']);
    expect(await controls.answerInvitation('sofia.lindqvist', iCalUId, answer)).toBe('answered');
    expect(responseOf(await organiserEvent(), 'sofia.lindqvist')).toBe(response);
  });

  it('says there is nothing to answer: not invited yet, taken off the list, or the organiser herself', async () => {
    expect(await controls.answerInvitation('sofia.lindqvist', iCalUId, 'accept')).toBe('no-invitation');
    await setAttendees(['jonas.lindahl', 'sofia.lindqvist']);
    await setAttendees(['jonas.lindahl']);
    expect(await controls.answerInvitation('sofia.lindqvist', iCalUId, 'accept')).toBe('cancelled');
    expect(await controls.answerInvitation('maria.envall', iCalUId, 'accept')).toBe('organiser');
    expect(await controls.answerInvitation('jonas.lindahl', "no-such-uid'", 'accept')).toBe('no-invitation');
  });

  it('waits out injected throttling, and says so when it does not end', async () => {
    sandbox.setFaults({ rate429: 0.5, seed: 7 });
    expect(await controls.answerInvitation('jonas.lindahl', iCalUId, 'accept')).toBe('answered');
    sandbox.setFaults({ rate429: 1 });
    const error = await controls.answerInvitation('jonas.lindahl', iCalUId, 'decline').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SamradError);
    expect((error as SamradError).what.sv).toMatch(/^Sandlådans Graph svarade 429 på GET \/me\/events/);
    expect((error as SamradError).hint.en).toContain('Graph failures');
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits.every((ms) => ms > 0 && ms <= 2_000)).toBe(true);
    sandbox.setFaults({ rate429: 0 });
    expect(responseOf(await organiserEvent(), 'jonas.lindahl')).toBe('accepted');
  });

  it('reports a sandbox that is not there, with what to do', async () => {
    const gone = sandboxControls('http://127.0.0.1:9');
    const error = await gone.answerInvitation('jonas.lindahl', iCalUId, 'accept').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SamradError);
    expect((error as SamradError).hint.en).toContain('npm start');
  });
});
