/**
 * The adapters against a scripted Graph (a few routes kept in memory), for what the sandbox cannot stage
 * deterministically: a write that is applied while its answer is lost, a change by someone else between a read and
 * a write, a document that changes under a save.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation } from '../../src/core/consultation/schema';
import { isPortError } from '../../src/core/ports/errors';
import { extractSamradSection } from '../../src/core/publishing/bodySection';
import { fixedClock } from '../../src/core/time/clock';
import { GraphConsultationDocuments } from '../../src/graph/adapters/consultationDocuments';
import { GraphMeetingChat } from '../../src/graph/adapters/meetingChat';
import { GraphMeetingEvents } from '../../src/graph/adapters/meetingEvents';
import { GraphRegistrationMail } from '../../src/graph/adapters/registrationMail';
import { GraphClient } from '../../src/graph/http/graphClient';
import { sampleConsultation } from '../support/consultations';
import {
  graphErrorBody,
  recordingSleep,
  startScriptedServer,
  type ReceivedRequest,
  type Reply,
  type ScriptedServer,
} from './support/scriptedServer';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: (request: ReceivedRequest) => Reply | Promise<Reply>) {
  server = await startScriptedServer(handler);
  const client = new GraphClient({
    baseUrl: server.baseUrl,
    tokens: { getToken: () => Promise.resolve('t') },
    clock: fixedClock(0),
    sleep: recordingSleep().sleep,
    random: () => 0,
  });
  return { client, server };
}

const JOIN =
  '<div><span>________________________________________________________________________________</span></div><div class="me-email-text"><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0">Anslut</a></div>';

interface GraphAttendee {
  type: string;
  emailAddress: { address: string; name?: string | null };
  status?: { response: string };
}

/** One organiser event with Exchange's rules that matter here: If-Match, attendees replace the list. */
class FakeEvent {
  version = 1;
  attendees: GraphAttendee[] = [
    { type: 'required', emailAddress: { address: 'Anna@Org.se', name: 'Anna' }, status: { response: 'accepted' } },
  ];
  body = `<html><body><p>Välkomna</p>${JOIN}</body></html>`;
  extension: Record<string, unknown> | null = null;
  patches: { attendees?: GraphAttendee[]; body?: { content: string } }[] = [];
  /** Invitation mails "sent": one per attendee added by a PATCH. */
  invitations: string[] = [];

  get etag(): string {
    return `W/"v${this.version}"`;
  }

  json(): Record<string, unknown> {
    return {
      '@odata.etag': this.etag,
      id: 'ev1',
      iCalUId: 'ical-1',
      subject: 'Samråd',
      start: { dateTime: '2023-12-12T12:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2023-12-12T13:30:00.0000000', timeZone: 'UTC' },
      body: { contentType: 'html', content: this.body },
      organizer: { emailAddress: { name: 'Organisatör', address: 'org@fi.se' } },
      attendees: this.attendees,
      onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0' },
      extensions: this.extension === null ? [] : [this.extension],
    };
  }

  /** Applies a PATCH of the event the way Exchange does; returns the answer. */
  patch(request: ReceivedRequest): Reply {
    if (request.headers['if-match'] !== this.etag) {
      return {
        status: 412,
        json: graphErrorBody(
          'ErrorIrresolvableConflict',
          'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
        ),
      };
    }
    const patch = JSON.parse(request.body) as { attendees?: GraphAttendee[]; body?: { content: string } };
    this.patches.push(patch);
    if (patch.attendees !== undefined) {
      const before = new Set(this.attendees.map((a) => a.emailAddress.address.toLowerCase()));
      const answers = new Map(this.attendees.map((a) => [a.emailAddress.address.toLowerCase(), a.status]));
      this.attendees = patch.attendees.map((a) => ({
        ...a,
        status: answers.get(a.emailAddress.address.toLowerCase()) ?? { response: 'none' },
      }));
      for (const a of this.attendees)
        if (!before.has(a.emailAddress.address.toLowerCase())) this.invitations.push(a.emailAddress.address.toLowerCase());
    }
    if (patch.body !== undefined) this.body = patch.body.content;
    this.version += 1;
    return { status: 200, json: { ...this.json(), extensions: undefined } };
  }
}

