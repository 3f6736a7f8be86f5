/**
 * From the meeting chat Teams names to the person's OWN copy of the invitation and the agenda published in it
 * (ADR 0002): chat → join link → the event in the person's calendar with that link → Samråd's section, read back
 * with the publishing parser. Every way this can fall short has its own answer, so a face can say plainly why it
 * shows less and where to look instead.
 */
import { isPortError, type MeetingChat, type MeetingChatPort, type MeetingEvent, type MeetingEventPort } from '../ports';
import { parseAgendaSection, type ParsedAgenda } from '../publishing/agendaSection';
import { extractSamradSection } from '../publishing/bodySection';

export type OwnInvitation =
  /** The chat belongs to no online meeting. */
  | { readonly kind: 'no-meeting' }
  /**
   * The person may not read the meeting's chat (not a member, or signed in to another organisation's tenant than
   * the meeting's), or has no copy of the invitation.
   */
  | { readonly kind: 'not-invited'; readonly chat: MeetingChat | null }
  /** Signed in where they have no mailbox (a guest in the ministry's tenant): their invitation is in their own mail. */
  | { readonly kind: 'no-mailbox'; readonly chat: MeetingChat }
  /** A copy without Samråd's section: the organiser has not published yet. */
  | { readonly kind: 'not-published'; readonly chat: MeetingChat; readonly event: MeetingEvent }
  /** A section that no longer reads back (a mail program changed it). */
  | { readonly kind: 'unreadable'; readonly chat: MeetingChat; readonly event: MeetingEvent }
  | { readonly kind: 'published'; readonly chat: MeetingChat; readonly event: MeetingEvent; readonly agenda: ParsedAgenda };

export interface OwnInvitationPorts {
  readonly chats: Pick<MeetingChatPort, 'getMeetingChat'>;
  readonly events: Pick<MeetingEventPort, 'findByJoinUrl'>;
}

export async function findOwnInvitation(ports: OwnInvitationPorts, chatId: string): Promise<OwnInvitation> {
  let chat: MeetingChat | null;
  try {
    chat = await ports.chats.getMeetingChat(chatId);
  } catch (error) {
    // Only the meeting's organiser and attendees may read its chat: anyone else is simply not in this meeting.
    if (isPortError(error) && (error.code === 'forbidden' || error.code === 'not-found'))
      return { kind: 'not-invited', chat: null };
    throw error;
  }
  if (chat === null) return { kind: 'no-meeting' };
  let event: MeetingEvent | null;
  try {
    event = await ports.events.findByJoinUrl(chat.joinUrl);
  } catch (error) {
    // Graph answers a calendar request of someone without a mailbox here (a guest) with 404: no copy can be read.
    if (isPortError(error) && error.code === 'not-found') return { kind: 'no-mailbox', chat };
    throw error;
  }
  if (event === null) return { kind: 'not-invited', chat };
  const section = extractSamradSection(event.bodyHtml);
  if (section === null) return { kind: 'not-published', chat, event };
  const agenda = parseAgendaSection(section);
  return agenda === null ? { kind: 'unreadable', chat, event } : { kind: 'published', chat, event, agenda };
}
