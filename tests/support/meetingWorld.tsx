/**
 * The meeting in memory for the meeting views' tests: the seed consultation (the OGP consultation of 12 December
 * 2023) given lengths and published into a participant's own copy of the invitation by the real publishing code, a
 * meeting chat that keeps what is posted, a live session that behaves as the Live Share adapter does (later runs
 * win, a change reaches this client's listeners too, only the chair may change, roles count as of now, it can be
 * lost and joined again), a stage that records what it is asked to show and whether Samråd is still on it, and the
 * views rendered with Fluent, a language, the ports and the meeting services.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Consultation } from '../../src/core/consultation/schema';
import { importInvitation } from '../../src/core/invitation';
import { formatInputMessage, type InputQuestion } from '../../src/core/meeting/input';
import { laterRun, NOT_STARTED, readAgendaRun, type AgendaRun } from '../../src/core/meeting/run';
import type { StagePayload } from '../../src/core/meeting/stagePayload';
import type {
  ChatMessage,
  ChatMessageSender,
  LiveAgendaPort,
  LiveAgendaSession,
  MeetingChat,
  MeetingChatPort,
  MeetingEvent,
} from '../../src/core/ports';
import { PortError } from '../../src/core/ports';
import { parseAgendaSection, renderAgendaSection, type ParsedAgenda } from '../../src/core/publishing/agendaSection';
import { replaceSamradSection } from '../../src/core/publishing/bodySection';
import type { Language } from '../../src/core/time/format';
import { parseZonedIso } from '../../src/core/time/zonedTime';
import { fixedClock, type Clock } from '../../src/core/time/clock';
import { LanguageContext } from '../../src/views/i18n';
import { MeetingPanel } from '../../src/views/meeting/MeetingPanel';
import { MeetingServicesContext, type MeetingServices, type StageSharing } from '../../src/views/meeting/meetingServices';
import { PortsContext, type Ports } from '../../src/views/ports';
import { strictPorts } from './ports';
import { readSeedInvitation } from './seed';

/** 13.00–14.30: Information 30 min, then the three discussion items 20 min each: the plan fits exactly. */
export const SEED_LENGTHS: readonly (number | null)[] = [30, 20, 20, 20];

let imported: Consultation | null = null;

/** The seed consultation as imported from the real invitation, with these lengths for its four items. */
export function seedConsultation(lengths: readonly (number | null)[] = SEED_LENGTHS): Consultation {
  imported ??= importInvitation(readSeedInvitation()).consultation;
  const seed = imported;
  let n = 0;
  const parts = seed.agenda.parts.map((part) => ({
    ...part,
    items: part.items.map((item) => ({ ...item, durationMinutes: lengths[n++] ?? null })),
  }));
  return { ...seed, agenda: { parts } };
}

export const JOIN_URL = 'https://teams.example/l/meetup-join/19%3ameeting_seed%40thread.v2/0';
export const CHAT_ID = '19:meeting_seed@thread.v2';
export const JOIN_BLOCK = `<div>Microsoft Teams-möte <a href="${JOIN_URL}">Anslut till mötet nu</a></div>`;

/** The body of a participant's copy after publishing: Samråd's section above the Teams join block. */
export function invitationBody(consultation: Consultation, languages: readonly Language[] = ['sv', 'en']): string {
  return replaceSamradSection(`<p>Välkommen till samrådet.</p>${JOIN_BLOCK}`, renderAgendaSection(consultation, { languages }));
}

/** The agenda as a participant reads it back from their copy (what the panel and the stage show). */
export function publishedAgenda(consultation: Consultation): ParsedAgenda {
  const parsed = parseAgendaSection(renderAgendaSection(consultation, { languages: ['sv', 'en'] }));
  if (parsed === null) throw new Error('the published section does not read back');
  return parsed;
}

/** A participant's own copy of the meeting (its own id, no link: only the organiser's copy has one), with their reply. */
export function ownCopy(consultation: Consultation, overrides: Partial<MeetingEvent> = {}): MeetingEvent {
  return { ...copyWithoutReply(consultation), ownResponse: 'accepted', ...overrides };
}

