/**
 * Every adapter against the local Microsoft 365 sandbox over real HTTP: the production client and adapters, only
 * the base URL and the token differ. The fault run at the end throws 429, 503 and dropped connections at them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { validateConsultation } from '../../src/core/consultation/validate';
import { isPortError } from '../../src/core/ports/errors';
import type { MeetingEvent } from '../../src/core/ports/meetingEvent';
import { extractSamradSection } from '../../src/core/publishing/bodySection';
import { parseZonedIso } from '../../src/core/time/zonedTime';
import { GraphConsultationDocuments } from '../../src/graph/adapters/consultationDocuments';
import { GraphMeetingChat } from '../../src/graph/adapters/meetingChat';
import { GraphMeetingEvents } from '../../src/graph/adapters/meetingEvents';
import { GraphProfile } from '../../src/graph/adapters/profile';
import { GraphRegistrationMail } from '../../src/graph/adapters/registrationMail';
import type { GraphClient } from '../../src/graph/http/graphClient';
import { isGraphError } from '../../src/graph/http/graphError';
import { startGatewaySandbox, type GatewaySandbox } from './support/sandbox';

let t: GatewaySandbox;
let organiser: SandboxPerson;
/** Participants the seed has not invited yet: the tests invite them. */
let uninvited: SandboxPerson[];

beforeAll(async () => {
  t = await startGatewaySandbox();
  organiser = t.organiser;
  const { client } = t.clientFor(organiser);
  const seeded = new Set(
    (await new GraphMeetingEvents({ client }).getEvent(await organiserEventId(client))).attendees.map((a) =>
      a.email.toLowerCase(),
    ),
  );
  uninvited = t.participants.filter((p) => !seeded.has(p.mail.toLowerCase()));
});
afterAll(() => t.dispose());
beforeEach(async () => {
  t.sandbox.setFaults({ rate429: 0, rate503: 0, rateDrop: 0, rateLostAnswer: 0, latencyMs: 0 });
  await t.sandbox.reset();
});

function participant(i: number): SandboxPerson {
  const person = uninvited[i];
  if (person === undefined) throw new Error(`The sandbox has fewer than ${i + 1} uninvited participants.`);
  return person;
}

async function organiserEventId(client: GraphClient): Promise<string> {
  const events = (await client.all('/me/events?$select=id,isOrganizer')) as { id: string; isOrganizer?: boolean }[];
  const own = events.find((e) => e.isOrganizer === true);
  if (own === undefined) throw new Error('The seed has no organiser event.');
  return own.id;
}

/** The meeting requests in a person's inbox: one per invitation Exchange sent them. */
async function invitationsOf(person: SandboxPerson): Promise<number> {
  const { client } = t.clientFor(person);
  const messages = (await client.all('/me/messages?$top=50')) as { meetingMessageType?: string; meetingRequestType?: string }[];
  return messages.filter((m) => m.meetingMessageType === 'meetingRequest' && m.meetingRequestType === 'newMeetingRequest').length;
}

const SEPARATOR = '________________________________________________________________________________';

/** The Teams join block: from the first separator line's element to the end of the body. */
function joinBlockOf(body: string): string {
  const at = body.indexOf(SEPARATOR);
  return body.slice(body.lastIndexOf('<div', at));
}

