/**
 * The pane's first tab: the consultation at a glance for the official who runs it — when (Stockholm time), the
 * Teams link, registration deadline and capacity, whether the time plan holds, and which version attendees have.
 */
import { Link } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import { computeTimePlan, describeTimePlanStatus } from '../../core/agenda';
import type { Consultation } from '../../core/consultation/schema';
import type { MeetingEvent } from '../../core/ports';
import { formatClock, formatDate, formatMeetingTime, type Language } from '../../core/time/format';
import { parseZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';

const STRINGS = {
  when: { sv: 'Tid', en: 'When' },
  teams: { sv: 'Teamsmöte', en: 'Teams meeting' },
  joinLink: { sv: 'Länk till mötet i Teams', en: 'Link to the meeting in Teams' },
  noTeams: { sv: 'Kalenderobjektet är inget Teamsmöte', en: 'The calendar item is not a Teams meeting' },
  registration: { sv: 'Anmälan', en: 'Registration' },
  deadlinePrefix: { sv: 'senast', en: 'by' },
  noDeadline: { sv: 'ingen sista dag angiven', en: 'no deadline given' },
  registerWith: { sv: 'till', en: 'to' },
  capacity: { sv: 'Platser', en: 'Seats' },
  unlimited: { sv: 'Ingen gräns angiven', en: 'No limit given' },
  waitlist: { sv: 'väntelista när det är fullt', en: 'waiting list when full' },
  timePlan: { sv: 'Tidsplan', en: 'Time plan' },
  version: { sv: 'Version', en: 'Version' },
  revision: { sv: 'sparad version', en: 'saved version' },
  notPublished: { sv: 'inte publicerad i inbjudan ännu', en: 'not published in the invitation yet' },
  published: { sv: 'publicerad i inbjudan', en: 'published in the invitation' },
  publishedAs: { sv: 'som utskick', en: 'as mailing' },
  changedSince: { sv: 'ändrad sedan dess', en: 'changed since' },
};

function at(iso: string, timeZone: string, language: Language): string {
  const instant = parseZonedIso(iso);
  return `${formatDate(instant, timeZone, language)}${language === 'sv' ? ' kl. ' : ', '}${formatClock(instant, timeZone, language)}`;
}

export interface ConsultationOverviewProps {
  readonly consultation: Consultation;
  readonly event: MeetingEvent;
  /** True when what would be published now differs from what attendees have. */
  readonly changedSincePublished: boolean;
}

export function ConsultationOverview({ consultation: c, event, changedSincePublished }: ConsultationOverviewProps) {
  const language = useLanguage();
  const t = useStrings(STRINGS);
  const titleId = useId();
  const plan = useMemo(() => computeTimePlan({ agenda: c.agenda, start: c.start, end: c.end, timeZone: c.timeZone }), [c]);
  const deadline =
    c.registration.deadline === null ? t.noDeadline : `${t.deadlinePrefix} ${at(c.registration.deadline, c.timeZone, language)}`;
  const registerWith = c.registration.contactEmail === null ? '' : ` ${t.registerWith} ${c.registration.contactEmail}`;
  const published = c.published;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{c.title}</h2>
      <dl>
        <dt>{t.when}</dt>
        <dd>{formatMeetingTime(plan.start, plan.end, c.timeZone, language)}</dd>
        <dt>{t.teams}</dt>
        <dd>
          {event.joinUrl === null ? (
            t.noTeams
          ) : (
            <Link href={event.joinUrl} target="_blank" rel="noreferrer">
              {t.joinLink}
            </Link>
          )}
        </dd>
        <dt>{t.registration}</dt>
        <dd>{`${deadline}${registerWith}`}</dd>
        <dt>{t.capacity}</dt>
        <dd>
          {c.registration.capacity === null
            ? t.unlimited
            : `${c.registration.capacity}${c.registration.waitlist ? ` (${t.waitlist})` : ''}`}
        </dd>
        <dt>{t.timePlan}</dt>
        <dd>{describeTimePlanStatus(plan, language)}</dd>
        <dt>{t.version}</dt>
        <dd>
          {`${t.revision} ${c.revision} · `}
          {published === null
            ? t.notPublished
            : `${t.published} ${at(published.publishedAt, c.timeZone, language)} ${t.publishedAs} ${published.number}${
                changedSincePublished ? ` · ${t.changedSince}` : ''
              }`}
        </dd>
      </dl>
    </section>
  );
}