function eventRoutes(event: FakeEvent, faults: { dropAfterPatch?: number; concurrentAdd?: string } = {}) {
  let patchCount = 0;
  return (request: ReceivedRequest): Reply => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && path === '/v1.0/me/events/ev1') return { status: 200, json: event.json() };
    if (request.method === 'PATCH' && path === '/v1.0/me/events/ev1') {
      patchCount += 1;
      if (faults.concurrentAdd !== undefined && patchCount === 1) {
        // Someone else adds a person between our read and our write.
        event.attendees.push({ type: 'required', emailAddress: { address: faults.concurrentAdd }, status: { response: 'none' } });
        event.version += 1;
      }
      const reply = event.patch(request);
      // The change is made, but the answer never arrives.
      if (faults.dropAfterPatch === patchCount) return 'drop';
      return reply;
    }
    const ext = '/v1.0/me/events/ev1/extensions';
    if (request.method === 'PATCH' && path === `${ext}/se.samrad.consultation`) {
      if (event.extension === null)
        return { status: 404, json: graphErrorBody('ErrorItemNotFound', 'The specified object was not found in the store.') };
      event.extension = {
        ...(JSON.parse(request.body) as Record<string, unknown>),
        id: 'Microsoft.OutlookServices.OpenTypeExtension.se.samrad.consultation',
      };
      return { status: 200, json: event.extension };
    }
    if (request.method === 'POST' && path === ext) {
      if (event.extension !== null) return { status: 409, json: graphErrorBody('NameAlreadyExists', 'exists') };
      event.extension = {
        ...(JSON.parse(request.body) as Record<string, unknown>),
        id: 'Microsoft.OutlookServices.OpenTypeExtension.se.samrad.consultation',
      };
      return { status: 201, json: event.extension };
    }
    return { status: 400, json: graphErrorBody('BadRequest', `unexpected ${request.method} ${request.url}`) };
  };
}

const addresses = (event: FakeEvent): string[] => event.attendees.map((a) => a.emailAddress.address.toLowerCase());

