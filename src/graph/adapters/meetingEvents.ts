/**
 * MeetingEventPort over Graph: the event and its link in one request, attendees and body by read-modify-write
 * with If-Match, the link as an open extension. How invitations stay idempotent is in ADR 0003: every round reads
 * the event afresh and adds only who is missing, so a PATCH whose answer was lost is seen on the next read and
 * nobody is invited twice.
 */
import type { Bilingual } from '../../core/errors';
import { isPortError, PortError } from '../../core/ports/errors';
import { planInvitations } from '../../core/ports/invitations';
import type { ConsultationLink, InvitationResult, Invitee, MeetingEvent, MeetingEventPort } from '../../core/ports/meetingEvent';
import { extractSamradSection, replaceSamradSection } from '../../core/publishing/bodySection';
import { normalizeText } from '../../core/publishing/htmlText';
import type { GraphClient, GraphResponse } from '../http/graphClient';
import { isGraphError, isRecord } from '../http/graphError';
import { mailboxRoot, odataString, queryString, segment } from '../http/odata';
import { meetingChatOfChat } from '../mappers/chat';
import { instantOfGraphDateTime } from '../mappers/dateTime';
import { attendeesPatch, graphAttendeesOf, LINK_EXTENSION_NAME, linkExtensionBody, toMeetingEvent } from '../mappers/event';
import { onlineMeetingShape, read } from '../mappers/shapes';
import { DEFAULT_DISPLAY_ZONE, DEFAULT_MAX_ROUNDS, type AdapterOptions } from './options';

const EVENT_SELECT = 'id,iCalUId,subject,start,end,body,organizer,attendees,responseStatus,onlineMeeting';
const LINK_EXPAND = `extensions($filter=id eq ${odataString(LINK_EXTENSION_NAME)})`;
/** Times in UTC (mapped to the display zone here) and the body as HTML, whatever the mailbox's settings. */
const PREFER = { prefer: 'outlook.timezone="UTC", outlook.body-content-type="html"' };

/** Answers after which a write may or may not have happened: read again before deciding anything. */
function isUnsettled(error: unknown): boolean {
  return isGraphError(error) && (error.code === 'precondition-failed' || error.code === 'network' || error.status === 504);
}

/** Join links appear with differently cased escapes (%3a / %3A); compare them decoded. */
function sameJoinUrl(a: string, b: string): boolean {
  const canonical = (url: string): string => {
    try {
      return decodeURIComponent(url).trim().toLowerCase();
    } catch {
      return url.trim().toLowerCase();
    }
  };
  return canonical(a) === canonical(b);
}

function busyEvent(eventId: string, rounds: number, what: Bilingual): PortError {
  return new PortError(
    'event-busy',
    {
      sv: `Mötet ändrades av någon annan under tiden, ${rounds} gånger i rad; ${what.sv} gjordes inte klart.`,
      en: `The meeting was changed by someone else meanwhile, ${rounds} times in a row; ${what.en} did not complete.`,
    },
    {
      sv: `Vänta en stund och försök igen (möte ${eventId}). Det som redan gjorts görs inte om.`,
      en: `Wait a moment and try again (meeting ${eventId}). What was already done is not done again.`,
    },
  );
}

export class GraphMeetingEvents implements MeetingEventPort {
  private readonly client: GraphClient;
  private readonly root: string;
  private readonly zone: string;
  private readonly maxRounds: number;

  constructor(options: AdapterOptions) {
    this.client = options.client;
    this.root = mailboxRoot(options.mailbox ?? 'me');
    this.zone = options.displayZone ?? DEFAULT_DISPLAY_ZONE;
    this.maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  }

  private eventUrl(eventId: string): string {
    return `${this.root}/events/${segment(eventId)}`;
  }

  async getEvent(eventId: string): Promise<MeetingEvent> {
    // One round trip: the event and its link extension together (ADR 0002).
    return (await this.readForWrite(eventId)).event;
  }

