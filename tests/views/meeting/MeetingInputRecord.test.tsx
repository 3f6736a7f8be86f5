// @vitest-environment jsdom
/**
 * The organiser's record of the participants' input, by role, in Swedish and English: read from the meeting chat
 * found by the meeting's join link and grouped under the questions as published, with the count of other chat
 * messages; a meeting that is not a Teams meeting, a chat Teams has not created yet, a failed load with a way to load
 * again, and the record as the "Inspel" tab of the organiser's pane. Also the panel for an anonymous participant.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { numberedQuestions } from '../../../src/core/meeting/input';
import { fixedClock } from '../../../src/core/time/clock';
import { OrganiserPane } from '../../../src/views/faces/OrganiserPane';
import type { Language } from '../../../src/views/i18n';
import { AnonymousPanel } from '../../../src/views/meeting/AnonymousPanel';
import { MeetingInputRecord } from '../../../src/views/meeting/MeetingInputRecord';
import type { Ports } from '../../../src/views/ports';
import { sampleConsultation } from '../../support/consultations';
import { memoryDrafts } from '../../support/drafts';
import {
  AMINA,
  chatText,
  inputMessage,
  JOIN_URL,
  JONAS,
  memoryChat,
  publishedAgenda,
  seedConsultation,
  showMeeting,
  unavailable,
  type MemoryChat,
} from '../../support/meetingWorld';
import { world } from '../../support/organiserWorld';
import { strictPorts } from '../../support/ports';

afterEach(cleanup);

const PUBLISHED = publishedAgenda(seedConsultation()).questions;
const QUESTIONS = numberedQuestions(PUBLISHED);

function showRecord(language: Language, chat: MemoryChat, joinUrl: string | null = JOIN_URL) {
  return showMeeting(<MeetingInputRecord joinUrl={joinUrl} questions={PUBLISHED} />, {
    language,
    ports: strictPorts({ chats: chat.port }),
  });
}

function withInput(): MemoryChat {
  const [q1, q2] = QUESTIONS;
  if (q1 === undefined || q2 === undefined) throw new Error('the seed has two questions at least');
  return memoryChat({
    messages: [
      inputMessage('m1', q1, 'Datadelning ger bättre beslut.', { from: AMINA, createdAt: '2023-12-12T13:41:00+01:00' }),
      inputMessage('m2', q1, 'Och bättre forskning.', { from: JONAS, createdAt: '2023-12-12T13:44:00+01:00' }),
      chatText('m3', 'Hör ni mig?'),
      chatText('m4', 'Ja!', JONAS),
      inputMessage('m5', q2, 'Öppna data som standard.', { from: JONAS, language: 'en', createdAt: '2023-12-12T13:56:00+01:00' }),
      inputMessage('m6', { number: 5, text: 'En fråga som ändrades.' }, 'Till den gamla frågan.', {
        createdAt: '2023-12-12T13:58:00+01:00',
      }),
    ],
  });
}

describe('MeetingInputRecord', () => {
  it.each<[Language, string, string, string, string, string]>([
    ['sv', 'Diskussionsfrågor', 'Fråga', 'inspel', 'Inga inspel ännu.', 'Övriga meddelanden i chatten (inte inspel): 2'],
    ['en', 'Discussion questions', 'Question', 'input', 'No input yet.', 'Other messages in the chat (not input): 2'],
  ])(
    'groups the chat’s input under the published questions and counts the other messages (%s)',
    async (language, heading, question, input, none, others) => {
      const chat = withInput();
      showRecord(language, chat);
      expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
      const first = screen.getByRole('region', { name: `${question} 1` });
      expect(
        within(first).getByRole('heading', {
          level: 3,
          name: `${question} 1: Syften och nyttor med datadelning för samhällsutvecklingen.`,
        }),
      ).toBeInTheDocument();
      expect(within(first).getByText(`2 ${input}`)).toBeInTheDocument();
      expect(
        within(within(first).getByRole('list'))
          .getAllByRole('listitem')
          .map((li) => li.querySelector('p')?.textContent),
      ).toEqual(['Datadelning ger bättre beslut.', 'Och bättre forskning.']);
      const second = screen.getByRole('region', { name: `${question} 2` });
      expect(within(second).getByText('Öppna data som standard.')).toBeInTheDocument();
      expect(within(screen.getByRole('region', { name: `${question} 3` })).getByText(none)).toBeInTheDocument();
      expect(screen.getByText('Till den gamla frågan.')).toBeInTheDocument();
      expect(screen.getByText(others)).toBeInTheDocument();
      expect(screen.queryByText('Hör ni mig?')).not.toBeInTheDocument();
      // The organiser's record is read-only.
      expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
      expect(chat.calls.findChatByJoinUrl).toBe(1);
    },
  );

  it.each<[Language, string]>([
    ['sv', 'Mötet är inte ett Teams-möte, så det finns ingen mötesschatt med inspel.'],
    ['en', 'The meeting is not a Teams meeting, so there is no meeting chat with input.'],
  ])('says there is no meeting chat for a meeting that is not a Teams meeting, without asking Graph (%s)', (language, said) => {
    const chat = memoryChat();
    showRecord(language, chat, null);
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(chat.calls).toEqual({ listMessages: 0, getMeetingChat: 0, findChatByJoinUrl: 0 });
  });

  it.each<[Language, string, string]>([
    [
      'sv',
      'Mötets chatt finns inte ännu. Den skapas när någon öppnar mötet i Teams; inspelen visas här sedan.',
      'Hämta inspelen igen',
    ],
    [
      'en',
      'The meeting chat does not exist yet. Teams creates it when someone opens the meeting; the input shows here after that.',
      'Load the input again',
    ],
  ])('says the meeting chat does not exist yet, and looks again on request (%s)', async (language, said, refresh) => {
    const chat = memoryChat({ chat: null });
    showRecord(language, chat);
    expect(await screen.findByText(said)).toBeInTheDocument();
    expect(chat.calls.listMessages).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: refresh }));
    expect(await screen.findByText(said)).toBeInTheDocument();
    expect(chat.calls.findChatByJoinUrl).toBe(2);
  });

  it('loads the input again on request, with what came in since', async () => {
    const chat = withInput();
    showRecord('sv', chat);
    const third = await screen.findByRole('region', { name: 'Fråga 3' });
    expect(within(third).getByText('Inga inspel ännu.')).toBeInTheDocument();
    const q3 = QUESTIONS[2];
    if (q3 === undefined) throw new Error('the seed has three questions');
    chat.messages.push(inputMessage('m7', q3, 'Visselblåsare behöver skydd.', { createdAt: '2023-12-12T14:15:00+01:00' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hämta inspelen igen' }));
    expect(
      await within(screen.getByRole('region', { name: 'Fråga 3' })).findByText('Visselblåsare behöver skydd.'),
    ).toBeInTheDocument();
    expect(chat.calls.listMessages).toBe(2);
  });

  it.each<[Language, string, string]>([
    ['sv', 'Microsoft 365 svarar inte just nu. Försök igen om en stund.', 'Försök igen'],
    ['en', 'Microsoft 365 is not answering right now. Try again in a while.', 'Try again'],
  ])('explains a failed load and loads again on request (%s)', async (language, said, retry) => {
    const chat = withInput();
    chat.failNext.listMessages.push(unavailable);
    showRecord(language, chat);
    expect(await screen.findByRole('alert')).toHaveTextContent(said);
    await userEvent.click(screen.getByRole('button', { name: retry }));
    expect(await screen.findByText('Datadelning ger bättre beslut.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(chat.calls.listMessages).toBe(2);
  });
});

/** The organiser's world (event, documents) with this meeting chat. */
function organiserPorts(w: ReturnType<typeof world>, chat: MemoryChat): Ports {
  return {
    ...strictPorts({ events: w.events, chats: chat.port }),
    documents: w.documents,
    drafts: memoryDrafts(),
    clock: fixedClock(w.now),
    registrationMail: () => ({ mailsSince: () => Promise.resolve([]) }),
  };
}