/** The copy as a host gives it where the person's own reply is not known (a copy not read from Graph). */
export function copyWithoutReply(consultation: Consultation): MeetingEvent {
  return {
    id: 'event-copy-jonas',
    iCalUId: '040000008200E00074C5B7101A82E008',
    subject: consultation.title,
    start: consultation.start,
    end: consultation.end,
    joinUrl: JOIN_URL,
    bodyHtml: invitationBody(consultation),
    organizerEmail: 'maria.envall@regeringskansliet.example',
    attendees: [],
    etag: 'W/"7"',
    link: null,
  };
}

/** An instant on 12 December 2023 in Stockholm (winter time, +01:00): at('13.35'), at('13.35.30'). */
export function at(clock: string): number {
  const [h = '00', m = '00', s = '00'] = clock.split('.');
  return parseZonedIso(`2023-12-12T${h}:${m}:${s}+01:00`);
}

export const MINUTE = 60_000;

/** A chair's run on the third item (index 2) for 5 minutes of its 20, the agenda started 45 minutes before `now`. */
export function runOnThirdItem(now: number): AgendaRun {
  return {
    status: 'running',
    itemIndex: 2,
    runningSince: now - 5 * MINUTE,
    spentMs: 0,
    startedAt: now - 45 * MINUTE,
    sequence: 4,
  };
}

export const JONAS: ChatMessageSender = { userId: 'user-jonas', displayName: 'Jonas Lindahl' };
export const AMINA: ChatMessageSender = { userId: 'user-amina', displayName: 'Amina Yusuf' };

/** A chat message carrying input, written the way the panel writes it. */
export function inputMessage(
  id: string,
  question: InputQuestion,
  text: string,
  options: { readonly from?: ChatMessageSender; readonly createdAt?: string; readonly language?: Language } = {},
): ChatMessage {
  return {
    id,
    createdAt: options.createdAt ?? '2023-12-12T13:40:00+01:00',
    from: options.from ?? AMINA,
    contentType: 'html',
    content: formatInputMessage(question, text, options.language ?? 'sv'),
  };
}

/** An ordinary chat message (not input). */
export function chatText(id: string, content: string, from: ChatMessageSender = AMINA): ChatMessage {
  return { id, createdAt: '2023-12-12T13:31:00+01:00', from, contentType: 'html', content: `<p>${content}</p>` };
}

export const unavailable = new PortError(
  'unavailable',
  { sv: 'Microsoft 365 svarar inte just nu.', en: 'Microsoft 365 is not answering right now.' },
  { sv: 'Försök igen om en stund.', en: 'Try again in a while.' },
);

export const forbidden = new PortError(
  'forbidden',
  { sv: 'Du får inte läsa chatten.', en: 'You may not read the chat.' },
  { sv: 'Be arrangören om en inbjudan.', en: 'Ask the organiser for an invitation.' },
);

/** The meeting chat in memory. A failure queued for an operation is thrown by its next call, then it answers again. */
export interface MemoryChat {
  readonly port: MeetingChatPort;
  readonly messages: ChatMessage[];
  readonly posted: { readonly chatId: string; readonly html: string }[];
  readonly calls: { listMessages: number; getMeetingChat: number; findChatByJoinUrl: number };
  readonly failNext: { listMessages: Error[]; postMessage: Error[]; getMeetingChat: Error[]; findChatByJoinUrl: Error[] };
}

