// @vitest-environment jsdom
/**
 * The two faces by role, in Swedish and English, over in-memory ports: the organiser's pane shows the linked
 * consultation's agenda and questions; the participant's panel finds the person's own invitation from the
 * meeting chat, or says plainly why it cannot; failures show what happened and offer to try again.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsultationDocumentPort, MeetingChatPort, MeetingEvent, MeetingEventPort } from '../../../src/core/ports';
import { FORGETFUL_MEMORY, PortError } from '../../../src/core/ports';
import { fixedClock } from '../../../src/core/time/clock';
import { renderAgendaSection } from '../../../src/core/publishing/agendaSection';
import { replaceSamradSection } from '../../../src/core/publishing/bodySection';
import { OrganiserPane } from '../../../src/views/faces/OrganiserPane';
import { ParticipantPanel } from '../../../src/views/faces/ParticipantPanel';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { PortsContext, type Ports } from '../../../src/views/ports';
import { sampleConsultation } from '../../support/consultations';

const EVENT: MeetingEvent = {
  id: 'event-organiser',
  iCalUId: 'uid-1',
  subject: 'Samråd om exempel',
  start: '2023-12-12T13:00:00+01:00',
  end: '2023-12-12T14:30:00+01:00',
  joinUrl: 'https://teams.example/l/meetup-join/1',
  bodyHtml: '<p>Välkommen</p>',
  organizerEmail: 'arrangor@regeringskansliet.example',
  attendees: [],
  etag: 'W/"1"',
  link: { documentName: 'samrad-1' },
};

const unavailable = new PortError(
  'unavailable',
  { sv: 'Microsoft 365 svarar inte just nu.', en: 'Microsoft 365 is not answering right now.' },
  { sv: 'Försök igen om en stund.', en: 'Try again in a while.' },
);

function notUsed(): never {
  throw new Error('not used by this view');
}

function ports(overrides: {
  events?: Partial<MeetingEventPort>;
  documents?: Partial<ConsultationDocumentPort>;
  chats?: Partial<MeetingChatPort>;
}): Ports {
  return {
    registrationMail: notUsed,
    events: {
      getEvent: () => Promise.resolve(EVENT),
      findByICalUId: notUsed,
      findByJoinUrl: () => Promise.resolve({ ...EVENT, id: 'event-copy', link: null }),
      inviteAttendees: notUsed,
      publishSection: notUsed,
      setLink: notUsed,
      ...overrides.events,
    },
    documents: {
      list: notUsed,
      load: () => Promise.resolve({ name: 'samrad-1', consultation: sampleConsultation(), etag: '"1"' }),
      save: notUsed,
      ...overrides.documents,
    },
    chats: {
      findChatByJoinUrl: notUsed,
      getMeetingChat: (chatId) => Promise.resolve({ chatId, joinUrl: EVENT.joinUrl ?? '', calendarEventId: null }),
      listMessages: notUsed,
      postMessage: notUsed,
      ...overrides.chats,
    },
    documentMemory: FORGETFUL_MEMORY,
    drafts: { read: () => ({ kind: 'none' }), write: () => true, clear: () => undefined },
    clock: fixedClock(Date.parse('2023-11-01T09:00:00Z')),
  };
}

function show(ui: ReactNode, language: Language, value: Ports) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <PortsContext.Provider value={value}>{ui}</PortsContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

afterEach(cleanup);

describe('OrganiserPane', () => {
  it.each<[Language, string, string, string]>([
    ['sv', 'Dagordning', 'Tidsplan', 'Frågor'],
    ['en', 'Agenda', 'Time plan', 'Questions'],
  ])(
    'shows the linked consultation; its agenda and questions are a tab away (%s)',
    async (language, agendaTab, table, questionsTab) => {
      show(<OrganiserPane eventId="event-organiser" />, language, ports({}));
      expect(await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('tab', { name: agendaTab }));
      expect(screen.getByRole('table', { name: table })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('tab', { name: questionsTab }));
      expect(screen.getByDisplayValue('Vad tycker ni?')).toBeInTheDocument();
    },
  );

  it('offers to start from the invitation when the calendar item is not a consultation yet', async () => {
    show(<OrganiserPane eventId="e" />, 'sv', ports({ events: { getEvent: () => Promise.resolve({ ...EVENT, link: null }) } }));
    expect(await screen.findByText(/inte kopplat till något samråd/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Inbjudans text/ })).toBeInTheDocument();
  });

  it('explains a Graph failure and loads again on request', async () => {
    let calls = 0;
    const getEvent = (): Promise<MeetingEvent> => (++calls === 1 ? Promise.reject(unavailable) : Promise.resolve(EVENT));
    show(<OrganiserPane eventId="e" />, 'en', ports({ events: { getEvent } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Microsoft 365 is not answering right now. Try again in a while.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});

describe('ParticipantPanel', () => {
  it('finds the person’s own invitation from the meeting chat (sv)', async () => {
    show(<ParticipantPanel chatId="chat-1" />, 'sv', ports({}));
    expect(await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
    expect(screen.getByText('12 december 2023 kl. 13.00–14.30')).toBeInTheDocument();
    expect(screen.getByText(/inte publicerat dagordningen/)).toBeInTheDocument();
  });

  it('shows the agenda published in the person’s own invitation, with its time plan and questions (en)', async () => {
    const section = renderAgendaSection(sampleConsultation(), { languages: ['sv', 'en'] });
    const bodyHtml = replaceSamradSection('<p>Välkommen</p><div>Microsoft Teams-möte</div>', section);
    show(
      <ParticipantPanel chatId="chat-1" />,
      'en',
      ports({ events: { findByJoinUrl: () => Promise.resolve({ ...EVENT, bodyHtml }) } }),
    );
    const table = await screen.findByRole('table', { name: 'Time plan' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('13:00–13:15')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Discussion questions' })).toBeInTheDocument();
    expect(screen.getByText('Vad tycker ni?')).toBeInTheDocument();
  });

  it('says so when the invitation’s agenda can no longer be read', async () => {
    const bodyHtml = replaceSamradSection('<p>Hej</p>', '<p>redigerad för hand</p>');
    show(
      <ParticipantPanel chatId="chat-1" />,
      'sv',
      ports({ events: { findByJoinUrl: () => Promise.resolve({ ...EVENT, bodyHtml }) } }),
    );
    expect(await screen.findByText(/inte längre går att läsa här/)).toBeInTheDocument();
  });

  it('tells someone without an invitation why it cannot show the agenda (en)', async () => {
    show(<ParticipantPanel chatId="chat-1" />, 'en', ports({ events: { findByJoinUrl: () => Promise.resolve(null) } }));
    expect(await screen.findByText(/You have no invitation of your own/)).toBeInTheDocument();
  });

  it('treats a meeting chat it may not read as not being invited', async () => {
    const forbidden = new PortError('forbidden', { sv: 'Nej.', en: 'No.' }, { sv: 'Fråga.', en: 'Ask.' });
    show(<ParticipantPanel chatId="chat-1" />, 'sv', ports({ chats: { getMeetingChat: () => Promise.reject(forbidden) } }));
    expect(await screen.findByText(/Du har ingen egen inbjudan/)).toBeInTheDocument();
  });

  it('says when the chat is no meeting chat', async () => {
    show(<ParticipantPanel chatId="chat-x" />, 'sv', ports({ chats: { getMeetingChat: () => Promise.resolve(null) } }));
    expect(await screen.findByText(/hör inte till något möte/)).toBeInTheDocument();
  });
});
