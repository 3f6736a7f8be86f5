/**
 * The registration mails: read (read-only, Mail.Read) from the consultation's mailbox since the chosen date,
 * triaged in the core, the sure registrations and cancellations entered in the ledger at once, and the rest put in
 * front of the organiser — nothing enters the ledger on a guess. Questions are listed for her to answer in Outlook.
 */
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import type { IncomingMail } from '../../core/ports';
import { applyMail, applySureMails, dismissMail } from '../../core/registration';
import { triageMails, type InboxEntry, type InboxTriage, type TriageKind } from '../../core/registration/triage';
import { toZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';
import { MailSettings } from './MailSettings';
import { ReviewMail, type ReviewDecision } from './ReviewMail';
import { readMailsFromOf, triageContextOf } from './triageContext';

const STRINGS = {
  heading: { sv: 'Anmälningsmejl', en: 'Registration mails' },
  intro: {
    sv: 'Samråd läser anmälningsmejlen men flyttar, flaggar eller raderar dem aldrig – de är allmänna handlingar.',
    en: 'Samråd reads the registration mails but never moves, flags or deletes them – they are public records.',
  },
  read: { sv: 'Läs anmälningsmejl', en: 'Read registration mails' },
  readAgain: { sv: 'Läs nya mejl', en: 'Read new mails' },
  reading: { sv: 'Läser och sorterar mejlen …', en: 'Reading and sorting the mails …' },
  failed: { sv: 'Mejlen kunde inte läsas', en: 'The mails could not be read' },
  toReview: { sv: 'Att granska', en: 'To review' },
  nothingToReview: { sv: 'Inget mejl väntar på granskning.', en: 'No mail is waiting for review.' },
  questions: { sv: 'Frågor att besvara i Outlook', en: 'Questions to answer in Outlook' },
};

const KIND_ORDER: readonly TriageKind[] = ['registration', 'cancellation', 'question', 'automatic-reply', 'other'];
const KIND_WORDS: Readonly<Record<TriageKind, { sv: [string, string]; en: [string, string] }>> = {
  registration: { sv: ['anmälan', 'anmälningar'], en: ['registration', 'registrations'] },
  cancellation: { sv: ['avanmälan', 'avanmälningar'], en: ['cancellation', 'cancellations'] },
  question: { sv: ['fråga', 'frågor'], en: ['question', 'questions'] },
  'automatic-reply': { sv: ['automatiskt svar', 'automatiska svar'], en: ['automatic reply', 'automatic replies'] },
  other: { sv: ['övrigt', 'övriga'], en: ['other', 'other'] },
};

interface Run {
  readonly inbox: InboxTriage;
  readonly mails: ReadonlyMap<string, IncomingMail>;
}

type ReadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'read'; readonly run: Run };

export interface MailTriageProps {
  /** The draft as rendered. */
  readonly consultation: Consultation;
  /** The draft as it stands at the moment of a change (a read or a decision may finish after more edits). */
  readonly current: () => Consultation;
  readonly onChange: (next: Consultation) => void;
}

/** "46 mejl: 38 anmälningar, 3 avanmälningar, 2 frågor, 2 automatiska svar · 1 att granska" */
function summaryLine(inbox: InboxTriage, toReview: number, language: 'sv' | 'en'): string {
  const counts = new Map<TriageKind, number>();
  inbox.entries.forEach((e) => counts.set(e.result.kind, (counts.get(e.result.kind) ?? 0) + 1));
  const parts = KIND_ORDER.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => {
    const n = counts.get(k) ?? 0;
    return `${n} ${KIND_WORDS[k][language][n === 1 ? 0 : 1]}`;
  });
  const mails =
    language === 'sv' ? `${inbox.entries.length} mejl` : `${inbox.entries.length} mail${inbox.entries.length === 1 ? '' : 's'}`;
  const review = language === 'sv' ? `${toReview} att granska` : `${toReview} to review`;
  return `${mails}${parts.length > 0 ? `: ${parts.join(', ')}` : ''} · ${review}`;
}

