// @vitest-environment jsdom
/**
 * Outlook's attendee mode by role: the agenda read from the person's own copy of the invitation, the items their
 * organisation presents marked in words, and plain messages when there is no copy or nothing published yet.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingEvent, MeetingEventPort, ProfilePort } from '../../../src/core/ports';
import { renderAgendaSection } from '../../../src/core/publishing/agendaSection';
import { replaceSamradSection } from '../../../src/core/publishing/bodySection';
import { AttendeeAgenda } from '../../../src/views/faces/AttendeeAgenda';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { PortsContext } from '../../../src/views/ports';
import { sampleConsultation } from '../../support/consultations';
import { strictPorts } from '../../support/ports';

afterEach(cleanup);

const COPY: MeetingEvent = {
  id: 'copy-1',
  iCalUId: 'uid-1',
  subject: 'Samråd om exempel',
  start: '2023-12-12T13:00:00+01:00',
  end: '2023-12-12T14:30:00+01:00',
  joinUrl: 'https://teams.example/l/meetup-join/1',
  bodyHtml: replaceSamradSection('<p>Välkommen</p>', renderAgendaSection(sampleConsultation(), { languages: ['sv'] })),
  organizerEmail: 'maria.envall@regeringskansliet.example',
  attendees: [],
  etag: 'W/"1"',
  link: null,
};

function show(ui: ReactNode, language: Language, events: Partial<MeetingEventPort>, profile?: ProfilePort) {
  const ports = strictPorts({ events, ...(profile === undefined ? {} : { profile }) });
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <PortsContext.Provider value={ports}>{ui}</PortsContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

describe('AttendeeAgenda', () => {
  it('shows the agenda of the person’s own copy and marks what their organisation presents (sv)', async () => {
    show(
      <AttendeeAgenda eventId="copy-1" />,
      'sv',
      { getEvent: () => Promise.resolve(COPY) },
      {
        me: () => Promise.resolve({ displayName: 'Fia Finans', organisation: 'finansdepartementet' }),
      },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Samråd om exempel' })).toBeInTheDocument();
    expect(screen.getByText('Punkter som din organisation presenterar är markerade.')).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Tidsplan' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/Inledning.*– Din punkt/);
    expect(rows[2]).not.toHaveTextContent('Din punkt');
    expect(screen.getByRole('heading', { level: 2, name: 'Diskussionsfrågor' })).toBeInTheDocument();
  });

  it('finds the copy by the meeting’s iCalUId and marks nothing without a profile (en)', async () => {
    show(<AttendeeAgenda iCalUId="uid-1" />, 'en', { findByICalUId: (id) => Promise.resolve(id === 'uid-1' ? COPY : null) });
    expect(await screen.findByRole('table', { name: 'Time plan' })).toBeInTheDocument();
    expect(screen.queryByText(/Your item/)).not.toBeInTheDocument();
  });

  it.each<[string, Partial<MeetingEventPort>, RegExp]>([
    ['no copy in the calendar', { findByICalUId: () => Promise.resolve(null) }, /inte i din kalender/],
    [
      'nothing published',
      { findByICalUId: () => Promise.resolve({ ...COPY, bodyHtml: '<p>Välkommen</p>' }) },
      /inte publicerat dagordningen/,
    ],
  ])('says so plainly when there is %s', async (_name, events, message) => {
    show(<AttendeeAgenda iCalUId="uid-1" />, 'sv', events);
    expect(await screen.findByText(message)).toBeInTheDocument();
  });
});
