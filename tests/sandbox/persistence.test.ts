/**
 * State over time: every write reaches state.json atomically, a restart on the same folder loses nothing (tokens
 * included), concurrent writers do not lose updates, and reset brings back the seed.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/contract';
import { startSandbox } from '../../sandbox/server';
import { attendee, cast, clientFor, freshDataDir, type GraphClient } from './support';

const running: RunningSandbox[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ dataDir });
  running.push(sandbox);
  return sandbox;
}

function folder(): string {
  const dir = freshDataDir();
  folders.push(dir);
  return dir;
}

async function organiserEvent(client: GraphClient): Promise<{ id: string; '@odata.etag': string; attendees: unknown[] }> {
  const list = await client.get<{ value: { id: string; '@odata.etag': string; attendees: unknown[] }[] }>('/me/events');
  const event = list.body.value[0];
  if (event === undefined) throw new Error('no event');
  return event;
}

async function chatBase(client: GraphClient): Promise<string> {
  const event = await client.get<{ value: { onlineMeeting: { joinUrl: string } }[] }>('/me/events?$select=onlineMeeting');
  const joinUrl = event.body.value[0]?.onlineMeeting.joinUrl ?? '';
  const meetings = await client.get<{ value: { chatInfo: { threadId: string } }[] }>(
    `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
  );
  return `/chats/${encodeURIComponent(meetings.body.value[0]?.chatInfo.threadId ?? '')}/messages`;
}

describe('persistence', () => {
  it('keeps every write, and every issued token, across a restart on the same folder', async () => {
    const dir = folder();
    const first = await start(dir);
    const { organiser, participants } = cast(first);
    const token = first.tokenFor(organiser.id);
    const client = clientFor(first, organiser);
    const event = await organiserEvent(client);
    await client.patch(`/me/events/${event.id}`, { attendees: participants.slice(0, 3).map(attendee) });
    await client.post(await chatBase(client), { body: { content: 'Välkomna!' } });
    await first.stop();
    running.splice(0);

    const second = await start(dir);
    const again = await fetch(`${second.graphBaseUrl}/me/events/${event.id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { attendees: unknown[] }).attendees).toHaveLength(3);
    const messages = await clientFor(second, organiser).get<{ value: { body: { content: string } }[] }>(
      await chatBase(clientFor(second, organiser)),
    );
    expect(messages.body.value.map((m) => m.body.content)).toEqual(['Välkomna!']);
    const copies = await clientFor(second, participants[0] ?? organiser).get<{ value: unknown[] }>('/me/events');
    expect(copies.body.value).toHaveLength(1);
  });

  it('writes state.json atomically: valid JSON after each write, no temporary files left', async () => {
    const dir = folder();
    const sandbox = await start(dir);
    const client = clientFor(sandbox, cast(sandbox).organiser);
    const base = await chatBase(client);
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.post(base, { body: { content: `Inlägg ${i}` } })));
    expect(readdirSync(dir)).toEqual(['state.json']);
    const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as { chats: { messages: unknown[] }[] };
    expect(state.chats[0]?.messages).toHaveLength(5);
  });

  it('serialises concurrent writers: one If-Match wins, the rest get 412; no concurrent post is lost', async () => {
    const sandbox = await start(folder());
    const { organiser, participants } = cast(sandbox);
    const client = clientFor(sandbox, organiser);
    const event = await organiserEvent(client);
    const statuses = await Promise.all(
      participants.slice(0, 8).map(async (p) => {
        const reply = await client.patch(
          `/me/events/${event.id}`,
          { attendees: [attendee(p)] },
          { 'If-Match': event['@odata.etag'] },
        );
        return reply.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);

    const base = await chatBase(client);
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.post(base, { body: { content: `Inlägg ${i}` } })));
    const all = await client.get<{ value: { body: { content: string } }[] }>(`${base}?$top=50`);
    expect(new Set(all.body.value.map((m) => m.body.content)).size).toBe(20);
  });

  it('reset() and POST /sandbox/reset bring back the seed', async () => {
    const sandbox = await start(folder());
    const { organiser, participants } = cast(sandbox);
    const client = clientFor(sandbox, organiser);
    const seedEvent = await organiserEvent(client);
    const seedAttendees = seedEvent.attendees;
    const tokenBefore = sandbox.tokenFor(organiser.id);
    await client.patch(`/me/events/${seedEvent.id}`, { attendees: participants.slice(0, 2).map(attendee) });
    await sandbox.reset();
    // Reset restores the data, not the sign-ins: a page signed in before it stays signed in.
    const withOldToken = await fetch(`${sandbox.graphBaseUrl}/me/events`, {
      headers: { Authorization: `Bearer ${tokenBefore}` },
    });
    expect(withOldToken.status).toBe(200);
    expect((await organiserEvent(client)).attendees).toEqual(seedAttendees);
    expect((await clientFor(sandbox, participants[0] ?? organiser).get<{ value: unknown[] }>('/me/events')).body.value).toEqual(
      [],
    );

    await client.patch(`/me/events/${seedEvent.id}`, { categories: ['x'] });
    const reset = await fetch(`${sandbox.origin}/sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reset.status).toBe(204);
    const after = await organiserEvent(client);
    expect(after['@odata.etag']).toBe(seedEvent['@odata.etag']);
  });

  it('refuses to start on a state.json it cannot read, rather than overwrite it', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'state.json'), '{"format": 999}');
    await expect(startSandbox({ dataDir: dir })).rejects.toThrow(/another version of the sandbox/);
    writeFileSync(path.join(dir, 'state.json'), '{not json');
    await expect(startSandbox({ dataDir: dir })).rejects.toThrow(/not valid JSON/);
  });
});