export function memoryChat(
  initial: {
    readonly messages?: readonly ChatMessage[];
    /** What getMeetingChat answers; the seed meeting's chat by default. */
    readonly chat?: MeetingChat | null;
    /** The sender of what the signed-in person posts. */
    readonly me?: ChatMessageSender;
  } = {},
): MemoryChat {
  const chat: MeetingChat | null =
    initial.chat === undefined ? { chatId: CHAT_ID, joinUrl: JOIN_URL, calendarEventId: null } : initial.chat;
  const messages = [...(initial.messages ?? [])];
  const posted: { chatId: string; html: string }[] = [];
  const calls = { listMessages: 0, getMeetingChat: 0, findChatByJoinUrl: 0 };
  const failNext = {
    listMessages: [] as Error[],
    postMessage: [] as Error[],
    getMeetingChat: [] as Error[],
    findChatByJoinUrl: [] as Error[],
  };
  const failure = (queue: Error[]): Promise<never> | null => {
    const error = queue.shift();
    return error === undefined ? null : Promise.reject(error);
  };
  const port: MeetingChatPort = {
    findChatByJoinUrl: (joinUrl) => {
      calls.findChatByJoinUrl += 1;
      return failure(failNext.findChatByJoinUrl) ?? Promise.resolve(chat !== null && chat.joinUrl === joinUrl ? chat : null);
    },
    getMeetingChat: (chatId) => {
      calls.getMeetingChat += 1;
      return failure(failNext.getMeetingChat) ?? Promise.resolve(chat !== null && chat.chatId === chatId ? chat : null);
    },
    listMessages: () => {
      calls.listMessages += 1;
      return failure(failNext.listMessages) ?? Promise.resolve([...messages]);
    },
    postMessage: (chatId, html) => {
      const failed = failure(failNext.postMessage);
      if (failed !== null) return failed;
      posted.push({ chatId, html });
      const message: ChatMessage = {
        id: `posted-${posted.length}`,
        createdAt: `2023-12-12T13:${String(35 + posted.length).padStart(2, '0')}:00+01:00`,
        from: initial.me ?? JONAS,
        contentType: 'html',
        content: html,
      };
      messages.push(message);
      return Promise.resolve(message);
    },
  };
  return { port, messages, posted, calls, failNext };
}

/** A live session as the Live Share adapter behaves: a later run wins, a change reaches this client's own listeners. */
export interface FakeLiveAgenda {
  readonly port: LiveAgendaPort;
  /** Every run this client sent through change(). */
  readonly changes: AgendaRun[];
  /** A run arriving from a peer (the chair's panel elsewhere), kept when later than the one held. */
  emit(run: AgendaRun): void;
  /** A run handed to the listeners as it comes, even an older one (a session that delivers out of order). */
  deliver(run: AgendaRun): void;
  readonly joins: () => number;
  readonly closes: () => number;
  /** The session lost under the client (the service closed it): its lost listeners are called with `reason`. */
  lose(reason: unknown): void;
  /** Errors the next joins reject with, one per join (a join after a loss that fails too). */
  readonly failNextJoin: Error[];
  /** The person's roles change during the meeting (made presenter, or no longer one): read on the next change. */
  setCanControl(canControl: boolean): void;
}

export function fakeLiveAgenda(options: {
  readonly canControl: boolean;
  /** The run the session holds when joined (NOT_STARTED by default). */
  readonly held?: AgendaRun;
  /** join() rejects with it. */
  readonly joinError?: Error;
  /** change() rejects with it (a session lost, a send timed out). */
  readonly changeError?: Error;
}): FakeLiveAgenda {
  let held = options.held ?? NOT_STARTED;
  let canControl = options.canControl;
  const failNextJoin: Error[] = [];
  const listeners = new Set<(run: AgendaRun) => void>();
  const lostListeners = new Set<(reason: unknown) => void>();
  const changes: AgendaRun[] = [];
  let joins = 0;
  let closes = 0;
  const receive = (run: AgendaRun): void => {
    const kept = laterRun(held, run);
    if (kept === held) return;
    held = kept;
    for (const listener of [...listeners]) listener(kept);
  };
  const session: LiveAgendaSession = {
    current: () => held,
    onChange: (listener) => {
      const subscription = (run: AgendaRun): void => listener(run);
      listeners.add(subscription);
      return () => {
        listeners.delete(subscription);
      };
    },
    get canControl() {
      return canControl;
    },
    onLost: (listener) => {
      lostListeners.add(listener);
      return () => {
        lostListeners.delete(listener);
      };
    },
    change: (run) => {
      if (!canControl) {
        return Promise.reject(
          new PortError(
            'forbidden',
            { sv: 'Bara mötesledaren.', en: 'The chair only.' },
            { sv: 'Be mötesledaren.', en: 'Ask the chair.' },
          ),
        );
      }
      if (options.changeError !== undefined) return Promise.reject(options.changeError);
      if (readAgendaRun(run) === null) return Promise.reject(new Error(`not a run: ${JSON.stringify(run)}`));
      changes.push(run);
      receive(run);
      return Promise.resolve();
    },
    close: () => {
      closes += 1;
      listeners.clear();
      return Promise.resolve();
    },
  };
  return {
    port: {
      join: () => {
        joins += 1;
        const error = failNextJoin.shift() ?? options.joinError;
        return error === undefined ? Promise.resolve(session) : Promise.reject(error);
      },
    },
    changes,
    emit: receive,
    deliver: (run) => {
      for (const listener of [...listeners]) listener(run);
    },
    joins: () => joins,
    closes: () => closes,
    lose: (reason) => {
      for (const listener of [...lostListeners]) listener(reason);
    },
    failNextJoin,
    setCanControl: (value) => {
      canControl = value;
    },
  };
}

