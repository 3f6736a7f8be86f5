/**
 * The chair's controls for running the agenda (organisers and presenters): start, previous, next, pause, resume,
 * end, and showing the meeting on the stage. Each action is one button with a verb; a refused or failed action
 * says why and changes nothing.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { endRun, goToItem, pauseRun, resumeRun, startRun, type AgendaRun } from '../../core/meeting/run';
import { useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';

const STRINGS = {
  controls: { sv: 'Leda dagordningen', en: 'Chair the agenda' },
  start: { sv: 'Starta dagordningen', en: 'Start the agenda' },
  restart: { sv: 'Starta om dagordningen', en: 'Restart the agenda' },
  next: { sv: 'Nästa punkt', en: 'Next item' },
  previous: { sv: 'Föregående punkt', en: 'Previous item' },
  pause: { sv: 'Pausa', en: 'Pause' },
  resume: { sv: 'Fortsätt', en: 'Resume' },
  end: { sv: 'Avsluta dagordningen', en: 'End the agenda' },
  ended: { sv: 'Dagordningen är avslutad', en: 'The agenda has ended' },
  share: { sv: 'Visa på scenen', en: 'Show on the stage' },
  shared: { sv: 'Scenen visar mötet.', en: 'The stage shows the meeting.' },
  failed: { sv: 'Det gick inte', en: 'That did not work' },
};

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalS },
});

export interface RunControlsProps {
  readonly run: AgendaRun;
  readonly itemCount: number;
  readonly clock: { now(): number };
  /** Applies a change to the run (through the live session, or locally where there is none). */
  readonly onChange: (next: (run: AgendaRun) => AgendaRun) => Promise<void>;
  /** Shares the stage; absent where this surface cannot. */
  readonly onShare?: () => Promise<void>;
}

export function RunControls({ run, itemCount, clock, onChange, onShare }: RunControlsProps) {
  const t = useStrings(STRINGS);
  const styles = useStyles();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const act = async (action: () => Promise<void>, done = ''): Promise<void> => {
    setError(null);
    try {
      await action();
      setStatus(done);
    } catch (failure) {
      setError(failure);
    }
  };
  const change = (next: (r: AgendaRun, now: number) => AgendaRun) => () => void act(() => onChange((r) => next(r, clock.now())));
  const started = run.status === 'running' || run.status === 'paused';
  // The same four buttons in the same places whatever the run's state, each unavailable one still focusable: the
  // button a chair pressed keeps the focus (WCAG 2.4.3), and a Next pressed twice at the last item cannot restart
  // the agenda, because the restart is a button of its own.
  return (
    <section aria-label={t.controls}>
      <div className={styles.row}>
        {started || run.status === 'not-started' ? (
          <Button
            appearance="primary"
            disabledFocusable={itemCount === 0}
            onClick={
              started ? change((r, now) => goToItem(r, r.itemIndex + 1, itemCount, now)) : change((r, now) => startRun(r, now))
            }
          >
            {started ? t.next : t.start}
          </Button>
        ) : (
          <Button appearance="primary" disabledFocusable>
            {t.ended}
          </Button>
        )}
        <Button
          onClick={change((r, now) => goToItem(r, r.itemIndex - 1, itemCount, now))}
          disabledFocusable={!started || run.itemIndex === 0}
        >
          {t.previous}
        </Button>
        <Button
          onClick={run.status === 'paused' ? change((r, now) => resumeRun(r, now)) : change((r, now) => pauseRun(r, now))}
          disabledFocusable={!started}
        >
          {run.status === 'paused' ? t.resume : t.pause}
        </Button>
        <Button onClick={change((r) => endRun(r))} disabledFocusable={!started}>
          {t.end}
        </Button>
        {run.status === 'ended' && <Button onClick={change((r, now) => startRun(r, now))}>{t.restart}</Button>}
        {onShare !== undefined && <Button onClick={() => void act(onShare, t.shared)}>{t.share}</Button>}
      </div>
      <div role="status">{status}</div>
      {error !== null && <LoadFailed error={error} title={t.failed} />}
    </section>
  );
}
