// @vitest-environment jsdom
/**
 * Participants' written input in the meeting panel, by role, in Swedish and English: a box per question; what is
 * sent goes to the meeting chat tagged with the question and reads back as the same text; a failed send keeps the
 * text; empty and too long input is refused before anything is sent; the chat's messages grouped by question, with
 * ordinary chat left out, people's markup shown as text, and input to a question that changed shown apart; while the
 * chat loads or cannot be read, no question is said to have no input.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_INPUT_CHARS,
  numberedQuestions,
  questionFingerprint,
  readInputMessage,
  type InputQuestion,
} from '../../../src/core/meeting/input';
import type { Language } from '../../../src/views/i18n';
import {
  AMINA,
  CHAT_ID,
  chatText,
  inputMessage,
  JONAS,
  memoryChat,
  publishedAgenda,
  seedConsultation,
  showPanel,
  unavailable,
} from '../../support/meetingWorld';

afterEach(cleanup);

const QUESTIONS = numberedQuestions(publishedAgenda(seedConsultation()).questions);

function question(number: number): InputQuestion {
  const found = QUESTIONS[number - 1];
  if (found === undefined) throw new Error(`the seed has no question ${number}`);
  return found;
}

const LABEL = { sv: 'Ditt inspel till fråga', en: 'Your input to question' } as const;
const SEND = { sv: 'Skicka inspel', en: 'Send input' } as const;
const REGION = { sv: 'Fråga', en: 'Question' } as const;

async function questionRegion(language: Language, number: number): Promise<HTMLElement> {
  return screen.findByRole('region', { name: `${REGION[language]} ${number}` });
}

describe('MeetingPanel: giving input', () => {
  it.each<[Language, string, string]>([
    ['sv', 'Ditt inspel till fråga 2 är skickat till mötets chatt.', '12 december 2023 13.36'],
    ['en', 'Your input to question 2 was sent to the meeting chat.', '12 December 2023 13:36'],
  ])(
    'sends the input to the meeting chat, tagged with the question, and shows it under that question (%s)',
    async (language, sent, when) => {
      const user = userEvent.setup();
      const { chat } = showPanel({ language });
      const second = await questionRegion(language, 2);
      await screen.findAllByText(language === 'sv' ? 'Inga inspel ännu.' : 'No input yet.');
      const box = within(second).getByRole('textbox', { name: `${LABEL[language]} 2` });
      await user.type(box, 'Öppna data först.{Enter}Sedan <resten> & mer.');
      await user.click(within(second).getByRole('button', { name: SEND[language] }));

      expect(await within(second).findByRole('status')).toHaveTextContent(sent);
      expect(chat.posted).toHaveLength(1);
      const [post] = chat.posted;
      expect(post?.chatId).toBe(CHAT_ID);
      const read = readInputMessage({
        id: 'm',
        createdAt: '2023-12-12T13:36:00+01:00',
        from: JONAS,
        contentType: 'html',
        content: post?.html ?? '',
      });
      expect(read).toMatchObject({
        questionNumber: 2,
        fingerprint: questionFingerprint(question(2).text),
        text: 'Öppna data först.\nSedan <resten> & mer.',
      });
      expect(post?.html).toContain(language === 'sv' ? '[Samråd · fråga 2 · ' : '[Samråd · question 2 · ');

      expect(box).toHaveValue('');
      expect(within(second).getByText(language === 'sv' ? '1 inspel' : '1 input')).toBeInTheDocument();
      expect(within(second).getByText(`Jonas Lindahl · ${when}`)).toBeInTheDocument();
      expect(within(second).getByText('Öppna data först. Sedan <resten> & mer.')).toBeInTheDocument();
      // Only question 2 got it.
      expect(within(await questionRegion(language, 1)).queryByText(/Öppna data först/)).not.toBeInTheDocument();
    },
  );

  it.each<[Language, string, string]>([
    ['sv', 'Inspelet skickades inte', 'Microsoft 365 svarar inte just nu. Försök igen om en stund.'],
    ['en', 'The input was not sent', 'Microsoft 365 is not answering right now. Try again in a while.'],
  ])('explains a failed send and keeps the text in the box, so it can be sent again (%s)', async (language, title, said) => {
    const user = userEvent.setup();
    const chat = memoryChat();
    chat.failNext.postMessage.push(unavailable);
    showPanel({ language, chat });
    const second = await questionRegion(language, 2);
    const box = within(second).getByRole('textbox', { name: `${LABEL[language]} 2` });
    await user.type(box, 'Viktigt inspel');
    await user.click(within(second).getByRole('button', { name: SEND[language] }));

    const alert = await within(second).findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(said);
    expect(box).toHaveValue('Viktigt inspel');
    expect(chat.posted).toEqual([]);
    expect(within(second).getByRole('status')).toHaveTextContent('');

    await user.click(within(second).getByRole('button', { name: SEND[language] }));
    expect(await within(second).findByText('Viktigt inspel')).toBeInTheDocument();
    expect(chat.posted).toHaveLength(1);
    expect(within(second).queryByRole('alert')).not.toBeInTheDocument();
    expect(box).toHaveValue('');
  });

  it.each<[Language, string]>([
    ['sv', 'Inspelet är tomt. Skriv ditt inspel i rutan och skicka igen.'],
    ['en', 'The input is empty. Write your input in the box and send it again.'],
  ])('refuses empty input without sending anything (%s)', async (language, said) => {
    const user = userEvent.setup();
    const { chat } = showPanel({ language });
    const first = await questionRegion(language, 1);
    await user.type(within(first).getByRole('textbox', { name: `${LABEL[language]} 1` }), '   {Enter}  ');
    await user.click(within(first).getByRole('button', { name: SEND[language] }));
    expect(await within(first).findByRole('alert')).toHaveTextContent(said);
    expect(chat.posted).toEqual([]);
  });

  it.each<[Language, string]>([
    [
      'sv',
      `Inspelet har ${MAX_INPUT_CHARS + 1} tecken; högst ${MAX_INPUT_CHARS} får plats i ett meddelande. Korta texten, eller dela den i två inspel. Det du skrivit finns kvar i rutan.`,
    ],
    [
      'en',
      `The input has ${MAX_INPUT_CHARS + 1} characters; at most ${MAX_INPUT_CHARS} fit in one message. Shorten the text, or split it into two inputs. What you wrote stays in the box.`,
    ],
  ])('refuses input one character too long, says so at the box, and keeps the text (%s)', async (language, said) => {
    const user = userEvent.setup();
    const { chat } = showPanel({ language });
    const third = await questionRegion(language, 3);
    const box = within(third).getByRole('textbox', { name: `${LABEL[language]} 3` });
    const long = 'a'.repeat(MAX_INPUT_CHARS + 1);
    await user.click(box);
    await user.paste(long);
    expect(within(third).getByText(`${MAX_INPUT_CHARS + 1} / ${MAX_INPUT_CHARS}`)).toBeInTheDocument();
    await user.click(within(third).getByRole('button', { name: SEND[language] }));
    // The box's own count is an alert too; the refusal is the other one.
    await within(third).findByText(new RegExp(`${MAX_INPUT_CHARS + 1} (tecken|characters)`));
    const alerts = within(third).getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      `${MAX_INPUT_CHARS + 1} / ${MAX_INPUT_CHARS}`,
      expect.stringContaining(said),
    ]);
    expect(chat.posted).toEqual([]);
    expect(box).toHaveValue(long);
  });

  it('sends input of exactly the longest length', async () => {
    const user = userEvent.setup();
    const { chat } = showPanel({ language: 'sv' });
    const third = await questionRegion('sv', 3);
    await user.click(within(third).getByRole('textbox', { name: 'Ditt inspel till fråga 3' }));
    await user.paste('b'.repeat(MAX_INPUT_CHARS));
    await user.click(within(third).getByRole('button', { name: 'Skicka inspel' }));
    expect(await within(third).findByRole('status')).toHaveTextContent('Ditt inspel till fråga 3 är skickat till mötets chatt.');
    expect(chat.posted).toHaveLength(1);
  });
});

describe('MeetingPanel: the input given so far', () => {
  const SCRIPT = '<img src=x onerror=alert(1)><script>alert(1)</script>';

  function chatWithInput() {
    return memoryChat({
      messages: [
        inputMessage('m1', question(1), 'Datadelning ger bättre beslut.', {
          from: AMINA,
          createdAt: '2023-12-12T13:32:00+01:00',
        }),
        chatText('m2', 'Hej alla, jag är lite sen.'),
        inputMessage('m3', question(2), 'Publicera öppna data som standard.', {
          from: JONAS,
          language: 'en',
          createdAt: '2023-12-12T13:52:00+01:00',
        }),
        inputMessage('m4', question(1), SCRIPT, { from: JONAS, createdAt: '2023-12-12T13:33:00+01:00' }),
        inputMessage('m5', { number: 4, text: 'En fråga som organisatören tog bort.' }, 'Inspel till en borttagen fråga.', {
          createdAt: '2023-12-12T13:34:00+01:00',
        }),
        // Written to question 2 when it stood third: the question's text, not its number, decides.
        inputMessage('m6', { number: 3, text: question(2).text }, 'Skrivet när frågan var nummer tre.', {
          createdAt: '2023-12-12T13:53:00+01:00',
        }),
      ],
    });
  }

  it.each<[Language, string, string, string]>([
    ['sv', '2 inspel', 'Inga inspel ännu.', 'Inspel till frågor som har ändrats eller tagits bort sedan'],
    ['en', '2 input', 'No input yet.', 'Input to questions that have changed or been removed since'],
  ])('groups the chat’s input by question and leaves ordinary chat out (%s)', async (language, two, none, changed) => {
    const { container } = showPanel({ language, chat: chatWithInput() });
    const first = await questionRegion(language, 1);
    await within(first).findByText('Datadelning ger bättre beslut.');
    expect(within(first).getByText(two)).toBeInTheDocument();
    expect(within(first).getByText(SCRIPT)).toBeInTheDocument();
    const firstItems = within(within(first).getAllByRole('list')[0] ?? first).getAllByRole('listitem');
    expect(firstItems.map((li) => li.querySelector('p')?.textContent)).toEqual(['Datadelning ger bättre beslut.', SCRIPT]);

    const second = await questionRegion(language, 2);
    expect(within(second).getByText(two)).toBeInTheDocument();
    expect(within(second).getByText('Publicera öppna data som standard.')).toBeInTheDocument();
    expect(within(second).getByText('Skrivet när frågan var nummer tre.')).toBeInTheDocument();

    const third = await questionRegion(language, 3);
    expect(within(third).getByText(none)).toBeInTheDocument();

    expect(screen.queryByText(/Hej alla, jag är lite sen/)).not.toBeInTheDocument();

    const apart = screen.getByRole('region', { name: changed });
    expect(within(apart).getByRole('heading', { level: 4, name: changed })).toBeInTheDocument();
    expect(within(apart).getByText('Inspel till en borttagen fråga.')).toBeInTheDocument();
    expect(within(apart).getByText(language === 'sv' ? /· till fråga 4$/ : /· to question 4$/)).toBeInTheDocument();

    // People's text is text: nothing in it became an element.
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('shows markup a person typed into a tagged chat message in Teams as its text only, never as elements', async () => {
    const raw = {
      id: 'm-raw',
      createdAt: '2023-12-12T13:38:00+01:00',
      from: AMINA,
      contentType: 'html' as const,
      content: `<p>[Samråd · fråga 1 · ${questionFingerprint(question(1).text)}]</p><p>Inspel: <img src="x" onerror="alert(1)">Bra <b>förslag</b><script>alert(2)</script></p>`,
    };
    const { container } = showPanel({ language: 'sv', chat: memoryChat({ messages: [raw] }) });
    const first = await questionRegion('sv', 1);
    expect(await within(first).findByText('1 inspel')).toBeInTheDocument();
    const shown = within(within(first).getByRole('list')).getByRole('listitem').querySelector('p');
    expect(shown?.children).toHaveLength(0);
    expect(shown?.textContent).not.toContain('<');
    expect(shown?.textContent).toContain('Bra förslag');
    expect(container.querySelector('img, script, b')).toBeNull();
  });

  it.each<[Language, string]>([
    ['sv', 'Hämta inspelen igen'],
    ['en', 'Load the input again'],
  ])('loads the input again on request (%s)', async (language, refresh) => {
    const user = userEvent.setup();
    const chat = memoryChat();
    showPanel({ language, chat });
    const first = await questionRegion(language, 1);
    await within(first).findByText(language === 'sv' ? 'Inga inspel ännu.' : 'No input yet.');
    chat.messages.push(inputMessage('later', question(1), 'Kom in medan panelen var öppen.'));
    await user.click(screen.getByRole('button', { name: refresh }));
    expect(await within(first).findByText('Kom in medan panelen var öppen.')).toBeInTheDocument();
    expect(chat.calls.listMessages).toBe(2);
  });

  it('shows one’s own input once after loading again (the chat now lists it too)', async () => {
    const user = userEvent.setup();
    const { chat } = showPanel({ language: 'sv' });
    const first = await questionRegion('sv', 1);
    await within(first).findByText('Inga inspel ännu.');
    await user.type(within(first).getByRole('textbox', { name: 'Ditt inspel till fråga 1' }), 'Ett inspel');
    await user.click(within(first).getByRole('button', { name: 'Skicka inspel' }));
    expect(await within(first).findByText('1 inspel')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hämta inspelen igen' }));
    await screen.findByRole('button', { name: 'Hämta inspelen igen' });
    expect(await within(first).findByText('1 inspel')).toBeInTheDocument();
    expect(within(first).getAllByText('Ett inspel')).toHaveLength(1);
    expect(chat.calls.listMessages).toBe(2);
  });
});

describe('MeetingPanel: while the input is loading or could not be loaded', () => {
  /** Counts or "no input yet" under any question. */
  const COUNTED = { sv: /^(Inga inspel ännu\.|\d+ inspel)$/, en: /^(No input yet\.|\d+ input)$/ } as const;

  it.each<[Language, string]>([
    ['sv', 'Hämtar inspelen …'],
    ['en', 'Loading the input …'],
  ])('says no question has no input while the chat is still loading, and counts once it has (%s)', async (language, loading) => {
    let release: () => void = () => undefined;
    const chat = memoryChat({ messages: [inputMessage('m1', question(1), 'Datadelning ger bättre beslut.')] });
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const port = chat.port;
    showPanel({
      language,
      chat: { ...chat, port: { ...port, listMessages: (chatId) => held.then(() => port.listMessages(chatId)) } },
    });
    const first = await questionRegion(language, 1);
    expect(screen.getByText(loading)).toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: new RegExp(`^${REGION[language]} \\d$`) })).toHaveLength(3);
    expect(screen.queryAllByText(COUNTED[language])).toEqual([]);
    // Input can still be given while the chat loads.
    expect(within(first).getByRole('textbox', { name: `${LABEL[language]} 1` })).toBeInTheDocument();

    release();
    expect(await within(first).findByText(language === 'sv' ? '1 inspel' : '1 input')).toBeInTheDocument();
    expect(
      within(await questionRegion(language, 2)).getByText(language === 'sv' ? 'Inga inspel ännu.' : 'No input yet.'),
    ).toBeInTheDocument();
  });

  it.each<Language>(['sv', 'en'])('says no question has no input when the chat could not be read (%s)', async (language) => {
    const chat = memoryChat();
    chat.failNext.listMessages.push(unavailable);
    showPanel({ language, chat });
    await screen.findByRole('alert');
    await questionRegion(language, 3);
    expect(screen.queryAllByText(COUNTED[language])).toEqual([]);
  });

  it('shows one’s own input sent while the chat could not be read, without claiming a count', async () => {
    const user = userEvent.setup();
    const chat = memoryChat();
    chat.failNext.listMessages.push(unavailable);
    showPanel({ language: 'sv', chat });
    await screen.findByRole('alert');
    const second = await questionRegion('sv', 2);
    await user.type(within(second).getByRole('textbox', { name: 'Ditt inspel till fråga 2' }), 'Skickat ändå');
    await user.click(within(second).getByRole('button', { name: 'Skicka inspel' }));
    expect(await within(second).findByText('Skickat ändå')).toBeInTheDocument();
    expect(screen.queryAllByText(COUNTED.sv)).toEqual([]);
  });
});