describe('GraphMeetingEvents', () => {
  it('reads the event and its link in one request', async () => {
    const event = new FakeEvent();
    event.extension = {
      id: 'Microsoft.OutlookServices.OpenTypeExtension.se.samrad.consultation',
      extensionName: 'se.samrad.consultation',
      documentPath: 'Samrad/consultations/ogp.json',
    };
    const { client, server } = await start(eventRoutes(event));
    const read = await new GraphMeetingEvents({ client }).getEvent('ev1');
    expect(read.link).toEqual({ documentName: 'ogp' });
    expect(server.requests).toHaveLength(1);
    const url = decodeURIComponent(server.requests[0]?.url ?? '');
    expect(url).toContain("$expand=extensions($filter=id eq 'se.samrad.consultation')");
    expect(server.requests[0]?.headers.prefer).toContain('outlook.timezone="UTC"');
  });

  it('adds only who is missing, keeps everyone, and reports who was there', async () => {
    const event = new FakeEvent();
    const { client } = await start(eventRoutes(event));
    const result = await new GraphMeetingEvents({ client }).inviteAttendees('ev1', [
      { email: 'anna@org.se', name: 'Anna' },
      { email: 'Bo <BO@org.se>', name: 'Bo' },
      { email: 'bo@org.se', name: null },
    ]);
    expect(result.added).toEqual([{ email: 'bo@org.se', name: 'Bo' }]);
    expect(result.alreadyInvited.map((p) => p.email)).toEqual(['anna@org.se']);
    expect(addresses(event)).toEqual(['anna@org.se', 'bo@org.se']);
    expect(event.attendees[0]?.status?.response).toBe('accepted');
    expect(result.event.attendees.map((a) => a.email.toLowerCase())).toEqual(['anna@org.se', 'bo@org.se']);
    expect(event.patches).toHaveLength(1);
  });

  it('invites nobody twice when the answer to an applied PATCH is lost', async () => {
    const event = new FakeEvent();
    const { client, server } = await start(eventRoutes(event, { dropAfterPatch: 1 }));
    const result = await new GraphMeetingEvents({ client }).inviteAttendees('ev1', [
      { email: 'bo@org.se', name: 'Bo' },
      { email: 'cilla@org.se', name: 'Cilla' },
    ]);
    // Applied once; the client's repeat met 412 and the adapter's fresh read showed both already there.
    expect(event.patches).toHaveLength(1);
    expect(event.invitations).toEqual(['bo@org.se', 'cilla@org.se']);
    expect(addresses(event)).toEqual(['anna@org.se', 'bo@org.se', 'cilla@org.se']);
    expect(result.added.map((p) => p.email)).toEqual(['bo@org.se', 'cilla@org.se']);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'PATCH', 'GET']);
  });

  it('keeps a person someone else added between our read and our write', async () => {
    const event = new FakeEvent();
    const { client } = await start(eventRoutes(event, { concurrentAdd: 'dan@org.se' }));
    await new GraphMeetingEvents({ client }).inviteAttendees('ev1', [{ email: 'eva@org.se', name: null }]);
    expect(addresses(event)).toEqual(['anna@org.se', 'dan@org.se', 'eva@org.se']);
    expect(event.invitations).toEqual(['eva@org.se']);
  });

  it('sends nothing past 500 attendees, and nothing for an unreadable address', async () => {
    const event = new FakeEvent();
    event.attendees = Array.from({ length: 500 }, (_, i) => ({ type: 'required', emailAddress: { address: `p${i}@org.se` } }));
    const { client, server } = await start(eventRoutes(event));
    const events = new GraphMeetingEvents({ client });
    await expect(events.inviteAttendees('ev1', [{ email: 'one.more@org.se', name: null }])).rejects.toMatchObject({
      code: 'attendee-limit',
    });
    await expect(events.inviteAttendees('ev1', [{ email: 'not an address', name: null }])).rejects.toMatchObject({
      code: 'invalid-attendee',
    });
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('gives up with a typed error when the event keeps changing', async () => {
    const event = new FakeEvent();
    const { client } = await start((request) => {
      if (request.method === 'GET') {
        const json = event.json();
        event.version += 1; // changed again by someone else right after every read
        return { status: 200, json };
      }
      return event.patch(request);
    });
    const error: unknown = await new GraphMeetingEvents({ client, maxRounds: 3 })
      .inviteAttendees('ev1', [{ email: 'x@org.se', name: null }])
      .catch((e: unknown) => e);
    expect(isPortError(error) && error.code === 'event-busy' && /3 gånger/.test(error.what.sv)).toBe(true);
    expect(event.invitations).toEqual([]);
  });

  it('publishes the section before the join block, re-reading after a 412, and skips an unchanged section', async () => {
    const event = new FakeEvent();
    let first = true;
    const routes = eventRoutes(event);
    const { client, server } = await start((request) => {
      if (request.method === 'PATCH' && first) {
        first = false;
        event.version += 1; // someone saved the event meanwhile
      }
      return routes(request);
    });
    const events = new GraphMeetingEvents({ client });
    const published = await events.publishSection('ev1', '<h2>Dagordning</h2>');
    expect(extractSamradSection(published.bodyHtml)).toBe('<h2>Dagordning</h2>');
    expect(event.body).toContain(JOIN);
    expect(event.body.indexOf('samrad:begin')).toBeLessThan(event.body.indexOf(JOIN));
    expect(event.patches).toHaveLength(1);
    const requests = server.requests.length;
    await events.publishSection('ev1', '<h2>Dagordning</h2>');
    expect(server.requests.slice(requests).map((r) => r.method)).toEqual(['GET']);
    // Outlook re-serialises the body (line breaks, spaces): the same section still writes nothing.
    event.body = event.body.replace('<h2>Dagordning</h2>', '\n  <h2>Dagordning</h2>\n');
    const again = server.requests.length;
    await events.publishSection('ev1', '<h2>Dagordning</h2>');
    expect(server.requests.slice(again).map((r) => r.method)).toEqual(['GET']);
  });

  it('creates the link extension when there is none, and replaces it when there is', async () => {
    const event = new FakeEvent();
    const { client, server } = await start(eventRoutes(event));
    const events = new GraphMeetingEvents({ client });
    await events.setLink('ev1', { documentName: 'ogp-1' });
    await events.setLink('ev1', { documentName: 'ogp-2' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /v1.0/me/events/ev1/extensions/se.samrad.consultation',
      'POST /v1.0/me/events/ev1/extensions',
      'PATCH /v1.0/me/events/ev1/extensions/se.samrad.consultation',
    ]);
    expect((await events.getEvent('ev1')).link).toEqual({ documentName: 'ogp-2' });
  });
});

