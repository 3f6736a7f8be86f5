/**
 * GraphMyMeetings against a scripted Graph: the calendarView request it sends (window, $select, page size, Prefer),
 * every page followed by @odata.nextLink exactly as given, only events whose body carries Samråd's section, the
 * person's own reply and cancellation mapped, times in Stockholm, earliest first; an answer of the wrong shape is a
 * typed error, and a window that is not one is refused before anything is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isPortError } from '../../src/core/ports/errors';
import { renderAgendaSection } from '../../src/core/publishing/agendaSection';
import { extractSamradSection, replaceSamradSection } from '../../src/core/publishing/bodySection';
import { fixedClock } from '../../src/core/time/clock';
import { CALENDAR_PAGE_SIZE, GraphMyMeetings } from '../../src/graph/adapters/myMeetings';
import { GraphClient } from '../../src/graph/http/graphClient';
import { sampleConsultation } from '../support/consultations';
import {
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

async function start(handler: (request: ReceivedRequest) => Reply) {
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

const SECTION = renderAgendaSection(sampleConsultation(), { languages: ['sv'] });
const PUBLISHED = replaceSamradSection('<p>Välkomna</p><div>Microsoft Teams-möte</div>', SECTION);

function event(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `AAMk${n}=`,
    iCalUId: `ical-${n}`,
    subject: `Samråd ${n}`,
    start: { dateTime: `2024-01-${String(10 + n).padStart(2, '0')}T12:00:00.0000000`, timeZone: 'UTC' },
    end: { dateTime: `2024-01-${String(10 + n).padStart(2, '0')}T13:30:00.0000000`, timeZone: 'UTC' },
    body: { contentType: 'html', content: PUBLISHED },
    isCancelled: false,
    responseStatus: { response: 'accepted', time: '2023-12-01T10:00:00Z' },
    ...overrides,
  };
}

const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2024-06-29T00:00:00Z');

describe('GraphMyMeetings', () => {
  it('asks calendarView for the window, only the fields it shows, 50 a page, times in UTC and the body as HTML', async () => {
    const { client, server: graph } = await start(() => ({ status: 200, json: { value: [] } }));
    expect(await new GraphMyMeetings({ client }).consultations(FROM, TO)).toEqual([]);
    expect(graph.requests).toHaveLength(1);
    const request = graph.requests[0];
    const url = new URL(request?.url ?? '', graph.origin);
    expect(url.pathname).toBe('/v1.0/me/calendarView');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startDateTime: '2024-01-01T00:00:00.000Z',
      endDateTime: '2024-06-29T00:00:00.000Z',
      $select: 'id,iCalUId,subject,start,end,body,responseStatus,isCancelled',
      $top: String(CALENDAR_PAGE_SIZE),
    });
    expect(request?.headers['prefer']).toBe('outlook.timezone="UTC", outlook.body-content-type="html"');
  });

  it("reads a shared mailbox's calendar when given one", async () => {
    const { client, server: graph } = await start(() => ({ status: 200, json: { value: [] } }));
    await new GraphMyMeetings({ client, mailbox: 'samrad@fi.example.se' }).consultations(FROM, TO);
    expect(graph.requests[0]?.url).toMatch(/^\/v1\.0\/users\/samrad%40fi\.example\.se\/calendarView\?/);
  });

  it('follows every @odata.nextLink as given and keeps only the consultations, earliest first', async () => {
    const { client, server: graph } = await start((request) => {
      if (request.url.includes('page=2')) {
        return {
          status: 200,
          json: { value: [event(1, { subject: 'Tidigast' }), event(7, { body: { content: '<p>Lunch</p>' } })] },
        };
      }
      return {
        status: 200,
        json: {
          value: [
            event(4),
            event(2, { body: null }),
            event(3, { subject: 'Samma tid B' }),
            event(3, { id: 'x', subject: 'Samma tid A' }),
          ],
          '@odata.nextLink': `${graph.baseUrl}/me/calendarView?startDateTime=x&page=2&$skiptoken=abc%3D`,
        },
      };
    });
    const found = await new GraphMyMeetings({ client }).consultations(FROM, TO);
    expect(graph.requests.map((r) => r.url.split('?')[1]?.includes('page=2') ?? false)).toEqual([false, true]);
    // The nextLink is sent exactly as Graph gave it, escapes and all.
    expect(graph.requests[1]?.url).toBe('/v1.0/me/calendarView?startDateTime=x&page=2&$skiptoken=abc%3D');
    expect(found.map((c) => c.subject)).toEqual(['Tidigast', 'Samma tid A', 'Samma tid B', 'Samråd 4']);
  });

  it('maps one consultation: times in Stockholm, the section as found, the reply and cancellation', async () => {
    const { client } = await start(() => ({
      status: 200,
      json: { value: [event(2, { isCancelled: true, responseStatus: { response: 'tentativelyAccepted' } })] },
    }));
    const [found] = await new GraphMyMeetings({ client }).consultations(FROM, TO);
    expect(found).toEqual({
      id: 'AAMk2=',
      iCalUId: 'ical-2',
      subject: 'Samråd 2',
      start: '2024-01-12T13:00:00+01:00',
      end: '2024-01-12T14:30:00+01:00',
      response: 'tentativelyAccepted',
      cancelled: true,
      sectionHtml: extractSamradSection(PUBLISHED),
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['organizer', { responseStatus: { response: 'organizer' } }, 'organizer'],
    ['notResponded', { responseStatus: { response: 'notResponded' } }, 'notResponded'],
    ['declined', { responseStatus: { response: 'declined' } }, 'declined'],
    ['an answer Graph added later', { responseStatus: { response: 'unknownFutureValue' } }, 'none'],
    ['no responseStatus', { responseStatus: null }, 'none'],
  ])('reads the reply %s', async (_label, overrides, expected) => {
    const { client } = await start(() => ({ status: 200, json: { value: [event(1, overrides)] } }));
    const [found] = await new GraphMyMeetings({ client }).consultations(FROM, TO);
    expect(found?.response).toBe(expected);
  });

  it('gives an event without subject an empty one and a missing cancellation flag as not cancelled', async () => {
    const { client } = await start(() => ({
      status: 200,
      json: { value: [event(1, { subject: null, isCancelled: undefined })] },
    }));
    const [found] = await new GraphMyMeetings({ client }).consultations(FROM, TO);
    expect(found).toMatchObject({ subject: '', cancelled: false });
  });

  it('reports an answer without the fields it asked for as a typed error', async () => {
    const { client } = await start(() => ({ status: 200, json: { value: [event(1, { start: undefined })] } }));
    const failure = await new GraphMyMeetings({ client }).consultations(FROM, TO).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isPortError(failure) && failure.code).toBe('invalid-response');
    expect(isPortError(failure) && failure.what.en).toMatch(/a calendar event \(start/);
  });

  it.each([
    ['an empty window', FROM, FROM],
    ['a window that ends before it starts', TO, FROM],
    ['a start that is not a time', Number.NaN, TO],
    ['an end that never comes', FROM, Number.POSITIVE_INFINITY],
  ])('refuses %s before sending anything', async (_label, from, to) => {
    const { client, server: graph } = await start(() => ({ status: 200, json: { value: [] } }));
    const failure = await new GraphMyMeetings({ client }).consultations(from, to).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isPortError(failure) && failure.code).toBe('bad-request');
    expect(isPortError(failure) && failure.what.sv).toMatch(/Tidsfönstret/);
    expect(graph.requests).toHaveLength(0);
  });
});
