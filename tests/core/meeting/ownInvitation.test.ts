/**
 * From the meeting chat to the agenda in the person's own copy of the invitation, with small fakes of the chat and
 * event ports. The published body is the seed consultation (the OGP consultation of 12 December 2023) as the
 * organiser publishes it into a Teams invitation.
 */
import { describe, expect, it } from 'vitest';
import { importInvitation } from '../../../src/core/invitation';
import { findOwnInvitation, type OwnInvitation, type OwnInvitationPorts } from '../../../src/core/meeting/ownInvitation';
import { PortError, type MeetingChat, type MeetingEvent, type PortErrorCode } from '../../../src/core/ports';
import { publishedAgendaOf } from '../../../src/core/publishing/agendaSection';
import { replaceSamradSection } from '../../../src/core/publishing/bodySection';
import { preparePublication } from '../../../src/core/publishing/publication';
import { readSeedInvitation } from '../../support/seed';
import { MANGLES } from '../publishing/agendaSectionSupport';

const SEED = importInvitation(readSeedInvitation()).consultation;
const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';
const CHAT: MeetingChat = { chatId: '19:meeting_abc@thread.v2', joinUrl: JOIN_URL, calendarEventId: null };

const SEPARATOR = '_'.repeat(80);
/** The join block Outlook writes into a Teams meeting's body (the shape of a real invitation, shortened). */
const JOIN_BLOCK =
  `<div style="width:100%"><span style="white-space:nowrap">${SEPARATOR}</span></div>` +
  `<div class="me-email-text" lang="sv-SE"><a class="me-email-headline" href="${JOIN_URL}">Klicka här för att ansluta till mötet</a></div>`;
const UNPUBLISHED_BODY = `<html><head></head><body><p>Välkomna till samrådet.</p>${JOIN_BLOCK}</body></html>`;

const SECTION = preparePublication(SEED, { now: '2023-12-01T09:30:00+01:00', languages: ['sv', 'en'] }).sectionHtml;
const PUBLISHED_BODY = replaceSamradSection(UNPUBLISHED_BODY, SECTION);

function copyWith(bodyHtml: string): MeetingEvent {
  return {
    id: 'AAMkAttendeeCopy',
    iCalUId: '040000008200E00074C5B7101A82E008',
    subject: SEED.title,
    start: SEED.start,
    end: SEED.end,
    joinUrl: JOIN_URL,
    bodyHtml,
    organizerEmail: 'samrad@example.se',
    attendees: [],
    etag: 'W/"1"',
    link: null,
  };
}

const portError = (code: PortErrorCode): PortError =>
  new PortError(code, { sv: `Fel: ${code}.`, en: `Error: ${code}.` }, { sv: 'Försök igen.', en: 'Try again.' });

interface Fakes {
  readonly ports: OwnInvitationPorts;
  readonly calls: { chats: string[]; events: string[] };
}

/** Ports that answer as told and write down what they were asked. */
function fakes(
  chat: () => Promise<MeetingChat | null>,
  copy: () => Promise<MeetingEvent | null> = () => Promise.resolve(null),
): Fakes {
  const calls = { chats: [] as string[], events: [] as string[] };
  return {
    calls,
    ports: {
      chats: {
        getMeetingChat: (chatId) => {
          calls.chats.push(chatId);
          return chat();
        },
      },
      events: {
        findByJoinUrl: (joinUrl) => {
          calls.events.push(joinUrl);
          return copy();
        },
      },
    },
  };
}

const answer =
  <T>(value: T) =>
  (): Promise<T> =>
    Promise.resolve(value);
const fail = (error: unknown) => (): Promise<never> => Promise.reject(error instanceof Error ? error : new Error(String(error)));

