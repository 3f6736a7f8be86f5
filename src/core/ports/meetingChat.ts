/**
 * The meeting chat, where participants' written input lives (tagged per question, ADR 0002).
 */

export interface MeetingChat {
  readonly chatId: string;
  readonly joinUrl: string;
  /** The organiser's event id (valid in the organiser's mailbox only), when the service gives it. */
  readonly calendarEventId: string | null;
}

export interface ChatMessageSender {
  /** The Entra user id; null for guests and apps. */
  readonly userId: string | null;
  readonly displayName: string;
}

export interface ChatMessage {
  readonly id: string;
  /** ISO 8601 with offset. */
  readonly createdAt: string;
  /** Null for messages sent by an app or the system. */
  readonly from: ChatMessageSender | null;
  readonly contentType: 'text' | 'html';
  readonly content: string;
}

export interface MeetingChatPort {
  /** The chat of the online meeting with this join link; null when the signed-in person cannot see one. */
  findChatByJoinUrl(joinUrl: string): Promise<MeetingChat | null>;
  /** The meeting a chat belongs to (Teams gives the chat id); null when the chat is not a meeting chat. */
  getMeetingChat(chatId: string): Promise<MeetingChat | null>;
  /** People's messages, oldest first, across all pages; system events and deleted messages are left out. */
  listMessages(chatId: string): Promise<readonly ChatMessage[]>;
  /** Posts an HTML message as the signed-in person. */
  postMessage(chatId: string, html: string): Promise<ChatMessage>;
}
