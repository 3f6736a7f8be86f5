/**
 * Outlook's attendee mode: a presenter or participant opens the meeting in their own calendar. Their copy of the
 * invitation holds the published agenda, shown read-only; the items their organisation presents are marked.
 * Outlook names the item by its id; the workbench, which cannot know a copy's id in advance, names the meeting by
 * its iCalUId and the person's own copy is found from it.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useId } from 'react';
import type { MeetingEvent, Profile } from '../../core/ports';
import { parseAgendaSection } from '../../core/publishing/agendaSection';
import { extractSamradSection } from '../../core/publishing/bodySection';
import { formatMeetingTime } from '../../core/time/format';
import { parseZonedIso, STOCKHOLM } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { PublishedAgendaView, sameOrganisation } from '../PublishedAgendaView';
import { useLoad } from '../useLoad';

const STRINGS = {
  loading: { sv: 'Hämtar mötet …', en: 'Loading the meeting …' },
  noCopy: {
    sv: 'Mötet finns inte i din kalender, så det finns ingen inbjudan att visa.',
    en: 'The meeting is not in your calendar, so there is no invitation to show.',
  },
  notPublished: {
    sv: 'Arrangören har inte publicerat dagordningen i inbjudan ännu.',
    en: 'The organiser has not published the agenda in the invitation yet.',
  },
  unreadable: {
    sv: 'Inbjudan har en dagordning från Samråd som inte längre går att läsa här (den kan ha ändrats i e-postprogrammet). Läs den direkt i inbjudan.',
    en: 'The invitation has an agenda from Samråd that can no longer be read here (the mail program may have changed it). Read it in the invitation itself.',
  },
  yoursNote: {
    sv: 'Punkter som din organisation presenterar är markerade.',
    en: 'Items your organisation presents are marked.',
  },
};

export type AttendeeAgendaProps = { readonly eventId: string } | { readonly iCalUId: string };

interface Loaded {
  readonly event: MeetingEvent | null;
  readonly profile: Profile | null;
}

export function AttendeeAgenda(props: AttendeeAgendaProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const titleId = useId();
  const { events, profile } = usePorts();
  const key = 'eventId' in props ? `id:${props.eventId}` : `ical:${props.iCalUId}`;
  const { state, retry } = useLoad<Loaded>(async () => {
    const [event, me] = await Promise.all([
      'eventId' in props ? events.getEvent(props.eventId) : events.findByICalUId(props.iCalUId),
      profile === undefined ? Promise.resolve(null) : profile.me(),
    ]);
    return { event, profile: me };
  }, key);

  if (state.status === 'loading') return <Loading label={t.loading} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const { event, profile: me } = state.value;
  if (event === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.noCopy}</MessageBarBody>
      </MessageBar>
    );
  }
  const section = extractSamradSection(event.bodyHtml);
  const parsed = section === null ? null : parseAgendaSection(section);
  const organisation = me?.organisation ?? null;
  const presentsSomething =
    parsed !== null &&
    organisation !== null &&
    parsed.parts.some((p) => p.items.some((i) => i.presenters.some((name) => sameOrganisation(name, organisation))));
  return (
    <article aria-labelledby={titleId}>
      <h1 id={titleId} style={{ fontSize: '1.25rem' }}>
        {event.subject}
      </h1>
      <p>{formatMeetingTime(parseZonedIso(event.start), parseZonedIso(event.end), STOCKHOLM, language)}</p>
      {parsed === null ? (
        <MessageBar intent="info">
          <MessageBarBody>{section === null ? t.notPublished : t.unreadable}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {presentsSomething && <p>{t.yoursNote}</p>}
          <PublishedAgendaView parsed={parsed} event={event} organisation={organisation} headingLevel={2} />
        </>
      )}
    </article>
  );
}
