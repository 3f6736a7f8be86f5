/**
 * The Outlook task pane (`outlook.html?host=outlook`): the build's sign-in settings, Office, the host on the open
 * calendar item, the Graph ports (and the dark theme when Outlook is dark), then the item's id — asking the
 * organiser before a new appointment is saved — and the organiser's pane or the attendee's agenda. Each step that
 * fails shows its typed error with the next step: reload for Office, configuration and code; try again for the
 * item's id.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { officeFromGlobal } from '../../hosts/outlook/officeApi';
import { createOutlookDocumentMemory } from '../../hosts/outlook/hintStore';
import type { OutlookMode } from '../../hosts/outlook/outlookHost';
import type { Language } from '../../views/i18n';
import { StartupFailed, Starting } from '../../views/outlook/StartupStatus';
import { PortsContext, type Ports } from '../../views/ports';
import { buildAuthConfig } from '../auth/buildConfig';
import { isOutlookHostError } from '../../hosts/outlook/outlookHostError';
import type { ComposeBody } from '../../views/organiser/ComposeAgenda';
import { AttendeeAgendaView, ComposeAgendaView, ConfirmSaveDialogView, loadDarkTheme, OrganiserPaneView } from './lazyFaces';
import { loadGraphPorts, preloadGraphPorts } from './loadGraphPorts';
import { FaceFrame, reloadPage } from './mount';
import { connectOutlook, type OutlookConnection } from './outlookStart';

type Stage =
  | { readonly kind: 'starting' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly next: 'reload' | 'retry' }
  | { readonly kind: 'ready'; readonly ports: Ports; readonly itemId: string; readonly mode: OutlookMode }
  /** The organiser would not save the new meeting: the agenda can still go into the invitation she is writing. */
  | {
      readonly kind: 'compose';
      readonly error: unknown;
      readonly ports: Ports;
      readonly body: ComposeBody;
      readonly times: { readonly start: string; readonly end: string };
    };

interface Started {
  readonly connection: OutlookConnection;
  readonly ports: Ports;
  /** Outlook's theme: Fluent's web dark theme when Outlook is dark, else the light one the shell painted with. */
  readonly theme: Theme;
}

/** Drafts are kept per person on a shared device, by the mailbox's address; this names an Outlook that gives none. */
const OUTLOOK_PERSON = 'outlook';

async function start(pageUrl: string): Promise<Started> {
  const connection = await connectOutlook({ config: buildAuthConfig(), office: officeFromGlobal(), pageUrl });
  // The face's code loads while the item's id is asked for.
  (connection.host.mode === 'organizer' ? OrganiserPaneView : AttendeeAgendaView).preload();
  // Only a dark Outlook loads the dark theme, side by side with the ports, so the pane turns dark with its language.
  const dark = connection.host.officeTheme()?.isDark === true;
  const [createGraphPorts, theme] = await Promise.all([loadGraphPorts(), dark ? loadDarkTheme() : webLightTheme]);
  const ports = createGraphPorts({
    baseUrl: connection.host.graphBaseUrl,
    getToken: () => connection.host.getAccessToken(),
    person: connection.host.userEmail ?? OUTLOOK_PERSON,
    documentMemory: createOutlookDocumentMemory(connection.office),
    // Reply drafts need Mail.ReadWrite, asked for only when the official creates them (ADR 0006).
    extraPermission: connection.host.extraScopes,
  });
  return { connection, ports, theme };
}

export function OutlookPane({ pageUrl }: { readonly pageUrl: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'starting' });
  const [language, setLanguage] = useState<Language | null>(null);
  const [theme, setTheme] = useState<Theme>(webLightTheme);
  const [attempt, setAttempt] = useState(0);
  // The organiser's answer is awaited while the dialog is open; once asked, the dialog stays mounted (closed), so
  // Fluent closes it properly.
  const [question, setQuestion] = useState<{ readonly answer: (save: boolean) => void } | null>(null);
  const [asked, setAsked] = useState(false);
  // Office, the host and the ports are made once per page; a failure there needs a reload, so it is kept.
  const started = useRef<Promise<Started> | null>(null);

  useEffect(() => {
    let live = true;
    // After the first paint (effects run after it): the ports' code loads while Office starts.
    preloadGraphPorts();
    started.current ??= start(pageUrl);
    started.current.then(
      ({ connection, ports, theme: hostTheme }) => {
        if (!live) return;
        const { host } = connection;
        setLanguage(host.language);
        setTheme(hostTheme);
        document.documentElement.lang = host.language;
        // The host asks once per pane and forgets a failure, so "try again" asks Outlook again.
        host
          .getItemRestId({
            confirmSave: () =>
              new Promise<boolean>((resolve) => {
                setAsked(true);
                setQuestion({
                  answer: (save) => {
                    setQuestion(null);
                    resolve(save);
                  },
                });
              }),
          })
          .then(
            (itemId) => {
              if (live) setStage({ kind: 'ready', ports, itemId, mode: host.mode });
            },
            (error: unknown) => {
              if (!live) return;
              if (!isOutlookHostError(error, 'save-refused')) {
                setStage({ kind: 'failed', error, next: 'retry' });
                return;
              }
              const body: ComposeBody = { read: () => host.getBodyHtml(), write: (html) => host.setBodyHtml(html) };
              host.getComposeTimes().then(
                (times) => {
                  if (live) setStage({ kind: 'compose', error, ports, body, times });
                },
                () => {
                  // Without the meeting's time there is no time plan to insert: the refusal alone is shown.
                  if (live) setStage({ kind: 'failed', error, next: 'retry' });
                },
              );
            },
          );
      },
      (error: unknown) => {
        if (live) setStage({ kind: 'failed', error, next: 'reload' });
      },
    );
    return () => {
      live = false;
    };
  }, [pageUrl, attempt]);

  return (
    <FaceFrame language={language} theme={theme}>
      <Body
        stage={stage}
        language={language}
        onRetry={() => {
          setStage({ kind: 'starting' });
          setAttempt((n) => n + 1);
        }}
      />
      {asked && (
        <ConfirmSaveDialogView
          open={question !== null}
          onAnswer={(save) => {
            question?.answer(save);
          }}
        />
      )}
    </FaceFrame>
  );
}

function Body({
  stage,
  language,
  onRetry,
}: {
  readonly stage: Stage;
  readonly language: Language | null;
  readonly onRetry: () => void;
}) {
  switch (stage.kind) {
    case 'starting':
      return <Starting language={language} />;
    case 'failed':
      return (
        <StartupFailed
          error={stage.error}
          language={language}
          action={stage.next === 'reload' ? { kind: 'reload', run: reloadPage } : { kind: 'retry', run: onRetry }}
        />
      );
    case 'compose':
      return (
        <>
          <StartupFailed error={stage.error} language={language} action={{ kind: 'retry', run: onRetry }} />
          <PortsContext.Provider value={stage.ports}>
            <ComposeAgendaView body={stage.body} start={stage.times.start} end={stage.times.end} />
          </PortsContext.Provider>
        </>
      );
    case 'ready':
      return (
        <PortsContext.Provider value={stage.ports}>
          {/* Which face is decided by the item Outlook opened: the organiser's form or an attendee's copy. */}
          {stage.mode === 'organizer' ? (
            <OrganiserPaneView eventId={stage.itemId} />
          ) : (
            <AttendeeAgendaView eventId={stage.itemId} />
          )}
        </PortsContext.Provider>
      );
  }
}
