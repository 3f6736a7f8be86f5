/**
 * Reply drafts for the selected people — "Tack för din anmälan", or "Du står på väntelistan" for the waitlisted —
 * created one per person in the official's Drafts folder, for her to read and send from Outlook. They need a
 * permission the app does not ask for at sign-in; without it the button says so and offers to ask.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Field } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import type { PersonStatus } from '../../core/registration';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';
import { replyDraftFor } from './replyTemplates';

const STRINGS = {
  create: { sv: 'Skapa svarsutkast', en: 'Create reply drafts' },
  unavailable: {
    sv: 'Svarsutkast kan inte skapas här: värden kan inte be om behörigheten som behövs.',
    en: 'Reply drafts cannot be created here: the host cannot ask for the permission they need.',
  },
  needsPermission: {
    sv: 'För att skapa utkast i din brevlåda behöver Samråd behörigheten Mail.ReadWrite. Utkasten skickas inte – du läser och skickar dem själv från Outlook.',
    en: 'To create drafts in your mailbox Samråd needs the Mail.ReadWrite permission. The drafts are not sent – you read and send them yourself from Outlook.',
  },
  grant: { sv: 'Ge behörighet', en: 'Grant permission' },
  refused: {
    sv: 'Behörigheten gavs inte, så inga utkast skapades. Allt annat fungerar som förut.',
    en: 'The permission was not granted, so no drafts were created. Everything else works as before.',
  },
  progress: { sv: 'Skapar utkast', en: 'Creating drafts' },
  already: {
    sv: 'De valda har redan fått utkast – de ligger i mappen Utkast i Outlook.',
    en: 'Those selected already have drafts – they are in the Drafts folder in Outlook.',
  },
  failed: { sv: 'Alla utkast kunde inte skapas', en: 'Not every draft could be created' },
};

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'needs-permission' }
  | { readonly kind: 'refused' }
  | { readonly kind: 'already' }
  | { readonly kind: 'busy'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly created: number }
  | { readonly kind: 'failed'; readonly error: unknown; readonly created: number; readonly remaining: readonly PersonStatus[] };

export interface ReplyDraftsProps {
  readonly people: readonly PersonStatus[];
  readonly consultation: Consultation;
}

export function ReplyDrafts({ people, consultation }: ReplyDraftsProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const { replyDrafts } = usePorts();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const unavailableId = useId();
  const drafted = useRef(new Set<string>());

  if (replyDrafts === undefined) {
    return (
      <>
        <Button disabled aria-describedby={unavailableId}>
          {t.create}
        </Button>
        <p id={unavailableId}>{t.unavailable}</p>
      </>
    );
  }

  const createAll = async (asked: readonly PersonStatus[]): Promise<void> => {
    // One draft per person while the pane is open: a second click does not fill the Drafts folder twice.
    const list = asked.filter((person) => !drafted.current.has(person.email));
    if (list.length === 0) {
      setStep({ kind: 'already' });
      return;
    }
    let created = 0;
    try {
      for (const person of list) {
        setStep({ kind: 'busy', done: created, total: list.length });
        await replyDrafts.createDraft(replyDraftFor(person, consultation));
        drafted.current.add(person.email);
        created += 1;
      }
      setStep({ kind: 'done', created });
    } catch (error) {
      setStep({ kind: 'failed', error, created, remaining: list.slice(created) });
    }
  };

  const start = async (): Promise<void> => {
    try {
      if ((await replyDrafts.permission()) === 'not-granted') {
        setStep({ kind: 'needs-permission' });
        return;
      }
    } catch (error) {
      setStep({ kind: 'failed', error, created: 0, remaining: people });
      return;
    }
    await createAll(people);
  };

  const grant = async (): Promise<void> => {
    try {
      if ((await replyDrafts.requestPermission()) === 'granted') await createAll(people);
      else setStep({ kind: 'refused' });
    } catch (error) {
      setStep({ kind: 'failed', error, created: 0, remaining: people });
    }
  };

  return (
    <>
      <Button disabled={people.length === 0 || step.kind === 'busy'} onClick={() => void start()}>
        {`${t.create} (${people.length})`}
      </Button>
      {step.kind === 'needs-permission' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.needsPermission}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void grant()}>{t.grant}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {step.kind === 'refused' && <p>{t.refused}</p>}
        {step.kind === 'already' && <p>{t.already}</p>}
        {step.kind === 'busy' && (
          <Field label={`${t.progress}: ${step.done} / ${step.total}`}>
            <ProgressBar value={step.done} max={step.total} />
          </Field>
        )}
        {step.kind === 'done' && (
          <p>
            {language === 'sv'
              ? `${step.created} utkast finns nu i mappen Utkast i Outlook. Läs dem och skicka dem därifrån.`
              : `${step.created} drafts are now in the Drafts folder in Outlook. Read them and send them from there.`}
          </p>
        )}
      </div>
      {step.kind === 'failed' && (
        <LoadFailed
          error={step.error}
          title={`${t.failed} (${step.created} / ${step.created + step.remaining.length})`}
          onRetry={() => void createAll(step.remaining)}
        />
      )}
    </>
  );
}