describe('findOwnInvitation', () => {
  it('finds the agenda published in the person’s own copy, through the chat’s join link', async () => {
    const copy = copyWith(PUBLISHED_BODY);
    const { ports, calls } = fakes(answer(CHAT), answer(copy));
    expect(await findOwnInvitation(ports, CHAT.chatId)).toEqual({
      kind: 'published',
      chat: CHAT,
      event: copy,
      agenda: publishedAgendaOf(SEED),
    });
    expect(calls).toEqual({ chats: [CHAT.chatId], events: [JOIN_URL] });
  });

  it('reads the seed’s agenda as published: four items in two parts, three questions on the discussion items', async () => {
    const found = await findOwnInvitation(fakes(answer(CHAT), answer(copyWith(PUBLISHED_BODY))).ports, CHAT.chatId);
    const agenda = found.kind === 'published' ? found.agenda : null;
    expect(agenda?.parts.map((p) => [p.title, p.items.length])).toEqual([
      ['Information', 1],
      ['Diskussion', 3],
    ]);
    expect(agenda?.questions.map((q) => q.itemIndex)).toEqual([1, 2, 3]);
  });

  it('finds it in an attendee copy whose comments were dropped and whose id got the x_ prefix (Outlook on the web)', async () => {
    const attendeeCopy = PUBLISHED_BODY.replace(/<!--samrad:[^>]*-->/g, '').replace(
      'id="samrad-section" data-samrad-section="1"',
      'id="x_samrad-section"',
    );
    expect(attendeeCopy).not.toContain('<!--samrad');
    const found = await findOwnInvitation(fakes(answer(CHAT), answer(copyWith(attendeeCopy))).ports, CHAT.chatId);
    expect(found).toMatchObject({ kind: 'published', agenda: publishedAgendaOf(SEED) });
  });

  it.each(MANGLES)('finds it in a copy a mail system rewrote: %s', async (_, mangle) => {
    const copy = copyWith(replaceSamradSection(UNPUBLISHED_BODY, mangle(SECTION)));
    const found = await findOwnInvitation(fakes(answer(CHAT), answer(copy)).ports, CHAT.chatId);
    expect(found).toEqual({ kind: 'published', chat: CHAT, event: copy, agenda: publishedAgendaOf(SEED) });
  });

  it('says no-meeting for a chat that belongs to no online meeting, without looking for a copy', async () => {
    const { ports, calls } = fakes(answer(null), fail('must not be asked'));
    expect(await findOwnInvitation(ports, '19:group@thread.v2')).toEqual({ kind: 'no-meeting' });
    expect(calls.events).toEqual([]);
  });

  it.each<PortErrorCode>(['forbidden', 'not-found'])(
    'says not-invited, without a chat, when the chat may not be read (%s): the person is not in this meeting',
    async (code) => {
      const { ports, calls } = fakes(fail(portError(code)), fail('must not be asked'));
      expect(await findOwnInvitation(ports, CHAT.chatId)).toEqual({ kind: 'not-invited', chat: null });
      expect(calls.events).toEqual([]);
    },
  );

  it('says not-invited, with the chat, when the person has no copy of the invitation (a forwarded link)', async () => {
    expect(await findOwnInvitation(fakes(answer(CHAT), answer(null)).ports, CHAT.chatId)).toEqual({
      kind: 'not-invited',
      chat: CHAT,
    });
  });

  it('says not-published for a copy without Samråd’s section', async () => {
    const copy = copyWith(UNPUBLISHED_BODY);
    expect(await findOwnInvitation(fakes(answer(CHAT), answer(copy)).ports, CHAT.chatId)).toEqual({
      kind: 'not-published',
      chat: CHAT,
      event: copy,
    });
  });

  it.each<[name: string, section: string]>([
    ['a section whose words were replaced', '<h2>Dagordning</h2><p>Se bifogad fil.</p>'],
    ['a section cut before its rows', SECTION.slice(0, SECTION.indexOf('<tbody>'))],
    ['an empty section', ''],
    [
      'a section whose caption counts more items than it has',
      SECTION.replace(/4 punkter/, '5 punkter').replace(/4 items/, '5 items'),
    ],
  ])('says unreadable for %s', async (_, section) => {
    const copy = copyWith(replaceSamradSection(UNPUBLISHED_BODY, section));
    const expected: OwnInvitation = { kind: 'unreadable', chat: CHAT, event: copy };
    expect(await findOwnInvitation(fakes(answer(CHAT), answer(copy)).ports, CHAT.chatId)).toEqual(expected);
  });

  it.each<PortErrorCode>(['unauthorized', 'throttled', 'unavailable', 'network', 'service-error', 'invalid-response'])(
    'passes on any other failure to read the chat (%s), the same error',
    async (code) => {
      const error = portError(code);
      await expect(findOwnInvitation(fakes(fail(error)).ports, CHAT.chatId)).rejects.toBe(error);
    },
  );

  it('passes on an error that is not a PortError, from either port', async () => {
    const error = new TypeError('fetch failed');
    await expect(findOwnInvitation(fakes(fail(error)).ports, CHAT.chatId)).rejects.toBe(error);
    await expect(findOwnInvitation(fakes(answer(CHAT), fail(error)).ports, CHAT.chatId)).rejects.toBe(error);
  });

  it('says no-mailbox, with the chat, when the calendar search finds no mailbox (a guest in the ministry’s tenant)', async () => {
    expect(await findOwnInvitation(fakes(answer(CHAT), fail(portError('not-found'))).ports, CHAT.chatId)).toEqual({
      kind: 'no-mailbox',
      chat: CHAT,
    });
  });

  it.each<PortErrorCode>(['forbidden', 'unauthorized', 'throttled', 'network', 'permission-missing'])(
    'passes on a failure to search the person’s own calendar (%s): it is no answer about the invitation',
    async (code) => {
      const error = portError(code);
      await expect(findOwnInvitation(fakes(answer(CHAT), fail(error)).ports, CHAT.chatId)).rejects.toBe(error);
    },
  );
});
