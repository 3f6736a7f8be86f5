/**
 * Retention: the personal data in the ledger is deleted on a date (by default a while after the meeting), said in
 * the pane well before, changeable, and done by the organiser's action once due — the pane runs only when she opens
 * it, so it cannot delete on its own at midnight. Counts per organisation are kept.
 */
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import { SamradError } from '../../core/errors';
import type { Attendee } from '../../core/registration';
import { purgeRegistrations, retentionNotice, setDeleteAfter } from '../../core/registration';
import { formatDate } from '../../core/time/format';
import { instantOf, parseZonedIso, toZonedIso } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';

const STRINGS = {
  date: { sv: 'Radera personuppgifterna den', en: 'Delete the personal data on' },
  change: { sv: 'Ändra datum', en: 'Change the date' },
  purge: { sv: 'Radera personuppgifterna nu', en: 'Delete the personal data now' },
  failed: { sv: 'Det gick inte', en: 'That did not work' },
  keep: { sv: 'Behåll dem tills vidare', en: 'Keep them for now' },
};

export interface RetentionNoticeProps {
  readonly current: () => Consultation;
  readonly attendees: readonly Attendee[];
  readonly onChange: (next: Consultation) => void;
}

export function RetentionNotice({ current, attendees, onChange }: RetentionNoticeProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const { clock } = usePorts();
  const c = current();
  const notice = retentionNotice(c, clock.now());
  const [date, setDate] = useState(toZonedIso(parseZonedIso(notice.date), c.timeZone).slice(0, 10));
  const [error, setError] = useState<unknown>(null);
  // Deleting cannot be undone: the first click asks, the second deletes.
  const [confirming, setConfirming] = useState(false);
  const when = formatDate(parseZonedIso(notice.date), c.timeZone, language);

  const run = (change: () => Consultation): void => {
    try {
      onChange(change());
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  const changeDate = (): void =>
    run(() => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (match === null) {
        throw new SamradError(
          'invalid-input',
          { sv: 'Datumet går inte att läsa.', en: 'The date cannot be read.' },
          { sv: 'Välj ett datum i fältet, till exempel 2024-03-11.', en: 'Pick a date in the field, for example 2024-03-11.' },
        );
      }
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const instant = instantOf({ year, month, day, hour: 0, minute: 0 }, c.timeZone);
      return setDeleteAfter(current(), toZonedIso(instant, c.timeZone));
    });

  if (notice.state === 'done') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {language === 'sv'
            ? `Personuppgifterna i anmälningslistan raderades ${when}. Antalet per organisation finns kvar.`
            : `The personal data in the registration list was deleted on ${when}. The counts per organisation are kept.`}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const text =
    notice.state === 'due'
      ? language === 'sv'
        ? `Personuppgifterna i anmälningslistan skulle raderas ${when}. Radera dem nu; antalet per organisation sparas.`
        : `The personal data in the registration list was due for deletion on ${when}. Delete it now; the counts per organisation are kept.`
      : language === 'sv'
        ? `Personuppgifterna i anmälningslistan raderas ${when}. Antalet per organisation sparas.`
        : `The personal data in the registration list is deleted on ${when}. The counts per organisation are kept.`;
  return (
    <>
      <MessageBar intent={notice.state === 'scheduled' ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
        {notice.state === 'due' && (
          <MessageBarActions>
            {confirming ? (
              <>
                <Button
                  appearance="primary"
                  onClick={() => run(() => purgeRegistrations(current(), attendees, toZonedIso(clock.now(), c.timeZone)))}
                >
                  {language === 'sv'
                    ? `Radera ${c.registrations.ledger.length} anmälningar för gott`
                    : `Delete ${c.registrations.ledger.length} registrations for good`}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t.keep}</Button>
              </>
            ) : (
              <Button onClick={() => setConfirming(true)}>{t.purge}</Button>
            )}
          </MessageBarActions>
        )}
      </MessageBar>
      <Field label={t.date}>
        <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
      </Field>
      <Button onClick={changeDate}>{t.change}</Button>
      {error !== null && <LoadFailed error={error} title={t.failed} />}
    </>
  );
}
