/** The adapters' mappers on payloads recorded in the shape of Microsoft's Graph documentation (tests/fixtures/graph). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortError, type PortError } from '../../src/core/ports/errors';
import { extractSamradSection, replaceSamradSection } from '../../src/core/publishing/bodySection';
import { fixedClock } from '../../src/core/time/clock';
import { GraphClient } from '../../src/graph/http/graphClient';
import { parseGraphErrorBody } from '../../src/graph/http/graphError';
import {
  chatMessageBody,
  isPersonMessage,
  meetingChatOfChat,
  meetingChatOfOnlineMeeting,
  toChatMessage,
} from '../../src/graph/mappers/chat';
import { instantOfGraphDateTime, isoOfGraphDateTime } from '../../src/graph/mappers/dateTime';
import { etagOfDriveItem } from '../../src/graph/mappers/driveItem';
import { attendeesPatch, graphAttendeesOf, linkExtensionBody, toMeetingEvent } from '../../src/graph/mappers/event';
import { toIncomingMail } from '../../src/graph/mappers/message';
import { inOrder, recordingSleep, startScriptedServer, type ScriptedServer } from './support/scriptedServer';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'tests/fixtures/graph', name), 'utf8')) as Record<string, unknown>;
}

function values(name: string): unknown[] {
  const value = fixture(name)['value'];
  if (!Array.isArray(value)) throw new Error(`${name} has no value`);
  return value as unknown[];
}

/** A copy without one property, as a service that left it out would send. */
function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

function portError(run: () => unknown): PortError {
  try {
    run();
  } catch (error) {
    if (isPortError(error)) return error;
    throw error;
  }
  throw new Error('expected a PortError');
}

const ZONE = 'Europe/Stockholm';

describe('event mapper', () => {
  it('maps the event, its attendees, the join link and the link extension', () => {
    const event = toMeetingEvent(fixture('event.json'), ZONE);
    expect(event).toMatchObject({
      id: 'AAMkAGIAAAoZDOFAAA=',
      subject: 'Samråd om Sveriges handlingsplan för OGP 2023–2025',
      start: '2023-12-12T13:00:00+01:00',
      end: '2023-12-12T14:30:00+01:00',
      organizerEmail: 'organisator@fi.example.se',
      etag: 'W/"DwAAABYAAABTmkl5Vlf9Q4LBlnq6fsrOAAAi7GHT"',
      link: { documentName: 'ogp-2023-12-12' },
    });
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(event.attendees).toEqual([
      { email: 'sofia.lindqvist@raddabarnen.example.se', name: 'Sofia Lindqvist', response: 'accepted' },
      { email: 'Erik.Holm@Transparency.example.se', name: 'Erik Holm', response: 'none' },
      { email: 'registrator@digg.example.se', name: 'Myndigheten för digital förvaltning', response: 'tentativelyAccepted' },
    ]);
  });

  it('reads a body whose section it can put before the join block', () => {
    const event = toMeetingEvent(fixture('event.json'), ZONE);
    const body = replaceSamradSection(event.bodyHtml, '<h2>Dagordning</h2>');
    expect(extractSamradSection(body)).toBe('<h2>Dagordning</h2>');
    expect(body.indexOf('samrad:begin')).toBeLessThan(body.indexOf('Microsoft Teams-möte'));
  });

  it('has no link without the extension, and refuses a damaged one', () => {
    const plain = without(fixture('event.json'), 'extensions');
    expect(toMeetingEvent(plain, ZONE).link).toBeNull();
    const damaged = {
      ...plain,
      extensions: [
        { id: 'Microsoft.OutlookServices.OpenTypeExtension.se.samrad.consultation', documentPath: 'Samrad/../x.json' },
      ],
    };
    expect(portError(() => toMeetingEvent(damaged, ZONE)).code).toBe('invalid-link');
  });

  it('refuses an event without id, times or etag as an invalid response', () => {
    const noId = without(fixture('event.json'), 'id');
    expect(portError(() => toMeetingEvent(noId, ZONE)).code).toBe('invalid-response');
    const noEtag = without(fixture('event.json'), '@odata.etag');
    expect(portError(() => toMeetingEvent(noEtag, ZONE)).what.en).toMatch(/without @odata.etag/);
    expect(portError(() => toMeetingEvent({ ...noId, id: 'x', start: { dateTime: 'soon', timeZone: 'UTC' } }, ZONE)).code).toBe(
      'invalid-response',
    );
  });

  it('writes the attendees back as they were, adding the new ones as required, without response status', () => {
    const patch = attendeesPatch(graphAttendeesOf(fixture('event.json')), [{ email: 'ny@org.example.se', name: null }]);
    expect(patch.attendees).toEqual([
      { type: 'required', emailAddress: { address: 'sofia.lindqvist@raddabarnen.example.se', name: 'Sofia Lindqvist' } },
      { type: 'required', emailAddress: { address: 'Erik.Holm@Transparency.example.se', name: 'Erik Holm' } },
      { type: 'optional', emailAddress: { address: 'registrator@digg.example.se', name: 'Myndigheten för digital förvaltning' } },
      { type: 'required', emailAddress: { address: 'ny@org.example.se' } },
    ]);
  });

  it('writes the link extension as an open type extension', () => {
    expect(linkExtensionBody({ documentName: 'ogp' })).toEqual({
      '@odata.type': 'microsoft.graph.openTypeExtension',
      extensionName: 'se.samrad.consultation',
      documentPath: 'Samrad/consultations/ogp.json',
      schemaVersion: 1,
    });
  });
});