/** The app-folder file with OneDrive's rules that matter here: ETag, If-Match → 412, conflictBehavior=fail → 409. */
class FakeDrive {
  content: string | null = null;
  version = 0;
  puts = 0;
  get etag(): string {
    return `"{AAA},${this.version}"`;
  }
  store(consultation: Consultation): void {
    this.content = JSON.stringify(consultation);
    this.version += 1;
  }
  routes(faults: { dropAfterPut?: number; beforePut?: (drive: FakeDrive) => void } = {}) {
    return (request: ReceivedRequest): Reply => {
      if (!request.url.startsWith('/v1.0/me/drive/special/approot:/Samrad/consultations/ogp.json:/content')) {
        return { status: 400, json: graphErrorBody('BadRequest', request.url) };
      }
      if (request.method === 'GET') {
        return this.content === null
          ? { status: 404, json: graphErrorBody('itemNotFound', 'The resource could not be found.') }
          : { status: 200, headers: { etag: this.etag }, text: this.content };
      }
      this.puts += 1;
      faults.beforePut?.(this);
      const ifMatch = request.headers['if-match'];
      if (ifMatch !== undefined && ifMatch !== this.etag)
        return { status: 412, json: graphErrorBody('resourceModified', 'ETag does not match.') };
      if (ifMatch === undefined && this.content !== null && request.url.includes('conflictBehavior=fail')) {
        return { status: 409, json: graphErrorBody('nameAlreadyExists', 'The specified item name already exists.') };
      }
      this.content = request.body;
      this.version += 1;
      if (faults.dropAfterPut === this.puts) return 'drop';
      return { status: 200, json: { id: 'item-1', name: 'ogp.json', eTag: this.etag, cTag: this.etag } };
    };
  }
}

