/**
 * The calendar's meeting semantics over HTTP: the organiser's PATCH replaces the attendee list (copies and
 * requests for added people, cancellations for removed ones, nothing for the unchanged), content changes go to
 * everyone, answers flow back to the organiser's item, and ETags guard concurrent writers.
 */
import type { Event, Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { attendee, cast, clientFor, startTestSandbox, type GraphClient, type GraphErrorReply, type TestSandbox } from './support';

type GraphEvent = Event & { '@odata.etag': string; id: string; iCalUId: string };
type EventMessage = Message & { '@odata.type'?: string; meetingMessageType?: string; meetingRequestType?: string };
interface List<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

let t: TestSandbox;
let organiser: GraphClient;
let people: { organiser: SandboxPerson; presenter: SandboxPerson; participants: SandboxPerson[] };
let [anna, bo, cia]: SandboxPerson[] = [];

beforeAll(async () => {
  t = await startTestSandbox();
  people = cast(t.sandbox);
  organiser = clientFor(t.sandbox, people.organiser);
  [anna, bo, cia] = people.participants as [SandboxPerson, SandboxPerson, SandboxPerson];
});
afterAll(() => t.dispose());
beforeEach(() => t.sandbox.reset());

const as = (person: SandboxPerson | undefined): GraphClient => clientFor(t.sandbox, person ?? people.organiser);

async function theEvent(): Promise<GraphEvent> {
  const list = await organiser.get<List<GraphEvent>>('/me/events');
  const event = list.body.value.find((e) => e.isOrganizer === true);
  if (event === undefined) throw new Error('The seed has no organiser event');
  return event;
}

async function setAttendees(invited: readonly (SandboxPerson | undefined)[], extra: Record<string, unknown> = {}) {
  const event = await theEvent();
  return organiser.patch<GraphEvent>(`/me/events/${event.id}`, {
    attendees: invited.map((p) => attendee(p ?? people.organiser)),
    ...extra,
  });
}

async function inbox(person: SandboxPerson | undefined): Promise<EventMessage[]> {
  const list = await as(person).get<List<EventMessage>>('/me/messages?$top=1000');
  return list.body.value;
}

async function eventsOf(person: SandboxPerson | undefined): Promise<GraphEvent[]> {
  return (await as(person).get<List<GraphEvent>>('/me/events')).body.value;
}

describe('the organiser replaces the attendee list', () => {
  it('gives each added person a copy (same iCalUId, own id, the join block) and a meeting request', async () => {
    const event = await theEvent();
    const patched = await setAttendees([anna, bo]);
    expect(patched.status).toBe(200);
    expect(patched.body.attendees?.map((a) => [a.emailAddress?.address, a.status?.response])).toEqual([
      [anna?.mail, 'none'],
      [bo?.mail, 'none'],
    ]);

    for (const person of [anna, bo]) {
      const [copy, ...more] = await eventsOf(person);
      expect(more).toHaveLength(0);
      expect(copy?.iCalUId).toBe(event.iCalUId);
      expect(copy?.id).not.toBe(event.id);
      expect(copy?.isOrganizer).toBe(false);
      expect(copy?.responseStatus?.response).toBe('notResponded');
      expect(copy?.isOnlineMeeting).toBe(true);
      expect(copy?.body?.content).toContain(event.onlineMeeting?.joinUrl ?? 'no join url');

      const mail = await inbox(person);
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({
        '@odata.type': '#microsoft.graph.eventMessageRequest',
        meetingMessageType: 'meetingRequest',
        meetingRequestType: 'newMeetingRequest',
        subject: event.subject,
      });
    }
    // Nobody else hears of it.
    expect(await eventsOf(cia)).toHaveLength(0);
    expect(await inbox(cia)).toHaveLength(0);
  });

  it('cancels for removed people, invites added ones and sends nothing to those on both lists', async () => {
    await setAttendees([anna, bo]);
    await setAttendees([bo, cia]);

    const [annaCopy] = await eventsOf(anna);
    expect(annaCopy?.isCancelled).toBe(true);
    expect(annaCopy?.subject).toMatch(/^Canceled: /);
    expect((await inbox(anna)).map((m) => m.meetingMessageType)).toEqual(['meetingCancelled', 'meetingRequest']);

    expect(await inbox(bo)).toHaveLength(1); // only the first request
    expect((await inbox(cia)).map((m) => m.meetingRequestType)).toEqual(['newMeetingRequest']);
    expect((await theEvent()).attendees?.map((a) => a.emailAddress?.address)).toEqual([bo?.mail, cia?.mail]);
  });

  it('sends a body change to every attendee, whose copy follows and stays a Teams meeting', async () => {
    await setAttendees([anna, bo]);
    const event = await theEvent();
    const section = '<div id="samrad-agenda"><h2>Dagordning</h2><p>13.00 Information</p></div>';
    const body = (event.body?.content ?? '').replace('<body>', `<body>\r\n${section}`);
    const patched = await organiser.patch<GraphEvent>(`/me/events/${event.id}`, { body: { contentType: 'html', content: body } });
    expect(patched.status).toBe(200);
    expect(patched.body.isOnlineMeeting).toBe(true);

    for (const person of [anna, bo]) {
      const mail = await inbox(person);
      expect(mail.map((m) => m.meetingRequestType)).toEqual(['informationalUpdate', 'newMeetingRequest']);
      const [copy] = await eventsOf(person);
      expect(copy?.body?.content).toContain('samrad-agenda');
      expect(copy?.body?.content).toContain(event.onlineMeeting?.joinUrl ?? 'no join url');
    }
  });

  it('turns the event into an ordinary meeting when a new body drops the Teams join block', async () => {
    const event = await theEvent();
    const patched = await organiser.patch<GraphEvent>(`/me/events/${event.id}`, {
      body: { contentType: 'html', content: '<p>Ny text</p>' },
    });
    expect(patched.body.isOnlineMeeting).toBe(false);
    expect(patched.body.onlineMeeting).toBeNull();
  });

  it('sends a full update and resets answers when the time changes', async () => {
    await setAttendees([anna]);
    const [copy] = await eventsOf(anna);
    await as(anna).post(`/me/events/${copy?.id ?? ''}/accept`, { sendResponse: false });
    const event = await theEvent();
    expect(event.attendees?.[0]?.status?.response).toBe('accepted');

    await organiser.patch(`/me/events/${event.id}`, {
      start: { dateTime: '2023-12-12T13:30:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2023-12-12T15:00:00', timeZone: 'W. Europe Standard Time' },
    });
    expect((await theEvent()).attendees?.[0]?.status?.response).toBe('none');
    const [moved] = await eventsOf(anna);
    expect(moved?.start).toEqual({ dateTime: '2023-12-12T12:30:00.0000000', timeZone: 'UTC' });
    expect(moved?.responseStatus?.response).toBe('notResponded');
    expect((await inbox(anna))[0]?.meetingRequestType).toBe('fullUpdate');
  });

  it('refuses more than 500 attendees with a message that says so', async () => {
    const event = await theEvent();
    const before = event.attendees;
    const many = Array.from({ length: 501 }, (_, i) => ({ emailAddress: { address: `person${i}@external.example` } }));
    const reply = await organiser.patch<GraphErrorReply>(`/me/events/${event.id}`, { attendees: many });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/at most 500 attendees.*501/);
    expect((await theEvent()).attendees).toEqual(before);
  });
});

