/**
 * Where and from when registration mails are read: a shared mailbox named for the consultation (empty: the
 * organiser's own inbox), the first day to read, and the organisations invited (the triage's list of names). Checked before it is kept; what was typed stays on a refusal.
 */
import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import { SamradError } from '../../core/errors';
import { describeInvalidEmail, parseEmail } from '../../core/registration/email';
import { instantOf, toZonedIso } from '../../core/time/zonedTime';
import { useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { readMailsFromOf } from './triageContext';

const STRINGS = {
  settings: { sv: 'Var och från när mejlen läses', en: 'Where and from when mails are read' },
  mailbox: { sv: 'Delad brevlåda för anmälningar', en: 'Shared mailbox for registrations' },
  mailboxHint: { sv: 'Lämna tomt för att läsa din egen inkorg.', en: 'Leave empty to read your own inbox.' },
  from: { sv: 'Läs mejl från och med', en: 'Read mails from' },
  organisations: { sv: 'Inbjudna organisationer, en per rad', en: 'Invited organisations, one per line' },
  organisationsHint: {
    sv: 'Med deras fullständiga namn känner sorteringen igen förkortningar och e-postdomäner.',
    en: 'With their full names the sorting recognises short forms and e-mail domains.',
  },
  save: { sv: 'Spara inställningarna', en: 'Save the settings' },
  saved: { sv: 'Inställningarna är sparade.', en: 'The settings are saved.' },
  failed: { sv: 'Inställningarna kunde inte sparas', en: 'The settings could not be saved' },
};

export interface MailSettingsProps {
  readonly current: () => Consultation;
  readonly onChange: (next: Consultation) => void;
}

function readDate(text: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) {
    throw new SamradError(
      'invalid-input',
      { sv: 'Datumet går inte att läsa.', en: 'The date cannot be read.' },
      { sv: 'Välj ett datum i fältet, till exempel 2023-11-01.', en: 'Pick a date in the field, for example 2023-11-01.' },
    );
  }
  const instant = instantOf(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0 },
    timeZone,
  );
  return toZonedIso(instant, timeZone);
}

export function MailSettings({ current, onChange }: MailSettingsProps) {
  const t = useStrings(STRINGS);
  const c = current();
  const [mailbox, setMailbox] = useState(c.registrations.mailbox ?? '');
  const [from, setFrom] = useState(toZonedIso(readMailsFromOf(c), c.timeZone).slice(0, 10));
  const [organisations, setOrganisations] = useState(c.registrations.organisations.join('\n'));
  const [outcome, setOutcome] = useState<'idle' | 'saved' | { readonly error: unknown }>('idle');

  const save = (): void => {
    try {
      const latest = current();
      let shared: string | null = null;
      if (mailbox.trim() !== '') {
        const parsed = parseEmail(mailbox);
        if (!parsed.ok) {
          const reason = describeInvalidEmail(parsed.reason);
          throw new SamradError(
            'invalid-input',
            {
              sv: `Brevlådans adress går inte att använda: ${reason.sv}.`,
              en: `The mailbox address cannot be used: ${reason.en}.`,
            },
            {
              sv: 'Skriv den delade brevlådans e-postadress, eller lämna fältet tomt.',
              en: "Type the shared mailbox's address, or leave the field empty.",
            },
          );
        }
        shared = parsed.email;
      }
      const readMailsFrom = readDate(from, latest.timeZone);
      const names = [
        ...new Set(
          organisations
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        ),
      ];
      onChange({ ...latest, registrations: { ...latest.registrations, mailbox: shared, readMailsFrom, organisations: names } });
      setOutcome('saved');
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <details>
      <summary>{t.settings}</summary>
      <Field label={t.mailbox} hint={t.mailboxHint}>
        <Input type="email" value={mailbox} onChange={(_e, d) => setMailbox(d.value)} />
      </Field>
      <Field label={t.from}>
        <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
      </Field>
      <Field label={t.organisations} hint={t.organisationsHint}>
        <Textarea value={organisations} onChange={(_e, d) => setOrganisations(d.value)} rows={4} resize="vertical" />
      </Field>
      <Button onClick={save}>{t.save}</Button>
      <div role="status" aria-live="polite">
        {outcome === 'saved' && <p>{t.saved}</p>}
      </div>
      {typeof outcome === 'object' && <LoadFailed error={outcome.error} title={t.failed} />}
    </details>
  );
}
