/**
 * Outlook's own Accept / Tentative / Decline on a meeting request, for the person shown on the Teams side: the
 * workbench answers through the sandbox's Graph as that person, on their own copy of the meeting, and the
 * organiser's pane sees the answer the way it would in a tenant. The outcome is announced politely.
 */
import { Button } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { LoadFailed } from '../LoadStatus';
import { useLanguage, useStrings, type Language } from '../i18n';

/** Graph's three actions on an attendee's copy of an event. */
export type InvitationAnswer = 'accept' | 'tentativelyAccept' | 'decline';

/** Answered; or nothing to answer: no copy yet (not invited), the copy is cancelled, or the person organises it. */
export type InvitationOutcome = 'answered' | 'no-invitation' | 'cancelled' | 'organiser';

export interface AnswerInvitationProps {
  /** The person's name as people see it ("Sofia Lindqvist"). */
  readonly personName: string;
  readonly onAnswer: (answer: InvitationAnswer) => Promise<InvitationOutcome>;
}

const STRINGS = {
  explanation: {
    sv: 'Står för Outlooks egna knappar på mötesinbjudan.',
    en: 'Stands in for Outlook’s own buttons on the meeting request.',
  },
  accept: { sv: 'Tacka ja', en: 'Accept' },
  tentativelyAccept: { sv: 'Preliminärt', en: 'Tentative' },
  decline: { sv: 'Tacka nej', en: 'Decline' },
  failed: { sv: 'Svaret kunde inte skickas', en: 'The answer could not be sent' },
  close: { sv: 'Stäng', en: 'Close' },
};

const ANSWERS: readonly InvitationAnswer[] = ['accept', 'tentativelyAccept', 'decline'];

export function answerHeading(name: string, language: Language): string {
  return language === 'sv' ? `Svara på inbjudan som ${name}` : `Answer the invitation as ${name}`;
}

/** What happened, as one sentence about the person. */
export function outcomeText(name: string, answer: InvitationAnswer, outcome: InvitationOutcome, language: Language): string {
  const sv = language === 'sv';
  switch (outcome) {
    case 'no-invitation':
      return sv ? `${name} har ingen inbjudan ännu` : `${name} has no invitation yet`;
    case 'cancelled':
      return sv ? `Inbjudan till ${name} är återkallad` : `The invitation to ${name} has been cancelled`;
    case 'organiser':
      return sv
        ? `${name} är arrangör och svarar inte på inbjudan`
        : `${name} is the organiser and does not answer the invitation`;
    case 'answered':
      switch (answer) {
        case 'accept':
          return sv ? `${name} har tackat ja` : `${name} has accepted`;
        case 'tentativelyAccept':
          return sv ? `${name} har svarat preliminärt` : `${name} has tentatively accepted`;
        case 'decline':
          return sv ? `${name} har tackat nej` : `${name} has declined`;
      }
  }
}

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly answer: InvitationAnswer }
  | { readonly kind: 'done'; readonly answer: InvitationAnswer; readonly outcome: InvitationOutcome }
  | { readonly kind: 'failed'; readonly error: unknown };

export function AnswerInvitation({ personName, onAnswer }: AnswerInvitationProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const explanationId = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const answer = (choice: InvitationAnswer): void => {
    setStep({ kind: 'busy', answer: choice });
    onAnswer(choice).then(
      (outcome) => setStep({ kind: 'done', answer: choice, outcome }),
      (error: unknown) => setStep({ kind: 'failed', error }),
    );
  };

  return (
    <div>
      <h2 id={headingId}>{answerHeading(personName, language)}</h2>
      <p id={explanationId}>{t.explanation}</p>
      <div role="group" aria-labelledby={headingId} aria-describedby={explanationId} style={{ display: 'flex', gap: 8 }}>
        {ANSWERS.map((choice) => (
          // disabledFocusable: a button pressed from the keyboard keeps the focus while the answer is on its way.
          <Button key={choice} disabledFocusable={step.kind === 'busy'} onClick={() => answer(choice)}>
            {t[choice]}
          </Button>
        ))}
      </div>
      {/* Always in the page, so screen readers announce what is written into it. */}
      <div role="status" aria-live="polite">
        {step.kind === 'done' && <p>{outcomeText(personName, step.answer, step.outcome, language)}</p>}
      </div>
      {step.kind === 'failed' && (
        <LoadFailed error={step.error} title={t.failed} actionLabel={t.close} onRetry={() => setStep({ kind: 'idle' })} />
      )}
    </div>
  );
}
