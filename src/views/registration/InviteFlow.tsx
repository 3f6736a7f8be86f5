/**
 * Inviting people: a confirmation that lists exactly who will get an invitation, then the event's attendees are
 * updated through the gateway (read-modify-write with the ETag: nobody dropped, nobody invited twice), then the new
 * statuses. The run is written into the document before anything is sent and cleared after, so a reload or a closed
 * pane mid-way offers to finish it — and finishing it cannot invite anyone twice (the port adds only who is missing).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { planInvitations, type InvitationPlan, type Invitee, type MeetingEvent } from '../../core/ports';
import type { InvitationInProgress } from '../../core/registration/record';
import { formatClock, formatDate } from '../../core/time/format';
import { parseZonedIso, toZonedIso } from '../../core/time/zonedTime';
import type { Autosave } from '../editing/autosave';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';

const STRINGS = {
  invite: { sv: 'Bjud in valda', en: 'Invite selected' },
  confirmTitle: { sv: 'Skicka inbjudan?', en: 'Send the invitation?' },
  confirmIntro: {
    sv: 'De här personerna läggs till i mötet och får inbjudan från Outlook:',
    en: 'These people are added to the meeting and get the invitation from Outlook:',
  },
  alreadyInvited: { sv: 'Redan inbjudna (får ingen ny inbjudan):', en: 'Already invited (get no new invitation):' },
  send: { sv: 'Skicka inbjudan', en: 'Send the invitation' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  cannot: { sv: 'Inbjudan kan inte skickas', en: 'The invitation cannot be sent' },
  recording: { sv: 'Sparar vilka som ska bjudas in …', en: 'Recording whom to invite …' },
  sending: { sv: 'Lägger till dem i mötet …', en: 'Adding them to the meeting …' },
  finishing: { sv: 'Sparar att det är klart …', en: 'Recording that it is done …' },
  progress: { sv: 'Inbjudan skickas', en: 'Sending the invitation' },
  notSaved: {
    sv: 'Samrådet måste sparas innan inbjudan skickas. Se meddelandet om sparandet ovan; ingen inbjudan har skickats.',
    en: 'The consultation must be saved before the invitation is sent. See the message about saving above; no invitation was sent.',
  },
  failed: { sv: 'Inbjudan kunde inte skickas', en: 'The invitation could not be sent' },
  tryAgain: { sv: 'Försök igen', en: 'Try again' },
  interruptedTitle: { sv: 'En inbjudan avbröts', en: 'An invitation was interrupted' },
  finish: { sv: 'Slutför inbjudan', en: 'Finish the invitation' },
  abandon: { sv: 'Avbryt inbjudan', en: 'Abandon the invitation' },
  done: { sv: 'Inbjudan skickad', en: 'Invitation sent' },
};

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'confirm'; readonly people: readonly Invitee[]; readonly plan: InvitationPlan | { readonly error: unknown } }
  | { readonly kind: 'busy'; readonly label: 'recording' | 'sending' | 'finishing'; readonly count: number }
  | { readonly kind: 'not-saved' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly people: readonly Invitee[] }
  | { readonly kind: 'done'; readonly added: number; readonly already: number };

const STEP_NUMBER = { recording: 1, sending: 2, finishing: 3 } as const;

export interface InviteFlowProps {
  readonly autosave: Autosave;
  readonly event: MeetingEvent;
  /** Whom the organiser selected. */
  readonly selected: readonly Invitee[];
  /** How many of them are on the waiting list (inviting them goes past the capacity). */
  readonly waitlisted: number;
  readonly capacity: number | null;
  /** Normalised addresses whose registration is cancelled now: finishing an interrupted run leaves them out. */
  readonly cancelled: ReadonlySet<string>;
  /** Told the event after the change (new attendees and ETag), so statuses update at once. */
  readonly onInvited: (event: MeetingEvent) => void;
}

function withRun(autosave: Autosave, run: InvitationInProgress | null): void {
  const draft = autosave.state.draft;
  autosave.edit({ ...draft, registrations: { ...draft.registrations, invitationInProgress: run } });
}

function label(person: Invitee): string {
  return person.name === null || person.name === '' ? person.email : `${person.name} <${person.email}>`;
}