describe('answers', () => {
  it('reach the organiser’s item and, unless suppressed, the organiser’s inbox', async () => {
    await setAttendees([anna, bo, cia]);
    const before = await inbox(people.organiser);
    const answer = async (person: SandboxPerson | undefined, action: string, body: object) => {
      const [copy] = await eventsOf(person);
      return as(person).post(`/me/events/${copy?.id ?? ''}/${action}`, body);
    };
    expect((await answer(anna, 'accept', { comment: 'Vi kommer två.' })).status).toBe(202);
    expect((await answer(bo, 'decline', { sendResponse: false })).status).toBe(202);
    expect((await answer(cia, 'tentativelyAccept', {})).status).toBe(202);

    const statuses = (await theEvent()).attendees?.map((a) => a.status?.response);
    expect(statuses).toEqual(['accepted', 'declined', 'tentativelyAccepted']);
    const [annaCopy] = await eventsOf(anna);
    expect(annaCopy?.responseStatus?.response).toBe('accepted');

    const after = await inbox(people.organiser);
    const responses = after.slice(0, after.length - before.length); // newest first
    expect(responses.map((m) => [m['@odata.type'], m.meetingMessageType, m.subject?.split(':')[0]])).toEqual([
      ['#microsoft.graph.eventMessageResponse', 'meetingTenativelyAccepted', 'Tentative'],
      ['#microsoft.graph.eventMessageResponse', 'meetingAccepted', 'Accepted'],
    ]);
  });

  it('cannot be given by the organiser to their own meeting', async () => {
    const event = await theEvent();
    const reply = await organiser.post<GraphErrorReply>(`/me/events/${event.id}/accept`, {});
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ErrorInvalidRequest');
  });
});

