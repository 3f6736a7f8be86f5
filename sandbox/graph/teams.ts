/**
 * Teams as the meeting app sees it: the online meeting behind a join URL, the meeting chat (with
 * `onlineMeetingInfo` leading back to the calendar event) and its messages. Membership follows the invitation:
 * the organiser and everyone currently on the organiser's attendee list, nobody else. All of it is the ministry's
 * tenant's: a token another organisation's tenant issued (an external user's, a guest signed in at home) finds no
 * online meeting and may not read the chat (auth/access.ts).
 */
import type { Chat, ChatMessage, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { chatOfAnotherTenant, reachesMinistryTeams } from '../auth/access';
import { ROUTE_SCOPES } from '../auth/scopes';
import { badRequest, GraphError } from '../http/errors';
import { json, type GraphResponse } from '../http/response';
import type { SandboxState, StoredChat, StoredChatMessage, StoredOnlineMeeting } from '../state/model';
import { findPerson, mailboxOf } from '../state/people';
import { readJsonObject, isJsonObject, type GraphContext, type MailboxContext } from './context';
import { normalisedAddress, personByAddress } from './events/records';
import { matches } from './filter';
import { linkWith, parseFilterOption } from './odata';
import { userContext, type MailboxRoute, type RootRoute } from './routes';
import { TENANT_ID } from './teamsMeeting';
import { outlookInstant } from './times';

const MAX_TOP = 50;
const DEFAULT_TOP = 20;

function forbidden(): GraphError {
  return new GraphError(403, 'Forbidden', 'Forbidden: the signed-in user is not a member of this chat.');
}

function chatNotFound(): GraphError {
  return new GraphError(404, 'NotFound', 'The chat was not found.');
}

function organiserEventOf(state: Readonly<SandboxState>, meeting: StoredOnlineMeeting) {
  return mailboxOf(state, meeting.organizerId).events.find((e) => e.event.id === meeting.eventId);
}

/** The organiser and everyone invited now (a removed attendee leaves the chat with the invitation). */
export function membersOf(state: Readonly<SandboxState>, meeting: StoredOnlineMeeting): Set<string> {
  const members = new Set([meeting.organizerId]);
  for (const attendee of organiserEventOf(state, meeting)?.event.attendees ?? []) {
    const person = personByAddress(state, normalisedAddress(attendee));
    if (person !== undefined) members.add(person.id);
  }
  return members;
}

function teamworkUser(state: Readonly<SandboxState>, personId: string) {
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id: personId,
    displayName: findPerson(state, personId)?.displayName ?? null,
    userIdentityType: 'aadUser',
    tenantId: TENANT_ID,
  };
}

function renderMeeting(state: Readonly<SandboxState>, meeting: StoredOnlineMeeting): OnlineMeeting {
  const event = organiserEventOf(state, meeting);
  const organiser = findPerson(state, meeting.organizerId);
  const attendees = [...membersOf(state, meeting)]
    .filter((id) => id !== meeting.organizerId)
    .map((id) => ({
      upn: findPerson(state, id)?.mail ?? id,
      role: 'attendee' as const,
      identity: { user: { id, displayName: null } },
    }));
  return {
    id: meeting.id,
    creationDateTime: meeting.createdDateTime,
    startDateTime: event === undefined ? null : outlookInstant(event.startMs),
    endDateTime: event === undefined ? null : outlookInstant(event.endMs),
    joinWebUrl: meeting.joinWebUrl,
    subject: event?.event.subject ?? null,
    isBroadcast: false,
    isEntryExitAnnounced: true,
    allowedPresenters: 'everyone',
    allowMeetingChat: 'enabled',
    allowTeamworkReactions: true,
    allowAttendeeToEnableCamera: true,
    allowAttendeeToEnableMic: true,
    recordAutomatically: false,
    externalId: null,
    videoTeleconferenceId: null,
    joinMeetingIdSettings: { isPasscodeRequired: true, joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode },
    chatInfo: { threadId: meeting.chatId, messageId: '0', replyChainMessageId: null },
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
    participants: {
      organizer: {
        upn: organiser?.mail ?? meeting.organizerId,
        role: 'presenter',
        identity: { user: { id: meeting.organizerId, displayName: null } },
      },
      attendees,
    },
  };
}

