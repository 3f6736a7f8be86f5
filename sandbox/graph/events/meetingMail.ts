/**
 * The mail Exchange sends around a meeting: requests (new and updated) and cancellations into attendees'
 * inboxes, responses into the organiser's. They are eventMessage items, told apart by `meetingMessageType`
 * (and for requests `meetingRequestType`), exactly as a client of Graph has to tell them apart.
 */
import type {
  EventMessageRequest,
  EventMessageResponse,
  MeetingRequestType,
  ResponseType,
} from '@microsoft/microsoft-graph-types';
import type { SandboxPerson } from '../../contract';
import { newChangeKey, newItemId } from '../../state/ids';
import type { Mailbox, SandboxState, StoredEvent, StoredMessage } from '../../state/model';
import { recipientOf } from '../../state/people';
import { previewOf } from '../html';
import { mailInstant, outlookInstant, toDateTimeTimeZone } from '../times';

export type MeetingNotice =
  | { readonly kind: 'request'; readonly requestType: MeetingRequestType; readonly previous?: { startMs: number; endMs: number } }
  | { readonly kind: 'cancellation' };

const CANCELLED_PREFIX = 'Canceled: ';

export function cancelledSubject(subject: string): string {
  return subject.startsWith(CANCELLED_PREFIX) ? subject : `${CANCELLED_PREFIX}${subject}`;
}

function baseMessage(
  state: SandboxState,
  mailbox: Mailbox,
  from: SandboxPerson,
  to: SandboxPerson,
  subject: string,
  now: number,
): StoredMessage {
  const id = newItemId(state);
  return {
    id,
    createdDateTime: mailInstant(now),
    lastModifiedDateTime: mailInstant(now),
    changeKey: newChangeKey(state),
    categories: [],
    receivedDateTime: mailInstant(now),
    sentDateTime: mailInstant(now),
    hasAttachments: false,
    internetMessageId: `<${id.slice(6, 30)}@sandbox.samrad.example>`,
    subject,
    importance: 'normal',
    parentFolderId: mailbox.inboxId,
    conversationId: `AAQkAD${id.slice(6, 40)}`,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: false,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    sender: recipientOf(from),
    from: recipientOf(from),
    toRecipients: [recipientOf(to)],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
  };
}

/** A request or cancellation about `organiserEvent`, delivered to `attendee`'s inbox. */
export function deliverMeetingNotice(
  state: SandboxState,
  mailbox: Mailbox,
  organiser: SandboxPerson,
  attendee: SandboxPerson,
  organiserEvent: StoredEvent,
  notice: MeetingNotice,
  now: number,
): void {
  const e = organiserEvent.event;
  const body = e.body ?? { contentType: 'html', content: '' };
  const cancelled = notice.kind === 'cancellation';
  const subject = cancelled ? cancelledSubject(e.subject) : e.subject;
  const common = {
    ...baseMessage(state, mailbox, organiser, attendee, subject, now),
    importance: cancelled ? ('high' as const) : ('normal' as const),
    bodyPreview: previewOf(body),
    body,
    startDateTime: toDateTimeTimeZone(organiserEvent.startMs, 'UTC'),
    endDateTime: toDateTimeTimeZone(organiserEvent.endMs, 'UTC'),
    location: e.location ?? { displayName: '' },
    type: 'singleInstance' as const,
    isOutOfDate: false,
    isAllDay: e.isAllDay ?? false,
    isDelegated: false,
  };
  if (notice.kind === 'cancellation') {
    mailbox.messages.push({ '@odata.type': '#microsoft.graph.eventMessage', ...common, meetingMessageType: 'meetingCancelled' });
    return;
  }
  const request: StoredMessage & EventMessageRequest = {
    '@odata.type': '#microsoft.graph.eventMessageRequest',
    ...common,
    meetingMessageType: 'meetingRequest',
    meetingRequestType: notice.requestType,
    responseRequested: e.responseRequested ?? true,
    allowNewTimeProposals: e.allowNewTimeProposals ?? true,
    ...(notice.previous === undefined
      ? {}
      : {
          previousStartDateTime: toDateTimeTimeZone(notice.previous.startMs, 'UTC'),
          previousEndDateTime: toDateTimeTimeZone(notice.previous.endMs, 'UTC'),
        }),
  };
  mailbox.messages.push(request);
}

const RESPONSE_SUBJECT: Readonly<Record<'accepted' | 'tentativelyAccepted' | 'declined', string>> = {
  accepted: 'Accepted: ',
  tentativelyAccepted: 'Tentative: ',
  declined: 'Declined: ',
};

const RESPONSE_MESSAGE_TYPE = {
  accepted: 'meetingAccepted',
  tentativelyAccepted: 'meetingTenativelyAccepted', // sic: Graph's own spelling
  declined: 'meetingDeclined',
} as const;

/** An attendee's answer, delivered to the organiser's inbox (unless the attendee chose not to send it). */
export function deliverResponse(
  state: SandboxState,
  organiserMailbox: Mailbox,
  attendee: SandboxPerson,
  organiser: SandboxPerson,
  attendeeCopy: StoredEvent,
  response: 'accepted' | 'tentativelyAccepted' | 'declined',
  comment: string,
  now: number,
): void {
  const subject = `${RESPONSE_SUBJECT[response]}${attendeeCopy.event.subject}`;
  const body = { contentType: 'html' as const, content: comment };
  const message: StoredMessage & EventMessageResponse = {
    '@odata.type': '#microsoft.graph.eventMessageResponse',
    ...baseMessage(state, organiserMailbox, attendee, organiser, subject, now),
    bodyPreview: previewOf(body),
    body,
    meetingMessageType: RESPONSE_MESSAGE_TYPE[response],
    responseType: response satisfies ResponseType,
    startDateTime: toDateTimeTimeZone(attendeeCopy.startMs, 'UTC'),
    endDateTime: toDateTimeTimeZone(attendeeCopy.endMs, 'UTC'),
    location: attendeeCopy.event.location ?? { displayName: '' },
    type: 'singleInstance',
    isOutOfDate: false,
    isAllDay: attendeeCopy.event.isAllDay ?? false,
    isDelegated: false,
  };
  organiserMailbox.messages.push(message);
}

/** Exchange's "no time" for a response that has not been given. */
export const NO_RESPONSE_TIME = '0001-01-01T00:00:00Z';

export function responseTime(now: number): string {
  return outlookInstant(now);
}