describe('GraphConsultationDocuments', () => {
  it('loads and validates, and returns null when there is no document', async () => {
    const drive = new FakeDrive();
    const { client } = await start(drive.routes());
    const documents = new GraphConsultationDocuments({ client });
    expect(await documents.load('ogp')).toBeNull();
    drive.store(sampleConsultation());
    expect(await documents.load('ogp')).toMatchObject({
      name: 'ogp',
      etag: '"{AAA},1"',
      consultation: { title: 'Samråd om exempel' },
    });
  });

  it('refuses an invalid document instead of using it, saying what is wrong', async () => {
    const drive = new FakeDrive();
    drive.content = JSON.stringify({ ...sampleConsultation(), title: '' });
    drive.version = 1;
    const { client } = await start(drive.routes());
    const error: unknown = await new GraphConsultationDocuments({ client }).load('ogp').catch((e: unknown) => e);
    expect(isPortError(error) && error.code === 'invalid-document' && error.what.en.includes('title')).toBe(true);
    drive.content = '{"schemaVersion": 1,';
    await expect(new GraphConsultationDocuments({ client }).load('ogp')).rejects.toMatchObject({ code: 'invalid-document' });
  });

  it('saves with If-Match and counts the revision', async () => {
    const drive = new FakeDrive();
    drive.store(sampleConsultation());
    const { client, server } = await start(drive.routes());
    const documents = new GraphConsultationDocuments({ client });
    const base = await documents.load('ogp');
    if (base === null) throw new Error('no document');
    const result = await documents.save('ogp', base, { ...base.consultation, title: 'Ny titel' });
    expect(result).toMatchObject({
      ok: true,
      merged: false,
      saved: { etag: '"{AAA},2"', consultation: { title: 'Ny titel', revision: 1 } },
    });
    expect(server.requests.at(-1)?.headers['if-match']).toBe('"{AAA},1"');
  });

  it('merges a concurrent change on 412 and saves again', async () => {
    const drive = new FakeDrive();
    drive.store(sampleConsultation());
    let once = true;
    const { client } = await start(
      drive.routes({
        beforePut: (d) => {
          if (!once) return;
          once = false;
          d.store({ ...sampleConsultation(), revision: 1, registration: { ...sampleConsultation().registration, capacity: 80 } });
        },
      }),
    );
    const documents = new GraphConsultationDocuments({ client });
    const base = await documents.load('ogp');
    if (base === null) throw new Error('no document');
    const result = await documents.save('ogp', base, { ...base.consultation, title: 'Min titel' });
    expect(result).toMatchObject({
      ok: true,
      merged: true,
      saved: { consultation: { title: 'Min titel', revision: 2, registration: { capacity: 80 } } },
    });
    expect(JSON.parse(drive.content ?? '')).toMatchObject({ title: 'Min titel', registration: { capacity: 80 } });
  });

  it('returns a real conflict with its paths and writes nothing', async () => {
    const drive = new FakeDrive();
    drive.store(sampleConsultation());
    let once = true;
    const { client } = await start(
      drive.routes({
        beforePut: (d) => {
          if (!once) return;
          once = false;
          d.store({ ...sampleConsultation(), revision: 1, title: 'Deras titel' });
        },
      }),
    );
    const documents = new GraphConsultationDocuments({ client });
    const base = await documents.load('ogp');
    if (base === null) throw new Error('no document');
    const result = await documents.save('ogp', base, { ...base.consultation, title: 'Min titel' });
    expect(result).toMatchObject({ ok: false, conflicts: ['title'], theirs: { consultation: { title: 'Deras titel' } } });
    expect(JSON.parse(drive.content ?? '')).toMatchObject({ title: 'Deras titel' });
  });

  it('does not write twice when the answer to an applied save is lost', async () => {
    const drive = new FakeDrive();
    drive.store(sampleConsultation());
    const { client } = await start(drive.routes({ dropAfterPut: 1 }));
    const documents = new GraphConsultationDocuments({ client });
    const base = await documents.load('ogp');
    if (base === null) throw new Error('no document');
    const result = await documents.save('ogp', base, { ...base.consultation, title: 'Min titel' });
    expect(result).toMatchObject({ ok: true, saved: { consultation: { title: 'Min titel', revision: 1 } } });
    // The repeat met 412 and the reload showed our own content: no second version.
    expect(drive.version).toBe(2);
  });

  it('does not overwrite a document someone else created first', async () => {
    const drive = new FakeDrive();
    const { client } = await start(
      drive.routes({ beforePut: (d) => (d.content === null ? d.store({ ...sampleConsultation(), title: 'Först' }) : undefined) }),
    );
    const result = await new GraphConsultationDocuments({ client }).save('ogp', null, sampleConsultation());
    expect(result).toMatchObject({ ok: false, conflicts: ['(document)'], theirs: { consultation: { title: 'Först' } } });
  });
});

