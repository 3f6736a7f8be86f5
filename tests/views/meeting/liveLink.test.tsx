// @vitest-environment jsdom
/**
 * The meeting panel's live link to the chair, by role, in Swedish and English: a session that cannot be joined, or
 * is lost during the meeting, is said plainly with its reason and a button that joins again; a participant then
 * follows the time plan until the link is back; a chair who can show the stage carries on from where the meeting
 * was when the link was lost, and the stage follows; a surface with no live session at all says nothing is wrong.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaRun } from '../../../src/core/meeting/run';
import { PortError } from '../../../src/core/ports';
import type { Language } from '../../../src/views/i18n';
import {
  agendaItems,
  at,
  fakeLiveAgenda,
  fakeStage,
  nowLine,
  showPanel,
  unavailable,
  runOnThirdItem,
} from '../../support/meetingWorld';

afterEach(cleanup);

const NOW = at('13.35');
const SUBJECT = 'Samråd avseende Sveriges nya handlingsplan för Open Government Partnership';
const ITEM_2 =
  'Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen';
const ITEM_3 = 'Diskussion: Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan';

/** The chair's run on the third item (index 2) for 5 minutes of its 20. */
const ON_ITEM_2 = runOnThirdItem(NOW);

/** What the Live Share adapter says when the service closes the session under the client. */
const LOST = new PortError(
  'unavailable',
  { sv: 'Anslutningen till mötets gemensamma dagordning bröts.', en: 'The connection to the meeting’s shared agenda was lost.' },
  { sv: 'Panelen följer tidsplanen tills vidare.', en: 'The panel follows the time plan for now.' },
);

const SAID = {
  sv: {
    title: 'Ingen direktlänk till mötesledaren',
    reconnect: 'Anslut igen',
    lost: 'Anslutningen till mötets gemensamma dagordning bröts. Panelen följer tidsplanen tills vidare.',
    byPlan: 'Enligt den publicerade tidsplanen (ingen direktlänk till mötesledaren här).',
    following: 'Följer mötesledaren.',
    left15: '15 min kvar',
    controls: 'Leda dagordningen',
    next: 'Nästa punkt',
    share: 'Visa på scenen',
    localRun: 'Ingen direktlänk till deltagarnas paneler här: scenen följer dig, panelerna följer tidsplanen.',
  },
  en: {
    title: 'No live link to the chair',
    reconnect: 'Connect again',
    lost: 'The connection to the meeting’s shared agenda was lost. The panel follows the time plan for now.',
    byPlan: 'By the published time plan (no live link to the chair here).',
    following: 'Following the chair.',
    left15: '15 min left',
    controls: 'Chair the agenda',
    next: 'Next item',
    share: 'Show on the stage',
    localRun: "No live link to the participants' panels here: the stage follows you, the panels follow the time plan.",
  },
} as const;

function expectCurrent(language: Language, index: number): void {
  agendaItems(language).forEach((li, i) => {
    if (i === index) expect(li).toHaveAttribute('aria-current', 'step');
    else expect(li).not.toHaveAttribute('aria-current');
  });
}

/** The panel's message about the live link, found by its title. */
async function liveLinkAlert(language: Language): Promise<HTMLElement> {
  const alerts = await screen.findAllByRole('alert');
  const found = alerts.find((alert) => alert.textContent.includes(SAID[language].title));
  if (found === undefined)
    throw new Error(`No alert says "${SAID[language].title}"; the alerts say: ${alerts.map((a) => a.textContent).join(' | ')}`);
  return found;
}

describe('MeetingPanel: a live session that cannot be joined', () => {
  it.each<[Language, string]>([
    ['sv', 'Microsoft 365 svarar inte just nu. Försök igen om en stund.'],
    ['en', 'Microsoft 365 is not answering right now. Try again in a while.'],
  ])('says why and joins again on request, then follows the chair (%s)', async (language, reason) => {
    const user = userEvent.setup();
    const said = SAID[language];
    const live = fakeLiveAgenda({ canControl: false, held: ON_ITEM_2 });
    live.failNextJoin.push(unavailable);
    showPanel({ language, liveAgenda: live.port });
    const alert = await liveLinkAlert(language);
    expect(alert).toHaveTextContent(reason);
    expect(within(nowLine(language)).getByText(said.byPlan)).toBeInTheDocument();
    expectCurrent(language, 1);

    await user.click(within(alert).getByRole('button', { name: said.reconnect }));
    await waitFor(() => expect(nowLine(language)).toHaveTextContent(ITEM_2));
    expect(within(nowLine(language)).getByText(said.following)).toBeInTheDocument();
    expectCurrent(language, 2);
    expect(live.joins()).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so again, with the new reason, when joining again fails too', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: false });
    live.failNextJoin.push(unavailable, LOST);
    showPanel({ language: 'sv', liveAgenda: live.port });
    await user.click(within(await liveLinkAlert('sv')).getByRole('button', { name: 'Anslut igen' }));
    await waitFor(() => expect(live.joins()).toBe(2));
    await waitFor(async () => expect(await liveLinkAlert('sv')).toHaveTextContent(SAID.sv.lost));
    expect(within(nowLine('sv')).getByText(SAID.sv.byPlan)).toBeInTheDocument();
  });

  it.each<Language>(['sv', 'en'])(
    'says nothing is wrong where there is no live session to join at all (%s)',
    async (language) => {
      showPanel({ language, liveAgenda: null });
      await screen.findByRole('heading', { level: 2, name: SUBJECT });
      expect(within(nowLine(language)).getByText(SAID[language].byPlan)).toBeInTheDocument();
      expect(screen.queryByText(SAID[language].title)).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: SAID[language].reconnect })).not.toBeInTheDocument();
    },
  );
});

