/**
 * The Outlook face, for the organiser, on the consultation's calendar item: the consultation read from its
 * document in the organiser's app folder (found through the link on the event), shown with its time plan and
 * questions. Editing, registration and publishing come with the later issues.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ConsultationSummary } from '../ConsultationSummary';
import { useStrings } from '../i18n';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { useLoad } from '../useLoad';
import { loadOrganiserView, type OrganiserView } from './loadOrganiserView';

const STRINGS = {
  notLinked: {
    sv: 'Det här kalenderobjektet är inte kopplat till något samråd ännu.',
    en: 'This calendar item is not linked to a consultation yet.',
  },
  missingDocument: {
    sv: 'Samrådets dokument finns inte längre i appmappen. Det kan ha tagits bort i OneDrive.',
    en: 'The consultation’s document is no longer in the app folder. It may have been deleted in OneDrive.',
  },
  loading: { sv: 'Hämtar samrådet …', en: 'Loading the consultation …' },
};

export function OrganiserPane({ eventId }: { readonly eventId: string }) {
  const t = useStrings(STRINGS);
  const ports = usePorts();
  const { state, retry } = useLoad<OrganiserView>(() => loadOrganiserView(ports, ports.documentMemory, eventId), eventId);

  if (state.status === 'loading') return <Loading label={t.loading} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const { event, document } = state.value;
  if (event.link === null || document === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{event.link === null ? t.notLinked : t.missingDocument}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ConsultationSummary consultation={document.consultation} />;
}