describe('dateTimeTimeZone', () => {
  it.each<[string, string | null, string]>([
    ['2023-12-12T12:00:00.0000000', 'UTC', '2023-12-12T13:00:00+01:00'],
    ['2023-12-12T13:00:00.0000000', 'Europe/Stockholm', '2023-12-12T13:00:00+01:00'],
    ['2023-12-12T13:00:00.0000000', 'W. Europe Standard Time', '2023-12-12T13:00:00+01:00'],
    ['2024-06-12T13:00:00', 'W. Europe Standard Time', '2024-06-12T13:00:00+02:00'],
    ['2023-12-12T12:00:00Z', null, '2023-12-12T13:00:00+01:00'],
    ['2023-12-12T12:00:30.5000000', 'UTC', '2023-12-12T13:00:30+01:00'],
  ])('%s in %s is %s', (dateTime, timeZone, expected) => {
    expect(isoOfGraphDateTime({ dateTime, timeZone }, ZONE)).toBe(expected);
  });

  it('refuses a zone it does not know rather than guessing', () => {
    expect(
      portError(() => instantOfGraphDateTime({ dateTime: '2023-12-12T12:00:00', timeZone: 'Mars Standard Time' })).code,
    ).toBe('invalid-response');
  });
});

describe('message mapper', () => {
  it('maps a page of registration mails with html and text bodies', () => {
    const [first, second] = values('messages-page.json').map(toIncomingMail);
    expect(first).toEqual({
      id: 'AAMkAGUAAAwTW09AAA=',
      internetMessageId: '<DB9PR01MB0001@raddabarnen.example.se>',
      conversationId: 'AAQkAGUAAAwTW09AAQ=',
      receivedAt: '2023-11-20T09:15:00Z',
      from: { name: 'Sofia Lindqvist', email: 'sofia.lindqvist@raddabarnen.example.se' },
      replyTo: [],
      subject: 'Anmälan till samråd 12 december',
      bodyText: null,
      bodyHtml: '<html><body><p>Hej! Jag anmäler mig till samrådet.</p><p>Sofia Lindqvist, Rädda Barnen</p></body></html>',
      hasAttachments: false,
      autoSubmitted: false,
    });
    expect(second).toMatchObject({
      bodyText: 'Jag är på semester till och med 27 november.',
      bodyHtml: null,
      autoSubmitted: true,
      replyTo: [{ name: 'Kansliet', email: 'kansliet@transparency.example.se' }],
    });
  });

  it('says nothing about automatic replies when the header was not given', () => {
    const message = without(values('messages-page.json')[0] as Record<string, unknown>, 'internetMessageHeaders');
    expect(toIncomingMail(message).autoSubmitted).toBeNull();
  });

  it('refuses a mail with an unreadable time', () => {
    const message = { ...(values('messages-page.json')[0] as Record<string, unknown>), receivedDateTime: '20 nov' };
    expect(portError(() => toIncomingMail(message)).code).toBe('invalid-response');
  });
});

