/** Graph onlineMeeting, chat and chatMessage → core MeetingChat and ChatMessage. */
import type * as Graph from '@microsoft/microsoft-graph-types';
import type { ChatMessage, MeetingChat } from '../../core/ports/meetingChat';
import { parseZonedIso } from '../../core/time/zonedTime';
import { chatMessageShape, chatShape, invalidResponse, onlineMeetingShape, read } from './shapes';

/** A chat's meeting, or null when it is no meeting chat (a one-to-one or group chat has no onlineMeetingInfo). */
export function meetingChatOfChat(json: unknown): MeetingChat | null {
  const chat = read(chatShape, json, 'a chat');
  const joinUrl = chat.onlineMeetingInfo?.joinWebUrl;
  if (joinUrl === null || joinUrl === undefined || joinUrl === '') return null;
  return { chatId: chat.id, joinUrl, calendarEventId: chat.onlineMeetingInfo?.calendarEventId ?? null };
}

/** The chat of an online meeting; null when the meeting has no chat thread. */
export function meetingChatOfOnlineMeeting(json: unknown): MeetingChat | null {
  const meeting = read(onlineMeetingShape, json, 'an online meeting');
  const threadId = meeting.chatInfo?.threadId ?? '';
  const joinUrl = meeting.joinWebUrl ?? '';
  if (threadId === '' || joinUrl === '') return null;
  return { chatId: threadId, joinUrl, calendarEventId: null };
}

/** People's messages only: system events (members added, meeting started) and deleted messages are not input. */
export function isPersonMessage(json: unknown): boolean {
  const message = read(chatMessageShape, json, 'a chat message');
  return (message.messageType ?? 'message') === 'message' && (message.deletedDateTime ?? null) === null;
}

export function toChatMessage(json: unknown): ChatMessage {
  const message = read(chatMessageShape, json, 'a chat message');
  try {
    parseZonedIso(message.createdDateTime);
  } catch (error) {
    throw invalidResponse(`a chat message with an unreadable createdDateTime (${message.createdDateTime})`, error);
  }
  const user = message.from?.user;
  const application = message.from?.application;
  const from =
    user !== null && user !== undefined
      ? { userId: user.id ?? null, displayName: user.displayName ?? '' }
      : application !== null && application !== undefined
        ? { userId: null, displayName: application.displayName ?? '' }
        : null;
  return {
    id: message.id,
    createdAt: message.createdDateTime,
    from,
    contentType: message.body.contentType?.toLowerCase() === 'html' ? 'html' : 'text',
    content: message.body.content ?? '',
  };
}

export function chatMessageBody(html: string): Pick<Graph.ChatMessage, 'body'> {
  return { body: { contentType: 'html', content: html } };
}
