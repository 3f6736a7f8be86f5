/**
 * The time plan computed from the agenda being edited: the table, the status line (announced politely by the table
 * when it changes) and, when the agenda overruns the meeting end, the re-plan offer.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { ReplanProposal, TimePlan } from '../../core/agenda';
import { computeTimePlan } from '../../core/agenda';
import type { Consultation } from '../../core/consultation/schema';
import { isSamradError, type SamradError } from '../../core/errors';
import { useLanguage, useStrings } from '../i18n';
import { TimePlanTable } from '../TimePlanTable';
import { ReplanOffer } from './ReplanOffer';

const STRINGS = {
  heading: { sv: 'Tidsplan', en: 'Time plan' },
  failed: { sv: 'Tidsplanen kan inte räknas ut', en: 'The time plan cannot be computed' },
};

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

type Outcome = { readonly kind: 'plan'; readonly plan: TimePlan } | { readonly kind: 'failed'; readonly error: SamradError };

function planOf({ agenda, start, end, timeZone }: Consultation): Outcome {
  try {
    return { kind: 'plan', plan: computeTimePlan({ agenda, start, end, timeZone }) };
  } catch (error) {
    // Only Samråd's own errors describe the document (e.g. an end before the start); anything else goes on up.
    if (isSamradError(error)) return { kind: 'failed', error };
    throw error;
  }
}

export interface TimePlanPanelProps {
  readonly consultation: Consultation;
  readonly onApplyReplan: (proposal: ReplanProposal) => void;
  readonly applyReplanId: string;
  readonly className?: string;
}

export function TimePlanPanel({ consultation, onApplyReplan, applyReplanId, className }: TimePlanPanelProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const styles = useStyles();
  const headingId = useId();
  const outcome = useMemo(() => planOf(consultation), [consultation]);
  const presenters = useMemo(
    () => new Map(consultation.agenda.parts.flatMap((part) => part.items.map((item) => [item.id, item.presenters] as const))),
    [consultation.agenda],
  );

  return (
    <section aria-labelledby={headingId} className={mergeClasses(styles.panel, className)}>
      <h3 id={headingId} className={styles.heading}>
        {t.heading}
      </h3>
      {outcome.kind === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {outcome.error.what[language]} {outcome.error.hint[language]}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <TimePlanTable plan={outcome.plan} presenters={presenters} />
          {outcome.plan.status.kind === 'overruns' && (
            <ReplanOffer consultation={consultation} onApply={onApplyReplan} applyId={applyReplanId} />
          )}
        </>
      )}
    </section>
  );
}
