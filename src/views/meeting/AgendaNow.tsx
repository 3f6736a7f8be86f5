/**
 * Where the meeting is now: the current item and the time left of it, and which source says so — the organiser's
 * run, or (where no run reaches this surface) the published time plan and the clock. Announced politely to screen
 * readers only when the item changes, not on every tick.
 */
import { Text } from '@fluentui/react-components';
import type { AgendaPosition } from '../../core/meeting/position';
import { minutesLeft } from '../../core/meeting/position';
import { useStrings } from '../i18n';

const STRINGS = {
  now: { sv: 'Nu', en: 'Now' },
  left: { sv: 'kvar', en: 'left' },
  over: { sv: 'över tiden', en: 'over time' },
  paused: { sv: 'pausad', en: 'paused' },
  before: { sv: 'Mötet har inte börjat.', en: 'The meeting has not started.' },
  beforeRun: { sv: 'Mötesledaren har inte startat dagordningen.', en: 'The chair has not started the agenda.' },
  after: { sv: 'Dagordningen är genomgången.', en: 'The agenda is done.' },
  unknown: {
    sv: 'Tidsplanen saknar längder här, så den aktuella punkten går inte att räkna ut.',
    en: 'The time plan lacks lengths here, so the current item cannot be worked out.',
  },
  byRun: { sv: 'Följer mötesledaren.', en: 'Following the chair.' },
  byPlan: {
    sv: 'Enligt den publicerade tidsplanen (ingen direktlänk till mötesledaren här).',
    en: 'By the published time plan (no live link to the chair here).',
  },
  byPlanUntilStart: {
    sv: 'Enligt den publicerade tidsplanen tills mötesledaren startar dagordningen.',
    en: 'By the published time plan until the chair starts the agenda.',
  },
};

export function timeLeftText(remainingMs: number | null, t: { left: string; over: string }): string | null {
  if (remainingMs === null) return null;
  const { minutes, over } = minutesLeft(remainingMs);
  return over ? `${minutes} min ${t.over}` : `${minutes} min ${t.left}`;
}

export interface AgendaNowProps {
  readonly position: AgendaPosition;
  /** Whether a live link to the chair exists (joined), though the chair may not have started the agenda yet. */
  readonly linked?: boolean;
}

export function AgendaNow({ position, linked = false }: AgendaNowProps) {
  const t = useStrings(STRINGS);
  const source = position.source === 'run' ? t.byRun : linked ? t.byPlanUntilStart : t.byPlan;
  if (position.kind !== 'on-item') {
    const what =
      position.kind === 'before'
        ? position.source === 'run'
          ? t.beforeRun
          : t.before
        : position.kind === 'after'
          ? t.after
          : t.unknown;
    return (
      <p>
        {what} <Text size={200}>{source}</Text>
      </p>
    );
  }
  const left = timeLeftText(position.remainingMs, t);
  return (
    <p>
      <Text weight="semibold">{t.now}: </Text>
      <span aria-live="polite">
        {position.item.partTitle}: {position.item.itemTitle}
      </span>
      {left !== null && <> — {left}</>}
      {position.paused && <> ({t.paused})</>} <Text size={200}>{source}</Text>
    </p>
  );
}
