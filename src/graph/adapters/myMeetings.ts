/**
 * MyMeetingsPort over Graph's calendarView (Calendars.Read is enough; Samråd's Calendars.ReadWrite covers it): the
 * signed-in person's own events in a window, every page followed by @odata.nextLink as given, only the fields the
 * list shows ($select), and only those whose invitation body carries Samråd's published section. The body is the
 * one field that cannot be left out: the section is how a consultation is recognised in any attendee's copy.
 */
import * as z from 'zod/mini';
import { PortError } from '../../core/ports/errors';
import type { MyConsultation, MyMeetingsPort } from '../../core/ports/myMeetings';
import { extractSamradSection } from '../../core/publishing/bodySection';
import { parseZonedIso } from '../../core/time/zonedTime';
import type { GraphClient } from '../http/graphClient';
import { mailboxRoot, queryString } from '../http/odata';
import { isoOfGraphDateTime } from '../mappers/dateTime';
import { toAttendee } from '../mappers/event';
import { dateTimeTimeZoneShape, itemBodyShape, read } from '../mappers/shapes';
import { DEFAULT_DISPLAY_ZONE, type AdapterOptions } from './options';

const SELECT = 'id,iCalUId,subject,start,end,body,responseStatus,isCancelled';
/** Times in UTC (mapped to the display zone here) and the body as HTML, whatever the mailbox's settings. */
const PREFER = { prefer: 'outlook.timezone="UTC", outlook.body-content-type="html"' };
/** Bodies make events large: pages of 50 keep each answer moderate while a half year stays a few round trips. */
export const CALENDAR_PAGE_SIZE = 50;

const optionalText = z.nullish(z.string());

/** The fields selected above, checked at run time (Graph is outside our type system). */
const calendarEventShape = z.looseObject({
  id: z.string(),
  iCalUId: z.string(),
  subject: optionalText,
  start: dateTimeTimeZoneShape,
  end: dateTimeTimeZoneShape,
  body: z.nullish(itemBodyShape),
  isCancelled: z.nullish(z.boolean()),
  // microsoft.graph.responseStatus: the same type as an attendee's status.
  responseStatus: z.nullish(z.looseObject({ response: optionalText, time: optionalText })),
});

function badWindow(from: number, to: number): PortError {
  return new PortError(
    'bad-request',
    {
      sv: `Tidsfönstret för kalendern är ogiltigt (från ${String(from)} till ${String(to)}).`,
      en: `The calendar window is not valid (from ${String(from)} to ${String(to)}).`,
    },
    {
      sv: 'Det är ett fel i Samråd; rapportera det. Ingenting har hämtats.',
      en: 'That is a bug in Samråd; report it. Nothing was read.',
    },
  );
}

export class GraphMyMeetings implements MyMeetingsPort {
  private readonly client: GraphClient;
  private readonly root: string;
  private readonly zone: string;
  private readonly pageSize: number;

  constructor(options: Pick<AdapterOptions, 'client' | 'mailbox' | 'displayZone'> & { readonly pageSize?: number }) {
    this.client = options.client;
    this.root = mailboxRoot(options.mailbox ?? 'me');
    this.zone = options.displayZone ?? DEFAULT_DISPLAY_ZONE;
    this.pageSize = options.pageSize ?? CALENDAR_PAGE_SIZE;
  }

  async consultations(from: number, to: number): Promise<readonly MyConsultation[]> {
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) throw badWindow(from, to);
    const url =
      `${this.root}/calendarView` +
      queryString({
        startDateTime: new Date(from).toISOString(),
        endDateTime: new Date(to).toISOString(),
        $select: SELECT,
        $top: this.pageSize,
      });
    const found: MyConsultation[] = [];
    for (const item of await this.client.all(url, PREFER)) {
      const event = read(calendarEventShape, item, 'a calendar event');
      const sectionHtml = extractSamradSection(event.body?.content ?? '');
      if (sectionHtml === null) continue;
      found.push({
        id: event.id,
        iCalUId: event.iCalUId,
        subject: event.subject ?? '',
        start: isoOfGraphDateTime(event.start, this.zone),
        end: isoOfGraphDateTime(event.end, this.zone),
        response: toAttendee({ status: event.responseStatus }).response,
        cancelled: event.isCancelled === true,
        sectionHtml,
      });
    }
    // calendarView promises no order across pages: earliest first, then by subject for meetings at the same time.
    return found
      .map((consultation) => ({ consultation, at: parseZonedIso(consultation.start) }))
      .sort((a, b) => a.at - b.at || a.consultation.subject.localeCompare(b.consultation.subject, 'sv'))
      .map(({ consultation }) => consultation);
  }
}