describe('attendees and their copies', () => {
  it('find their own copy by iCalUId', async () => {
    await setAttendees([anna]);
    const event = await theEvent();
    const found = await as(anna).get<List<GraphEvent>>(
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${event.iCalUId}'`)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0]?.iCalUId).toBe(event.iCalUId);
    expect(found.body.value[0]?.id).not.toBe(event.id);
    const none = await as(bo).get<List<GraphEvent>>(`/me/events?$filter=${encodeURIComponent(`iCalUId eq '${event.iCalUId}'`)}`);
    expect(none.body.value).toHaveLength(0);
  });

  it('cannot change the organiser’s event, nor the meeting through their own copy', async () => {
    await setAttendees([anna]);
    const event = await theEvent();
    const other = await as(anna).patch<GraphErrorReply>(`/users/${people.organiser.id}/events/${event.id}`, {
      subject: 'Mitt möte',
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('ErrorAccessDenied');

    const [copy] = await eventsOf(anna);
    const subject = await as(anna).patch<GraphErrorReply>(`/me/events/${copy?.id ?? ''}`, { subject: 'Mitt möte' });
    expect(subject.status).toBe(403);
    const local = await as(anna).patch<GraphEvent>(`/me/events/${copy?.id ?? ''}`, { categories: ['Samråd'] });
    expect(local.status).toBe(200);
    expect(local.body.categories).toEqual(['Samråd']);
    expect((await theEvent()).subject).toBe(event.subject);
  });
});

describe('ETags', () => {
  it('change on every write; a stale If-Match gets 412 ErrorIrresolvableConflict and changes nothing', async () => {
    const first = await theEvent();
    const ok = await organiser.patch<GraphEvent>(
      `/me/events/${first.id}`,
      { categories: ['a'] },
      { 'If-Match': first['@odata.etag'] },
    );
    expect(ok.status).toBe(200);
    expect(ok.body['@odata.etag']).not.toBe(first['@odata.etag']);

    const stale = await organiser.patch<GraphErrorReply>(
      `/me/events/${first.id}`,
      { categories: ['b'] },
      { 'If-Match': first['@odata.etag'] },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
    expect((await theEvent()).categories).toEqual(['a']);
  });
});

describe('reading events', () => {
  it('returns $select-ed properties and the consultation link through $expand=extensions($filter=…)', async () => {
    const event = await theEvent();
    const filter = encodeURIComponent("id eq 'se.samrad.consultation'");
    const reply = await organiser.get<Record<string, unknown> & { extensions: Record<string, unknown>[] }>(
      `/me/events/${event.id}?$select=subject,iCalUId&$expand=extensions($filter=${filter})`,
    );
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(['@odata.context', '@odata.etag', 'extensions', 'iCalUId', 'id', 'subject']);
    expect(reply.body.extensions).toHaveLength(1);
    expect(reply.body.extensions[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.openTypeExtension',
      extensionName: 'se.samrad.consultation',
      schemaVersion: 1,
      documentPath: expect.stringMatching(/^Samrad\/consultations\/.+\.json$/) as unknown,
    });
    const other = await organiser.get<{ extensions: unknown[] }>(
      `/me/events/${event.id}?$expand=extensions($filter=${encodeURIComponent("id eq 'other'")})`,
    );
    expect(other.body.extensions).toEqual([]);
  });

  it('renders times in the zone the caller prefers', async () => {
    const event = await theEvent();
    const reply = await organiser.get<GraphEvent>(`/me/events/${event.id}?$select=start,end`, {
      Prefer: 'outlook.timezone="Europe/Stockholm"',
    });
    expect(reply.body.start).toEqual({ dateTime: '2023-12-12T13:00:00.0000000', timeZone: 'Europe/Stockholm' });
    expect(reply.body.end).toEqual({ dateTime: '2023-12-12T14:30:00.0000000', timeZone: 'Europe/Stockholm' });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await organiser.get<GraphErrorReply>('/me/events/AAMkADnothing=')).body.error.code).toBe('ErrorItemNotFound');
    expect((await organiser.get('/me/events/not-an-id')).status).toBe(400);
  });
});

describe('open extensions', () => {
  it('are created, read, replaced as a whole and deleted', async () => {
    const event = await theEvent();
    const base = `/me/events/${event.id}/extensions`;
    const created = await organiser.post<Record<string, unknown>>(base, {
      '@odata.type': 'microsoft.graph.openTypeExtension',
      extensionName: 'se.samrad.test',
      a: 1,
      b: 'två',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'Microsoft.OutlookServices.OpenTypeExtension.se.samrad.test', a: 1, b: 'två' });
    expect(
      (await organiser.post(base, { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'se.samrad.test' }))
        .status,
    ).toBe(409);

    const replaced = await organiser.patch<Record<string, unknown>>(`${base}/se.samrad.test`, { c: true });
    expect(replaced.status).toBe(200);
    const read = await organiser.get<Record<string, unknown>>(`${base}/se.samrad.test`);
    expect(read.body).toMatchObject({ extensionName: 'se.samrad.test', c: true });
    expect(read.body).not.toHaveProperty('a');

    const expanded = await organiser.get<{ extensions: { extensionName: string }[] }>(
      `/me/events/${event.id}?$expand=extensions`,
    );
    expect(expanded.body.extensions.map((e) => e.extensionName)).toEqual(['se.samrad.consultation', 'se.samrad.test']);

    expect((await organiser.call('DELETE', `${base}/se.samrad.test`)).status).toBe(204);
    expect((await organiser.get(`${base}/se.samrad.test`)).status).toBe(404);
    expect((await organiser.post(base, { extensionName: 'no.type' })).status).toBe(400);
  });
});