/** The stage: what it was asked to show, in order; optionally refusing. */
export interface FakeStage {
  readonly share: (payload: StagePayload) => Promise<void>;
  /** True once something was shared, until `takenOver` is set (someone shared something else, or stopped). */
  readonly isSharing: () => Promise<boolean>;
  takenOver: boolean;
  readonly payloads: StagePayload[];
  /** Errors the next calls reject with, one per call. */
  readonly failNext: Error[];
}

export function fakeStage(): FakeStage {
  const payloads: StagePayload[] = [];
  const failNext: Error[] = [];
  const stage: FakeStage = {
    payloads,
    failNext,
    takenOver: false,
    share: (payload) => {
      const error = failNext.shift();
      if (error !== undefined) return Promise.reject(error);
      payloads.push(payload);
      stage.takenOver = false;
      return Promise.resolve();
    },
    isSharing: () => Promise.resolve(payloads.length > 0 && !stage.takenOver),
  };
  return stage;
}

/**
 * Renders a meeting view as an entry does: Fluent, the language, the Graph ports (where the surface has them) and
 * the meeting services (where it uses them: the organiser's record does not).
 */
export function showMeeting(
  ui: ReactNode,
  options: { readonly language: Language; readonly ports?: Ports; readonly services?: MeetingServices },
) {
  const withServices =
    options.services === undefined ? (
      ui
    ) : (
      <MeetingServicesContext.Provider value={options.services}>{ui}</MeetingServicesContext.Provider>
    );
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={options.language}>
        {options.ports === undefined ? (
          withServices
        ) : (
          <PortsContext.Provider value={options.ports}>{withServices}</PortsContext.Provider>
        )}
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

/**
 * The meeting panel in the seed meeting's chat, for a participant whose own copy is `copy` (the published seed by
 * default; null: no copy), at `now` (13.35, inside the meeting, by default), with the given live session and stage.
 */
export function showPanel(options: {
  readonly language: Language;
  readonly copy?: MeetingEvent | null;
  /** The calendar refuses with it instead of answering (a guest without a mailbox gets not-found). */
  readonly calendarError?: Error;
  readonly chat?: MemoryChat;
  readonly now?: number;
  /** A clock of the test's own (one that moves), instead of one standing at `now`. */
  readonly clock?: Clock;
  readonly liveAgenda?: LiveAgendaPort | null;
  readonly stage?: StageSharing | null;
}) {
  const chat = options.chat ?? memoryChat();
  const copy = options.copy === undefined ? ownCopy(seedConsultation()) : options.copy;
  const findCalls: string[] = [];
  const ports = strictPorts({
    chats: chat.port,
    events: {
      findByJoinUrl: (joinUrl) => {
        findCalls.push(joinUrl);
        return options.calendarError === undefined ? Promise.resolve(copy) : Promise.reject(options.calendarError);
      },
    },
  });
  const services: MeetingServices = {
    clock: options.clock ?? fixedClock(options.now ?? at('13.35')),
    liveAgenda: options.liveAgenda ?? null,
    stage: options.stage ?? null,
  };
  return { chat, findCalls, ...showMeeting(<MeetingPanel chatId={CHAT_ID} />, { language: options.language, ports, services }) };
}

/** The panel's paragraph that says where the meeting is now ("Nu: …" / "Now: …"). */
export function nowLine(language: Language): HTMLElement {
  const start = language === 'sv' ? 'Nu:' : 'Now:';
  return screen.getByText((_, element) => element?.tagName === 'P' && element.textContent.startsWith(start));
}

/** The items of the panel's compact agenda, in order. */
export function agendaItems(language: Language): HTMLElement[] {
  const agenda = screen.getByRole('region', { name: language === 'sv' ? 'Dagordning' : 'Agenda' });
  return within(within(agenda).getByRole('list')).getAllByRole('listitem');
}
