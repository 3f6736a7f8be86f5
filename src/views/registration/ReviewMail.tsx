/**
 * One mail the triage was not sure of: what it found and why it is unsure, the mail itself as sanitised text, and
 * the people it proposes, which the organiser corrects before anything enters the ledger. Nothing here renders the
 * mail's HTML: subject, names and body are text nodes.
 */
import { Button, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Bilingual } from '../../core/errors';
import type { IncomingMail } from '../../core/ports';
import type { InboxEntry } from '../../core/registration/triage';
import { formatClock, formatDate } from '../../core/time/format';
import { parseZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { mailAsText } from './mailText';

const STRINGS = {
  from: { sv: 'Från', en: 'From' },
  received: { sv: 'Mottaget', en: 'Received' },
  noSender: { sv: '(ingen avsändare)', en: '(no sender)' },
  noSubject: { sv: '(inget ämne)', en: '(no subject)' },
  why: { sv: 'Varför den behöver granskas', en: 'Why it needs review' },
  showMail: { sv: 'Visa mejlet', en: 'Show the mail' },
  cut: { sv: '(Mejlet är långt; här visas början.)', en: '(The mail is long; the beginning is shown.)' },
  kind: { sv: 'Det här mejlet är', en: 'This mail is' },
  registration: { sv: 'en anmälan', en: 'a registration' },
  cancellation: { sv: 'en avanmälan', en: 'a cancellation' },
  people: { sv: 'Personer', en: 'People' },
  person: { sv: 'Person', en: 'Person' },
  name: { sv: 'Namn', en: 'Name' },
  email: { sv: 'E-post', en: 'E-mail' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  removePerson: { sv: 'Ta bort person', en: 'Remove person' },
  addPerson: { sv: 'Lägg till person', en: 'Add person' },
  apply: { sv: 'För in i anmälningslistan', en: 'Add to the registration list' },
  dismiss: { sv: 'Inte en anmälan', en: 'Not a registration' },
  failed: { sv: 'Mejlet kunde inte föras in', en: 'The mail could not be added' },
  heldAction: {
    sv: 'Förs in av sig själv när det tidigare mejlet är granskat.',
    en: 'Entered by itself once the earlier mail is reviewed.',
  },
  held: {
    sv: 'väntar på ett tidigare mejl från samma person, som också ska granskas',
    en: 'waits for an earlier mail from the same person, which is also to be reviewed',
  },
};

export interface ReviewedPerson {
  readonly name: string;
  readonly email: string;
  readonly organisation: string | null;
}

export interface ReviewDecision {
  readonly kind: 'registration' | 'cancellation';
  readonly people: readonly ReviewedPerson[];
}

export interface ReviewMailProps {
  readonly entry: InboxEntry;
  /** The mail as read; null when the triage ran on mails no longer held (the proposal is still shown). */
  readonly mail: IncomingMail | null;
  readonly timeZone: string;
  /** Sure of itself, but waits for an earlier mail of the same person that is under review. */
  readonly held: boolean;
  /** Throws a SamradError the view shows (an unreadable address, …); nothing is entered then. */
  readonly onApply: (decision: ReviewDecision) => void;
  readonly onDismiss: () => void;
}

interface PersonRow extends ReviewedPerson {
  readonly key: number;
}

function say(text: Bilingual, language: 'sv' | 'en'): string {
  return text[language];
}

export function ReviewMail({ entry, mail, timeZone, held, onApply, onDismiss }: ReviewMailProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const { result } = entry;
  const [kind, setKind] = useState<'registration' | 'cancellation'>(
    result.kind === 'cancellation' ? 'cancellation' : 'registration',
  );
  const [rows, setRows] = useState<PersonRow[]>(() =>
    result.people.map((p, key) => ({ key, name: p.name, email: p.email ?? '', organisation: p.organisation })),
  );
  const [nextKey, setNextKey] = useState(result.people.length);
  const [error, setError] = useState<unknown>(null);
  const body = useMemo(() => (mail === null ? null : mailAsText(mail)), [mail]);
  const received = parseZonedIso(result.receivedAt);
  const sender = mail?.from === null || mail === null ? t.noSender : `${mail.from.name} <${mail.from.email}>`;
  const reasons = [
    // The triage's reason already names its review reasons.
    say(result.reason, language),
    ...entry.hints.map((h) => say(h.reason, language)),
    ...(held ? [t.held] : []),
  ];

  const change = (key: number, patch: Partial<ReviewedPerson>): void =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const dismiss = (): void => {
    try {
      onDismiss();
    } catch (caught) {
      setError(caught);
    }
  };
  const apply = (): void => {
    try {
      onApply({
        kind,
        people: rows.map(({ name, email, organisation }) => ({
          name: name.trim(),
          email: email.trim(),
          organisation: organisation === null || organisation.trim() === '' ? null : organisation.trim(),
        })),
      });
    } catch (caught) {
      // Shown beside the proposal with what to fix; what the organiser typed stays in the fields.
      setError(caught);
    }
  };

  return (
    <article aria-labelledby={headingId}>
      <h4 id={headingId}>{mail === null || mail.subject.trim() === '' ? t.noSubject : mail.subject}</h4>
      <p>
        {t.from}: {sender} · {t.received}: {formatDate(received, timeZone, language)} {formatClock(received, timeZone, language)}
      </p>
      <p>
        {t.why}: {reasons.join('; ')}
      </p>
      {body !== null && (
        <details>
          <summary>{t.showMail}</summary>
          <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body.text}</div>
          {body.cut && <p>{t.cut}</p>}
        </details>
      )}
      <RadioGroup
        layout="horizontal"
        aria-label={t.kind}
        value={kind}
        onChange={(_e, data) => setKind(data.value === 'cancellation' ? 'cancellation' : 'registration')}
      >
        <Radio value="registration" label={t.registration} />
        <Radio value="cancellation" label={t.cancellation} />
      </RadioGroup>
      <fieldset>
        <legend>{t.people}</legend>
        {rows.map((row, index) => (
          <div key={row.key} role="group" aria-label={`${t.person} ${index + 1}`}>
            <Field label={t.name}>
              <Input value={row.name} onChange={(_e, data) => change(row.key, { name: data.value })} />
            </Field>
            <Field label={t.email}>
              <Input type="email" value={row.email} onChange={(_e, data) => change(row.key, { email: data.value })} />
            </Field>
            <Field label={t.organisation}>
              <Input value={row.organisation ?? ''} onChange={(_e, data) => change(row.key, { organisation: data.value })} />
            </Field>
            <Button
              size="small"
              aria-label={`${t.removePerson} ${index + 1}`}
              onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            >
              {t.removePerson}
            </Button>
          </div>
        ))}
        <Button
          size="small"
          onClick={() => {
            setRows((current) => [...current, { key: nextKey, name: '', email: '', organisation: null }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t.addPerson}
        </Button>
      </fieldset>
      {error !== null && <LoadFailed error={error} title={t.failed} />}
      {held ? (
        // Deciding it before the earlier mail could withdraw a registration that is not entered yet.
        <p>{t.heldAction}</p>
      ) : (
        <>
          <Button appearance="primary" onClick={apply} disabled={rows.length === 0 || rows.some((r) => r.email.trim() === '')}>
            {t.apply}
          </Button>{' '}
          <Button onClick={dismiss}>{t.dismiss}</Button>
        </>
      )}
    </article>
  );
}
