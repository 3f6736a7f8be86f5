/**
 * The meeting stage: what the room looks at. The current item and its question, large enough to read across a
 * room, and the time left. It gets the agenda from its own address (StagePayload: anonymous participants have no
 * Graph), follows the chair's run through the live session where there is one, else the run carried in the
 * address, else the published time plan — and says which.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import { currentPosition, minutesLeft, questionsOfItem } from '../../core/meeting/position';
import { laterRun } from '../../core/meeting/run';
import { decodeStagePayload, isStagePayload, type StagePayload, type StagePayloadProblem } from '../../core/meeting/stagePayload';
import { formatClock, formatMeetingTime } from '../../core/time/format';
import { parseZonedIso, STOCKHOLM } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { useMeetingServices } from './meetingServices';
import { planOfAgenda } from './planOfAgenda';
import { useAgendaRun } from './useAgendaRun';
import { useNow } from './useNow';

const STRINGS = {
  stage: { sv: 'Scenen', en: 'The stage' },
  question: { sv: 'Fråga', en: 'Question' },
  left: { sv: 'kvar', en: 'left' },
  over: { sv: 'över tiden', en: 'over time' },
  paused: { sv: 'Pausad', en: 'Paused' },
  next: { sv: 'Sedan', en: 'Next' },
  notStarted: { sv: 'Dagordningen har inte startat.', en: 'The agenda has not started.' },
  startsAt: { sv: 'Mötet börjar kl.', en: 'The meeting starts at' },
  done: { sv: 'Dagordningen är genomgången. Tack!', en: 'The agenda is done. Thank you!' },
  unknown: { sv: 'Tidsplanen saknar längder här.', en: 'The time plan lacks lengths here.' },
  noItems: { sv: 'Dagordningen har inga punkter än.', en: 'The agenda has no items yet.' },
  byPlan: { sv: 'Enligt den publicerade tidsplanen.', en: 'By the published time plan.' },
  missing: {
    sv: 'Scenen har ingen dagordning att visa. Be mötesledaren att visa Samråd på scenen igen från sidopanelen.',
    en: 'The stage has no agenda to show. Ask the chair to show Samråd on the stage again from the side panel.',
  },
  broken: {
    sv: 'Scenens adress är skadad eller ändrad, så dagordningen kan inte visas. Be mötesledaren att visa Samråd på scenen igen.',
    en: "The stage's address is damaged or altered, so the agenda cannot be shown. Ask the chair to show Samråd on the stage again.",
  },
};

const useStyles = makeStyles({
  stage: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: 'clamp(16px, 4vw, 64px)',
    display: 'grid',
    alignContent: 'start',
    rowGap: 'clamp(12px, 2vw, 32px)',
    overflowWrap: 'anywhere',
  },
  subject: { fontSize: 'clamp(16px, 2vw, 28px)', margin: 0, color: tokens.colorNeutralForeground2, fontWeight: 'normal' },
  item: { fontSize: 'clamp(28px, 5vw, 72px)', lineHeight: 1.15, margin: 0 },
  part: { display: 'block', fontSize: 'clamp(18px, 2.5vw, 36px)', fontWeight: 'normal', color: tokens.colorNeutralForeground2 },
  left: { fontSize: 'clamp(24px, 4vw, 60px)', fontWeight: 'bold', margin: 0 },
  question: { fontSize: 'clamp(22px, 3.5vw, 52px)', lineHeight: 1.25, margin: 0 },
  note: { fontSize: 'clamp(14px, 1.5vw, 22px)', margin: 0, color: tokens.colorNeutralForeground2 },
});

export function StageProblem({ problem }: { readonly problem: StagePayloadProblem }) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  return (
    <div role="region" className={styles.stage} aria-label={t.stage}>
      <p className={styles.question} role="alert">
        {problem === 'missing' ? t.missing : t.broken}
      </p>
    </div>
  );
}

export function StageView({ payload }: { readonly payload: StagePayload }) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const styles = useStyles();
  const services = useMeetingServices();
  const now = useNow(services.clock);
  const live = useAgendaRun(services.liveAgenda, payload.run);
  const plan = useMemo(() => planOfAgenda(payload.agenda, payload.start, payload.end), [payload]);
  const run =
    live.state.kind === 'live' ? (payload.run === null ? live.state.run : laterRun(payload.run, live.state.run)) : payload.run;
  const position = currentPosition(run, plan, now);
  const meetingTime = formatMeetingTime(parseZonedIso(payload.start), parseZonedIso(payload.end), STOCKHOLM, language);

  let body: ReactNode;
  if (plan.itemCount === 0) {
    body = <p className={styles.question}>{t.noItems}</p>;
  } else if (position.kind === 'on-item') {
    const questions = questionsOfItem(payload.agenda.questions, position.itemIndex);
    const next = plan.items[position.itemIndex + 1];
    const left = position.remainingMs === null ? null : minutesLeft(position.remainingMs);
    body = (
      <>
        <h2 className={styles.item} aria-live="polite">
          <span className={styles.part}>{position.item.partTitle}</span>
          {position.item.itemTitle}
        </h2>
        {left !== null && (
          <p className={styles.left}>
            {left.minutes} min {left.over ? t.over : t.left}
            {position.paused ? ` · ${t.paused}` : ''}
          </p>
        )}
        {questions.map((index) => (
          <p key={index} className={styles.question}>
            {t.question} {index + 1}: {payload.agenda.questions[index]?.text}
          </p>
        ))}
        {next !== undefined && (
          <p className={styles.note}>
            {t.next}: {next.partTitle}: {next.itemTitle}
          </p>
        )}
      </>
    );
  } else if (position.kind === 'before') {
    body = (
      <p className={styles.question}>
        {position.source === 'run' ? t.notStarted : `${t.startsAt} ${formatClock(plan.start, STOCKHOLM, language)}.`}
      </p>
    );
  } else {
    body = <p className={styles.question}>{position.kind === 'after' ? t.done : t.unknown}</p>;
  }
  return (
    <div role="region" className={styles.stage} aria-label={t.stage}>
      <h1 className={styles.subject}>
        {payload.subject} · {meetingTime}
      </h1>
      {body}
      {position.source === 'time-plan' && plan.itemCount > 0 && <p className={styles.note}>{t.byPlan}</p>}
    </div>
  );
}

/** The stage as its address gives it: the payload after `#stage=`, or a plain message when there is none. */
export function StageFromAddress({ encoded }: { readonly encoded: string | null }) {
  const payload = useMemo(() => decodeStagePayload(encoded), [encoded]);
  return isStagePayload(payload) ? <StageView payload={payload} /> : <StageProblem problem={payload.problem} />;
}