export function MailTriage({ consultation, current, onChange }: MailTriageProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const { registrationMail, clock } = usePorts();
  const [state, setState] = useState<ReadState>({ kind: 'idle' });
  const nowIso = (): string => toZonedIso(clock.now(), consultation.timeZone);

  const read = async (): Promise<void> => {
    setState({ kind: 'reading' });
    try {
      const c = current();
      const mails = await registrationMail(c.registrations.mailbox).mailsSince(readMailsFromOf(c));
      const inbox = triageMails(mails, triageContextOf(current()));
      const latest = current();
      const applied = applySureMails(latest.registrations, inbox, toZonedIso(clock.now(), latest.timeZone));
      onChange({ ...latest, registrations: applied.record });
      setState({ kind: 'read', run: { inbox, mails: new Map(mails.map((m) => [m.id, m])) } });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const run = state.kind === 'read' ? state.run : null;
  // What still needs the organiser, from the record as it is now: the sure mails are all applied (after every
  // decision too, so a mail held behind one under review goes in as soon as that one is decided).
  // Only its lists are used; the record it would stamp is not kept.
  const { registrations, timeZone } = consultation;
  const pending = useMemo(
    () => (run === null ? null : applySureMails(registrations, run.inbox, toZonedIso(clock.now(), timeZone))),
    [run, registrations, timeZone, clock],
  );
  const toReview = pending?.toReview ?? [];
  const held = new Set(pending?.heldMailIds ?? []);
  const questions = pending?.questions ?? [];

  /** A decision, then every sure mail it no longer holds back. */
  const decide = (entry: InboxEntry, decision: ReviewDecision | 'dismiss'): void => {
    if (run === null || held.has(entry.result.mailId)) return;
    const latest = current();
    const decidedAt = nowIso();
    const decided =
      decision === 'dismiss'
        ? dismissMail(latest.registrations, entry.result.mailId, decidedAt)
        : applyMail(
            latest.registrations,
            { mailId: entry.result.mailId, receivedAt: entry.result.receivedAt, kind: decision.kind, people: decision.people },
            decidedAt,
          ).record;
    onChange({ ...latest, registrations: applySureMails(decided, run.inbox, decidedAt).record });
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <p>{t.intro}</p>
      <MailSettings current={current} onChange={onChange} />
      <Button onClick={() => void read()} disabled={state.kind === 'reading'}>
        {run === null ? t.read : t.readAgain}
      </Button>
      <div role="status" aria-live="polite">
        {state.kind === 'reading' && <Spinner size="tiny" label={t.reading} />}
        {run !== null && <p>{summaryLine(run.inbox, toReview.length, language)}</p>}
      </div>
      {state.kind === 'failed' && <LoadFailed error={state.error} onRetry={() => void read()} title={t.failed} />}
      {run !== null && (
        <>
          <h3>{t.toReview}</h3>
          {toReview.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t.nothingToReview}</MessageBarBody>
            </MessageBar>
          ) : (
            toReview.map((entry) => (
              <ReviewMail
                key={entry.result.mailId}
                entry={entry}
                mail={run.mails.get(entry.result.mailId) ?? null}
                timeZone={consultation.timeZone}
                held={held.has(entry.result.mailId)}
                onApply={(decision) => decide(entry, decision)}
                onDismiss={() => decide(entry, 'dismiss')}
              />
            ))
          )}
          {questions.length > 0 && (
            <>
              <h3>{t.questions}</h3>
              <ul>
                {questions.map((entry) => {
                  const mail = run.mails.get(entry.result.mailId);
                  return (
                    <li key={entry.result.mailId}>
                      {mail?.from?.name ?? ''} {mail?.from === null || mail === undefined ? '' : `<${mail.from.email}>`}:{' '}
                      {mail?.subject ?? ''}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