describe('chat mappers', () => {
  it("keeps people's messages and leaves out system events and deleted messages", () => {
    const messages = values('chatMessages.json');
    expect(messages.map(isPersonMessage)).toEqual([true, false, false]);
    expect(toChatMessage(messages[0])).toEqual({
      id: '1702381322044',
      createdAt: '2023-12-12T11:42:02.044Z',
      from: { userId: '8ea0e38b-efb3-4757-924a-5f94061cf8c2', displayName: 'Sofia Lindqvist' },
      contentType: 'html',
      content: '<p>[Fråga 2] Civilsamhället behöver få tidigare besked om remisser.</p>',
    });
    expect(toChatMessage(messages[1]).from).toBeNull();
  });

  it('finds the chat of an online meeting and the meeting of a chat', () => {
    expect(meetingChatOfOnlineMeeting(values('onlineMeetings.json')[0])).toEqual({
      chatId: '19:meeting_NmQ0Y2I3@thread.v2',
      joinUrl:
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NmQ0Y2I3%40thread.v2/0?context=%7b%22Tid%22%3a%225f1c%22%7d',
      calendarEventId: null,
    });
    expect(meetingChatOfChat(fixture('chat.json'))).toMatchObject({
      chatId: '19:meeting_NmQ0Y2I3@thread.v2',
      calendarEventId: 'AAMkAGIAAAoZDOFAAA=',
    });
    expect(meetingChatOfChat({ id: '19:abc@thread.v2', chatType: 'group', onlineMeetingInfo: null })).toBeNull();
  });

  it('posts html', () => {
    expect(chatMessageBody('<p>Hej</p>')).toEqual({ body: { contentType: 'html', content: '<p>Hej</p>' } });
  });
});

describe('driveItem and error mappers', () => {
  it('reads the eTag of a stored file', () => {
    expect(etagOfDriveItem(fixture('driveItem.json'))).toBe('"{2F0D6C4E-4D3A-4F0B-9C61-0E7B5A2D9C13},3"');
    expect(portError(() => etagOfDriveItem({ id: 'x' })).code).toBe('invalid-response');
  });

  it("reads Graph's error body", () => {
    expect(parseGraphErrorBody(JSON.stringify(fixture('error.json')))).toEqual({
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
      requestId: 'c8f3d2a1-5b6e-4f7a-9c0d-1e2f3a4b5c6d',
    });
  });
});

describe('recorded answers through the client', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const client = (s: ScriptedServer) =>
    new GraphClient({
      baseUrl: s.baseUrl,
      tokens: { getToken: () => Promise.resolve('t') },
      clock: fixedClock(0),
      sleep: recordingSleep().sleep,
      random: () => 0,
    });

  it('turns the recorded error into a forbidden GraphError with its request id', async () => {
    server = await startScriptedServer(inOrder({ status: 403, json: fixture('error.json') }));
    await expect(client(server).request({ method: 'GET', url: '/me/events' })).rejects.toMatchObject({
      code: 'forbidden',
      graphCode: 'ErrorAccessDenied',
      requestId: 'c8f3d2a1-5b6e-4f7a-9c0d-1e2f3a4b5c6d',
    });
  });

  it('reads the recorded $batch answer, retrying only its throttled item', async () => {
    const recorded = fixture('batch-response.json');
    server = await startScriptedServer(
      inOrder(
        { status: 200, json: recorded },
        { status: 200, json: { responses: [{ id: '3', status: 200, body: { id: 'third' } }] } },
      ),
    );
    const results = await client(server).batch([
      { method: 'GET', url: '/me/events/AAMkAGIAAAoZDOFAAA=?$select=subject' },
      { method: 'GET', url: '/me/events/missing' },
      { method: 'GET', url: '/me/events/third' },
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 404, 200]);
    expect(results[0]?.body).toMatchObject({ subject: 'Samråd om Sveriges handlingsplan för OGP 2023–2025' });
    expect(results[1]?.error).toMatchObject({ code: 'not-found', graphCode: 'ErrorItemNotFound' });
    expect(server.requests).toHaveLength(2);
  });

  it("follows the recorded message page's nextLink as given, escapes and all", async () => {
    const page = fixture('messages-page.json');
    const recordedLink = String(page['@odata.nextLink']);
    let base = '';
    server = await startScriptedServer((request) =>
      request.url.includes('%24skip=2')
        ? { status: 200, json: { value: [] } }
        : { status: 200, json: { ...page, '@odata.nextLink': recordedLink.replace('https://graph.microsoft.com/v1.0', base) } },
    );
    base = server.baseUrl;
    const mails = (await client(server).all('/me/mailFolders/inbox/messages?$top=2')).map(toIncomingMail);
    expect(mails.map((m) => m.subject)).toEqual(['Anmälan till samråd 12 december', 'Automatiskt svar: Inbjudan till samråd']);
    expect(server.requests[1]?.url).toBe(recordedLink.replace('https://graph.microsoft.com', ''));
  });
});