describe('OrganiserPane: the "Inspel" tab', () => {
  it.each<[Language, string, string]>([
    ['sv', 'Inspel', 'Fråga 1: Vad tycker ni?'],
    ['en', 'Input', 'Question 1: Vad tycker ni?'],
  ])('shows the participants’ input per question from the meeting chat (%s)', async (language, tab, heading) => {
    const w = world({ consultation: sampleConsultation() });
    const meetingJoinUrl = w.event().joinUrl ?? '';
    const chat = memoryChat({
      chat: { chatId: 'chat-organiser', joinUrl: meetingJoinUrl, calendarEventId: 'event-1' },
      messages: [inputMessage('m1', { number: 1, text: 'Vad tycker ni?' }, 'Vi tycker att det är bra.'), chatText('m2', 'Hej!')],
    });
    showMeeting(<OrganiserPane eventId="event-1" />, { language, ports: organiserPorts(w, chat) });
    await userEvent.click(await screen.findByRole('tab', { name: tab }));
    expect(screen.getByRole('tab', { name: tab, selected: true })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 3, name: heading })).toBeInTheDocument();
    expect(screen.getByText('Vi tycker att det är bra.')).toBeInTheDocument();
    expect(
      screen.getByText(
        language === 'sv' ? 'Övriga meddelanden i chatten (inte inspel): 1' : 'Other messages in the chat (not input): 1',
      ),
    ).toBeInTheDocument();
    expect(chat.calls.findChatByJoinUrl).toBe(1);
  });

  it('groups under the questions as last published, not as edited since', async () => {
    const sample = sampleConsultation();
    const consultation = {
      ...sample,
      questions: sample.questions.map((q) => ({ ...q, text: 'Vad anser ni efter ändringen?' })),
      published: {
        number: 1,
        revision: 0,
        publishedAt: '2023-11-01T10:00:00+01:00',
        languages: ['sv' as const],
        start: sample.start,
        end: sample.end,
        agenda: sample.agenda,
        questions: sample.questions,
        practicalInformation: [],
        changeNote: { sv: [], en: [] },
      },
    };
    const w = world({ consultation });
    const chat = memoryChat({
      chat: { chatId: 'chat-organiser', joinUrl: w.event().joinUrl ?? '', calendarEventId: 'event-1' },
      messages: [inputMessage('m1', { number: 1, text: 'Vad tycker ni?' }, 'Svar på frågan som den publicerades.')],
    });
    showMeeting(<OrganiserPane eventId="event-1" />, { language: 'sv', ports: organiserPorts(w, chat) });
    await userEvent.click(await screen.findByRole('tab', { name: 'Inspel' }));
    const first = await screen.findByRole('region', { name: 'Fråga 1' });
    expect(within(first).getByRole('heading', { level: 3, name: 'Fråga 1: Vad tycker ni?' })).toBeInTheDocument();
    expect(within(first).getByText('Svar på frågan som den publicerades.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /ändrats eller tagits bort/ })).not.toBeInTheDocument();
  });
});

describe('AnonymousPanel', () => {
  it.each<[Language, string, RegExp]>([
    [
      'sv',
      'Du deltar anonymt',
      /Samråd kan därför inte läsa någon inbjudan eller mötets chatt åt dig\..*Ditt inspel kan du skriva i mötets chatt\./,
    ],
    [
      'en',
      'You are taking part anonymously',
      /So Samråd cannot read an invitation or the meeting chat for you\..*You can write your input in the meeting chat\./,
    ],
  ])('says plainly what an anonymous participant can and cannot get here (%s)', (language, title, body) => {
    const { container } = showMeeting(<AnonymousPanel />, { language });
    expect(screen.getByText(title)).toBeInTheDocument();
    expect(container).toHaveTextContent(body);
  });
});
