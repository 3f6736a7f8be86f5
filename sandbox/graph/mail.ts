/**
 * Mail. The app reads registration mail and never moves, flags, deletes or sends it (they are public records), so
 * the sandbox serves lists, single messages and the inbox and Drafts folders — with Graph's paging, $filter,
 * $orderby (newest first by default) and $select — to the mailbox's owner, and to the people a shared mailbox is
 * shared with. The one write is creating a draft (POST /messages, Mail.ReadWrite): it lands in Drafts, never in the
 * inbox, and nothing sends it.
 */
import type {
  EventMessageRequest,
  EventMessageResponse,
  Importance,
  ItemBody,
  MailFolder,
  Message,
  Recipient,
} from '@microsoft/microsoft-graph-types';
import { ROUTE_SCOPES } from '../auth/scopes';
import { badRequest, GraphError } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import { newChangeKey, newItemId } from '../state/ids';
import type { JsonObject, JsonValue, Mailbox, SandboxState, StoredMessage } from '../state/model';
import { mailboxOf } from '../state/people';
import { isJsonObject, readJsonObject, type MailboxContext } from './context';
import { bodyAs, previewOf, wrapDocument } from './html';
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
import { mailInstant, prefersTextBody } from './times';

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

type Folder = 'inbox' | 'drafts';

/**
 * The Drafts folder's id, derived from the inbox's: Exchange's well-known folders share the mailbox's prefix, and a
 * derived id needs no field in the state (a state.json written before drafts existed still loads).
 */
export function draftsFolderId(mailbox: Readonly<Mailbox>): string {
  return `${mailbox.inboxId.slice(0, -4)}AQ8AAA=`;
}

/** `inbox` and `drafts` are the well-known names; the folders' own ids work too. */
function folderOf(mailbox: Readonly<Mailbox>, name: string): Folder {
  if (name.toLowerCase() === 'inbox' || name === mailbox.inboxId) return 'inbox';
  if (name.toLowerCase() === 'drafts' || name === draftsFolderId(mailbox)) return 'drafts';
  throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

function isIn(mailbox: Readonly<Mailbox>, message: StoredMessage, folder: Folder): boolean {
  // Mail delivered before folders were told apart has no parent and was delivered to the inbox.
  const parent = message.parentFolderId ?? mailbox.inboxId;
  return parent === (folder === 'inbox' ? mailbox.inboxId : draftsFolderId(mailbox));
}

function listMessages(ctx: MailboxContext, folderName: string | null): GraphResponse {
  const mailbox = mailboxOf(ctx.store.current, ctx.owner.id);
  const folder = folderName === null ? null : folderOf(mailbox, folderName);
  const query = ctx.request.query;
  const select = parseSelect(query, MESSAGE_PROPERTY_NAMES, 'message');
  const filter = parseFilterOption(query);
  const orderBy = parseOrderBy(query);
  checkOrderAgainstFilter(filter, orderBy);
  const textBody = prefersTextBody(ctx.request.headers.prefer);
  // /messages spans every folder, drafts included; a folder's list holds only its own.
  const messages = mailbox.messages.filter((m) => folder === null || isIn(mailbox, m, folder)).map((m) => render(m, textBody));
  const page = pageBySkip(ctx, sortBy(applyFilter(messages, filter), orderBy ?? NEWEST_FIRST), PAGE);
  const where = folder === null ? 'messages' : `mailFolders('${folder === 'inbox' ? 'Inbox' : 'Drafts'}')/messages`;
  return json(200, {
    '@odata.context': userContext(ctx, select === null ? where : `${where}(${select.join(',')})`),
    ...page,
    value: page.value.map((m) => project(m, select)),
  });
}

function getMessage(ctx: MailboxContext, folderName: string | null, id: string): GraphResponse {
  const mailbox = mailboxOf(ctx.store.current, ctx.owner.id);
  const folder = folderName === null ? null : folderOf(mailbox, folderName);
  const message = mailbox.messages.find((m) => m.id === id && (folder === null || isIn(mailbox, m, folder)));
  if (message === undefined) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const select = parseSelect(ctx.request.query, MESSAGE_PROPERTY_NAMES, 'message');
  const rendered = render(message, prefersTextBody(ctx.request.headers.prefer));
  return json(200, { '@odata.context': userContext(ctx, 'messages/$entity'), ...project(rendered, select) });
}

function mailFolder(ctx: MailboxContext, folderName: string): GraphResponse {
  const mailbox = mailboxOf(ctx.store.current, ctx.owner.id);
  const folder = folderOf(mailbox, folderName);
  const inside = mailbox.messages.filter((m) => isIn(mailbox, m, folder));
  const body: MailFolder = {
    id: folder === 'inbox' ? mailbox.inboxId : draftsFolderId(mailbox),
    displayName: folder === 'inbox' ? 'Inbox' : 'Drafts',
    parentFolderId: `${mailbox.inboxId.slice(0, -4)}AQgAAA=`,
    childFolderCount: 0,
    unreadItemCount: inside.filter((m) => m.isRead !== true).length,
    totalItemCount: inside.length,
    isHidden: false,
  };
  return json(200, { '@odata.context': userContext(ctx, 'mailFolders/$entity'), ...body });
}

// ---------------------------------------------------------------------------------------------------------------
// Creating a draft

/** The message properties a new draft may set; Graph refuses a property its type does not have. */
const DRAFT_PROPERTIES: ReadonlySet<string> = new Set([
  'subject',
  'body',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'importance',
  'categories',
]);
const IMPORTANCE: readonly Importance[] = ['low', 'normal', 'high'];

function invalidValue(name: string, expected: string): GraphError {
  return badRequest(`Invalid value for the property '${name}': expected ${expected}.`, 'RequestBodyRead');
}

function asRecipients(value: JsonValue, name: string): Recipient[] {
  if (!Array.isArray(value)) throw invalidValue(name, 'an array of recipients');
  return value.map((recipient) => {
    const address = isJsonObject(recipient) && isJsonObject(recipient.emailAddress) ? recipient.emailAddress : null;
    if (address === null || typeof address.address !== 'string' || address.address.trim() === '') {
      throw invalidValue(name, 'recipients like {"emailAddress": {"address": "…", "name": "…"}}');
    }
    // Exchange fills in the address where a recipient has no name.
    const display = typeof address.name === 'string' && address.name !== '' ? address.name : address.address;
    return { emailAddress: { name: display, address: address.address } };
  });
}

/** A text body stays text, as Exchange keeps a message's body type; HTML is stored as a whole document. */
function asMessageBody(value: JsonValue): ItemBody {
  if (!isJsonObject(value)) throw invalidValue('body', 'an itemBody object');
  const type = typeof value.contentType === 'string' ? value.contentType.toLowerCase() : 'text';
  const content = value.content ?? '';
  if ((type !== 'text' && type !== 'html') || typeof content !== 'string') {
    throw invalidValue('body', '{"contentType": "text" or "html", "content": "…"}');
  }
  if (type === 'text') return { contentType: 'text', content };
  return { contentType: 'html', content: /^\s*<html[\s>]/i.test(content) ? content : wrapDocument(content) };
}

function asStrings(value: JsonValue, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw invalidValue(name, 'an array of strings');
  }
  return value;
}