  private async firstEvent(url: string): Promise<MeetingEvent | null> {
    const page = await this.client.page(url, PREFER);
    const first = page.value[0];
    return first === undefined ? null : toMeetingEvent(first, this.zone);
  }

  async findByICalUId(iCalUId: string): Promise<MeetingEvent | null> {
    const url =
      `${this.root}/events` +
      queryString({ $filter: `iCalUId eq ${odataString(iCalUId)}`, $select: EVENT_SELECT, $expand: LINK_EXPAND });
    return this.firstEvent(url);
  }

  async findByJoinUrl(joinUrl: string): Promise<MeetingEvent | null> {
    const meetings = await this.client.page(
      `${this.root}/onlineMeetings` + queryString({ $filter: `JoinWebUrl eq ${odataString(joinUrl)}` }),
    );
    const first = meetings.value[0];
    if (first === undefined) return null;
    const meeting = read(onlineMeetingShape, first, 'an online meeting');

    // The organiser: the meeting chat names the organiser's event.
    const threadId = meeting.chatInfo?.threadId ?? '';
    if (threadId !== '') {
      try {
        const chat = meetingChatOfChat(await this.client.json({ method: 'GET', url: `/chats/${segment(threadId)}` }));
        const calendarEventId = chat?.calendarEventId ?? null;
        const event = calendarEventId === null ? null : await this.getEvent(calendarEventId);
        if (event !== null && event.joinUrl !== null && sameJoinUrl(event.joinUrl, joinUrl)) return event;
      } catch (error) {
        // Not the organiser (the id is of another mailbox), or no access to the chat: look in this person's own
        // calendar instead.
        if (!isGraphError(error) || (error.code !== 'not-found' && error.code !== 'forbidden')) throw error;
      }
    }
    return this.findInCalendar(joinUrl, meeting.startDateTime ?? null, meeting.endDateTime ?? null);
  }

  /** An attendee's own copy: the events in the meeting's time window whose join link is this one. */
  private async findInCalendar(joinUrl: string, start: string | null, end: string | null): Promise<MeetingEvent | null> {
    if (start === null || end === null) return null;
    const window = (iso: string): string => new Date(instantOfGraphDateTime({ dateTime: iso, timeZone: 'UTC' })).toISOString();
    const url =
      `${this.root}/calendarView` +
      queryString({ startDateTime: window(start), endDateTime: window(end), $select: EVENT_SELECT, $expand: LINK_EXPAND });
    const events = await this.client.all(url, PREFER);
    const found = events
      .map((e) => toMeetingEvent(e, this.zone))
      .find((e) => e.joinUrl !== null && sameJoinUrl(e.joinUrl, joinUrl));
    return found ?? null;
  }

  async inviteAttendees(eventId: string, people: readonly Invitee[]): Promise<InvitationResult> {
    const url = this.eventUrl(eventId);
    let current = await this.readForWrite(eventId);
    // Who was there when the call started decides what the caller is told; each fresh read decides what is sent.
    const initial = planInvitations(current.event, people);
    const startedWith = new Set(initial.alreadyInvited.map((p) => p.email));
    // Someone on the list at the start whom another organiser removed meanwhile is not put back behind their back.
    const missingFrom = (event: MeetingEvent): Invitee[] =>
      planInvitations(event, people).toAdd.filter((p) => !startedWith.has(p.email));
    const done = (event: MeetingEvent): InvitationResult => ({
      added: initial.toAdd,
      alreadyInvited: initial.alreadyInvited,
      event,
    });

    for (let round = 1; ; round += 1) {
      const missing = missingFrom(current.event);
      if (missing.length === 0) return done(current.event);
      if (round > this.maxRounds) throw busyEvent(eventId, this.maxRounds, { sv: 'inbjudan', en: 'the invitation' });
      try {
        const response = await this.client.request({
          method: 'PATCH',
          url,
          headers: { ...PREFER, 'if-match': current.event.etag },
          json: attendeesPatch(current.raw, missing),
        });
        const updated = this.afterWrite(response, url, current.event);
        if (updated !== null && missingFrom(updated).length === 0) return done(updated);
      } catch (error) {
        if (!isUnsettled(error)) throw error;
      }
      // A 412, a lost answer or an answer that does not show everyone: what is on the event now decides.
      current = await this.readForWrite(eventId);
    }
  }

