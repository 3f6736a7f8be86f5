// @vitest-environment jsdom
/**
 * The Teams meeting panel by role, in Swedish and English: the meeting from the person's OWN copy of the invitation
 * (subject, Stockholm time, their own reply), the published agenda as a compact list with times and lengths, the
 * item on now by the time plan and a fixed clock, and every way the panel falls short said plainly — no meeting,
 * not invited, not published, unreadable, a failed load — with a way to load again.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PortError } from '../../../src/core/ports';
import { replaceSamradSection } from '../../../src/core/publishing/bodySection';
import type { AttendeeResponse } from '../../../src/core/registration/ledger';
import type { Language } from '../../../src/views/i18n';
import { sampleConsultation } from '../../support/consultations';
import {
  agendaItems,
  at,
  copyWithoutReply,
  forbidden,
  JOIN_BLOCK,
  JOIN_URL,
  memoryChat,
  nowLine,
  ownCopy,
  seedConsultation,
  showPanel,
  unavailable,
} from '../../support/meetingWorld';

afterEach(cleanup);

const SEED = seedConsultation();
const SUBJECT = 'Samråd avseende Sveriges nya handlingsplan för Open Government Partnership';

describe('MeetingPanel: the meeting and the person’s own reply', () => {
  it.each<[Language, string]>([
    ['sv', '12 december 2023 kl. 13.00–14.30'],
    ['en', '12 December 2023, 13:00–14:30'],
  ])('heads the panel with the subject and the meeting time in Stockholm (%s)', async (language, when) => {
    showPanel({ language });
    expect(await screen.findByRole('heading', { level: 2, name: SUBJECT })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: SUBJECT })).toBeInTheDocument();
    expect(screen.getByText(when)).toBeInTheDocument();
  });

  it('shows the time in Stockholm when Graph gives the copy’s times in UTC', async () => {
    const copy = ownCopy(SEED, { start: '2023-12-12T12:00:00Z', end: '2023-12-12T13:30:00Z' });
    showPanel({ language: 'sv', copy });
    expect(await screen.findByText('12 december 2023 kl. 13.00–14.30')).toBeInTheDocument();
    expect(agendaItems('sv')[0]).toHaveTextContent('13.00–13.30 · 30 min');
  });

  it.each<[string, AttendeeResponse | undefined, string, string]>([
    ['none', 'none', 'Du är inbjuden – svara i Outlook.', 'You are invited – reply in Outlook.'],
    ['notResponded', 'notResponded', 'Du är inbjuden – svara i Outlook.', 'You are invited – reply in Outlook.'],
    ['accepted', 'accepted', 'Du har tackat ja.', 'You have accepted.'],
    [
      'declined',
      'declined',
      'Du har tackat nej. Ändra ditt svar i Outlook om du kan komma.',
      'You have declined. Change your reply in Outlook if you can come.',
    ],
    [
      'tentativelyAccepted',
      'tentativelyAccepted',
      'Du har svarat preliminärt – svara i Outlook när du vet.',
      'You replied tentatively – reply in Outlook when you know.',
    ],
    ['organizer', 'organizer', 'Du är mötets arrangör.', 'You organise this meeting.'],
    ['absent (a copy not read from Graph)', undefined, 'Du är inbjuden.', 'You are invited.'],
  ])('says the person’s own reply: %s, in Swedish and English', async (_label, response, sv, en) => {
    const copy = response === undefined ? copyWithoutReply(SEED) : ownCopy(SEED, { ownResponse: response });
    showPanel({ language: 'sv', copy });
    expect(await screen.findByText(sv)).toBeInTheDocument();
    cleanup();
    showPanel({ language: 'en', copy });
    expect(await screen.findByText(en)).toBeInTheDocument();
  });
});

describe('MeetingPanel: the agenda and where the meeting is now', () => {
  it.each<[Language, string[], string]>([
    [
      'sv',
      [
        'Information: Information13.00–13.30 · 30 min · Presenteras av Finansdepartementet, Myndigheten för digital förvaltning',
        'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen13.30–13.50 · 20 min',
        'Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen13.50–14.10 · 20 min',
        'Diskussion: Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan14.10–14.30 · 20 min',
      ],
      'Tidsplanen ryms precis',
    ],
    [
      'en',
      [
        'Information: Information13:00–13:30 · 30 min · Presented by Finansdepartementet, Myndigheten för digital förvaltning',
        'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen13:30–13:50 · 20 min',
        'Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen13:50–14:10 · 20 min',
        'Diskussion: Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan14:10–14:30 · 20 min',
      ],
      'Fits exactly',
    ],
  ])('lists the published agenda compactly, each item with its time and length (%s)', async (language, items, status) => {
    showPanel({ language, now: at('12.00') });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    expect(screen.getByRole('heading', { level: 3, name: language === 'sv' ? 'Dagordning' : 'Agenda' })).toBeInTheDocument();
    const listed = agendaItems(language);
    expect(listed.map((li) => li.textContent)).toEqual(items);
    for (const li of listed) expect(li).not.toHaveAttribute('aria-current');
    expect(screen.getByText(status)).toBeInTheDocument();
  });

  it.each<[Language, string, string, string]>([
    ['sv', 'Pågår nu', '15 min kvar', 'Enligt den publicerade tidsplanen (ingen direktlänk till mötesledaren här).'],
    ['en', 'On now', '15 min left', 'By the published time plan (no live link to the chair here).'],
  ])(
    'marks the item on now by the time plan and the clock, and says whose word that is (%s)',
    async (language, onNow, left, note) => {
      showPanel({ language, now: at('13.55') });
      await screen.findByRole('heading', { level: 2, name: SUBJECT });
      const listed = agendaItems(language);
      expect(listed[2]).toHaveAttribute('aria-current', 'step');
      expect(listed[2]).toHaveTextContent(`${onNow}: Diskussion: Tillgängliggörande av datamängder`);
      for (const index of [0, 1, 3]) {
        expect(listed[index]).not.toHaveAttribute('aria-current');
        expect(listed[index]).not.toHaveTextContent(onNow);
      }
      const line = nowLine(language);
      expect(line).toHaveTextContent(
        `Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen — ${left}`,
      );
      expect(within(line).getByText(note)).toBeInTheDocument();
    },
  );

  it('counts the time left of the item in whole minutes, rounded up (13.35.30 on an item to 13.50 is 15 min)', async () => {
    showPanel({ language: 'sv', now: at('13.35.30') });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    expect(nowLine('sv')).toHaveTextContent(
      'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen — 15 min kvar',
    );
    expect(agendaItems('sv')[1]).toHaveAttribute('aria-current', 'step');
  });

  it('renews the time left and the item on now as the clock moves', async () => {
    let instant = at('13.48');
    showPanel({ language: 'sv', clock: { now: () => instant } });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    expect(nowLine('sv')).toHaveTextContent(
      'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen — 2 min kvar',
    );
    instant = at('13.51');
    // The panel reads the clock again within a second.
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent(/Tillgängliggörande av datamängder .* — 19 min kvar/));
    expect(agendaItems('sv')[2]).toHaveAttribute('aria-current', 'step');
    expect(agendaItems('sv')[1]).not.toHaveAttribute('aria-current');
  });

  it.each<[Language, string, string]>([
    ['sv', '12.59', 'Mötet har inte börjat.'],
    ['en', '12.59', 'The meeting has not started.'],
    ['sv', '14.30', 'Dagordningen är genomgången.'],
    ['en', '15.00', 'The agenda is done.'],
  ])('says so before and after the agenda, with no item marked (%s at %s)', async (language, clock, said) => {
    showPanel({ language, now: at(clock) });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(screen.queryByText(language === 'sv' ? /^Nu:/ : /^Now:/)).not.toBeInTheDocument();
    for (const li of agendaItems(language)) expect(li).not.toHaveAttribute('aria-current');
  });

  it('says the current item cannot be worked out where the time plan lacks a length, and which lengths are missing', async () => {
    const copy = ownCopy(seedConsultation([30, null, 20, 20]));
    showPanel({ language: 'sv', copy, now: at('13.40') });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    expect(
      screen.getByText(/Tidsplanen saknar längder här, så den aktuella punkten går inte att räkna ut\./),
    ).toBeInTheDocument();
    const listed = agendaItems('sv');
    expect(listed[1]).toHaveTextContent('tid saknas · längd saknas');
    expect(listed[2]).toHaveTextContent('tid saknas · 20 min');
    expect(screen.getByText('Tidsplanen saknar längder för 1 punkt')).toBeInTheDocument();
    for (const li of listed) expect(li).not.toHaveAttribute('aria-current');
  });

  it('does not say lengths are missing for an agenda published without items', async () => {
    // Published before any item was added: the questions only. The agenda says it has no items yet; where the
    // meeting is now must not contradict it by blaming missing lengths.
    const sample = sampleConsultation();
    const questionsOnly = {
      ...sample,
      agenda: { parts: [] },
      questions: sample.questions.map((q) => ({ ...q, agendaItemId: null })),
    };
    showPanel({ language: 'sv', copy: ownCopy(questionsOnly), now: at('13.35') });
    await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' });
    expect(screen.getByText('Dagordningen har inga punkter än')).toBeInTheDocument();
    expect(screen.queryByText(/Tidsplanen saknar längder här/)).not.toBeInTheDocument();
  });

  it('shows the questions of the published agenda, each with the agenda item it belongs to', async () => {
    showPanel({ language: 'en' });
    expect(await screen.findByRole('heading', { level: 3, name: 'Discussion questions' })).toBeInTheDocument();
    const second = screen.getByRole('region', { name: 'Question 2' });
    expect(
      within(second).getByRole('heading', {
        level: 4,
        name: 'Question 2: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen.',
      }),
    ).toBeInTheDocument();
    expect(
      within(second).getByText(
        'Belongs to: Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen',
      ),
    ).toBeInTheDocument();
  });
});

describe('MeetingPanel: when there is less to show', () => {
  it('finds the person’s own invitation from the meeting chat, and says the agenda is not published yet (sv)', async () => {
    const { findCalls } = showPanel({ language: 'sv', copy: ownCopy(SEED, { bodyHtml: `<p>Välkommen</p>${JOIN_BLOCK}` }) });
    expect(await screen.findByRole('heading', { level: 2, name: SUBJECT })).toBeInTheDocument();
    expect(screen.getByText('12 december 2023 kl. 13.00–14.30')).toBeInTheDocument();
    expect(screen.getByText('Du har tackat ja.')).toBeInTheDocument();
    expect(screen.getByText('Arrangören har inte publicerat dagordningen i inbjudan ännu.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Dagordning' })).not.toBeInTheDocument();
    expect(findCalls).toEqual([JOIN_URL]);
  });

  it('says the agenda is not published yet (en)', async () => {
    showPanel({ language: 'en', copy: ownCopy(SEED, { bodyHtml: '<p>Welcome</p>' }) });
    expect(await screen.findByText('The organiser has not published the agenda in the invitation yet.')).toBeInTheDocument();
  });

  it('shows the agenda published in the person’s own invitation, with times and questions (en, the small sample)', async () => {
    const sample = sampleConsultation();
    showPanel({ language: 'en', copy: ownCopy(sample), now: at('13.05') });
    expect(await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
    const listed = agendaItems('en');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toHaveTextContent('On now: Information: Inledning13:00–13:15 · 15 min · Presented by Finansdepartementet');
    expect(listed[1]).toHaveTextContent('Diskussion: Fråga 1no time yet · no length yet');
    expect(screen.getByRole('heading', { name: 'Discussion questions' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Question 1: Vad tycker ni?' })).toBeInTheDocument();
  });

  it.each<[Language, RegExp]>([
    ['sv', /inte längre går att läsa här/],
    ['en', /can no longer be read here/],
  ])('says so when the invitation’s agenda can no longer be read (%s)', async (language, said) => {
    const bodyHtml = replaceSamradSection('<p>Hej</p>', '<p>redigerad för hand</p>');
    showPanel({ language, copy: ownCopy(SEED, { bodyHtml }) });
    expect(await screen.findByText(said)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: SUBJECT })).toBeInTheDocument();
  });

  it.each<[Language, string]>([
    [
      'sv',
      'Samråd hittar ingen egen inbjudan till mötet med ditt konto, så dagordningen kan inte visas här. Om du deltar från en annan organisations Teams finns dagordningen och frågorna i inbjudan i din e-post. Följ annars mötet på den delade skärmen (scenen), eller anmäl dig till arrangören för att få inbjudan.',
    ],
    [
      'en',
      "Samråd finds no invitation of your own to this meeting with your account, so the agenda cannot be shown here. If you take part from another organisation's Teams, the agenda and the questions are in the invitation in your e-mail. Otherwise follow the meeting on the shared stage, or register with the organiser to get the invitation.",
    ],
  ])('tells someone without their own copy why it cannot show the agenda, and where to find it (%s)', async (language, said) => {
    showPanel({ language, copy: null });
    expect(await screen.findByText(said)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
  });

  it.each<[Language, string]>([
    [
      'sv',
      'Du är med som gäst, och ditt gästkonto har ingen e-post här, så Samråd kan inte läsa din inbjudan. Dagordningen och frågorna finns i inbjudan i din egen e-post och på den delade skärmen (scenen).',
    ],
    [
      'en',
      'You take part as a guest, and your guest account has no mailbox here, so Samråd cannot read your invitation. The agenda and the questions are in the invitation in your own e-mail and on the shared stage.',
    ],
  ])('tells a guest without a mailbox here where the agenda is (%s)', async (language, said) => {
    showPanel({ language, calendarError: new PortError('not-found', forbidden.what, forbidden.hint) });
    expect(await screen.findByText(said)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a calendar that fails otherwise, rather than calling the person a guest', async () => {
    showPanel({ language: 'sv', calendarError: unavailable });
    expect(await screen.findByRole('alert')).toHaveTextContent('Microsoft 365 svarar inte just nu. Försök igen om en stund.');
    expect(screen.queryByText(/gästkonto/)).not.toBeInTheDocument();
  });

  it.each(['forbidden', 'not-found'] as const)(
    'treats a meeting chat it may not read (%s) as not being invited',
    async (code) => {
      const chat = memoryChat();
      chat.failNext.getMeetingChat.push(
        code === 'forbidden' ? forbidden : new PortError('not-found', forbidden.what, forbidden.hint),
      );
      showPanel({ language: 'sv', chat });
      expect(await screen.findByText(/Samråd hittar ingen egen inbjudan till mötet/)).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    },
  );

  it.each<[Language, string]>([
    ['sv', 'Den här chatten hör inte till något möte, så Samråd har inget att visa här.'],
    ['en', 'This chat belongs to no meeting, so Samråd has nothing to show here.'],
  ])('says when the chat is no meeting chat (%s)', async (language, said) => {
    showPanel({ language, chat: memoryChat({ chat: null }) });
    expect(await screen.findByText(said)).toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', 'Microsoft 365 svarar inte just nu. Försök igen om en stund.', 'Försök igen'],
    ['en', 'Microsoft 365 is not answering right now. Try again in a while.', 'Try again'],
  ])('explains a failed load and loads again on request (%s)', async (language, said, retry) => {
    const chat = memoryChat();
    chat.failNext.getMeetingChat.push(unavailable);
    showPanel({ language, chat });
    expect(await screen.findByRole('alert')).toHaveTextContent(said);
    await userEvent.click(screen.getByRole('button', { name: retry }));
    expect(await screen.findByRole('heading', { level: 2, name: SUBJECT })).toBeInTheDocument();
    expect(chat.calls.getMeetingChat).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains input that could not be loaded, keeps the agenda, and loads the input again on request', async () => {
    const chat = memoryChat();
    chat.failNext.listMessages.push(unavailable);
    showPanel({ language: 'sv', chat });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Inspelen kunde inte hämtas');
    expect(alert).toHaveTextContent('Microsoft 365 svarar inte just nu. Försök igen om en stund.');
    expect(screen.getByRole('region', { name: 'Dagordning' })).toBeInTheDocument();
    // The questions are there, but none is said to have no input: that is not known.
    expect(screen.getByRole('region', { name: 'Fråga 1' })).toBeInTheDocument();
    expect(screen.queryByText('Inga inspel ännu.')).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findAllByText('Inga inspel ännu.')).toHaveLength(3);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(chat.calls.listMessages).toBe(2);
  });
});
