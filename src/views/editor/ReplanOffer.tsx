/**
 * When the agenda overruns the meeting end: the core's re-plan proposal (every item shortened in proportion, in
 * whole minutes, none below the minimum) with one button to apply it, or why there is none. Planned ahead of the
 * meeting, the re-plan runs from the first item at the meeting start.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ReplanProposal, ReplanResult } from '../../core/agenda';
import { proposeReplan } from '../../core/agenda';
import type { Agenda, Consultation } from '../../core/consultation/schema';
import { isSamradError, type SamradError } from '../../core/errors';
import { parseZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { fill } from './fill';

const STRINGS = {
  proposalTitle: { sv: 'Förslag till ny tidsplan', en: 'Proposed new time plan' },
  proposalText: {
    sv: 'Punkterna kortas i proportion till sina längder så att mötet slutar i tid:',
    en: 'The items are shortened in proportion to their durations so that the meeting ends on time:',
  },
  change: { sv: '{title}: {from} → {to} min', en: '{title}: {from} → {to} min' },
  apply: { sv: 'Använd förslaget', en: 'Apply the proposal' },
  nothingFitsTitle: { sv: 'Punkterna ryms inte', en: 'The items do not fit' },
  nothingFits: {
    sv: 'Även med kortaste möjliga längd behöver punkterna {needed} min, men mötet har {available} min. Ta bort punkter eller förläng mötet.',
    en: 'Even at their shortest the items need {needed} min, but the meeting has {available} min. Remove items or make the meeting longer.',
  },
  missing: {
    sv: 'Ange längd för alla punkter för att få ett förslag till ny tidsplan.',
    en: 'Give every item a duration to get a proposed new time plan.',
  },
  failed: { sv: 'Inget förslag till ny tidsplan', en: 'No proposed new time plan' },
};

type Outcome =
  { readonly kind: 'result'; readonly result: ReplanResult } | { readonly kind: 'failed'; readonly error: SamradError };

function planAhead(agenda: Agenda, start: string, end: string): Outcome | null {
  const first = agenda.parts.flatMap((part) => part.items)[0];
  if (first === undefined) return null;
  try {
    return { kind: 'result', result: proposeReplan({ agenda, end, currentItemId: first.id, now: parseZonedIso(start) }) };
  } catch (error) {
    // Only Samråd's own errors describe the document; anything else is a defect and goes on up.
    if (isSamradError(error)) return { kind: 'failed', error };
    throw error;
  }
}

export interface ReplanOfferProps {
  readonly consultation: Consultation;
  readonly onApply: (proposal: ReplanProposal) => void;
  readonly applyId: string;
}

export function ReplanOffer({ consultation, onApply, applyId }: ReplanOfferProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const { agenda, start, end } = consultation;
  const outcome = useMemo(() => planAhead(agenda, start, end), [agenda, start, end]);

  if (outcome === null) return null;
  if (outcome.kind === 'failed') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t.failed}</MessageBarTitle>
          {outcome.error.what[language]} {outcome.error.hint[language]}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { result } = outcome;
  switch (result.kind) {
    case 'fits-as-planned':
      return null;
    case 'missing-durations':
      return (
        <MessageBar intent="info">
          <MessageBarBody>{t.missing}</MessageBarBody>
        </MessageBar>
      );
    case 'nothing-fits':
      return (
        <MessageBar intent="error" politeness="polite">
          <MessageBarBody>
            <MessageBarTitle>{t.nothingFitsTitle}</MessageBarTitle>
            {fill(t.nothingFits, { needed: result.minimumNeededMinutes, available: result.availableMinutes })}
          </MessageBarBody>
        </MessageBar>
      );
    case 'proposal':
      return (
        <MessageBar intent="warning" layout="multiline" politeness="polite">
          <MessageBarBody>
            <MessageBarTitle>{t.proposalTitle}</MessageBarTitle>
            <p>{t.proposalText}</p>
            <ul>
              {result.changes.map((change) => (
                <li key={change.itemId}>
                  {fill(t.change, { title: change.title, from: change.fromMinutes, to: change.toMinutes })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" id={applyId} onClick={() => onApply(result)}>
              {t.apply}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
  }
}