function visibleMeetings(ctx: MailboxContext): StoredOnlineMeeting[] {
  // The meetings live in the ministry's tenant; looked up from another tenant, there are none.
  if (!reachesMinistryTeams(ctx.tenant)) return [];
  const state = ctx.store.current;
  return state.onlineMeetings.filter((m) => membersOf(state, m).has(ctx.owner.id));
}

function listOnlineMeetings(ctx: MailboxContext): GraphResponse {
  const filter = parseFilterOption(ctx.request.query);
  if (filter === null) {
    throw badRequest("Listing online meetings needs $filter, e.g. JoinWebUrl eq '…' (or GET /me/onlineMeetings/{id}).");
  }
  const state = ctx.store.current;
  const value = visibleMeetings(ctx)
    .map((m) => renderMeeting(state, m))
    .filter((m) => matches(filter, m));
  return json(200, { '@odata.context': userContext(ctx, 'onlineMeetings'), value });
}

function getOnlineMeeting(ctx: MailboxContext, id: string): GraphResponse {
  const meeting = visibleMeetings(ctx).find((m) => m.id === id);
  if (meeting === undefined) throw new GraphError(404, 'NotFound', 'The online meeting was not found.');
  return json(200, {
    '@odata.context': userContext(ctx, 'onlineMeetings/$entity'),
    ...renderMeeting(ctx.store.current, meeting),
  });
}

export const onlineMeetingRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    pattern: /^\/onlineMeetings$/,
    family: 'teams',
    scopes: ROUTE_SCOPES.onlineMeetingsRead,
    handle: listOnlineMeetings,
  },
  {
    method: 'GET',
    pattern: /^\/onlineMeetings\/([^/]+)$/,
    family: 'teams',
    scopes: ROUTE_SCOPES.onlineMeetingsRead,
    handle: (ctx, [id = '']) => getOnlineMeeting(ctx, id),
  },
];

interface ChatAccess {
  readonly chat: StoredChat;
  readonly meeting: StoredOnlineMeeting;
}

function chatFor(state: Readonly<SandboxState>, who: Pick<GraphContext, 'caller' | 'tenant'>, chatId: string): ChatAccess {
  const chat = state.chats.find((c) => c.id === chatId);
  const meeting = state.onlineMeetings.find((m) => m.id === chat?.onlineMeetingId);
  if (chat === undefined || meeting === undefined) throw chatNotFound();
  if (!reachesMinistryTeams(who.tenant)) throw chatOfAnotherTenant();
  if (!membersOf(state, meeting).has(who.caller.id)) throw forbidden();
  return { chat, meeting };
}

function renderChat(ctx: GraphContext, { chat, meeting }: ChatAccess): Chat {
  const state = ctx.store.current;
  const organiser = teamworkUser(state, meeting.organizerId);
  const last = chat.messages.at(-1);
  return {
    id: chat.id,
    topic: organiserEventOf(state, meeting)?.event.subject ?? null,
    createdDateTime: chat.createdDateTime,
    lastUpdatedDateTime: chat.lastUpdatedDateTime,
    chatType: 'meeting',
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${TENANT_ID}`,
    tenantId: TENANT_ID,
    isHiddenForAllMembers: false,
    viewpoint: { isHidden: false, lastMessageReadDateTime: last?.createdDateTime ?? chat.createdDateTime },
    onlineMeetingInfo: {
      calendarEventId: meeting.eventId,
      joinWebUrl: meeting.joinWebUrl,
      organizer: { id: organiser.id, displayName: null, userIdentityType: 'aadUser' },
    },
  };
}

function renderMessage(state: Readonly<SandboxState>, chatId: string, m: StoredChatMessage): ChatMessage {
  return {
    id: m.id,
    replyToId: null,
    etag: m.id,
    messageType: 'message',
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.createdDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
    eventDetail: null,
    from: { application: null, device: null, user: teamworkUser(state, m.fromId) },
    body: { contentType: m.contentType, content: m.content },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

/** The page token says "older than this message", so messages posted meanwhile do not shift the pages. */
function readSkipToken(query: URLSearchParams): number | null {
  const token = query.get('$skiptoken');
  if (token === null) return null;
  const before = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(before)) throw badRequest('The $skiptoken is not one this service wrote.');
  return before;
}

function parseChatTop(query: URLSearchParams): number {
  const raw = query.get('$top');
  if (raw === null) return DEFAULT_TOP;
  const top = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(top >= 1 && top <= MAX_TOP)) {
    throw badRequest(`The $top query parameter must be between 1 and ${MAX_TOP} for chat messages; it was '${raw}'.`);
  }
  return top;
}

function listChatMessages(ctx: GraphContext, chatId: string): GraphResponse {
  const state = ctx.store.current;
  const access = chatFor(state, ctx, chatId);
  const query = ctx.request.query;
  const orderBy = query.get('$orderby');
  if (orderBy !== null && !/^\s*(createdDateTime|lastModifiedDateTime)\s+desc\s*$/i.test(orderBy)) {
    throw badRequest("Chat messages can be ordered only by 'createdDateTime desc' or 'lastModifiedDateTime desc'.");
  }
  const top = parseChatTop(query);
  const before = readSkipToken(query);
  const newestFirst = [...access.chat.messages].reverse().filter((m) => before === null || Number(m.id) < before);
  const page = newestFirst.slice(0, top);
  const last = page.at(-1);
  const more = newestFirst.length > top && last !== undefined;
  return json(200, {
    '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats('${encodeURIComponent(chatId)}')/messages`,
    '@odata.count': page.length,
    ...(more
      ? { '@odata.nextLink': linkWith(ctx, { $top: String(top), $skiptoken: Buffer.from(last.id).toString('base64url') }) }
      : {}),
    value: page.map((m) => renderMessage(state, chatId, m)),
  });
}