function newDraft(state: SandboxState, mailbox: Mailbox, request: JsonObject, now: number): StoredMessage {
  for (const name of Object.keys(request)) {
    if (name.startsWith('@odata.')) continue;
    if (!DRAFT_PROPERTIES.has(name)) {
      throw badRequest(
        `The property '${name}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type.`,
        'RequestBodyRead',
      );
    }
  }
  const { subject = '', importance = 'normal' } = request;
  if (typeof subject !== 'string') throw invalidValue('subject', 'a string');
  if (typeof importance !== 'string' || !(IMPORTANCE as readonly string[]).includes(importance)) {
    throw invalidValue('importance', 'low, normal or high');
  }
  const body = request.body === undefined ? { contentType: 'text' as const, content: '' } : asMessageBody(request.body);
  const recipients = (name: string): Recipient[] => (request[name] === undefined ? [] : asRecipients(request[name], name));
  const id = newItemId(state);
  const at = mailInstant(now);
  return {
    id,
    createdDateTime: at,
    lastModifiedDateTime: at,
    changeKey: newChangeKey(state),
    categories: request.categories === undefined ? [] : asStrings(request.categories, 'categories'),
    // Exchange stamps a draft's received and sent times with its creation; sending it would change them.
    receivedDateTime: at,
    sentDateTime: at,
    hasAttachments: false,
    internetMessageId: `<${id.slice(6, 30)}@sandbox.samrad.example>`,
    subject,
    bodyPreview: previewOf(body),
    importance: importance as Importance,
    parentFolderId: draftsFolderId(mailbox),
    conversationId: `AAQkAD${id.slice(6, 40)}`,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: true,
    isDraft: true,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body,
    toRecipients: recipients('toRecipients'),
    ccRecipients: recipients('ccRecipients'),
    bccRecipients: recipients('bccRecipients'),
    replyTo: recipients('replyTo'),
    flag: { flagStatus: 'notFlagged' },
  };
}

async function createDraft(ctx: MailboxContext): Promise<GraphResponse> {
  const request = readJsonObject(ctx.request);
  const created = await ctx.store.write((state) => {
    const mailbox = mailboxOf(state, ctx.owner.id);
    const message = newDraft(state, mailbox, request, ctx.now());
    mailbox.messages.push(message);
    return message;
  });
  return json(201, { '@odata.context': userContext(ctx, 'messages/$entity'), ...render(created, false) });
}

/** Reading: the owner with Mail.Read, and the people a shared mailbox is shared with, with Mail.Read.Shared. */
const read = (pattern: RegExp, handle: MailboxRoute['handle']): MailboxRoute => ({
  method: 'GET',
  pattern,
  family: 'mailbox',
  scopes: ROUTE_SCOPES.mailRead,
  sharedScopes: ROUTE_SCOPES.sharedMailRead,
  handle,
});

export const mailRoutes: readonly MailboxRoute[] = [
  read(/^\/messages$/, (ctx) => listMessages(ctx, null)),
  read(/^\/messages\/([^/]+)$/, (ctx, [id = '']) => getMessage(ctx, null, id)),
  read(/^\/mailFolders\/([^/]+)$/, (ctx, [folder = '']) => mailFolder(ctx, folder)),
  read(/^\/mailFolders\/([^/]+)\/messages$/, (ctx, [folder = '']) => listMessages(ctx, folder)),
  read(/^\/mailFolders\/([^/]+)\/messages\/([^/]+)$/, (ctx, [folder = '', id = '']) => getMessage(ctx, folder, id)),
  // A draft in one's own mailbox only; there is no route that sends it.
  { method: 'POST', pattern: /^\/messages$/, family: 'mailbox', scopes: ROUTE_SCOPES.mailWrite, handle: createDraft },
];
