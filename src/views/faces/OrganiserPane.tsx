/**
 * The Outlook face for the organiser, on the consultation's calendar item: the overview, the agenda and questions
 * editors and publishing, over one autosaved draft of the consultation document (found through the link on the
 * event). An item that is not linked yet starts from the invitation's text.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Tab, TabList } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Consultation } from '../../core/consultation/schema';
import { documentNameForMeeting, PortError, type MeetingEvent, type StoredConsultation } from '../../core/ports';
import { publishedAgendaOf } from '../../core/publishing/agendaSection';
import { previewPublication } from '../../core/publishing/publication';
import { reconcileRegistrations } from '../../core/registration';
import { useAutosave } from '../editing/useAutosave';
import { SaveStatusLine } from '../editing/SaveStatusLine';
import { AgendaEditor } from '../editor/AgendaEditor';
import { QuestionsEditor } from '../editor/QuestionsEditor';
import { useLanguage, useStrings } from '../i18n';
import { ImportPreview } from '../ImportPreview';
import { LoadFailed, Loading } from '../LoadStatus';
import { MeetingInputRecord } from '../meeting/MeetingInputRecord';
import { ConsultationOverview } from '../organiser/ConsultationOverview';
import { COMPOSE_DRAFT } from '../organiser/composeDraft';
import { CopyEarlierConsultation } from '../organiser/CopyEarlierConsultation';
import { PublishPanel } from '../organiser/PublishPanel';
import { usePorts } from '../ports';
import { RegistrationPanel } from '../registration/RegistrationPanel';
import { glanceLine } from '../registration/statusWords';
import { useLoad } from '../useLoad';
import { loadOrganiserView, type OrganiserView } from './loadOrganiserView';

const STRINGS = {
  missingDocument: {
    sv: 'Samrådets dokument finns inte längre i appmappen. Det kan ha tagits bort i OneDrive. Du kan börja om från inbjudan nedan.',
    en: 'The consultation’s document is no longer in the app folder. It may have been deleted in OneDrive. You can start again from the invitation below.',
  },
  notLinked: {
    sv: 'Det här kalenderobjektet är inte kopplat till något samråd ännu. Klistra in inbjudan för att börja.',
    en: 'This calendar item is not linked to a consultation yet. Paste the invitation to start.',
  },
  create: { sv: 'Skapa samrådet från inbjudan', en: 'Create the consultation from the invitation' },
  builtBeforeSaving: {
    sv: 'Du byggde en dagordning i mötet innan det sparades:',
    en: 'You built an agenda in this meeting before it was saved:',
  },
  useBuilt: { sv: 'Skapa samrådet från den', en: 'Create the consultation from it' },
  createFailed: { sv: 'Samrådet kunde inte skapas', en: 'The consultation could not be created' },
  loading: { sv: 'Hämtar samrådet …', en: 'Loading the consultation …' },
  sections: { sv: 'Samrådets delar', en: 'Parts of the consultation' },
  overview: { sv: 'Översikt', en: 'Overview' },
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  questions: { sv: 'Frågor', en: 'Questions' },
  input: { sv: 'Inspel', en: 'Input' },
  registrations: { sv: 'Anmälningar', en: 'Registrations' },
  publish: { sv: 'Publicera', en: 'Publish' },
};

type Section = 'overview' | 'agenda' | 'questions' | 'input' | 'registrations' | 'publish';

export function OrganiserPane({ eventId }: { readonly eventId: string }) {
  const t = useStrings(STRINGS);
  const ports = usePorts();
  const { state, retry } = useLoad<OrganiserView>(() => loadOrganiserView(ports, ports.documentMemory, eventId), eventId);

  if (state.status === 'loading') return <Loading label={t.loading} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const { event, document } = state.value;
  if (event.link === null || document === null) {
    return <StartFromInvitation event={event} documentMissing={event.link !== null} onCreated={retry} />;
  }
  return <ConsultationEditor key={`${document.name} ${document.etag}`} event={event} stored={document} />;
}

function StartFromInvitation(props: {
  readonly event: MeetingEvent;
  readonly documentMissing: boolean;
  readonly onCreated: () => void;
}) {
  const t = useStrings(STRINGS);
  const { documents, events, clock, drafts } = usePorts();
  const [beforeSaving] = useState(() => {
    const found = drafts.read(COMPOSE_DRAFT);
    return found.kind === 'draft' ? found.value.draft : null;
  });
  const create = async (draft: Consultation): Promise<void> => {
    // The calendar item is the meeting: its time wins over the date the letter gives.
    const consultation = { ...draft, start: props.event.start, end: props.event.end };
    const name = documentNameForMeeting(props.event.iCalUId);
    const existing = await documents.load(name);
    const result = await documents.save(name, existing, consultation);
    if (!result.ok) {
      throw new PortError(
        'conflict',
        {
          sv: 'Någon annan skapade samrådet för det här mötet samtidigt.',
          en: 'Someone else created the consultation for this meeting at the same time.',
        },
        { sv: 'Ladda om fönstret för att öppna deras version.', en: 'Reload the pane to open their version.' },
      );
    }
    await events.setLink(props.event.id, { documentName: name });
    // The agenda built before the meeting was saved now lives in the consultation.
    if (draft === beforeSaving) drafts.clear(COMPOSE_DRAFT);
    props.onCreated();
  };
  return (
    <>
      <MessageBar intent="info">
        <MessageBarBody>{props.documentMissing ? t.missingDocument : t.notLinked}</MessageBarBody>
      </MessageBar>
      {beforeSaving !== null && <UseAgendaBuiltBeforeSaving draft={beforeSaving} onUse={create} />}
      <ImportPreview now={() => clock.now()} accept={{ label: t.create, run: create }} />
      <CopyEarlierConsultation event={props.event} onCopy={create} />
    </>
  );
}

/** The agenda the organiser built in this meeting before saving it: offered first, one action to keep it. */
function UseAgendaBuiltBeforeSaving(props: {
  readonly draft: Consultation;
  readonly onUse: (draft: Consultation) => Promise<void>;
}) {
  const t = useStrings(STRINGS);
  const [state, setState] = useState<'idle' | 'busy' | { readonly error: unknown }>('idle');
  const use = async (): Promise<void> => {
    setState('busy');
    try {
      await props.onUse(props.draft);
    } catch (error) {
      // Shown with what to do; the draft stays on the device.
      setState({ error });
    }
  };
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        {t.builtBeforeSaving} <strong>{props.draft.title}</strong>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={state === 'busy'} onClick={() => void use()}>
          {t.useBuilt}
        </Button>
      </MessageBarActions>
      {typeof state === 'object' && <LoadFailed error={state.error} onRetry={() => void use()} title={t.createFailed} />}
    </MessageBar>
  );
}