function getChatMessage(ctx: GraphContext, chatId: string, messageId: string): GraphResponse {
  const state = ctx.store.current;
  const message = chatFor(state, ctx, chatId).chat.messages.find((m) => m.id === messageId);
  if (message === undefined) throw new GraphError(404, 'NotFound', 'The message was not found in this chat.');
  return json(200, renderMessage(state, chatId, message));
}

async function postChatMessage(ctx: GraphContext, chatId: string): Promise<GraphResponse> {
  const body = readJsonObject(ctx.request).body;
  const content = isJsonObject(body) ? body.content : undefined;
  const contentType = isJsonObject(body) ? (body.contentType ?? 'text') : 'text';
  if (typeof content !== 'string' || content.trim() === '') {
    throw badRequest('A chat message needs body.content (and body.contentType html or text).', 'BadRequest');
  }
  if (contentType !== 'html' && contentType !== 'text') throw badRequest("body.contentType must be 'html' or 'text'.");
  const posted = await ctx.store.write((draft) => {
    const { chat } = chatFor(draft, ctx, chatId);
    // Teams message ids are the post time in milliseconds; two posts in one millisecond still get distinct ids.
    const lastId = Number(chat.messages.at(-1)?.id ?? 0);
    const instant = Math.max(ctx.now(), lastId + 1);
    const message: StoredChatMessage = {
      id: String(instant),
      createdDateTime: new Date(instant).toISOString(),
      fromId: ctx.caller.id,
      contentType,
      content,
    };
    chat.messages.push(message);
    chat.lastUpdatedDateTime = message.createdDateTime;
    return message;
  });
  return json(201, {
    '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats('${encodeURIComponent(chatId)}')/messages/$entity`,
    ...renderMessage(ctx.store.current, chatId, posted),
  });
}

function getChat(ctx: GraphContext, chatId: string): GraphResponse {
  const access = chatFor(ctx.store.current, ctx, chatId);
  return json(200, { '@odata.context': `${ctx.graphBaseUrl}/$metadata#chats/$entity`, ...renderChat(ctx, access) });
}

const CHAT = String.raw`^/(?:me/)?chats/([^/]+)`;

export const chatRoutes: readonly RootRoute[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${CHAT}$`),
    scopes: ROUTE_SCOPES.chatBasic,
    handle: (ctx, [id = '']) => getChat(ctx, id),
  },
  {
    method: 'GET',
    pattern: new RegExp(`${CHAT}/messages$`),
    scopes: ROUTE_SCOPES.chatRead,
    handle: (ctx, [id = '']) => listChatMessages(ctx, id),
  },
  {
    method: 'GET',
    pattern: new RegExp(`${CHAT}/messages/([^/]+)$`),
    scopes: ROUTE_SCOPES.chatRead,
    handle: (ctx, [id = '', messageId = '']) => getChatMessage(ctx, id, messageId),
  },
  {
    method: 'POST',
    pattern: new RegExp(`${CHAT}/messages$`),
    scopes: ROUTE_SCOPES.chatSend,
    handle: (ctx, [id = '']) => postChatMessage(ctx, id),
  },
];
