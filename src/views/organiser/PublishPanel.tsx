/**
 * Publishing the agenda into the invitation: what attendees will be told changed ("Ändrat sedan förra utskicket:
 * …"), in Swedish and optionally English, then one action that saves the edits, puts Samråd's section into the
 * event body (the Teams join block and the rest untouched; Exchange mails the update to every attendee) and keeps
 * the publication's record in the document. Each step's failure says what was and was not done.
 */
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Publication } from '../../core/consultation/schema';
import { PortError, type MeetingEvent } from '../../core/ports';
import {
  preparePublication,
  previewPublication,
  withPublication,
  type PreparedPublication,
} from '../../core/publishing/publication';
import type { Language } from '../../core/time/format';
import { toZonedIso } from '../../core/time/zonedTime';
import type { Autosave } from '../editing/autosave';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';

const STRINGS = {
  heading: { sv: 'Publicera i inbjudan', en: 'Publish in the invitation' },
  intro: {
    sv: 'Dagordningen, tidsplanen, frågorna och den praktiska informationen läggs in i mötesinbjudan. Alla inbjudna får uppdateringen; länken till Teamsmötet och din övriga text ändras inte.',
    en: 'The agenda, time plan, questions and practical information are put into the meeting invitation. Everyone invited gets the update; the Teams link and the rest of your text stay as they are.',
  },
  english: { sv: 'Även på engelska (efter den svenska texten)', en: 'Also in English (after the Swedish text)' },
  changesHeading: { sv: 'Ändrat sedan förra utskicket', en: 'Changed since the last version' },
  firstVersion: {
    sv: 'Det här blir första utskicket av dagordningen.',
    en: 'This will be the first version of the agenda sent out.',
  },
  unchanged: {
    sv: 'Inbjudan har redan den här versionen – det finns inget nytt att skicka.',
    en: 'The invitation already has this version – there is nothing new to send.',
  },
  publish: { sv: 'Publicera', en: 'Publish' },
  saving: { sv: 'Sparar ändringarna …', en: 'Saving your changes …' },
  sending: { sv: 'Lägger in dagordningen i inbjudan …', en: 'Putting the agenda into the invitation …' },
  recording: { sv: 'Sparar utskicket i samrådet …', en: 'Recording the publication …' },
  notSaved: {
    sv: 'Ändringarna måste sparas innan de publiceras. Se meddelandet om sparandet ovan.',
    en: 'Your changes must be saved before they are published. See the message about saving above.',
  },
  sendFailed: { sv: 'Dagordningen kunde inte publiceras', en: 'The agenda could not be published' },
  recordFailed: {
    sv: 'Inbjudan är uppdaterad, men utskicket kunde inte sparas i samrådet',
    en: 'The invitation is updated, but the publication could not be recorded',
  },
  tryAgain: { sv: 'Publicera igen', en: 'Publish again' },
  recordAgain: { sv: 'Spara utskicket igen', en: 'Record it again' },
  done: { sv: 'Publicerad', en: 'Published' },
};

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly label: 'saving' | 'sending' | 'recording' }
  | { readonly kind: 'not-saved' }
  | { readonly kind: 'failed'; readonly stage: 'send'; readonly error: unknown }
  /** The invitation has the section; only keeping its record failed, so only that is retried. */
  | {
      readonly kind: 'failed';
      readonly stage: 'record';
      readonly error: unknown;
      readonly prepared: PreparedPublication;
      readonly attendees: number;
    }
  | { readonly kind: 'done'; readonly publication: Publication; readonly attendees: number };

export interface PublishPanelProps {
  readonly autosave: Autosave;
  readonly event: MeetingEvent;
  /** Told the event as it is after publishing (its new body and ETag). */
  readonly onPublished: (event: MeetingEvent) => void;
}

function prepare(autosave: Autosave, languages: readonly Language[], nowMs: number): PreparedPublication {
  const { draft } = autosave.state;
  return preparePublication(draft, { now: toZonedIso(nowMs, draft.timeZone), languages });
}