function ConsultationEditor({
  event: loadedEvent,
  stored,
}: {
  readonly event: MeetingEvent;
  readonly stored: StoredConsultation;
}) {
  const t = useStrings(STRINGS);
  const { documents, drafts } = usePorts();
  const autosave = useAutosave(stored, { documents, drafts });
  const [event, setEvent] = useState(loadedEvent);
  const [section, setSection] = useState<Section>('overview');
  const { draft } = autosave.state;
  const edit = (next: Consultation): void => autosave.edit(next);
  const language = useLanguage();
  const { ledger } = draft.registrations;
  const { capacity, waitlist } = draft.registration;
  const reconciliation = useMemo(
    () => reconcileRegistrations({ entries: ledger, attendees: event.attendees, capacity, waitlist }),
    [ledger, event.attendees, capacity, waitlist],
  );
  const changedSincePublished = useMemo(
    () => draft.published !== null && !previewPublication(draft, draft.published.languages).unchanged,
    [draft],
  );

  return (
    <>
      <SaveStatusLine autosave={autosave} />
      <p>
        {draft.registrations.purged === null
          ? glanceLine(reconciliation.totals, capacity, language, reconciliation.registered)
          : glanceLine(reconciliation.totals, capacity, language, draft.registrations.purged.people)}
      </p>
      <TabList
        aria-label={t.sections}
        selectedValue={section}
        onTabSelect={(_e, data) => setSection(data.value as Section)}
        size="small"
      >
        <Tab value="overview">{t.overview}</Tab>
        <Tab value="agenda">{t.agenda}</Tab>
        <Tab value="questions">{t.questions}</Tab>
        <Tab value="input">{t.input}</Tab>
        <Tab value="registrations">{t.registrations}</Tab>
        <Tab value="publish">{t.publish}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t[section]} hidden={section === 'publish' || section === 'registrations'}>
        {section === 'overview' && (
          <ConsultationOverview consultation={draft} event={event} changedSincePublished={changedSincePublished} />
        )}
        {section === 'agenda' && <AgendaEditor consultation={draft} onChange={edit} />}
        {section === 'questions' && <QuestionsEditor consultation={draft} onChange={edit} />}
        {section === 'input' && (
          // Grouped under the questions as participants saw them: the last publication's, else the draft's.
          <MeetingInputRecord joinUrl={event.joinUrl} questions={publishedAgendaOf(draft.published ?? draft).questions} />
        )}
      </div>
      {/* Kept mounted, as publishing: read mails, a review half typed and an invitation under way survive a tab switch. */}
      <div role="tabpanel" aria-label={t.registrations} hidden={section !== 'registrations'}>
        <RegistrationPanel autosave={autosave} event={event} reconciliation={reconciliation} onEventChange={setEvent} />
      </div>
      {/* Kept mounted: a publication half done ("recorded it again?") must survive a look at another tab. */}
      <div role="tabpanel" aria-label={t.publish} hidden={section !== 'publish'}>
        <PublishPanel autosave={autosave} event={event} onPublished={setEvent} />
      </div>
    </>
  );
}
