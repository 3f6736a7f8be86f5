/**
 * The Teams face for someone in the meeting, in the side panel (320 px) and the details tab: the agenda from the
 * person's OWN copy of the invitation (ADR 0002), where the meeting is now and the time left, the discussion
 * questions with the input given to each, a box per question to give input, and the person's own status. For the
 * chair (organisers and presenters) also the controls that run the agenda and show it on the stage.
 */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useCallback, useId, useMemo, useState } from 'react';
import type { TimePlan } from '../../core/agenda';
import type { ChatMessage, MeetingChat, MeetingEvent } from '../../core/ports';
import type { ParsedAgenda } from '../../core/publishing/agendaSection';
import { formatInputMessage, groupInput, numberedQuestions, type InputQuestion } from '../../core/meeting/input';
import { findOwnInvitation } from '../../core/meeting/ownInvitation';
import { currentPosition } from '../../core/meeting/position';
import { laterRun, NOT_STARTED, type AgendaRun } from '../../core/meeting/run';
import type { AttendeeResponse } from '../../core/registration/ledger';
import { formatMeetingTime } from '../../core/time/format';
import { parseZonedIso, STOCKHOLM } from '../../core/time/zonedTime';
import { useLanguage, useStrings } from '../i18n';
import { LoadFailed, Loading } from '../LoadStatus';
import { usePorts } from '../ports';
import { useLoad } from '../useLoad';
import { AgendaNow } from './AgendaNow';
import { MeetingAgenda } from './MeetingAgenda';
import { useMeetingServices } from './meetingServices';
import { planOfAgenda } from './planOfAgenda';
import { QuestionInputs } from './QuestionInputs';
import { RunControls } from './RunControls';
import { useAgendaRun } from './useAgendaRun';
import { useNow } from './useNow';

const STRINGS = {
  loading: { sv: 'Hämtar mötet …', en: 'Loading the meeting …' },
  notAMeetingChat: {
    sv: 'Den här chatten hör inte till något möte, så Samråd har inget att visa här.',
    en: 'This chat belongs to no meeting, so Samråd has nothing to show here.',
  },
  notInvited: {
    sv: 'Samråd hittar ingen egen inbjudan till mötet med ditt konto, så dagordningen kan inte visas här. Om du deltar från en annan organisations Teams finns dagordningen och frågorna i inbjudan i din e-post. Följ annars mötet på den delade skärmen (scenen), eller anmäl dig till arrangören för att få inbjudan.',
    en: "Samråd finds no invitation of your own to this meeting with your account, so the agenda cannot be shown here. If you take part from another organisation's Teams, the agenda and the questions are in the invitation in your e-mail. Otherwise follow the meeting on the shared stage, or register with the organiser to get the invitation.",
  },
  noMailbox: {
    sv: 'Du är med som gäst, och ditt gästkonto har ingen e-post här, så Samråd kan inte läsa din inbjudan. Dagordningen och frågorna finns i inbjudan i din egen e-post och på den delade skärmen (scenen).',
    en: 'You take part as a guest, and your guest account has no mailbox here, so Samråd cannot read your invitation. The agenda and the questions are in the invitation in your own e-mail and on the shared stage.',
  },
  notPublished: {
    sv: 'Arrangören har inte publicerat dagordningen i inbjudan ännu.',
    en: 'The organiser has not published the agenda in the invitation yet.',
  },
  unreadable: {
    sv: 'Din inbjudan har en dagordning från Samråd som inte längre går att läsa här (den kan ha ändrats i e-postprogrammet). Läs den i inbjudan i Outlook.',
    en: 'Your invitation has an agenda from Samråd that can no longer be read here (the mail program may have changed it). Read it in the invitation in Outlook.',
  },
  inputLoading: { sv: 'Hämtar inspelen …', en: 'Loading the input …' },
  inputFailed: { sv: 'Inspelen kunde inte hämtas', en: 'The input could not be loaded' },
  refresh: { sv: 'Hämta inspelen igen', en: 'Load the input again' },
  stageNotUpdated: {
    sv: 'Dagordningen gick vidare, men scenen kunde inte uppdateras',
    en: 'The agenda moved on, but the stage could not be updated',
  },
  noLiveLink: { sv: 'Ingen direktlänk till mötesledaren', en: 'No live link to the chair' },
  reconnect: { sv: 'Anslut igen', en: 'Connect again' },
  localRun: {
    sv: 'Ingen direktlänk till deltagarnas paneler här: scenen följer dig, panelerna följer tidsplanen.',
    en: "No live link to the participants' panels here: the stage follows you, the panels follow the time plan.",
  },
};

