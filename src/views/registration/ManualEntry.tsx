/**
 * The ledger by hand: a registration that came by phone or in a meeting, a typo in an address, a cancellation told
 * in person, an entry made by mistake. Every change goes through the core's ledger operations, which refuse what
 * would lose or duplicate someone and say why; what was typed stays in the fields.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import { addManualEntry, cancelEntry, editEntry, removeEntry, restoreEntry } from '../../core/registration';
import { normaliseEmail } from '../../core/registration/email';
import type { LedgerEntry } from '../../core/registration/ledger';
import type { RegistrationRecord } from '../../core/registration/record';
import { toZonedIso } from '../../core/time/zonedTime';
import { useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';

const STRINGS = {
  addHeading: { sv: 'Lägg till en anmälan', en: 'Add a registration' },
  name: { sv: 'Namn', en: 'Name' },
  email: { sv: 'E-post', en: 'E-mail' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  add: { sv: 'Lägg till', en: 'Add' },
  added: { sv: 'Tillagd i anmälningslistan.', en: 'Added to the registration list.' },
  addFailed: { sv: 'Anmälan kunde inte läggas till', en: 'The registration could not be added' },
  findHeading: { sv: 'Ändra en anmälan', en: 'Change a registration' },
  find: { sv: 'E-post att söka efter', en: 'E-mail to look for' },
  noneFound: { sv: 'Ingen anmälan har den adressen.', en: 'No registration has that address.' },
  save: { sv: 'Spara ändringen', en: 'Save the change' },
  cancelRegistration: { sv: 'Avanmäl', en: 'Cancel the registration' },
  restore: { sv: 'Ångra avanmälan', en: 'Undo the cancellation' },
  remove: { sv: 'Ta bort (felaktig anmälan)', en: 'Remove (entered by mistake)' },
  changeFailed: { sv: 'Ändringen kunde inte göras', en: 'The change could not be made' },
  cancelled: { sv: 'avanmäld', en: 'cancelled' },
  fromMail: { sv: 'från mejl', en: 'from a mail' },
  manual: { sv: 'inlagd för hand', en: 'entered by hand' },
};

export interface ManualEntryProps {
  readonly current: () => Consultation;
  readonly onChange: (next: Consultation) => void;
}

function useRecordChange(current: () => Consultation, onChange: (next: Consultation) => void) {
  const { clock } = usePorts();
  return {
    nowIso: (): string => toZonedIso(clock.now(), current().timeZone),
    change: (operation: (record: RegistrationRecord) => RegistrationRecord): void => {
      const latest = current();
      onChange({ ...latest, registrations: operation(latest.registrations) });
    },
  };
}

export function ManualEntry({ current, onChange }: ManualEntryProps) {
  return (
    <>
      <AddRegistration current={current} onChange={onChange} />
      <ChangeRegistration current={current} onChange={onChange} />
    </>
  );
}

function AddRegistration({ current, onChange }: ManualEntryProps) {
  const t = useStrings(STRINGS);
  const headingId = useId();
  const { nowIso, change } = useRecordChange(current, onChange);
  const [person, setPerson] = useState({ name: '', email: '', organisation: '' });
  const [outcome, setOutcome] = useState<'idle' | 'added' | { readonly error: unknown }>('idle');
  const add = (): void => {
    try {
      const organisation = person.organisation.trim() === '' ? null : person.organisation.trim();
      change((record) =>
        addManualEntry(record, { name: person.name.trim(), email: person.email.trim(), organisation }, nowIso()),
      );
      setPerson({ name: '', email: '', organisation: '' });
      setOutcome('added');
    } catch (error) {
      setOutcome({ error });
    }
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.addHeading}</h3>
      <Field label={t.name}>
        <Input value={person.name} onChange={(_e, d) => setPerson({ ...person, name: d.value })} />
      </Field>
      <Field label={t.email} required>
        <Input type="email" value={person.email} onChange={(_e, d) => setPerson({ ...person, email: d.value })} />
      </Field>
      <Field label={t.organisation}>
        <Input value={person.organisation} onChange={(_e, d) => setPerson({ ...person, organisation: d.value })} />
      </Field>
      <Button onClick={add} disabled={person.email.trim() === ''}>
        {t.add}
      </Button>
      <div role="status" aria-live="polite">
        {outcome === 'added' && <p>{t.added}</p>}
      </div>
      {typeof outcome === 'object' && <LoadFailed error={outcome.error} title={t.addFailed} />}
    </section>
  );
}

function ChangeRegistration({ current, onChange }: ManualEntryProps) {
  const t = useStrings(STRINGS);
  const headingId = useId();
  const [query, setQuery] = useState('');
  const key = normaliseEmail(query);
  const entries = key === null ? [] : current().registrations.ledger.filter((entry) => normaliseEmail(entry.email) === key);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.findHeading}</h3>
      <Field label={t.find}>
        <Input type="email" value={query} onChange={(_e, d) => setQuery(d.value)} />
      </Field>
      {key !== null && entries.length === 0 && <p>{t.noneFound}</p>}
      {entries.map((entry) => (
        <EntryEditor key={entry.id} entry={entry} current={current} onChange={onChange} />
      ))}
    </section>
  );
}

function EntryEditor({ entry, current, onChange }: ManualEntryProps & { readonly entry: LedgerEntry }) {
  const t = useStrings(STRINGS);
  const { nowIso, change } = useRecordChange(current, onChange);
  const [fields, setFields] = useState({ name: entry.name, email: entry.email, organisation: entry.organisation ?? '' });
  const [error, setError] = useState<unknown>(null);
  const run = (operation: (record: RegistrationRecord) => RegistrationRecord): void => {
    try {
      change(operation);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  const describedAs = `${entry.source.kind === 'mail' ? t.fromMail : t.manual}${entry.cancelledAt === null ? '' : ` · ${t.cancelled}`}`;
  return (
    <div role="group" aria-label={`${entry.name === '' ? entry.email : entry.name} (${describedAs})`}>
      <p>{describedAs}</p>
      <Field label={t.name}>
        <Input value={fields.name} onChange={(_e, d) => setFields({ ...fields, name: d.value })} />
      </Field>
      <Field label={t.email}>
        <Input type="email" value={fields.email} onChange={(_e, d) => setFields({ ...fields, email: d.value })} />
      </Field>
      <Field label={t.organisation}>
        <Input value={fields.organisation} onChange={(_e, d) => setFields({ ...fields, organisation: d.value })} />
      </Field>
      <Button
        onClick={() =>
          run((record) =>
            editEntry(record, entry.id, {
              name: fields.name.trim(),
              email: fields.email.trim(),
              organisation: fields.organisation.trim() === '' ? null : fields.organisation.trim(),
            }),
          )
        }
      >
        {t.save}
      </Button>{' '}
      {entry.cancelledAt === null ? (
        <Button onClick={() => run((record) => cancelEntry(record, entry.id, nowIso()))}>{t.cancelRegistration}</Button>
      ) : (
        <Button onClick={() => run((record) => restoreEntry(record, entry.id))}>{t.restore}</Button>
      )}{' '}
      <Button onClick={() => run((record) => removeEntry(record, entry.id))}>{t.remove}</Button>
      {error !== null && <LoadFailed error={error} title={t.changeFailed} />}
    </div>
  );
}
