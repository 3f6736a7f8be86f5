/**
 * "Start from an invitation": paste the invitation's text, see the draft consultation the core reads from it
 * and the review report (what was recognised, kept as free text, or needs a look). Nothing is saved here.
 */
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { isSamradError, SamradError } from '../core/errors';
import { importInvitation, type ImportResult } from '../core/invitation';
import { useLanguage, useStrings } from './i18n';
import { ConsultationSummary } from './ConsultationSummary';
import { ImportReportView } from './ImportReportView';
import { LoadFailed } from './LoadStatus';
import type { Consultation } from '../core/consultation/schema';

const STRINGS = {
  heading: { sv: 'Börja från en inbjudan', en: 'Start from an invitation' },
  text: { sv: 'Inbjudans text', en: 'The invitation’s text' },
  textHint: {
    sv: 'Klistra in texten ur inbjudans PDF eller mejl.',
    en: 'Paste the text from the invitation’s PDF or e-mail.',
  },
  read: { sv: 'Läs in inbjudan', en: 'Read the invitation' },
  example: { sv: 'Använd exemplet', en: 'Use the example' },
  exampleFailed: { sv: 'Exemplet kunde inte hämtas', en: 'The example could not be loaded' },
  failed: { sv: 'Inbjudan kunde inte läsas', en: 'The invitation could not be read' },
  acceptFailed: { sv: 'Samrådet kunde inte skapas', en: 'The consultation could not be created' },
};

export interface ImportPreviewProps {
  /** The clock port: decides the year of a date written without one. */
  readonly now: () => number;
  /** Loads an example invitation (the workbench's seed), if there is one. */
  readonly loadExample?: () => Promise<string>;
  /** What to do with an accepted draft (the pane creates the consultation from it); without it, nothing is saved. */
  readonly accept?: { readonly label: string; readonly run: (consultation: Consultation) => Promise<void> };
}

/** An error that is not Samråd's own (a defect): shown with its message, in both languages' framing. */
function unexpected(error: unknown): SamradError {
  const detail = error instanceof Error ? error.message : String(error);
  return new SamradError(
    'invalid-input',
    { sv: `Ett oväntat fel inträffade: ${detail}`, en: `An unexpected error occurred: ${detail}` },
    {
      sv: 'Försök igen; om felet kvarstår, spara texten och rapportera felet.',
      en: 'Try again; if it persists, keep the text and report the error.',
    },
    { cause: error },
  );
}

type Outcome =
  { readonly kind: 'imported'; readonly result: ImportResult } | { readonly kind: 'failed'; readonly error: SamradError };

export function ImportPreview({ now, loadExample, accept }: ImportPreviewProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [exampleError, setExampleError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState<'idle' | 'busy' | { readonly error: unknown }>('idle');

  const acceptDraft = async (consultation: Consultation): Promise<void> => {
    if (accept === undefined) return;
    setAccepting('busy');
    try {
      await accept.run(consultation);
      setAccepting('idle');
    } catch (error) {
      // Shown below with what to do; the pasted text stays, so nothing typed is lost.
      setAccepting({ error });
    }
  };

  const read = (value: string): void => {
    try {
      setOutcome({ kind: 'imported', result: importInvitation(value, { referenceInstant: now() }) });
    } catch (error) {
      // A click handler has nobody above it to catch: every failure is shown, Samråd's own errors with their hint.
      setOutcome({ kind: 'failed', error: isSamradError(error) ? error : unexpected(error) });
    }
  };

  const loadTheExample = async (): Promise<void> => {
    if (loadExample === undefined) return;
    let example: string;
    try {
      example = await loadExample();
    } catch (error) {
      setExampleError(
        isSamradError(error)
          ? `${error.what[language]} ${error.hint[language]}`
          : error instanceof Error
            ? error.message
            : String(error),
      );
      return;
    }
    setExampleError(null);
    setText(example);
    read(example);
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      <Field label={t.text} hint={t.textHint}>
        <Textarea value={text} onChange={(_e, data) => setText(data.value)} resize="vertical" rows={8} />
      </Field>
      <div style={{ display: 'flex', gap: 8, marginBlock: 8 }}>
        <Button appearance="primary" onClick={() => read(text)}>
          {t.read}
        </Button>
        {loadExample !== undefined && <Button onClick={() => void loadTheExample()}>{t.example}</Button>}
      </div>
      {exampleError !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.exampleFailed}</MessageBarTitle>
            {exampleError}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {outcome.error.what[language]} {outcome.error.hint[language]}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'imported' && (
        <>
          <ConsultationSummary consultation={outcome.result.consultation} />
          <ImportReportView report={outcome.result.report} />
          {accept !== undefined && (
            <Button
              appearance="primary"
              disabled={accepting === 'busy'}
              onClick={() => void acceptDraft(outcome.result.consultation)}
            >
              {accept.label}
            </Button>
          )}
          {typeof accepting === 'object' && (
            <LoadFailed
              error={accepting.error}
              onRetry={() => void acceptDraft(outcome.result.consultation)}
              title={t.acceptFailed}
            />
          )}
        </>
      )}
    </section>
  );
}
