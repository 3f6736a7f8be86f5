/**
 * Mail, read-only: the app reads registration mail and never moves, flags or deletes it (they are public
 * records), so the sandbox serves lists, single messages and the inbox folder — with Graph's paging, $filter,
 * $orderby (newest first by default) and $select.
 */
import type { EventMessageRequest, EventMessageResponse, MailFolder, Message } from '@microsoft/microsoft-graph-types';
import { GraphError } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import type { Mailbox, StoredMessage } from '../state/model';
import { mailboxOf } from '../state/people';
import type { MailboxContext } from './context';
import { bodyAs } from './html';
import {
  applyFilter,
  checkOrderAgainstFilter,
  pageBySkip,
  parseFilterOption,
  parseOrderBy,
  parseSelect,
  project,
  sortBy,
} from './odata';
import { userContext, type MailboxRoute } from './routes';
import { prefersTextBody } from './times';

type AnyMessageProperty = keyof Message | keyof EventMessageRequest | keyof EventMessageResponse;

const MESSAGE_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'uniqueBody',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
  'internetMessageHeaders',
  // eventMessage and its derived types: selectable on /messages too, returned only by those items.
  'meetingMessageType',
  'meetingRequestType',
  'startDateTime',
  'endDateTime',
  'location',
  'type',
  'isOutOfDate',
  'isAllDay',
  'isDelegated',
  'responseRequested',
  'allowNewTimeProposals',
  'previousStartDateTime',
  'previousEndDateTime',
  'previousLocation',
  'responseType',
  'proposedNewTime',
] as const satisfies readonly AnyMessageProperty[];
const MESSAGE_PROPERTY_NAMES: ReadonlySet<string> = new Set(MESSAGE_PROPERTIES);

const PAGE = { defaultTop: 10, maxTop: 1000 };
const NEWEST_FIRST = [{ path: ['receivedDateTime'], descending: true }];

type RenderedMessage = StoredMessage & { '@odata.etag': string };

function render(message: StoredMessage, textBody: boolean): RenderedMessage {
  const { body, ...rest } = message;
  return {
    '@odata.etag': `W/"${message.changeKey}"`,
    ...rest,
    ...(body == null ? {} : { body: bodyAs(body, textBody) }),
  };
}

/** `inbox` is the well-known name; the folder's own id works too. */
function checkInbox(mailbox: Readonly<Mailbox>, folder: string): void {
  if (folder.toLowerCase() !== 'inbox' && folder !== mailbox.inboxId) {
    throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
}

function listMessages(ctx: MailboxContext, folder: string | null): GraphResponse {
  const mailbox = mailboxOf(ctx.store.current, ctx.owner.id);
  if (folder !== null) checkInbox(mailbox, folder);
  const query = ctx.request.query;
  const select = parseSelect(query, MESSAGE_PROPERTY_NAMES, 'message');
  const filter = parseFilterOption(query);
  const orderBy = parseOrderBy(query);
  checkOrderAgainstFilter(filter, orderBy);
  const textBody = prefersTextBody(ctx.request.headers.prefer);
  // Every message the sandbox holds is in the inbox, so the folder narrows nothing.
  const messages = mailbox.messages.map((m) => render(m, textBody));
  const page = pageBySkip(ctx, sortBy(applyFilter(messages, filter), orderBy ?? NEWEST_FIRST), PAGE);
  const where = folder === null ? 'messages' : `mailFolders('inbox')/messages`;
  return json(200, {
    '@odata.context': userContext(ctx, select === null ? where : `${where}(${select.join(',')})`),
    ...page,
    value: page.value.map((m) => project(m, select)),
  });
}

function getMessage(ctx: MailboxContext, folder: string | null, id: string): GraphResponse {
  const mailbox = mailboxOf(ctx.store.current, ctx.owner.id);
  if (folder !== null) checkInbox(mailbox, folder);
  const message = mailbox.messages.find((m) => m.id === id);
  if (message === undefined) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const select = parseSelect(ctx.request.query, MESSAGE_PROPERTY_NAMES, 'message');
  const rendered = render(message, prefersTextBody(ctx.request.headers.prefer));
  return json(200, { '@odata.context': userContext(ctx, 'messages/$entity'), ...project(rendered, select) });
}

function inboxFolder(ctx: MailboxContext, folder: string): GraphResponse {
  const mailbox = mailboxOf(ctx.store.current, ctx.owner.id);
  checkInbox(mailbox, folder);
  const body: MailFolder = {
    id: mailbox.inboxId,
    displayName: 'Inbox',
    parentFolderId: `${mailbox.inboxId.slice(0, -4)}AQgAAA=`,
    childFolderCount: 0,
    unreadItemCount: mailbox.messages.filter((m) => m.isRead !== true).length,
    totalItemCount: mailbox.messages.length,
    isHidden: false,
  };
  return json(200, { '@odata.context': userContext(ctx, 'mailFolders/$entity'), ...body });
}

const route = (pattern: RegExp, handle: MailboxRoute['handle']): MailboxRoute => ({
  method: 'GET',
  pattern,
  family: 'mailbox',
  handle,
});

export const mailRoutes: readonly MailboxRoute[] = [
  route(/^\/messages$/, (ctx) => listMessages(ctx, null)),
  route(/^\/messages\/([^/]+)$/, (ctx, [id = '']) => getMessage(ctx, null, id)),
  route(/^\/mailFolders\/([^/]+)$/, (ctx, [folder = '']) => inboxFolder(ctx, folder)),
  route(/^\/mailFolders\/([^/]+)\/messages$/, (ctx, [folder = '']) => listMessages(ctx, folder)),
  route(/^\/mailFolders\/([^/]+)\/messages\/([^/]+)$/, (ctx, [folder = '', id = '']) => getMessage(ctx, folder, id)),
];