describe('GraphRegistrationMail', () => {
  it('asks for mails since the instant, oldest first, 50 a page, and reads every page', async () => {
    const message = (id: string, at: string) => ({
      id,
      receivedDateTime: at,
      subject: id,
      from: { emailAddress: { name: id, address: `${id}@org.se` } },
      body: { contentType: 'text', content: 'Anmälan' },
    });
    let base = '';
    const { client, server } = await start((request) =>
      request.url.includes('skiptoken')
        ? { status: 200, json: { value: [message('b', '2023-11-21T08:00:00Z')] } }
        : {
            status: 200,
            json: {
              value: [message('a', '2023-11-20T08:00:00Z')],
              '@odata.nextLink': `${base}/me/mailFolders/inbox/messages?$skiptoken=2`,
            },
          },
    );
    base = server.baseUrl;
    const mails = await new GraphRegistrationMail({ client }).mailsSince(Date.UTC(2023, 10, 20));
    expect(mails.map((m) => m.id)).toEqual(['a', 'b']);
    const first = new URL(`http://x${server.requests[0]?.url ?? ''}`);
    expect(first.pathname).toBe('/v1.0/me/mailFolders/inbox/messages');
    expect(first.searchParams.get('$filter')).toBe('receivedDateTime ge 2023-11-20T00:00:00.000Z');
    expect(first.searchParams.get('$orderby')).toBe('receivedDateTime asc');
    expect(first.searchParams.get('$top')).toBe('50');
    expect(first.searchParams.get('$select')).toContain('internetMessageHeaders');
    expect(server.requests[0]?.url).not.toContain('+');
  });

  it('reads a shared mailbox under /users/{id}', async () => {
    const { client, server } = await start(() => ({ status: 200, json: { value: [] } }));
    await new GraphRegistrationMail({ client, mailbox: 'samrad@fi.se' }).mailsSince(0);
    expect(server.requests[0]?.url).toMatch(/^\/v1\.0\/users\/samrad%40fi\.se\/mailFolders\/inbox\/messages\?/);
  });
});

describe('GraphMeetingChat', () => {
  it("lists people's messages oldest first and posts html", async () => {
    const { client, server } = await start((request) => {
      if (request.method === 'POST') {
        return {
          status: 201,
          json: {
            id: '3',
            createdDateTime: '2023-12-12T12:10:00Z',
            messageType: 'message',
            from: { user: { id: 'u1', displayName: 'Sofia' } },
            body: (JSON.parse(request.body) as { body: unknown }).body,
          },
        };
      }
      return {
        status: 200,
        json: {
          value: [
            {
              id: '2',
              createdDateTime: '2023-12-12T12:05:00Z',
              messageType: 'message',
              from: { user: { id: 'u2', displayName: 'Erik' } },
              body: { contentType: 'text', content: 'Två' },
            },
            {
              id: 's',
              createdDateTime: '2023-12-12T12:01:00Z',
              messageType: 'systemEventMessage',
              from: null,
              body: { contentType: 'html', content: '<systemEventMessage/>' },
            },
            {
              id: '1',
              createdDateTime: '2023-12-12T12:00:00Z',
              messageType: 'message',
              from: { user: { id: 'u1', displayName: 'Sofia' } },
              body: { contentType: 'html', content: '<p>Ett</p>' },
            },
          ],
        },
      };
    });
    const chat = new GraphMeetingChat({ client });
    expect((await chat.listMessages('19:meeting_x@thread.v2')).map((m) => m.id)).toEqual(['1', '2']);
    expect(server.requests[0]?.url).toBe('/v1.0/chats/19%3Ameeting_x%40thread.v2/messages?$top=50');
    const posted = await chat.postMessage('19:meeting_x@thread.v2', '<p>[Fråga 1] Ja</p>');
    expect(posted).toMatchObject({ id: '3', contentType: 'html', content: '<p>[Fråga 1] Ja</p>' });
  });

  it('answers null for a chat that does not exist or is no meeting chat', async () => {
    const { client } = await start((request) =>
      request.url.includes('missing')
        ? { status: 404, json: graphErrorBody('NotFound', 'Resource not found.') }
        : { status: 200, json: { id: '19:group@thread.v2', chatType: 'group' } },
    );
    const chat = new GraphMeetingChat({ client });
    expect(await chat.getMeetingChat('missing')).toBeNull();
    expect(await chat.getMeetingChat('19:group@thread.v2')).toBeNull();
  });
});