  async publishSection(eventId: string, sectionHtml: string): Promise<MeetingEvent> {
    const url = this.eventUrl(eventId);
    for (let round = 1; round <= this.maxRounds; round += 1) {
      const { event } = await this.readForWrite(eventId);
      // Unchanged: no write, so attendees get no update mail for nothing. Compared as text, because Exchange and
      // Outlook re-serialise the body (whitespace, line breaks) without changing what it says.
      const published = extractSamradSection(event.bodyHtml);
      if (published !== null && normalizeText(published) === normalizeText(sectionHtml)) return event;
      const body = replaceSamradSection(event.bodyHtml, sectionHtml);
      try {
        const response = await this.client.request({
          method: 'PATCH',
          url,
          headers: { ...PREFER, 'if-match': event.etag },
          json: { body: { contentType: 'html', content: body } },
        });
        const updated = this.afterWrite(response, url, event);
        if (updated !== null) return updated;
      } catch (error) {
        if (!isUnsettled(error)) throw error;
      }
    }
    throw busyEvent(eventId, this.maxRounds, { sv: 'publiceringen', en: 'publishing' });
  }

  async setLink(eventId: string, link: ConsultationLink): Promise<void> {
    const body = linkExtensionBody(link);
    const extensionUrl = `${this.eventUrl(eventId)}/extensions/${segment(LINK_EXTENSION_NAME)}`;
    // Replacing the properties with the same values twice is harmless, so the PATCH may be repeated.
    const replace = (): Promise<unknown> =>
      this.client.request({ method: 'PATCH', url: extensionUrl, json: body, repeatable: true });
    try {
      await replace();
      return;
    } catch (error) {
      if (!isGraphError(error) || error.code !== 'not-found') throw error;
    }
    try {
      // A repeated create answers 409 instead of creating a second extension, so it may be repeated too.
      await this.client.request({ method: 'POST', url: `${this.eventUrl(eventId)}/extensions`, json: body, repeatable: true });
    } catch (error) {
      if (!isGraphError(error) || error.code !== 'conflict') throw error;
      await replace();
    }
  }

  /** The event (with its link) and its attendees exactly as Graph gave them, for a write that keeps everyone. */
  private async readForWrite(eventId: string): Promise<{ event: MeetingEvent; raw: ReturnType<typeof graphAttendeesOf> }> {
    const url = this.eventUrl(eventId) + queryString({ $select: EVENT_SELECT, $expand: LINK_EXPAND });
    const response = await this.client.request({ method: 'GET', url, headers: PREFER });
    const json = this.client.parse(response, { method: 'GET', url });
    return { event: toMeetingEvent(json, this.zone, response.headers.get('etag')), raw: graphAttendeesOf(json) };
  }

  /**
   * The event a PATCH answered with (its link was not expanded, so it is carried over from the read); null when the
   * answer is empty or unreadable, and the caller reads the event again instead of failing after a write.
   */
  private afterWrite(response: GraphResponse, url: string, before: MeetingEvent): MeetingEvent | null {
    try {
      const json = this.client.parse(response, { method: 'PATCH', url });
      if (!isRecord(json)) return null;
      return { ...toMeetingEvent({ ...json, extensions: [] }, this.zone, response.headers.get('etag')), link: before.link };
    } catch (error) {
      if (isPortError(error) && error.code === 'invalid-response') return null;
      throw error;
    }
  }
}