describe('MeetingEventPort over the sandbox', () => {
  it('reads the seed event and its link in one request', async () => {
    const { client, requests } = t.clientFor(organiser);
    const id = await organiserEventId(client);
    requests.length = 0;
    const event = await new GraphMeetingEvents({ client }).getEvent(id);
    expect(requests).toHaveLength(1);
    expect(event).toMatchObject({
      id,
      subject: 'Samråd om Sveriges handlingsplan för OGP 2023–2025',
      start: '2023-12-12T13:00:00+01:00',
      organizerEmail: organiser.mail,
    });
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(event.link?.documentName).toBe(event.iCalUId);
    expect(event.etag).toMatch(/^W\/"/);
  });

  it("finds the organiser's event by iCalUId and by join URL, and a participant's own copy once invited", async () => {
    const { client } = t.clientFor(organiser);
    const events = new GraphMeetingEvents({ client });
    const event = await events.getEvent(await organiserEventId(client));
    expect((await events.findByICalUId(event.iCalUId))?.id).toBe(event.id);
    expect((await events.findByJoinUrl(event.joinUrl ?? ''))?.id).toBe(event.id);

    const sofia = participant(0);
    const theirs = new GraphMeetingEvents({ client: t.clientFor(sofia).client });
    expect(await theirs.findByICalUId(event.iCalUId)).toBeNull();
    expect(await theirs.findByJoinUrl(event.joinUrl ?? '')).toBeNull();

    await events.inviteAttendees(event.id, [{ email: sofia.mail, name: sofia.displayName }]);
    const copy = await theirs.findByICalUId(event.iCalUId);
    expect(copy).not.toBeNull();
    expect(copy?.id).not.toBe(event.id);
    expect(copy?.link).toBeNull(); // extensions stay in the organiser's mailbox
    expect((await theirs.findByJoinUrl(event.joinUrl ?? ''))?.id).toBe(copy?.id);
  });

  it('invites without dropping or doubling anyone, matching addresses however they are typed', async () => {
    const { client } = t.clientFor(organiser);
    const events = new GraphMeetingEvents({ client });
    const id = await organiserEventId(client);
    const [a, b, c] = [participant(0), participant(1), participant(2)];
    const seeded = (await events.getEvent(id)).attendees.map((x) => x.email.toLowerCase());

    const first = await events.inviteAttendees(id, [
      { email: a.mail, name: a.displayName },
      { email: `"${b.displayName}" <${b.mail.toUpperCase()}>`, name: b.displayName },
    ]);
    expect(first.added.map((p) => p.email)).toEqual([a.mail.toLowerCase(), b.mail.toLowerCase()]);

    const second = await events.inviteAttendees(id, [
      { email: ` mailto:${a.mail} `, name: null },
      { email: c.mail, name: c.displayName },
      { email: organiser.mail, name: null },
    ]);
    expect(second.added.map((p) => p.email)).toEqual([c.mail.toLowerCase()]);
    expect(second.alreadyInvited.map((p) => p.email)).toEqual([a.mail.toLowerCase(), organiser.mail.toLowerCase()]);

    const attendees = (await events.getEvent(id)).attendees.map((x) => x.email.toLowerCase());
    expect(attendees).toEqual([...seeded, ...[a, b, c].map((p) => p.mail.toLowerCase())]);
    for (const person of [a, b, c]) expect(await invitationsOf(person)).toBe(1);
  });

  it('publishes the section before the join block, keeping the block byte for byte, into every copy', async () => {
    const { client } = t.clientFor(organiser);
    const events = new GraphMeetingEvents({ client });
    const id = await organiserEventId(client);
    const sofia = participant(0);
    await events.inviteAttendees(id, [{ email: sofia.mail, name: sofia.displayName }]);
    const before = await events.getEvent(id);

    const section = '<h2>Dagordning</h2><table><tr><td>13.00</td><td>Inledning</td></tr></table>';
    const after = await events.publishSection(id, section);
    expect(extractSamradSection(after.bodyHtml)).toBe(section);
    expect(joinBlockOf(after.bodyHtml)).toBe(joinBlockOf(before.bodyHtml));
    expect(after.bodyHtml.indexOf('samrad:begin')).toBeLessThan(after.bodyHtml.indexOf(SEPARATOR));
    expect(after.joinUrl).toBe(before.joinUrl); // still an online meeting

    const copy = await new GraphMeetingEvents({ client: t.clientFor(sofia).client }).findByICalUId(before.iCalUId);
    expect(extractSamradSection(copy?.bodyHtml ?? '')).toBe(section);

    // Publishing the same section again writes nothing.
    const again = await events.publishSection(id, section);
    expect(again.etag).toBe((await events.getEvent(id)).etag);
    const replaced = await events.publishSection(id, '<p>Ny version</p>');
    expect(extractSamradSection(replaced.bodyHtml)).toBe('<p>Ny version</p>');
    expect(replaced.bodyHtml.match(/samrad:begin/g)).toHaveLength(1);
  });

  it('creates and replaces the link extension', async () => {
    const { client } = t.clientFor(organiser);
    const events = new GraphMeetingEvents({ client });
    const id = await organiserEventId(client);
    await events.setLink(id, { documentName: 'ny-konsultation' });
    expect((await events.getEvent(id)).link).toEqual({ documentName: 'ny-konsultation' });
    await client.request({ method: 'DELETE', url: `/me/events/${encodeURIComponent(id)}/extensions/se.samrad.consultation` });
    expect((await events.getEvent(id)).link).toBeNull();
    await events.setLink(id, { documentName: 'igen' });
    expect((await events.getEvent(id)).link).toEqual({ documentName: 'igen' });
  });

  it('says what went wrong, with a request id, for an event that does not exist', async () => {
    const error: unknown = await new GraphMeetingEvents({ client: t.clientFor(organiser).client })
      .getEvent('AAMkNOPE=')
      .catch((e: unknown) => e);
    expect(isGraphError(error) && error.code === 'not-found' && error.status === 404).toBe(true);
    expect(isGraphError(error) ? error.requestId : null).toMatch(/\S/);
  });
});

describe('ConsultationDocumentPort over the sandbox', () => {
  async function seedDocumentName(client: GraphClient): Promise<string> {
    const event = await new GraphMeetingEvents({ client }).getEvent(await organiserEventId(client));
    if (event.link === null) throw new Error('The seed event has no link.');
    return event.link.documentName;
  }

  it('lists the documents in the app folder, newest first; someone with none gets an empty list', async () => {
    const { client } = t.clientFor(organiser);
    const documents = new GraphConsultationDocuments({ client });
    const seedName = await seedDocumentName(client);
    expect((await documents.list()).map((d) => d.name)).toEqual([seedName]);
    const seed = await documents.load(seedName);
    if (seed === null) throw new Error('The seed document is missing.');
    await documents.save('samrad-2024', null, { ...seed.consultation, title: 'Nästa samråd' });
    const listed = await documents.list();
    expect(listed.map((d) => d.name)).toEqual(['samrad-2024', seedName]);
    expect(listed[0]?.lastModified).toBeGreaterThanOrEqual(listed[1]?.lastModified ?? Infinity);
    expect(await new GraphConsultationDocuments({ client: t.clientFor(participant(0)).client }).list()).toEqual([]);
  });

  it('loads the seed document, validated, and saves with If-Match', async () => {
    const { client } = t.clientFor(organiser);
    const documents = new GraphConsultationDocuments({ client });
    const name = await seedDocumentName(client);
    const base = await documents.load(name);
    expect(base).not.toBeNull();
    if (base === null) return;
    expect(validateConsultation(base.consultation).ok).toBe(true);
    const result = await documents.save(name, base, { ...base.consultation, purpose: ['Nytt syfte.'] });
    expect(result).toMatchObject({
      ok: true,
      merged: false,
      saved: { consultation: { revision: base.consultation.revision + 1 } },
    });
    expect(result.ok && result.saved.etag).not.toBe(base.etag);
    expect((await documents.load(name))?.consultation.purpose).toEqual(['Nytt syfte.']);
  });

  it("merges two people's saves, and returns a real conflict with its path", async () => {
    const { client } = t.clientFor(organiser);
    const documents = new GraphConsultationDocuments({ client });
    const name = await seedDocumentName(client);
    const base = await documents.load(name);
    if (base === null) throw new Error('no seed document');
    // Another tab of the organiser saves first.
    const other = await new GraphConsultationDocuments({ client: t.clientFor(organiser).client }).save(name, base, {
      ...base.consultation,
      registration: { ...base.consultation.registration, capacity: 45 },
    });
    expect(other.ok).toBe(true);
    const mine = await documents.save(name, base, { ...base.consultation, practicalInformation: ['Länk skickas dagen före.'] });
    expect(mine).toMatchObject({
      ok: true,
      merged: true,
      saved: { consultation: { registration: { capacity: 45 }, practicalInformation: ['Länk skickas dagen före.'] } },
    });

    const latest = await documents.load(name);
    if (latest === null) throw new Error('lost');
    await documents.save(name, latest, { ...latest.consultation, title: 'Deras titel' });
    const conflict = await documents.save(name, latest, { ...latest.consultation, title: 'Min titel' });
    expect(conflict).toMatchObject({ ok: false, conflicts: ['title'], theirs: { consultation: { title: 'Deras titel' } } });
  });

  it("creates a new document once and refuses to create it over someone else's", async () => {
    const { client } = t.clientFor(organiser);
    const documents = new GraphConsultationDocuments({ client });
    const name = await seedDocumentName(client);
    const seed = await documents.load(name);
    if (seed === null) throw new Error('no seed document');
    expect(await documents.load('ny')).toBeNull();
    const created = await documents.save('ny', null, { ...seed.consultation, revision: 0 });
    expect(created).toMatchObject({ ok: true, saved: { consultation: { revision: 0 } } });
    const again = await documents.save('ny', null, { ...seed.consultation, revision: 0, title: 'Annan' });
    expect(again).toMatchObject({ ok: false, conflicts: ['(document)'] });
  });

  it('refuses an invalid document in the app folder', async () => {
    const { client } = t.clientFor(organiser);
    await client.request({
      method: 'PUT',
      url: '/me/drive/special/approot:/Samrad/consultations/trasig.json:/content',
      body: '{"schemaVersion": 1, "title": ""}',
      contentType: 'application/json',
    });
    const error: unknown = await new GraphConsultationDocuments({ client }).load('trasig').catch((e: unknown) => e);
    expect(isPortError(error) && error.code === 'invalid-document').toBe(true);
  });
});

describe('RegistrationMailPort over the sandbox', () => {
  it('reads every registration mail since an instant, oldest first, across pages', async () => {
    const { client, requests } = t.clientFor(organiser);
    const all = await new GraphRegistrationMail({ client }).mailsSince(Date.UTC(2023, 0, 1));
    expect(all.length).toBeGreaterThan(0);
    const times = all.map((m) => parseZonedIso(m.receivedAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(all.every((m) => (m.bodyHtml === null) !== (m.bodyText === null))).toBe(true);

    requests.length = 0;
    const paged = await new GraphRegistrationMail({ client, pageSize: 7 }).mailsSince(Date.UTC(2023, 0, 1));
    expect(paged.map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect(requests.length).toBe(Math.ceil(all.length / 7) + (all.length % 7 === 0 ? 1 : 0));

    const middle = times[Math.floor(times.length / 2)] ?? 0;
    const later = await new GraphRegistrationMail({ client }).mailsSince(middle);
    expect(later.map((m) => m.id)).toEqual(all.filter((m) => parseZonedIso(m.receivedAt) >= middle).map((m) => m.id));
  });
});

describe('MeetingChatPort over the sandbox', () => {
  it('finds the meeting chat both ways, posts and lists messages oldest first', async () => {
    const { client } = t.clientFor(organiser);
    const event = await new GraphMeetingEvents({ client }).getEvent(await organiserEventId(client));
    const chat = new GraphMeetingChat({ client });
    const found = await chat.findChatByJoinUrl(event.joinUrl ?? '');
    expect(found?.chatId).toMatch(/^19:meeting_.*@thread\.v2$/);
    const meeting = await chat.getMeetingChat(found?.chatId ?? '');
    expect(meeting).toMatchObject({ chatId: found?.chatId, calendarEventId: event.id });

    const sofia = participant(0);
    await new GraphMeetingEvents({ client }).inviteAttendees(event.id, [{ email: sofia.mail, name: sofia.displayName }]);
    const first = await chat.postMessage(found?.chatId ?? '', '<p>[Fråga 1] Välkomna</p>');
    const theirs = new GraphMeetingChat({ client: t.clientFor(sofia).client, pageSize: 1 });
    const second = await theirs.postMessage(found?.chatId ?? '', '<p>[Fråga 2] Tack</p>');
    const listed = await theirs.listMessages(found?.chatId ?? '');
    expect(listed.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(listed[1]).toMatchObject({
      contentType: 'html',
      content: '<p>[Fråga 2] Tack</p>',
      from: { displayName: sofia.displayName },
    });
    expect(await chat.getMeetingChat('19:nothing@thread.v2')).toBeNull();
  });
});

describe('GraphProfile', () => {
  it('names the signed-in person and their organisation', async () => {
    const person = participant(0);
    const me = await new GraphProfile({ client: t.clientFor(person).client }).me();
    expect(me).toEqual({ displayName: person.displayName, organisation: person.organisation });
  });
});

describe('$batch over the sandbox', () => {
  it('splits beyond 20 requests and answers each in order', async () => {
    const { client, requests } = t.clientFor(organiser);
    const id = await organiserEventId(client);
    requests.length = 0;
    const items = Array.from({ length: 25 }, (_, i) => ({
      method: 'GET' as const,
      url: i === 7 ? '/me/events/AAMkNOPE=' : `/me/events/${encodeURIComponent(id)}?$select=subject`,
    }));
    const results = await client.batch(items);
    expect(requests.filter((r) => r.includes('/$batch'))).toHaveLength(2);
    expect(results.map((r) => r.status)).toEqual(items.map((_, i) => (i === 7 ? 404 : 200)));
    expect(results[7]?.error?.code).toBe('not-found');
  });
});

describe("the sandbox's fault header", () => {
  it('ends a request that is always throttled in a typed error, after the bounded retries', async () => {
    const { client, waits } = t.clientFor(organiser, { retry: { maxAttempts: 3 } });
    const error: unknown = await client
      .request({ method: 'GET', url: '/me/events', headers: { 'x-sandbox-fault': '429' } })
      .catch((e: unknown) => e);
    expect(isGraphError(error) && error.code === 'throttled' && error.status === 429 && error.attempts === 3).toBe(true);
    expect(isGraphError(error) ? error.retryAfterMs : null).toBe(1000);
    expect(waits).toEqual([1000, 1000]);
  });

  it('invites nobody twice when the answer to an applied attendee update is lost, and still reports them invited', async () => {
    const { client, requests } = t.clientFor(organiser, { faultOnce: { method: 'PATCH', fault: 'lost' } });
    const events = new GraphMeetingEvents({ client });
    const id = await organiserEventId(client);
    const people = [participant(20), participant(21)];
    const result = await events.inviteAttendees(
      id,
      people.map((p) => ({ email: p.mail, name: p.displayName })),
    );
    // The lost PATCH was applied; any write after it names the old ETag and is refused (412), so nothing is sent twice.
    expect(requests.filter((r) => r.startsWith('PATCH')).length).toBeGreaterThanOrEqual(1);
    const attendees = (await events.getEvent(id)).attendees.map((a) => a.email.toLowerCase());
    expect(attendees.filter((a) => people.some((p) => p.mail.toLowerCase() === a))).toHaveLength(people.length);
    expect(result.added.map((p) => p.email).sort()).toEqual(people.map((p) => p.mail).sort());
    for (const person of people) expect(await invitationsOf(person)).toBe(1);
  });

  it('does not send a chat message again after a dropped connection', async () => {
    const { client, requests } = t.clientFor(organiser);
    const event = await new GraphMeetingEvents({ client }).getEvent(await organiserEventId(client));
    const chat = await new GraphMeetingChat({ client }).findChatByJoinUrl(event.joinUrl ?? '');
    requests.length = 0;
    const error: unknown = await client
      .request({
        method: 'POST',
        url: `/chats/${encodeURIComponent(chat?.chatId ?? '')}/messages`,
        headers: { 'x-sandbox-fault': 'drop' },
        json: { body: { contentType: 'html', content: '<p>x</p>' } },
      })
      .catch((e: unknown) => e);
    expect(isGraphError(error) && error.code === 'network').toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe('with 30 % of requests failing (429, 503, dropped, applied but answer lost)', () => {
  const FAULTY = { rate429: 0.075, rate503: 0.075, rateDrop: 0.075, rateLostAnswer: 0.075, retryAfterSeconds: 1 };

  /** Runs an operation; it must succeed or fail with a typed error, never anything else. */
  async function settle<T>(operation: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    try {
      return { ok: true, value: await operation() };
    } catch (error) {
      expect(isPortError(error), String(error)).toBe(true);
      return { ok: false, error };
    }
  }

  it.each([11, 22, 33])('loses no attendee and invites nobody twice (fault seed %i)', async (seed) => {
    const { client, waits, requests } = t.clientFor(organiser);
    const events = new GraphMeetingEvents({ client });
    const id = await organiserEventId(client);
    // Invited before the faults start: whatever happens later, they stay invited, once.
    const earlier = uninvited.slice(12, 15);
    await events.inviteAttendees(
      id,
      earlier.map((p) => ({ email: p.mail, name: p.displayName })),
    );
    const people = uninvited.slice(0, 12);
    const batches = [people.slice(0, 5), people.slice(3, 9), people.slice(7, 12), people.slice(0, 12)];

    t.sandbox.setFaults({ ...FAULTY, seed });
    const outcomes: { ok: boolean }[] = [];
    for (const batch of batches) {
      outcomes.push(
        await settle(() =>
          events.inviteAttendees(
            id,
            batch.map((p) => ({ email: p.mail, name: p.displayName })),
          ),
        ),
      );
    }
    outcomes.push(await settle(() => events.publishSection(id, '<h2>Dagordning</h2>')));
    outcomes.push(await settle(() => events.setLink(id, { documentName: 'efter-fel' })));
    const chat = new GraphMeetingChat({ client });
    outcomes.push(
      await settle(async () =>
        chat.listMessages((await chat.findChatByJoinUrl((await events.getEvent(id)).joinUrl ?? ''))?.chatId ?? ''),
      ),
    );
    outcomes.push(await settle(() => new GraphRegistrationMail({ client, pageSize: 10 }).mailsSince(0)));
    t.sandbox.setFaults({ rate429: 0, rate503: 0, rateDrop: 0, rateLostAnswer: 0 });

    expect(waits.length).toBeGreaterThan(0); // the faults did happen
    expect(requests.length).toBeGreaterThan(outcomes.length);
    // Most operations get through the faults; those that did not said so with a typed error.
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(outcomes.length / 2);
    const event: MeetingEvent = await events.getEvent(id);
    const addresses = event.attendees.map((a) => a.email.toLowerCase());
    expect(new Set(addresses).size).toBe(addresses.length);
    // Every invitation call that succeeded left all its people on the event.
    batches.forEach((batch, i) => {
      if (outcomes[i]?.ok === true) for (const p of batch) expect(addresses).toContain(p.mail.toLowerCase());
    });
    for (const person of people) {
      expect(await invitationsOf(person)).toBe(addresses.includes(person.mail.toLowerCase()) ? 1 : 0);
    }
    for (const person of earlier) {
      expect(addresses).toContain(person.mail.toLowerCase());
      expect(await invitationsOf(person)).toBe(1);
    }
    expect(joinBlockOf(event.bodyHtml)).toContain('meetup-join');
    expect(event.joinUrl).not.toBeNull();
  });
});