const STATUS: Record<AttendeeResponse | 'unknown', { sv: string; en: string }> = {
  none: { sv: 'Du är inbjuden – svara i Outlook.', en: 'You are invited – reply in Outlook.' },
  notResponded: { sv: 'Du är inbjuden – svara i Outlook.', en: 'You are invited – reply in Outlook.' },
  accepted: { sv: 'Du har tackat ja.', en: 'You have accepted.' },
  tentativelyAccepted: {
    sv: 'Du har svarat preliminärt – svara i Outlook när du vet.',
    en: 'You replied tentatively – reply in Outlook when you know.',
  },
  declined: {
    sv: 'Du har tackat nej. Ändra ditt svar i Outlook om du kan komma.',
    en: 'You have declined. Change your reply in Outlook if you can come.',
  },
  organizer: { sv: 'Du är mötets arrangör.', en: 'You organise this meeting.' },
  unknown: { sv: 'Du är inbjuden.', en: 'You are invited.' },
};

export function ownStatusText(response: AttendeeResponse | undefined, language: 'sv' | 'en'): string {
  return STATUS[response ?? 'unknown'][language];
}

export function MeetingPanel({ chatId }: { readonly chatId: string }) {
  const t = useStrings(STRINGS);
  const { chats, events } = usePorts();
  const { state, retry } = useLoad(() => findOwnInvitation({ chats, events }, chatId), chatId);
  if (state.status === 'loading') return <Loading label={t.loading} />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={retry} />;
  const found = state.value;
  if (found.kind !== 'published') {
    const message =
      found.kind === 'no-meeting'
        ? t.notAMeetingChat
        : found.kind === 'not-invited'
          ? t.notInvited
          : found.kind === 'no-mailbox'
            ? t.noMailbox
            : found.kind === 'not-published'
              ? t.notPublished
              : t.unreadable;
    return (
      <>
        {'event' in found && <MeetingHeading event={found.event} />}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return <PublishedMeeting chat={found.chat} event={found.event} agenda={found.agenda} />;
}

function MeetingHeading({ event, titleId }: { readonly event: MeetingEvent; readonly titleId?: string }) {
  const language = useLanguage();
  return (
    <>
      <h2 id={titleId}>{event.subject}</h2>
      <p>{formatMeetingTime(parseZonedIso(event.start), parseZonedIso(event.end), STOCKHOLM, language)}</p>
      <p>
        <Text weight="semibold">{ownStatusText(event.ownResponse, language)}</Text>
      </p>
    </>
  );
}

interface PublishedMeetingProps {
  readonly chat: MeetingChat;
  readonly event: MeetingEvent;
  readonly agenda: ParsedAgenda;
}

function PublishedMeeting({ chat, event, agenda }: PublishedMeetingProps) {
  const t = useStrings(STRINGS);
  const language = useLanguage();
  const titleId = useId();
  const { chats } = usePorts();
  const services = useMeetingServices();
  const now = useNow(services.clock);
  const plan = useMemo<TimePlan>(() => planOfAgenda(agenda, event.start, event.end), [agenda, event.start, event.end]);
  const questions = useMemo(() => numberedQuestions(agenda.questions), [agenda.questions]);
  const itemTitles = useMemo(
    () =>
      new Map(
        agenda.questions.flatMap((q, i) => {
          const item = q.itemIndex === null ? undefined : plan.items[q.itemIndex];
          return item === undefined ? [] : [[i + 1, `${item.partTitle}: ${item.itemTitle}`] as const];
        }),
      ),
    [agenda.questions, plan.items],
  );

  const live = useAgendaRun(services.liveAgenda);
  // Without a live session the chair still runs the agenda here: the run is kept in this panel (from where a lost
  // session left it) and carried to the stage in its address; the other panels follow the time plan (and say so).
  const [localRun, setLocalRun] = useState<AgendaRun>(NOT_STARTED);
  const [stageWarning, setStageWarning] = useState<unknown>(null);
  const liveRun = live.state.kind === 'live' ? live.state.run : null;
  const runsLocally = live.state.kind === 'unavailable' && services.stage !== null;
  const lostAt = live.state.kind === 'unavailable' ? (live.state.lastRun ?? null) : null;
  const heldLocally = lostAt === null ? localRun : laterRun(localRun, lostAt);
  const run = liveRun ?? (runsLocally ? heldLocally : null);
  const position = currentPosition(run, plan, now);
  const canControl = live.state.kind === 'live' ? live.state.canControl : runsLocally;

  const payloadFor = useCallback(
    (withRun: AgendaRun | null) => ({ subject: event.subject, start: event.start, end: event.end, agenda, run: withRun }),
    [event.subject, event.start, event.end, agenda],
  );
  const share = services.stage;
  const onShare =
    share === null || run === null
      ? undefined
      : async (): Promise<void> => {
          setStageWarning(null);
          await share.share(payloadFor(run));
        };
  const onChange = async (next: (r: AgendaRun) => AgendaRun): Promise<void> => {
    const changed = runsLocally ? next(heldLocally) : await live.change(next);
    // The change counts from here, whatever becomes of the stage.
    if (runsLocally) setLocalRun(changed);
    setStageWarning(null);
    if (share === null) return;
    // The stage carries the run in its address, and anonymous participants have no live session: while Samråd is on
    // the stage, every change shares it again so that their stage follows too. Never over something else shared.
    try {
      if (await share.isSharing()) await share.share(payloadFor(changed));
    } catch (error) {
      setStageWarning(error);
    }
  };

  const [posted, setPosted] = useState<readonly ChatMessage[]>([]);
  const [generation, setGeneration] = useState(0);
  const messages = useLoad(() => chats.listMessages(chat.chatId), `${chat.chatId}#${generation}`);
  const grouped = useMemo(() => {
    const loaded = messages.state.status === 'ready' ? messages.state.value : [];
    return groupInput(questions, [...loaded, ...posted]);
  }, [messages.state, posted, questions]);
  const send = async (question: InputQuestion, text: string): Promise<void> => {
    const message = await chats.postMessage(chat.chatId, formatInputMessage(question, text, language));
    setPosted((previous) => [...previous, message]);
  };

  return (
    <article aria-labelledby={titleId}>
      <MeetingHeading event={event} titleId={titleId} />
      {/* An agenda without items has no "now"; the agenda below says it has no items yet. */}
      {plan.itemCount > 0 && <AgendaNow position={position} linked={live.state.kind === 'live'} />}
      {canControl && run !== null && (
        <>
          <RunControls
            run={run}
            itemCount={plan.items.length}
            clock={services.clock}
            onChange={onChange}
            {...(onShare === undefined ? {} : { onShare })}
          />
          {runsLocally && <Text size={200}>{t.localRun}</Text>}
          {stageWarning !== null && <LoadFailed error={stageWarning} title={t.stageNotUpdated} />}
        </>
      )}
      {live.state.kind === 'unavailable' && live.state.reason !== null && (
        <LoadFailed error={live.state.reason} title={t.noLiveLink} onRetry={live.reconnect} actionLabel={t.reconnect} />
      )}
      <MeetingAgenda
        plan={plan}
        presenters={agenda.parts.flatMap((p) => p.items.map((i) => i.presenters))}
        currentIndex={position.kind === 'on-item' ? position.itemIndex : null}
      />
      {messages.state.status === 'loading' && <Loading label={t.inputLoading} />}
      {messages.state.status === 'failed' && (
        <LoadFailed error={messages.state.error} title={t.inputFailed} onRetry={messages.retry} />
      )}
      <QuestionInputs
        questions={questions}
        grouped={grouped}
        itemTitles={itemTitles}
        onSend={send}
        loaded={messages.state.status === 'ready'}
      />
      <Button
        onClick={() => {
          setPosted([]);
          setGeneration((g) => g + 1);
        }}
      >
        {t.refresh}
      </Button>
    </article>
  );
}
