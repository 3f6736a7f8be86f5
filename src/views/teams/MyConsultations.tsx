/**
 * The personal tab "Mina samråd": the consultations the signed-in person is invited to, from now on, read from their
 * OWN calendar (each invitation carries the published agenda, ADR 0002). Each shows its subject, date and time in
 * Stockholm, the person's own reply (which is given in Outlook, not here) and how many agenda items and questions
 * the published agenda has.
 */
import { MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { SamradError, type Bilingual } from '../../core/errors';
import type { MyConsultation } from '../../core/ports/myMeetings';
import { parseAgendaSection, type ParsedAgenda } from '../../core/publishing/agendaSection';
import type { AttendeeResponse } from '../../core/registration/ledger';
import { formatMeetingTime } from '../../core/time/format';
import { parseZonedIso, STOCKHOLM } from '../../core/time/zonedTime';
import { useLanguage, useStrings, type Language } from '../i18n';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { useLoad } from '../useLoad';

/** How far ahead the tab looks: a consultation is announced weeks, at most months, before it is held. */
export const MY_CONSULTATIONS_DAYS = 180;
const DAY_MS = 86_400_000;

const STRINGS = {
  heading: { sv: 'Mina samråd', en: 'My consultations' },
  intro: {
    sv: `Samråd som du är inbjuden till, från i dag och ${MY_CONSULTATIONS_DAYS} dagar framåt. Dagordningen finns i varje inbjudan.`,
    en: `Consultations you are invited to, from today and ${MY_CONSULTATIONS_DAYS} days ahead. The agenda is in each invitation.`,
  },
  loading: { sv: 'Hämtar dina samråd …', en: 'Loading your consultations …' },
  empty: {
    sv: `Du är inte inbjuden till något samråd de kommande ${MY_CONSULTATIONS_DAYS} dagarna. När en arrangör bjuder in dig och publicerar dagordningen i inbjudan syns samrådet här.`,
    en: `You are not invited to any consultation in the next ${MY_CONSULTATIONS_DAYS} days. When an organiser invites you and publishes the agenda in the invitation, the consultation shows here.`,
  },
  noSubject: { sv: '(utan ämne)', en: '(no subject)' },
  cancelled: { sv: 'Mötet är inställt.', en: 'The meeting has been cancelled.' },
  unreadable: {
    sv: 'Dagordningen går inte att läsa här – läs den i inbjudan i Outlook.',
    en: 'The agenda cannot be read here – read it in the invitation in Outlook.',
  },
  replyNone: { sv: 'Du har inte svarat – svara i Outlook', en: 'You have not replied – reply in Outlook' },
  replyAccepted: { sv: 'Du har tackat ja', en: 'You have accepted' },
  replyTentative: {
    sv: 'Du har svarat preliminärt – ändra svaret i Outlook',
    en: 'You have replied tentatively – change your reply in Outlook',
  },
  replyDeclined: { sv: 'Du har tackat nej', en: 'You have declined' },
  replyOrganizer: { sv: 'Du är arrangör', en: 'You are the organiser' },
};

type ReplyKey = 'replyNone' | 'replyAccepted' | 'replyTentative' | 'replyDeclined' | 'replyOrganizer';

/** Graph's reply vocabulary as the person reads it; "none" and "notResponded" both mean no reply yet. */
const REPLY: Readonly<Record<AttendeeResponse, ReplyKey>> = {
  none: 'replyNone',
  notResponded: 'replyNone',
  accepted: 'replyAccepted',
  tentativelyAccepted: 'replyTentative',
  declined: 'replyDeclined',
  organizer: 'replyOrganizer',
};

/** "5 punkter på dagordningen, 1 fråga" / "5 agenda items, 1 question". */
export function contentsLine(parsed: ParsedAgenda, language: Language): string {
  const items = parsed.parts.reduce((sum, part) => sum + part.items.length, 0);
  const questions = parsed.questions.length;
  if (language === 'sv') {
    return `${items} ${items === 1 ? 'punkt' : 'punkter'} på dagordningen, ${questions} ${questions === 1 ? 'fråga' : 'frågor'}`;
  }
  return `${items} agenda ${items === 1 ? 'item' : 'items'}, ${questions} ${questions === 1 ? 'question' : 'questions'}`;
}

const NO_CALENDAR: { readonly what: Bilingual; readonly hint: Bilingual } = {
  what: {
    sv: 'Här kan Samråd inte läsa din kalender.',
    en: 'Samråd cannot read your calendar here.',
  },
  hint: {
    sv: 'Öppna Mina samråd i appen Samråd i Teams, inloggad med ditt arbetskonto.',
    en: 'Open My consultations in the Samråd app in Teams, signed in with your work account.',
  },
};

function ConsultationEntry({ consultation }: { readonly consultation: MyConsultation }) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const titleId = useId();
  const parsed = parseAgendaSection(consultation.sectionHtml);
  return (
    <article aria-labelledby={titleId}>
      <h2 id={titleId} style={{ fontSize: '1rem', marginBottom: 4 }}>
        {consultation.subject === '' ? t.noSubject : consultation.subject}
      </h2>
      <p style={{ margin: '4px 0' }}>
        {formatMeetingTime(parseZonedIso(consultation.start), parseZonedIso(consultation.end), STOCKHOLM, language)}
      </p>
      <p style={{ margin: '4px 0' }}>{consultation.cancelled ? t.cancelled : t[REPLY[consultation.response]]}</p>
      <p style={{ margin: '4px 0' }}>{parsed === null ? t.unreadable : contentsLine(parsed, language)}</p>
    </article>
  );
}

export function MyConsultations() {
  const t = useStrings(STRINGS);
  const headingId = useId();
  const { myMeetings, clock } = usePorts();
  const { state, retry } = useLoad(() => {
    if (myMeetings === undefined) return Promise.reject(new SamradError('invalid-input', NO_CALENDAR.what, NO_CALENDAR.hint));
    const from = clock.now();
    return myMeetings.consultations(from, from + MY_CONSULTATIONS_DAYS * DAY_MS);
  }, 'my-consultations');

  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId} style={{ fontSize: '1.25rem' }}>
        {t.heading}
      </h1>
      <p>{t.intro}</p>
      {state.status === 'loading' ? (
        <Loading label={t.loading} />
      ) : state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={retry} />
      ) : state.value.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{t.empty}</MessageBarBody>
        </MessageBar>
      ) : (
        <ul aria-labelledby={headingId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {state.value.map((consultation) => (
            <li key={consultation.id} style={{ borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: 4 }}>
              <ConsultationEntry consultation={consultation} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