export function PublishPanel({ autosave, event, onPublished }: PublishPanelProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const { events, documents, clock } = usePorts();
  const [english, setEnglish] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const languages: readonly Language[] = english ? ['sv', 'en'] : ['sv'];
  const { draft } = autosave.state;
  // The note and "unchanged" as they would be now, without rendering the section on every edit.
  const preview = useMemo(() => {
    try {
      return { ok: true as const, value: previewPublication(draft, languages) };
    } catch (error) {
      return { ok: false as const, error };
    }
    // `languages` is derived from `english`; the draft identifies the content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, english]);

  const publish = async (): Promise<void> => {
    setStep({ kind: 'busy', label: 'saving' });
    const saved = await autosave.saveNow();
    if (saved.status.kind !== 'saved') {
      setStep({ kind: 'not-saved' });
      return;
    }
    let prepared: PreparedPublication;
    let updated: MeetingEvent;
    try {
      prepared = prepare(autosave, languages, clock.now());
      setStep({ kind: 'busy', label: 'sending' });
      updated = await events.publishSection(event.id, prepared.sectionHtml);
    } catch (error) {
      setStep({ kind: 'failed', stage: 'send', error });
      return;
    }
    onPublished(updated);
    await record(prepared, updated.attendees.length);
  };

  /**
   * Keeps the publication's record in the document. Someone else's save meanwhile is no reason to fail: the record
   * goes on top of their version (it touches nothing they edit), once more at most.
   */
  const record = async (prepared: PreparedPublication, attendees: number): Promise<void> => {
    setStep({ kind: 'busy', label: 'recording' });
    try {
      let base = autosave.state.base;
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        const result = await documents.save(base.name, base, withPublication(base.consultation, prepared.publication));
        if (result.ok) {
          autosave.adoptSaved(result.saved);
          setStep({ kind: 'done', publication: prepared.publication, attendees });
          return;
        }
        if (result.theirs === null) break;
        base = result.theirs;
      }
      throw new PortError(
        'document-busy',
        { sv: 'Samrådet ändrades hela tiden på annat håll.', en: 'The consultation kept being changed elsewhere.' },
        { sv: 'Vänta en stund och spara utskicket igen.', en: 'Wait a moment and record it again.' },
      );
    } catch (error) {
      setStep({ kind: 'failed', stage: 'record', error, prepared, attendees });
    }
  };

  const run = (): void => {
    // publish() turns every failure into a step shown below; nothing escapes the click.
    void publish();
  };

  const busy = step.kind === 'busy';
  const unchanged = preview.ok && preview.value.unchanged;
  const note = preview.ok ? preview.value.changeNote[language] : [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      <p>{t.intro}</p>
      <Checkbox checked={english} onChange={(_e, data) => setEnglish(data.checked === true)} label={t.english} />
      {!preview.ok ? (
        // The agenda as it stands cannot be published; the fix is an edit, so there is nothing to retry.
        <LoadFailed error={preview.error} title={t.sendFailed} />
      ) : unchanged ? (
        <MessageBar intent="info">
          <MessageBarBody>{t.unchanged}</MessageBarBody>
        </MessageBar>
      ) : draft.published === null ? (
        <p>{t.firstVersion}</p>
      ) : (
        <>
          <h3>{t.changesHeading}</h3>
          <ul>
            {note.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <Button appearance="primary" disabled={busy || unchanged || !preview.ok} onClick={run}>
        {t.publish}
      </Button>
      <div role="status" aria-live="polite">
        {step.kind === 'not-saved' && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.notSaved}</MessageBarBody>
          </MessageBar>
        )}
        {busy && <Spinner size="tiny" label={t[step.label]} />}
        {step.kind === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t.done}</MessageBarTitle>
              {language === 'sv'
                ? `Utskick ${step.publication.number} finns nu i inbjudan. ${step.attendees} inbjudna får uppdateringen.`
                : `Version ${step.publication.number} is now in the invitation. ${step.attendees} invited people get the update.`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {step.kind === 'failed' && step.stage === 'send' && (
        <LoadFailed error={step.error} onRetry={run} title={t.sendFailed} actionLabel={t.tryAgain} />
      )}
      {step.kind === 'failed' && step.stage === 'record' && (
        <LoadFailed
          error={step.error}
          onRetry={() => void record(step.prepared, step.attendees)}
          title={t.recordFailed}
          actionLabel={t.recordAgain}
        />
      )}
    </section>
  );
}
