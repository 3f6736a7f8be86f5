/**
 * The workbench: the Outlook pane and the Teams meeting panel side by side, each in its own frame and signed in
 * as a chosen sandbox person, with the sandbox's switches above and the invitation import below. Frames keep
 * the faces as separate as they are in Outlook and Teams: each has its own page, host and token. Between the
 * switches and the frames, what people do outside Samråd: the Teams-side person answers the invitation (Outlook's
 * own buttons), and the Outlook-side person's consent to reply drafts (Microsoft 365's consent prompt).
 */
import { useEffect, useMemo, useState } from 'react';
import { LoadFailed, Loading } from '../LoadStatus';
import { ImportPreview } from '../ImportPreview';
import { useStrings, type Language } from '../i18n';
import { useLoad } from '../useLoad';
import { AnswerInvitation, type InvitationAnswer, type InvitationOutcome } from './AnswerInvitation';
import { DraftConsent } from './DraftConsent';
import { WorkbenchControls, type FaultChoice, type PersonChoice } from './WorkbenchControls';

export interface WorkbenchPerson extends PersonChoice {
  readonly role: 'organiser' | 'presenter' | 'participant';
  /** The name alone ("Sofia Lindqvist"), for sentences about the person; the label is used when absent. */
  readonly name?: string;
}

/** The sandbox's stand-in for Microsoft 365's consent prompt, for one extra permission (reply drafts). */
export interface DraftConsentControl {
  readonly read: (person: string) => Promise<boolean>;
  readonly set: (person: string, granted: boolean) => Promise<void>;
}

export interface WorkbenchSetup {
  readonly people: readonly WorkbenchPerson[];
  /** The organiser's calendar item (what Outlook opens) and the meeting chat (what Teams gives the app). */
  readonly organiserEventId: string;
  /** The organiser opens her item in organiser mode; anyone else opens their own copy, found by the iCalUId. */
  readonly organiserId: string;
  readonly iCalUId: string;
  readonly chatId: string;
}

export interface WorkbenchProps {
  readonly language: Language;
  readonly onLanguage: (language: Language) => void;
  readonly loadSetup: () => Promise<WorkbenchSetup>;
  readonly applyFaults: (faults: FaultChoice) => Promise<void>;
  readonly resetSandbox: () => Promise<void>;
  readonly now: () => number;
  readonly loadExample: () => Promise<string>;
  /** Answers the meeting as the person (Outlook's own buttons); without it the buttons are not shown. */
  readonly answerInvitation?: (person: string, iCalUId: string, answer: InvitationAnswer) => Promise<InvitationOutcome>;
  /** The consent to reply drafts; without it the switch is not shown. */
  readonly draftConsent?: DraftConsentControl;
  /**
   * Teams' stage, standing in for `shareAppContentToStage`: calls the listener with the payload a face shares to
   * the stage; returns the unsubscribe. Without it the stage frame is not shown.
   */
  readonly onStageShare?: (listener: (payload: string) => void) => () => void;
}

/** Not a sandbox person: someone who joins the Teams meeting by its link, without an account. */
export const ANONYMOUS = 'anonymous';

/** The role Teams would give the person in the meeting: the organiser, a presenter, or an attendee. */
function meetingRoleOf(person: WorkbenchPerson | undefined): string {
  if (person === undefined) return 'anonymous';
  return person.role === 'organiser' ? 'organizer' : person.role === 'presenter' ? 'presenter' : 'attendee';
}

const STRINGS = {
  title: { sv: 'Samråd – arbetsbänk', en: 'Samråd – workbench' },
  intro: {
    sv: 'Outlook och Teams sida vid sida, mot en lokal Microsoft 365-sandlåda med exempelsamrådet. Inget konto behövs.',
    en: 'Outlook and Teams side by side, against a local Microsoft 365 sandbox seeded with the example consultation. No account needed.',
  },
  outlook: { sv: 'Outlook – arrangörens fönster', en: 'Outlook – the organiser’s pane' },
  teams: { sv: 'Teams – mötespanelen', en: 'Teams – the meeting panel' },
  stage: { sv: 'Teams – scenen', en: 'Teams – the stage' },
  stageEmpty: {
    sv: 'Scenen är tom. Mötesledaren (arrangören eller en presentatör) visar Samråd här med ”Visa på scenen” i mötespanelen.',
    en: 'The stage is empty. The chair (the organiser or a presenter) shows Samråd here with "Show on the stage" in the meeting panel.',
  },
  anonymous: { sv: 'Anonym deltagare (utan konto)', en: 'Anonymous participant (no account)' },
  loadingSandbox: { sv: 'Startar sandlådan …', en: 'Starting the sandbox …' },
  actionFailed: { sv: 'Sandlådan kunde inte ändras', en: 'The sandbox could not be changed' },
  close: { sv: 'Stäng', en: 'Close' },
  consentHeading: { sv: 'Behörigheter i Microsoft 365', en: 'Permissions in Microsoft 365' },
};

function faceUrl(page: string, person: string, language: Language, extra: Record<string, string>, generation: number): string {
  const query = new URLSearchParams({ host: 'workbench', person, lang: language, ...extra, v: String(generation) });
  return `/${page}?${query.toString()}`;
}

