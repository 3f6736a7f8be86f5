/** A consultation at a glance: when, where, how to register, the time plan and the discussion questions. */
import { useId, useMemo } from 'react';
import { computeTimePlan } from '../core/agenda';
import type { Consultation } from '../core/consultation/schema';
import { formatDate, formatMeetingTime } from '../core/time/format';
import { parseZonedIso } from '../core/time/zonedTime';
import { useLanguage, useStrings } from './i18n';
import { TimePlanTable } from './TimePlanTable';

const STRINGS = {
  when: { sv: 'Tid', en: 'When' },
  where: { sv: 'Plats', en: 'Where' },
  online: { sv: 'Digitalt', en: 'Online' },
  organiser: { sv: 'Arrangör', en: 'Organiser' },
  register: { sv: 'Anmälan till', en: 'Register with' },
  deadline: { sv: 'Sista anmälningsdag', en: 'Registration deadline' },
  capacity: { sv: 'Antal platser', en: 'Capacity' },
  notGiven: { sv: 'Inte angivet', en: 'Not given' },
  unlimited: { sv: 'Ingen gräns angiven', en: 'No limit given' },
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  questions: { sv: 'Diskussionsfrågor', en: 'Discussion questions' },
  commitments: { sv: 'Åtaganden', en: 'Commitments' },
};

export function ConsultationSummary({ consultation: c }: { readonly consultation: Consultation }) {
  const language = useLanguage();
  const t = useStrings(STRINGS);
  const titleId = useId();
  const plan = useMemo(() => computeTimePlan({ agenda: c.agenda, start: c.start, end: c.end, timeZone: c.timeZone }), [c]);
  const presenters = useMemo(
    () => new Map(c.agenda.parts.flatMap((p) => p.items.map((i) => [i.id, i.presenters] as const))),
    [c],
  );
  const location =
    c.location === null
      ? t.notGiven
      : c.location.kind === 'online'
        ? `${t.online}${c.location.platform === undefined ? '' : ` (${c.location.platform})`}`
        : c.location.address;

  return (
    <article aria-labelledby={titleId}>
      <h3 id={titleId}>{c.title}</h3>
      <dl>
        <dt>{t.when}</dt>
        <dd>{formatMeetingTime(plan.start, plan.end, c.timeZone, language)}</dd>
        <dt>{t.where}</dt>
        <dd>{location}</dd>
        <dt>{t.organiser}</dt>
        <dd>{c.organiser.department}</dd>
        <dt>{t.register}</dt>
        <dd>{c.registration.contactEmail ?? t.notGiven}</dd>
        <dt>{t.deadline}</dt>
        <dd>
          {c.registration.deadline === null
            ? t.notGiven
            : formatDate(parseZonedIso(c.registration.deadline), c.timeZone, language)}
        </dd>
        <dt>{t.capacity}</dt>
        <dd>{c.registration.capacity ?? t.unlimited}</dd>
      </dl>
      <h4>{t.agenda}</h4>
      <TimePlanTable plan={plan} presenters={presenters} />
      {c.questions.length > 0 && (
        <>
          <h4>{t.questions}</h4>
          <ol>
            {c.questions.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ol>
        </>
      )}
      {c.commitments.length > 0 && (
        <>
          <h4>{t.commitments}</h4>
          <ul>
            {c.commitments.map((k) => (
              <li key={k.id}>{k.title}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
