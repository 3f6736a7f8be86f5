// @vitest-environment jsdom
/**
 * The organiser's face by role, in Swedish and English, over in-memory ports: the pane shows the linked
 * consultation's agenda and questions; failures show what happened and offer to try again. The participant's face
 * (the Teams meeting panel) is tested in tests/views/meeting/.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsultationDocumentPort, MeetingChatPort, MeetingEvent, MeetingEventPort } from '../../../src/core/ports';
import { FORGETFUL_MEMORY, PortError } from '../../../src/core/ports';
import { fixedClock } from '../../../src/core/time/clock';
import { OrganiserPane } from '../../../src/views/faces/OrganiserPane';
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
