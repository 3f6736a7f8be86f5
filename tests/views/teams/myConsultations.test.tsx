// @vitest-environment jsdom
/**
 * The personal tab "Mina samråd" by role, in Swedish and English, over an in-memory calendar: the consultations from
 * now on with subject, Stockholm time, the person's own reply and what the published agenda holds; a cancelled
 * meeting, an agenda that cannot be read and a missing subject; the empty state; a failed load explained and loaded
 * again; and a host that gives no calendar.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortError } from '../../../src/core/ports/errors';
import type { MyConsultation, MyMeetingsPort } from '../../../src/core/ports/myMeetings';
import { renderAgendaSection, type ParsedAgenda, type ParsedAgendaPart } from '../../../src/core/publishing/agendaSection';
import type { AttendeeResponse } from '../../../src/core/registration/ledger';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { PortsContext } from '../../../src/views/ports';
import { contentsLine, MY_CONSULTATIONS_DAYS, MyConsultations } from '../../../src/views/teams/MyConsultations';
import { sampleConsultation } from '../../support/consultations';
import { portsWithMyMeetings } from '../../support/myMeetingsPorts';

afterEach(cleanup);

const NOW = Date.parse('2023-11-01T09:00:00Z');
const SECTION = renderAgendaSection(sampleConsultation(), { languages: ['sv', 'en'] });

function consultation(overrides: Partial<MyConsultation> = {}): MyConsultation {
  return {
    id: 'event-1',
    iCalUId: 'uid-1',
    subject: 'Samråd om exempel',
    start: '2023-12-12T13:00:00+01:00',
    end: '2023-12-12T14:30:00+01:00',
    response: 'notResponded',
    cancelled: false,
    sectionHtml: SECTION,
    ...overrides,
  };
}

function calendar(...found: MyConsultation[]): MyMeetingsPort & { calls: [number, number][] } {
  const calls: [number, number][] = [];
  return {
    calls,
    consultations: (from, to) => {
      calls.push([from, to]);
      return Promise.resolve(found);
    },
  };
}

function show(language: Language, port: MyMeetingsPort | undefined) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <PortsContext.Provider value={portsWithMyMeetings(port, NOW)}>
          <MyConsultations />
        </PortsContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

async function entries(heading: string): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: heading });
  return within(list).getAllByRole('listitem');
}

describe('MyConsultations', () => {
  it.each<[Language, string, string, string, string]>([
    [
      'sv',
      'Mina samråd',
      '12 december 2023 kl. 13.00–14.30',
      'Du har inte svarat – svara i Outlook',
      '2 punkter på dagordningen, 1 fråga',
    ],
    [
      'en',
      'My consultations',
      '12 December 2023, 13:00–14:30',
      'You have not replied – reply in Outlook',
      '2 agenda items, 1 question',
    ],
  ])(
    'lists each consultation with its time in Stockholm, the reply and the agenda (%s)',
    async (language, heading, time, reply, contents) => {
      show(language, calendar(consultation(), consultation({ id: 'event-2', subject: 'Uppföljning', response: 'accepted' })));
      expect(screen.getByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
      const [first, second] = await entries(heading);
      const article = within(first as HTMLElement).getByRole('article', { name: 'Samråd om exempel' });
      expect(within(article).getByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
      expect(within(article).getByText(time)).toBeInTheDocument();
      expect(within(article).getByText(reply)).toBeInTheDocument();
      expect(within(article).getByText(contents)).toBeInTheDocument();
      expect(within(second as HTMLElement).getByRole('heading', { level: 2, name: 'Uppföljning' })).toBeInTheDocument();
    },
  );

  it(`asks for the person's consultations from now and ${MY_CONSULTATIONS_DAYS} days ahead`, async () => {
    const port = calendar(consultation());
    show('sv', port);
    await entries('Mina samråd');
    expect(port.calls).toEqual([[NOW, NOW + MY_CONSULTATIONS_DAYS * 86_400_000]]);
  });

  it.each<[AttendeeResponse, string, string]>([
    ['none', 'Du har inte svarat – svara i Outlook', 'You have not replied – reply in Outlook'],
    ['notResponded', 'Du har inte svarat – svara i Outlook', 'You have not replied – reply in Outlook'],
    ['accepted', 'Du har tackat ja', 'You have accepted'],
    [
      'tentativelyAccepted',
      'Du har svarat preliminärt – ändra svaret i Outlook',
      'You have replied tentatively – change your reply in Outlook',
    ],
    ['declined', 'Du har tackat nej', 'You have declined'],
    ['organizer', 'Du är arrangör', 'You are the organiser'],
  ])('says the reply %s in both languages', async (response, sv, en) => {
    show('sv', calendar(consultation({ response })));
    expect(await screen.findByText(sv)).toBeInTheDocument();
    cleanup();
    show('en', calendar(consultation({ response })));
    expect(await screen.findByText(en)).toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', 'Mötet är inställt.', 'Du har inte svarat – svara i Outlook'],
    ['en', 'The meeting has been cancelled.', 'You have not replied – reply in Outlook'],
  ])('says a meeting is cancelled instead of asking for a reply (%s)', async (language, cancelled, reply) => {
    show(language, calendar(consultation({ cancelled: true })));
    expect(await screen.findByText(cancelled)).toBeInTheDocument();
    expect(screen.queryByText(reply)).not.toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', 'Dagordningen går inte att läsa här – läs den i inbjudan i Outlook.', '(utan ämne)'],
    ['en', 'The agenda cannot be read here – read it in the invitation in Outlook.', '(no subject)'],
  ])('says when the agenda cannot be read, and names a meeting without subject (%s)', async (language, unreadable, noSubject) => {
    show(language, calendar(consultation({ subject: '', sectionHtml: '<p>redigerad för hand</p>' })));
    expect(await screen.findByText(unreadable)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: noSubject })).toBeInTheDocument();
  });

  it.each<[Language, RegExp]>([
    ['sv', /Du är inte inbjuden till något samråd de kommande 180 dagarna\./],
    ['en', /You are not invited to any consultation in the next 180 days\./],
  ])('says so when there is nothing to list (%s)', async (language, empty) => {
    show(language, calendar());
    expect(await screen.findByText(empty)).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', 'Det gick inte att hämta uppgifterna', 'Försök igen'],
    ['en', 'The details could not be loaded', 'Try again'],
  ])('explains a failed load and loads again on request (%s)', async (language, title, retry) => {
    const unavailable = new PortError(
      'unavailable',
      { sv: 'Microsoft 365 svarar inte just nu.', en: 'Microsoft 365 is not answering right now.' },
      { sv: 'Försök igen om en stund.', en: 'Try again in a while.' },
    );
    const consultations = vi
      .fn<MyMeetingsPort['consultations']>()
      .mockRejectedValueOnce(unavailable)
      .mockResolvedValue([consultation()]);
    show(language, { consultations });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(`${unavailable.what[language]} ${unavailable.hint[language]}`);
    await userEvent.click(within(alert).getByRole('button', { name: retry }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
    expect(consultations).toHaveBeenCalledTimes(2);
  });

  it.each<[Language, string]>([
    ['sv', 'Här kan Samråd inte läsa din kalender.'],
    ['en', 'Samråd cannot read your calendar here.'],
  ])('says so where the host gives no calendar (%s)', async (language, what) => {
    show(language, undefined);
    expect(await screen.findByRole('alert')).toHaveTextContent(what);
  });
});

describe('contentsLine', () => {
  const part = (items: number): ParsedAgendaPart => ({
    title: 'Del',
    items: Array.from({ length: items }, (_, i) => ({ title: `P${i}`, presenters: [], durationMinutes: null })),
  });
  const agenda = (items: number, questions: number): ParsedAgenda => ({
    parts: [part(items)],
    questions: Array.from({ length: questions }, (_, i) => ({ text: `F${i}`, itemIndex: null })),
  });

  it.each<[number, number, string, string]>([
    [0, 0, '0 punkter på dagordningen, 0 frågor', '0 agenda items, 0 questions'],
    [1, 1, '1 punkt på dagordningen, 1 fråga', '1 agenda item, 1 question'],
    [7, 3, '7 punkter på dagordningen, 3 frågor', '7 agenda items, 3 questions'],
  ])('counts %i items and %i questions', (items, questions, sv, en) => {
    expect(contentsLine(agenda(items, questions), 'sv')).toBe(sv);
    expect(contentsLine(agenda(items, questions), 'en')).toBe(en);
  });

  it('counts the items of every part', () => {
    const parsed: ParsedAgenda = { parts: [part(2), part(3)], questions: [] };
    expect(contentsLine(parsed, 'en')).toBe('5 agenda items, 0 questions');
  });
});