export function InviteFlow({ autosave, event, selected, waitlisted, capacity, cancelled, onInvited }: InviteFlowProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const { events, clock } = usePorts();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const { draft } = autosave.state;
  const interrupted = draft.registrations.invitationInProgress;

  const confirm = (): void => {
    let plan: InvitationPlan | { readonly error: unknown };
    try {
      plan = planInvitations({ attendees: event.attendees, organizerEmail: event.organizerEmail }, selected);
    } catch (error) {
      // Over 500 attendees or an unreadable address: said in the dialog, before anything is sent.
      plan = { error };
    }
    setStep({ kind: 'confirm', people: selected, plan });
  };

  /** Sends and records; `recorded` when the run is already in the document (finishing an interrupted one). */
  const send = async (people: readonly Invitee[], recorded: boolean): Promise<void> => {
    try {
      if (!recorded) {
        setStep({ kind: 'busy', label: 'recording', count: people.length });
        withRun(autosave, { startedAt: toZonedIso(clock.now(), draft.timeZone), people: [...people] });
        const saved = await autosave.saveNow();
        if (saved.status.kind !== 'saved') {
          // Nothing was sent: take the run out again so it is not offered as interrupted.
          withRun(autosave, null);
          setStep({ kind: 'not-saved' });
          return;
        }
      }
      setStep({ kind: 'busy', label: 'sending', count: people.length });
      const result = await events.inviteAttendees(event.id, people);
      onInvited(result.event);
      setStep({ kind: 'busy', label: 'finishing', count: people.length });
      withRun(autosave, null);
      await autosave.saveNow();
      setStep({ kind: 'done', added: result.added.length, already: result.alreadyInvited.length });
    } catch (error) {
      setStep({ kind: 'failed', error, people });
    }
  };

  /** Gives up an interrupted run: who was added stays invited (the event says so); nobody else is sent anything. */
  const abandon = async (): Promise<void> => {
    withRun(autosave, null);
    await autosave.saveNow();
    setStep({ kind: 'idle' });
  };

  /** Finishes an interrupted run, without those who cancelled since it began. */
  const finish = (run: InvitationInProgress): void => {
    const people = run.people.filter((p) => !cancelled.has(p.email));
    void send(people, true);
  };

  const startedAt = useMemo(() => {
    if (interrupted === null) return '';
    const instant = parseZonedIso(interrupted.startedAt);
    return `${formatDate(instant, draft.timeZone, language)} ${formatClock(instant, draft.timeZone, language)}`;
  }, [interrupted, draft.timeZone, language]);

  const busy = step.kind === 'busy';
  return (
    <>
      {interrupted !== null && !busy && step.kind !== 'failed' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.interruptedTitle}</MessageBarTitle>
            {language === 'sv'
              ? `Inbjudan till ${interrupted.people.length} personer som startades ${startedAt} blev inte klar. Att slutföra den bjuder bara in dem som ännu inte är inbjudna.`
              : `The invitation of ${interrupted.people.length} people started ${startedAt} did not finish. Finishing it invites only those not yet invited.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => finish(interrupted)}>{t.finish}</Button>
            <Button onClick={() => void abandon()}>{t.abandon}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {/* disabledFocusable: focus returns here when the dialog closes, and must not fall to the page while busy. */}
      <Button appearance="primary" disabledFocusable={selected.length === 0 || busy || interrupted !== null} onClick={confirm}>
        {`${t.invite} (${selected.length})`}
      </Button>
      <Dialog
        open={step.kind === 'confirm'}
        modalType="modal"
        onOpenChange={(_e, data) => {
          if (!data.open) setStep({ kind: 'idle' });
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>
              {step.kind === 'confirm' &&
                ('error' in step.plan ? (
                  <LoadFailed error={step.plan.error} title={t.cannot} />
                ) : (
                  <>
                    {waitlisted > 0 && (
                      <MessageBar intent="warning">
                        <MessageBarBody>
                          {language === 'sv'
                            ? `${waitlisted} av dem står på väntelistan: att bjuda in dem går över ${capacity === null ? 'kapaciteten' : `de ${capacity} platserna`}.`
                            : `${waitlisted} of them are on the waiting list: inviting them goes past ${capacity === null ? 'the capacity' : `the ${capacity} seats`}.`}
                        </MessageBarBody>
                      </MessageBar>
                    )}
                    <p>{t.confirmIntro}</p>
                    <ul aria-label={t.confirmIntro} style={{ maxHeight: '40vh', overflowY: 'auto' }}>
                      {step.plan.toAdd.map((person) => (
                        <li key={person.email}>{label(person)}</li>
                      ))}
                    </ul>
                    {step.plan.alreadyInvited.length > 0 && (
                      <>
                        <p>{t.alreadyInvited}</p>
                        <ul aria-label={t.alreadyInvited}>
                          {step.plan.alreadyInvited.map((person) => (
                            <li key={person.email}>{label(person)}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </>
                ))}
            </DialogContent>
            <DialogActions>
              {step.kind === 'confirm' && !('error' in step.plan) && step.plan.toAdd.length > 0 && (
                <Button
                  appearance="primary"
                  onClick={() => {
                    const people = 'error' in step.plan ? [] : step.plan.toAdd;
                    void send(people, false);
                  }}
                >
                  {language === 'sv'
                    ? `${t.send} till ${step.plan.toAdd.length} ${step.plan.toAdd.length === 1 ? 'person' : 'personer'}`
                    : `${t.send} to ${step.plan.toAdd.length} ${step.plan.toAdd.length === 1 ? 'person' : 'people'}`}
                </Button>
              )}
              <Button onClick={() => setStep({ kind: 'idle' })}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <div role="status" aria-live="polite">
        {busy && (
          <Field label={`${t.progress}: ${t[step.label]}`} validationState="none">
            <ProgressBar value={STEP_NUMBER[step.label]} max={3} />
          </Field>
        )}
        {step.kind === 'not-saved' && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.notSaved}</MessageBarBody>
          </MessageBar>
        )}
        {step.kind === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t.done}</MessageBarTitle>
              {language === 'sv'
                ? `${step.added} inbjudna nu${step.already > 0 ? `, ${step.already} var redan inbjudna` : ''}. Svaren syns här när de kommer.`
                : `${step.added} invited now${step.already > 0 ? `, ${step.already} were already invited` : ''}. Answers show here as they come.`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {step.kind === 'failed' && interrupted !== null && <Button onClick={() => void abandon()}>{t.abandon}</Button>}
      {step.kind === 'failed' && (
        <LoadFailed
          error={step.error}
          onRetry={() => void send(step.people, interrupted !== null)}
          title={t.failed}
          actionLabel={t.tryAgain}
        />
      )}
    </>
  );
}