describe('MeetingPanel: a live session lost during the meeting', () => {
  it.each<Language>(['sv', 'en'])(
    'a participant follows the time plan, is told why, and follows the chair again once joined again (%s)',
    async (language) => {
      const user = userEvent.setup();
      const said = SAID[language];
      const live = fakeLiveAgenda({ canControl: false, held: ON_ITEM_2 });
      showPanel({ language, liveAgenda: live.port });
      await waitFor(() => expectCurrent(language, 2));
      expect(screen.queryByText(said.title)).not.toBeInTheDocument();

      act(() => live.lose(LOST));
      const alert = await liveLinkAlert(language);
      expect(alert).toHaveTextContent(said.lost);
      expect(nowLine(language)).toHaveTextContent(said.left15);
      expect(within(nowLine(language)).getByText(said.byPlan)).toBeInTheDocument();
      expectCurrent(language, 1);
      expect(screen.queryByRole('region', { name: said.controls })).not.toBeInTheDocument();

      await user.click(within(alert).getByRole('button', { name: said.reconnect }));
      await waitFor(() => expectCurrent(language, 2));
      expect(within(nowLine(language)).getByText(said.following)).toBeInTheDocument();
      expect(live.joins()).toBe(2);
      expect(screen.queryByText(said.title)).not.toBeInTheDocument();
    },
  );

  it.each<Language>(['sv', 'en'])(
    'a chair who can show the stage carries on from the run last followed, and the stage follows (%s)',
    async (language) => {
      const user = userEvent.setup();
      const said = SAID[language];
      const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
      const stage = fakeStage();
      showPanel({ language, liveAgenda: live.port, stage });
      await user.click(await screen.findByRole('button', { name: said.share }));
      await waitFor(() => expect(stage.payloads.map((p) => p.run)).toEqual([ON_ITEM_2]));

      act(() => live.lose(LOST));
      expect(await liveLinkAlert(language)).toHaveTextContent(said.lost);
      // Where the meeting was, not the time plan and not the start.
      expect(nowLine(language)).toHaveTextContent(ITEM_2);
      expectCurrent(language, 2);
      expect(screen.getByText(said.localRun)).toBeInTheDocument();

      const controls = screen.getByRole('region', { name: said.controls });
      await user.click(within(controls).getByRole('button', { name: said.next }));
      const moved: AgendaRun = { ...ON_ITEM_2, itemIndex: 3, runningSince: NOW, sequence: ON_ITEM_2.sequence + 1 };
      await waitFor(() => expect(stage.payloads.map((p) => p.run)).toEqual([ON_ITEM_2, moved]));
      expect(nowLine(language)).toHaveTextContent(ITEM_3);
      expectCurrent(language, 3);
      // Nothing went through the lost session.
      expect(live.changes).toEqual([]);
    },
  );

  it('a chair who cannot show the stage (the details tab) has no controls, follows the time plan and is told why', async () => {
    const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
    showPanel({ language: 'sv', liveAgenda: live.port });
    await screen.findByRole('region', { name: SAID.sv.controls });
    act(() => live.lose(LOST));
    expect(await liveLinkAlert('sv')).toHaveTextContent(SAID.sv.lost);
    expect(screen.queryByRole('region', { name: SAID.sv.controls })).not.toBeInTheDocument();
    expectCurrent('sv', 1);
  });

  it('a chair whose attempt to join again fails still carries on from the run last followed', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
    const stage = fakeStage();
    showPanel({ language: 'sv', liveAgenda: live.port, stage });
    await screen.findByRole('region', { name: SAID.sv.controls });
    act(() => live.lose(LOST));
    live.failNextJoin.push(unavailable);
    await user.click(within(await liveLinkAlert('sv')).getByRole('button', { name: SAID.sv.reconnect }));
    await waitFor(() => expect(live.joins()).toBe(2));
    expect(await liveLinkAlert('sv')).toHaveTextContent('Microsoft 365 svarar inte just nu.');
    expect(nowLine('sv')).toHaveTextContent(ITEM_2);
    expectCurrent('sv', 2);
    expect(
      within(screen.getByRole('region', { name: SAID.sv.controls })).getByRole('button', { name: SAID.sv.next }),
    ).toBeInTheDocument();
  });
});