export function Workbench(props: WorkbenchProps) {
  const t = useStrings(STRINGS);
  const { state, retry } = useLoad(props.loadSetup, 'setup');
  const [outlookPerson, setOutlookPerson] = useState<string | null>(null);
  const [teamsPerson, setTeamsPerson] = useState<string | null>(null);
  const [faults, setFaults] = useState<FaultChoice>({ latencyMs: 0, failureRate: 0 });
  const [resetting, setResetting] = useState(false);
  // Bumped to reload both frames after a reset or a change of faults.
  const [generation, setGeneration] = useState(0);
  const [actionError, setActionError] = useState<unknown>(null);
  const [stagePayload, setStagePayload] = useState<string | null>(null);
  const { onStageShare } = props;
  useEffect(() => (onStageShare === undefined ? undefined : onStageShare(setStagePayload)), [onStageShare]);

  const setup = state.status === 'ready' ? state.value : null;
  // As in the walkthrough: the organiser in Outlook; in Teams the presenter, who is invited from the start (the
  // participants are invited once they have registered, so a participant's panel has nothing to show at first).
  const defaults = useMemo(() => {
    if (setup === null) return null;
    const organiser = setup.people.find((p) => p.role === 'organiser') ?? setup.people[0];
    const inTeams =
      setup.people.find((p) => p.role === 'presenter') ?? setup.people.find((p) => p.role === 'participant') ?? organiser;
    return { organiser: organiser?.id ?? '', teams: inTeams?.id ?? '' };
  }, [setup]);

  useEffect(() => {
    document.title = t.title;
  }, [t.title]);

  if (state.status === 'loading') return <Loading label={t.loadingSandbox} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const { people, organiserEventId, organiserId, iCalUId, chatId } = state.value;
  const outlookAs = outlookPerson ?? defaults?.organiser ?? '';
  const teamsAs = teamsPerson ?? defaults?.teams ?? '';
  const teamsRole = meetingRoleOf(people.find((p) => p.id === teamsAs));
  const teamsPeople: readonly PersonChoice[] = [...people, { id: ANONYMOUS, label: t.anonymous }];
  const nameOf = (id: string): string => {
    const person = people.find((p) => p.id === id);
    return person?.name ?? person?.label ?? id;
  };
  const { answerInvitation, draftConsent } = props;

  const act = (action: () => Promise<void>): void => {
    setActionError(null);
    action().then(
      () => setGeneration((g) => g + 1),
      (error: unknown) => setActionError(error),
    );
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <WorkbenchControls
        language={props.language}
        onLanguage={props.onLanguage}
        people={people}
        outlookPerson={outlookAs}
        teamsPeople={teamsPeople}
        teamsPerson={teamsAs}
        onOutlookPerson={setOutlookPerson}
        onTeamsPerson={setTeamsPerson}
        faults={faults}
        onFaults={(next) => {
          const before = faults;
          setFaults(next);
          // The switches must show what the sandbox does: a change it refused is undone.
          act(() =>
            props.applyFaults(next).catch((error: unknown) => {
              setFaults(before);
              throw error;
            }),
          );
        }}
        resetting={resetting}
        onReset={() => {
          setResetting(true);
          act(() => props.resetSandbox().finally(() => setResetting(false)));
        }}
      />
      {actionError !== null && (
        <LoadFailed error={actionError} onRetry={() => setActionError(null)} title={t.actionFailed} actionLabel={t.close} />
      )}
      {(answerInvitation !== undefined || draftConsent !== undefined) && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 32, alignItems: 'start', marginBlock: 16 }}>
          {answerInvitation !== undefined && teamsAs !== ANONYMOUS && (
            // Keyed by the person: another person starts with no outcome shown.
            <AnswerInvitation
              key={teamsAs}
              personName={nameOf(teamsAs)}
              onAnswer={(answer) => answerInvitation(teamsAs, iCalUId, answer)}
            />
          )}
          {draftConsent !== undefined && (
            <div>
              <h2>{t.consentHeading}</h2>
              <DraftConsent
                key={outlookAs}
                personName={nameOf(outlookAs)}
                read={() => draftConsent.read(outlookAs)}
                set={(granted) => draftConsent.set(outlookAs, granted)}
              />
            </div>
          )}
        </div>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBlock: 16 }}>
        <iframe
          title={t.outlook}
          src={faceUrl(
            'outlook.html',
            outlookAs,
            props.language,
            // What Outlook would give the add-in: the organiser's own item, or (attendee mode) the person's copy.
            outlookAs === organiserId ? { item: organiserEventId } : { meeting: iCalUId },
            generation,
          )}
          style={{ width: 420, height: 720, border: '1px solid #8a8886' }}
        />
        <iframe
          title={t.teams}
          src={faceUrl('teams.html', teamsAs, props.language, { chat: chatId, meetingRole: teamsRole }, generation)}
          style={{ width: 320, height: 720, border: '1px solid #8a8886' }}
        />
        {onStageShare !== undefined &&
          (stagePayload === null ? (
            <section aria-label={t.stage} style={{ width: 640, height: 360, border: '1px dashed #8a8886', padding: 16 }}>
              <h2>{t.stage}</h2>
              <p>{t.stageEmpty}</p>
            </section>
          ) : (
            // Each participant's Teams opens the shared stage as themselves: here, the Teams-side person.
            <iframe
              title={t.stage}
              src={`${faceUrl('teams.html', teamsAs, props.language, { view: 'stage', meetingRole: teamsRole, live: chatId }, generation)}#${new URLSearchParams({ stage: stagePayload }).toString()}`}
              style={{ width: 640, height: 360, border: '1px solid #8a8886' }}
            />
          ))}
      </div>
      <ImportPreview now={props.now} loadExample={props.loadExample} />
    </>
  );
}
