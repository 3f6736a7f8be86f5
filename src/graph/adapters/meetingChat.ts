/**
 * MeetingChatPort over Teams chats: the meeting's chat found from its join link (OnlineMeetings.Read) or from the
 * chat id Teams gives (Chat.ReadBasic), its messages read page by page (Chat.Read, at most 50 a page) and written
 * (ChatMessage.Send).
 */
import type { ChatMessage, MeetingChat, MeetingChatPort } from '../../core/ports/meetingChat';
import { parseZonedIso } from '../../core/time/zonedTime';
import type { GraphClient } from '../http/graphClient';
import { isGraphError } from '../http/graphError';
import { mailboxRoot, odataString, queryString, segment } from '../http/odata';
import { chatMessageBody, isPersonMessage, meetingChatOfChat, meetingChatOfOnlineMeeting, toChatMessage } from '../mappers/chat';
import type { AdapterOptions } from './options';

/** Graph's maximum page size for chat messages. */
const MAX_PAGE_SIZE = 50;

export class GraphMeetingChat implements MeetingChatPort {
  private readonly client: GraphClient;
  private readonly root: string;
  private readonly pageSize: number;

  constructor(options: Pick<AdapterOptions, 'client' | 'mailbox'> & { readonly pageSize?: number }) {
    this.client = options.client;
    this.root = mailboxRoot(options.mailbox ?? 'me');
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  }

  async findChatByJoinUrl(joinUrl: string): Promise<MeetingChat | null> {
    const page = await this.client.page(
      `${this.root}/onlineMeetings` + queryString({ $filter: `JoinWebUrl eq ${odataString(joinUrl)}` }),
    );
    const first = page.value[0];
    return first === undefined ? null : meetingChatOfOnlineMeeting(first);
  }

  async getMeetingChat(chatId: string): Promise<MeetingChat | null> {
    try {
      return meetingChatOfChat(await this.client.json({ method: 'GET', url: `/chats/${segment(chatId)}` }));
    } catch (error) {
      if (isGraphError(error) && error.code === 'not-found') return null;
      throw error;
    }
  }

  async listMessages(chatId: string): Promise<readonly ChatMessage[]> {
    const items = await this.client.all(`/chats/${segment(chatId)}/messages` + queryString({ $top: this.pageSize }));
    // Graph lists newest first; the discussion reads oldest first.
    return items
      .filter(isPersonMessage)
      .map(toChatMessage)
      .map((message, order) => ({ message, order, at: parseZonedIso(message.createdAt) }))
      .sort((a, b) => a.at - b.at || b.order - a.order)
      .map(({ message }) => message);
  }

  async postMessage(chatId: string, html: string): Promise<ChatMessage> {
    // Not repeated after a lost answer: a chat message has no key that would make a second send harmless.
    return toChatMessage(
      await this.client.json({ method: 'POST', url: `/chats/${segment(chatId)}/messages`, json: chatMessageBody(html) }),
    );
  }
}
