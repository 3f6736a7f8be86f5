/**
 * The Teams face, for a participant or presenter, in the meeting's side panel or details tab. Teams names the
 * meeting chat; the panel finds the meeting from it and then the person's OWN copy of the invitation (by the
 * join link), which is where the published agenda reaches every attendee (ADR 0002). Someone without a copy
 * (not invited) is told so plainly.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useId } from 'react';
import { isPortError, type MeetingChat, type MeetingEvent } from '../../core/ports';
import { parseAgendaSection } from '../../core/publishing/agendaSection';
import { extractSamradSection } from '../../core/publishing/bodySection';
import { formatMeetingTime } from '../../core/time/format';
import { parseZonedIso, STOCKHOLM } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { PublishedAgendaView } from '../PublishedAgendaView';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { useLoad } from '../useLoad';

const STRINGS = {
  loading: { sv: 'Hämtar mötet …', en: 'Loading the meeting …' },
  notAMeetingChat: {
    sv: 'Den här chatten hör inte till något möte, så Samråd har inget att visa här.',
    en: 'This chat belongs to no meeting, so Samråd has nothing to show here.',
  },
  notInvited: {
    sv: 'Du har ingen egen inbjudan till mötet, så dagordningen kan inte visas här. Följ mötet på den delade skärmen, eller anmäl dig till arrangören för att få inbjudan.',
    en: 'You have no invitation of your own to this meeting, so the agenda cannot be shown here. Follow the meeting on the shared stage, or register with the organiser to get the invitation.',
  },
  notPublished: {
    sv: 'Arrangören har inte publicerat dagordningen i inbjudan ännu.',
    en: 'The organiser has not published the agenda in the invitation yet.',
  },
  unreadable: {
    sv: 'Din inbjudan har en dagordning från Samråd som inte längre går att läsa här (den kan ha ändrats i e-postprogrammet). Läs den i inbjudan i Outlook.',
    en: 'Your invitation has an agenda from Samråd that can no longer be read here (the mail program may have changed it). Read it in the invitation in Outlook.',
  },
};

type Found =
  { readonly kind: 'no-meeting' } | { readonly kind: 'not-invited' } | { readonly kind: 'invited'; readonly event: MeetingEvent };

export function ParticipantPanel({ chatId }: { readonly chatId: string }) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const titleId = useId();
  const { chats, events } = usePorts();
  const { state, retry } = useLoad<Found>(async () => {
    let chat: MeetingChat | null;
    try {
      chat = await chats.getMeetingChat(chatId);
    } catch (error) {
      // Only the meeting's organiser and attendees may read its chat: anyone else is simply not in this meeting.
      if (isPortError(error) && error.code === 'forbidden') return { kind: 'not-invited' };
      throw error;
    }
    if (chat === null) return { kind: 'no-meeting' };
    const event = await events.findByJoinUrl(chat.joinUrl);
    return event === null ? { kind: 'not-invited' } : { kind: 'invited', event };
  }, chatId);

  if (state.status === 'loading') return <Loading label={t.loading} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const found = state.value;
  if (found.kind !== 'invited') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{found.kind === 'no-meeting' ? t.notAMeetingChat : t.notInvited}</MessageBarBody>
      </MessageBar>
    );
  }
  const { event } = found;
  const section = extractSamradSection(event.bodyHtml);
  const parsed = section === null ? null : parseAgendaSection(section);
  return (
    <article aria-labelledby={titleId}>
      <h2 id={titleId}>{event.subject}</h2>
      <p>{formatMeetingTime(parseZonedIso(event.start), parseZonedIso(event.end), STOCKHOLM, language)}</p>
      {parsed === null ? (
        <MessageBar intent="info">
          <MessageBarBody>{section === null ? t.notPublished : t.unreadable}</MessageBarBody>
        </MessageBar>
      ) : (
        <PublishedAgendaView parsed={parsed} event={event} />
      )}
    </article>
  );
}
