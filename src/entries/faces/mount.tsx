/**
 * What every face page does first: learn its host from the URL, build the Graph ports for it, and render the
 * face inside Fluent and the language. A page opened without a known host says so instead of guessing.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphClient } from '../../graph/http/graphClient';
import { GraphConsultationDocuments } from '../../graph/adapters/consultationDocuments';
import { GraphMeetingChat } from '../../graph/adapters/meetingChat';
import { GraphMeetingEvents } from '../../graph/adapters/meetingEvents';
import { hostKindFromUrl } from '../../hosts/host';
import type { Clock } from '../../core/time/clock';
import { createStorageDocumentMemory } from '../../hosts/workbench/documentMemory';
import { createStorageDraftStore } from '../../hosts/workbench/draftStore';
import { createWorkbenchHost } from '../../hosts/workbench/workbenchHost';
import { LanguageContext } from '../../views/i18n';
import { PortsContext, type Ports } from '../../views/ports';

const systemClock: Clock = { now: () => Date.now() };

function graphPorts(baseUrl: string, getToken: () => Promise<string>, person: string): Ports {
  const client = new GraphClient({ tokens: { getToken }, baseUrl });
  const storage = localStorageOrNull();
  return {
    events: new GraphMeetingEvents({ client }),
    documents: new GraphConsultationDocuments({ client }),
    chats: new GraphMeetingChat({ client }),
    documentMemory: createStorageDocumentMemory(storage, person),
    drafts: createStorageDraftStore(storage, person),
    clock: systemClock,
  };
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage refused (private mode, sandboxed frame): the pane still works, it just reads the event first.
    return null;
  }
}

export function mountFace(render: (url: URL) => ReactNode): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('The page has no #root element.');
  const url = new URL(window.location.href);
  const kind = hostKindFromUrl(url);
  if (kind !== 'workbench') {
    // Outlook and Teams hosts come with their issues; until then a face runs in the workbench only.
    container.textContent =
      'Den här sidan öppnas från Samråds arbetsbänk (npm start). / This page is opened from the Samråd workbench (npm start).';
    return;
  }
  const host = createWorkbenchHost(url);
  document.documentElement.lang = host.language;
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <LanguageContext.Provider value={host.language}>
          <PortsContext.Provider value={graphPorts(host.graphBaseUrl, () => host.getAccessToken(), host.person)}>
            <main style={{ padding: 12 }}>{render(url)}</main>
          </PortsContext.Provider>
        </LanguageContext.Provider>
      </FluentProvider>
    </StrictMode>,
  );
}
