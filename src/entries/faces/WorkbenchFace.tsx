/**
 * A face in the local workbench (`?host=workbench&person=…`): signed in as a sandbox person through the sandbox's
 * token endpoint, reading the sandbox through the same Graph ports production uses (ADR 0004: nothing else
 * differs), reply drafts included (the sandbox's consent control stands in for Entra ID's prompt). The face's code
 * and the ports load as their own chunks.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { languageFromUrl } from '../../hosts/host';
import { createWorkbenchHost } from '../../hosts/workbench/workbenchHost';
import { StartupFailed, Starting } from '../../views/outlook/StartupStatus';
import { PortsContext, type Ports } from '../../views/ports';
import { loadGraphPorts } from './loadGraphPorts';
import { FaceFrame } from './mount';

type State =
  | { readonly kind: 'starting' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly ports: Ports };

export interface WorkbenchFaceProps {
  readonly pageUrl: string;
  /** Starts loading the face's code, in parallel with the ports. */
  readonly preload: () => void;
  /** The face, shown once the ports are ready. */
  readonly children: ReactNode;
}

export function WorkbenchFace({ pageUrl, preload, children }: WorkbenchFaceProps) {
  const url = useMemo(() => new URL(pageUrl), [pageUrl]);
  const language = languageFromUrl(url);
  const [state, setState] = useState<State>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Screen readers pick their voice from the page's language.
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    let live = true;
    // After the first paint (effects run after it): the face's code and the ports' code load side by side.
    preload();
    const ready = (async (): Promise<Ports> => {
      const host = createWorkbenchHost(url);
      const createGraphPorts = await loadGraphPorts();
      return createGraphPorts({
        baseUrl: host.graphBaseUrl,
        getToken: () => host.getAccessToken(),
        person: host.person,
        // The workbench stands in for the consent prompt, so reply drafts work here as in Outlook.
        extraPermission: host.extraScopes,
      });
    })();
    ready.then(
      (ports) => {
        if (live) setState({ kind: 'ready', ports });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [url, preload, attempt]);

  return (
    <FaceFrame language={language}>
      {state.kind === 'starting' && <Starting language={language} />}
      {state.kind === 'failed' && (
        <StartupFailed
          error={state.error}
          language={language}
          action={{
            kind: 'retry',
            run: () => {
              setState({ kind: 'starting' });
              setAttempt((n) => n + 1);
            },
          }}
        />
      )}
      {state.kind === 'ready' && <PortsContext.Provider value={state.ports}>{children}</PortsContext.Provider>}
    </FaceFrame>
  );
}
