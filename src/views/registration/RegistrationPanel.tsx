/**
 * The pane's registration tab: from the registration mails to the invitations, and every person's status at a
 * glance. The ledger lives in the consultation document and changes through the same autosave as the agenda, so a
 * fault, a reload or a second organiser never loses an entry; the statuses come from the core's reconciliation of
 * the ledger with the event's attendees (the invitations and their answers).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import type { MeetingEvent } from '../../core/ports';
import { seatOffers, type Reconciliation } from '../../core/registration';
import type { Autosave } from '../editing/autosave';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed } from '../LoadStatus';
import { usePorts } from '../ports';
import { ExportCsv } from './ExportCsv';
import { InviteFlow } from './InviteFlow';
import { MailTriage } from './MailTriage';
import { ManualEntry } from './ManualEntry';
import { OrganisationSummary } from './OrganisationSummary';
import { ReplyDrafts } from './ReplyDrafts';
import { RetentionNotice } from './RetentionNotice';
import { StatusTable } from './StatusTable';

const STRINGS = {
  heading: { sv: 'Anmälningar', en: 'Registrations' },
  statusHeading: { sv: 'Status per person', en: 'Status per person' },
  refresh: { sv: 'Hämta svaren på nytt', en: 'Fetch the answers again' },
  refreshFailed: { sv: 'Svaren kunde inte hämtas', en: 'The answers could not be fetched' },
  selectInvitable: {
    sv: 'Välj alla anmälda med plats som inte är inbjudna',
    en: 'Select everyone registered with a seat and not invited',
  },
  organisationsHeading: { sv: 'Per organisation', en: 'Per organisation' },
  byHandHeading: { sv: 'För hand', en: 'By hand' },
  exportHeading: { sv: 'Export och gallring', en: 'Export and retention' },
  choose: { sv: 'Välj', en: 'Select' },
};

export interface RegistrationPanelProps {
  readonly autosave: Autosave;
  readonly event: MeetingEvent;
  readonly reconciliation: Reconciliation;
  readonly onEventChange: (event: MeetingEvent) => void;
}

export function RegistrationPanel({ autosave, event, reconciliation, onEventChange }: RegistrationPanelProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const headingId = useId();
  const { events } = usePorts();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [refresh, setRefresh] = useState<'idle' | 'busy' | { readonly error: unknown }>('idle');
  const { draft } = autosave.state;
  const current = (): Consultation => autosave.state.draft;
  const edit = (next: Consultation): void => autosave.edit(next);

  const byEmail = useMemo(() => new Map(reconciliation.people.map((p) => [p.email, p])), [reconciliation]);
  // A selection only ever holds people who can still be invited: answers and cancellations drop out of it.
  const selectedPeople = [...selected].flatMap((email) => {
    const person = byEmail.get(email);
    return person !== undefined && (person.status === 'received' || person.status === 'waitlisted') ? [person] : [];
  });
  // Who has a seat but no invitation yet, in order of arrival: after a cancellation or a decline, the next from the
  // waiting list is among them (the reconciliation gives them the freed seat).
  const cancelledEmails = useMemo(
    () => new Set(reconciliation.people.filter((p) => p.status === 'cancelled').map((p) => p.email)),
    [reconciliation],
  );
  const { offers } = useMemo(
    () => seatOffers(reconciliation, draft.registration.capacity),
    [reconciliation, draft.registration.capacity],
  );
  const offeredNotSelected = offers.filter((p) => !selected.has(p.email));
  const waitlistedSelected = selectedPeople.filter((p) => p.status === 'waitlisted').length;

  const refetch = async (): Promise<void> => {
    setRefresh('busy');
    try {
      onEventChange(await events.getEvent(event.id));
      setRefresh('idle');
    } catch (error) {
      setRefresh({ error });
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      {draft.registrations.purged === null && (
        <>
          <MailTriage consultation={draft} current={current} onChange={edit} />
          <section aria-label={t.statusHeading}>
            <h3>{t.statusHeading}</h3>
            <Button onClick={() => void refetch()} disabled={refresh === 'busy'}>
              {t.refresh}
            </Button>
            {typeof refresh === 'object' && (
              <LoadFailed error={refresh.error} title={t.refreshFailed} onRetry={() => void refetch()} />
            )}
            {reconciliation.invited > 0 && offeredNotSelected.length > 0 && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  {language === 'sv'
                    ? `${offeredNotSelected.length} har plats men är inte inbjudna ännu: ${offeredNotSelected
                        .slice(0, 5)
                        .map((p) => p.name ?? p.email)
                        .join(', ')}${offeredNotSelected.length > 5 ? ' …' : ''}`
                    : `${offeredNotSelected.length} have a seat but are not invited yet: ${offeredNotSelected
                        .slice(0, 5)
                        .map((p) => p.name ?? p.email)
                        .join(', ')}${offeredNotSelected.length > 5 ? ' …' : ''}`}
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => setSelected(new Set([...selected, ...offeredNotSelected.map((p) => p.email)]))}>
                    {t.choose}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            <Button onClick={() => setSelected(new Set(offers.map((p) => p.email)))}>
              {`${t.selectInvitable} (${offers.length})`}
            </Button>
            <StatusTable
              people={reconciliation.people}
              timeZone={draft.timeZone}
              selected={selected}
              onSelectionChange={setSelected}
            />
            <InviteFlow
              autosave={autosave}
              event={event}
              selected={selectedPeople.map((p) => ({ email: p.email, name: p.name }))}
              waitlisted={waitlistedSelected}
              capacity={draft.registration.capacity}
              cancelled={cancelledEmails}
              onInvited={(next) => {
                onEventChange(next);
                setSelected(new Set());
              }}
            />{' '}
            <ReplyDrafts people={selectedPeople} consultation={draft} />
          </section>
        </>
      )}
      <section aria-label={t.organisationsHeading}>
        <h3>{t.organisationsHeading}</h3>
        <OrganisationSummary organisations={draft.registrations.purged?.organisations ?? reconciliation.byOrganisation} />
      </section>
      {draft.registrations.purged === null && (
        <section aria-label={t.byHandHeading}>
          <h3>{t.byHandHeading}</h3>
          <ManualEntry current={current} onChange={edit} />
        </section>
      )}
      <section aria-label={t.exportHeading}>
        <h3>{t.exportHeading}</h3>
        <ExportCsv consultation={draft} reconciliation={reconciliation} />
        <RetentionNotice current={current} attendees={event.attendees} onChange={edit} />
      </section>
    </section>
  );
}
