// @vitest-environment jsdom
/**
 * Running the agenda from the meeting panel, by role, in Swedish and English: the chair starts, moves, pauses and
 * ends the run through the live session and every panel follows it ("Nu:", the marked item, the time left); a
 * participant follows without controls, and gets them once made presenter; without a live session the panel follows
 * the time plan and says so and why; a chair without Live Share runs the agenda in the panel and carries every change
 * to the stage while Samråd is on it, never over something else; a refused change says why and changes nothing, a
 * stage that could not follow says so while the change counts.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_STARTED, type AgendaRun } from '../../../src/core/meeting/run';
import { PortError } from '../../../src/core/ports';
import type { Language } from '../../../src/views/i18n';
import {
  agendaItems,
  at,
  fakeLiveAgenda,
  fakeStage,
  MINUTE,
  nowLine,
  publishedAgenda,
  seedConsultation,
  showPanel,
  unavailable,
  runOnThirdItem,
} from '../../support/meetingWorld';

afterEach(cleanup);

const NOW = at('13.35');
const SEED = seedConsultation();
const SUBJECT = 'Samråd avseende Sveriges nya handlingsplan för Open Government Partnership';
const ITEM_1 = 'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen';
const ITEM_2 =
  'Diskussion: Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen';
const ITEM_3 = 'Diskussion: Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan';

const STARTED: AgendaRun = { status: 'running', itemIndex: 0, runningSince: NOW, spentMs: 0, startedAt: NOW, sequence: 1 };

/** The chair's run elsewhere, on the third item (index 2) for 5 minutes of its 20. */
const ON_ITEM_2 = runOnThirdItem(NOW);

function expectCurrent(language: Language, index: number): void {
  agendaItems(language).forEach((li, i) => {
    if (i === index) expect(li).toHaveAttribute('aria-current', 'step');
    else expect(li).not.toHaveAttribute('aria-current');
  });
}

describe('MeetingPanel: the chair runs the agenda through the live session', () => {
  it('starts, follows the session, moves on, pauses and ends (sv)', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true });
    showPanel({ language: 'sv', liveAgenda: live.port });
    const controls = await screen.findByRole('region', { name: 'Leda dagordningen' });
    expect(screen.queryByText(/Ingen direktlänk till deltagarnas paneler/)).not.toBeInTheDocument();

    await user.click(within(controls).getByRole('button', { name: 'Starta dagordningen' }));
    expect(live.changes).toEqual([STARTED]);
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent('Information: Information — 30 min kvar'));
    expect(within(nowLine('sv')).getByText('Följer mötesledaren.')).toBeInTheDocument();
    expectCurrent('sv', 0);
    expect(within(controls).getByRole('button', { name: 'Föregående punkt' })).toHaveAttribute('aria-disabled', 'true');

    act(() => live.emit(ON_ITEM_2));
    expect(nowLine('sv')).toHaveTextContent(`${ITEM_2} — 15 min kvar`);
    expectCurrent('sv', 2);
    expect(agendaItems('sv')[2]).toHaveTextContent('Pågår nu:');

    await user.click(within(controls).getByRole('button', { name: 'Nästa punkt' }));
    expect(live.changes[1]).toEqual({ ...ON_ITEM_2, itemIndex: 3, runningSince: NOW, sequence: 5 });
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent(`${ITEM_3} — 20 min kvar`));
    expectCurrent('sv', 3);

    await user.click(within(controls).getByRole('button', { name: 'Pausa' }));
    expect(live.changes[2]).toEqual({
      ...ON_ITEM_2,
      status: 'paused',
      itemIndex: 3,
      runningSince: null,
      spentMs: 0,
      sequence: 6,
    });
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent(`${ITEM_3} — 20 min kvar (pausad)`));
    await user.click(within(controls).getByRole('button', { name: 'Fortsätt' }));
    expect(live.changes[3]).toMatchObject({ status: 'running', itemIndex: 3, runningSince: NOW, sequence: 7 });

    await user.click(within(controls).getByRole('button', { name: 'Avsluta dagordningen' }));
    expect(live.changes[4]).toMatchObject({ status: 'ended', runningSince: null, sequence: 8 });
    expect(await screen.findByText('Dagordningen är genomgången.')).toBeInTheDocument();
    expect(within(controls).getByRole('button', { name: 'Starta om dagordningen' })).toBeInTheDocument();
    expectCurrent('sv', -1);
  });

  it('starts and follows the session (en)', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true });
    showPanel({ language: 'en', liveAgenda: live.port });
    await user.click(await screen.findByRole('button', { name: 'Start the agenda' }));
    expect(live.changes).toEqual([STARTED]);
    await waitFor(() => expect(nowLine('en')).toHaveTextContent('Information: Information — 30 min left'));
    act(() => live.emit(ON_ITEM_2));
    expect(nowLine('en')).toHaveTextContent(`${ITEM_2} — 15 min left`);
    expect(within(nowLine('en')).getByText('Following the chair.')).toBeInTheDocument();
    expect(agendaItems('en')[2]).toHaveTextContent('On now:');
    expectCurrent('en', 2);
  });

  it('says why when the session refuses a change, and the run stays as it was', async () => {
    const user = userEvent.setup();
    const lost = new PortError(
      'unavailable',
      { sv: 'Direktlänken till mötet bröts.', en: 'The live link to the meeting was lost.' },
      { sv: 'Ladda om panelen.', en: 'Reload the panel.' },
    );
    const live = fakeLiveAgenda({ canControl: true, changeError: lost });
    showPanel({ language: 'sv', liveAgenda: live.port });
    await user.click(await screen.findByRole('button', { name: 'Starta dagordningen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Det gick inte');
    expect(alert).toHaveTextContent('Direktlänken till mötet bröts. Ladda om panelen.');
    expect(live.changes).toEqual([]);
    expect(screen.getByRole('button', { name: 'Starta dagordningen' })).toBeInTheDocument();
    expect(within(nowLine('sv')).getByText(/Enligt den publicerade tidsplanen/)).toBeInTheDocument();
  });

  it('shares the stage with the live run, and every later change again (anonymous participants have no session)', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
    const stage = fakeStage();
    showPanel({ language: 'sv', liveAgenda: live.port, stage });
    await user.click(await screen.findByRole('button', { name: 'Visa på scenen' }));
    expect(await screen.findByText('Scenen visar mötet.')).toBeInTheDocument();
    const base = { subject: SUBJECT, start: SEED.start, end: SEED.end, agenda: publishedAgenda(SEED) };
    expect(stage.payloads).toEqual([{ ...base, run: ON_ITEM_2 }]);
    await user.click(screen.getByRole('button', { name: 'Nästa punkt' }));
    const moved = { ...ON_ITEM_2, itemIndex: 3, runningSince: NOW, sequence: 5 };
    await waitFor(() =>
      expect(stage.payloads).toEqual([
        { ...base, run: ON_ITEM_2 },
        { ...base, run: moved },
      ]),
    );
    expect(live.changes).toEqual([moved]);
    expect(screen.queryByText(/Ingen direktlänk till deltagarnas paneler/)).not.toBeInTheDocument();
  });

  it('shares nothing on a change before the stage is shown', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true });
    const stage = fakeStage();
    showPanel({ language: 'sv', liveAgenda: live.port, stage });
    await user.click(await screen.findByRole('button', { name: 'Starta dagordningen' }));
    await waitFor(() => expect(live.changes).toEqual([STARTED]));
    expect(stage.payloads).toEqual([]);
  });
});

describe('MeetingPanel: a participant follows the live session', () => {
  it.each<[Language, string, string, string]>([
    ['sv', 'Leda dagordningen', '15 min kvar', 'Följer mötesledaren.'],
    ['en', 'Chair the agenda', '15 min left', 'Following the chair.'],
  ])('shows no controls but follows the chair’s run (%s)', async (language, controls, left, following) => {
    const live = fakeLiveAgenda({ canControl: false });
    showPanel({ language, liveAgenda: live.port });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    await waitFor(() => expect(live.joins()).toBe(1));
    expect(screen.queryByRole('region', { name: controls })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: language === 'sv' ? 'Starta dagordningen' : 'Start the agenda' }),
    ).not.toBeInTheDocument();

    act(() => live.emit(ON_ITEM_2));
    await waitFor(() => expect(nowLine(language)).toHaveTextContent(`${ITEM_2} — ${left}`));
    expect(within(nowLine(language)).getByText(following)).toBeInTheDocument();
    expectCurrent(language, 2);
    expect(screen.queryByRole('region', { name: controls })).not.toBeInTheDocument();
  });

  it('follows a run the session already holds when it joins', async () => {
    const live = fakeLiveAgenda({ canControl: false, held: ON_ITEM_2 });
    showPanel({ language: 'sv', liveAgenda: live.port });
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent(`${ITEM_2} — 15 min kvar`));
    expectCurrent('sv', 2);
  });

  it('keeps the later run when an older one arrives late', async () => {
    const live = fakeLiveAgenda({ canControl: false, held: ON_ITEM_2 });
    showPanel({ language: 'sv', liveAgenda: live.port });
    await waitFor(() => expectCurrent('sv', 2));
    act(() => live.deliver({ ...ON_ITEM_2, itemIndex: 1, sequence: 3 }));
    expect(nowLine('sv')).toHaveTextContent(ITEM_2);
    expectCurrent('sv', 2);
  });

  it('leaves the session when the panel closes', async () => {
    const live = fakeLiveAgenda({ canControl: false });
    const { unmount } = showPanel({ language: 'sv', liveAgenda: live.port });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    await waitFor(() => expect(live.joins()).toBe(1));
    unmount();
    await waitFor(() => expect(live.closes()).toBe(1));
  });

  it('does not say "no live link to the chair" while a live session is joined and the chair has not started yet', async () => {
    const live = fakeLiveAgenda({ canControl: false });
    showPanel({ language: 'sv', liveAgenda: live.port });
    await screen.findByRole('heading', { level: 2, name: SUBJECT });
    await waitFor(() => expect(live.joins()).toBe(1));
    // The session is joined: the panel follows the time plan until the chair starts, but there IS a live link.
    await waitFor(() =>
      expect(nowLine('sv')).toHaveTextContent('Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen'),
    );
    expect(nowLine('sv')).not.toHaveTextContent('ingen direktlänk till mötesledaren här');
    expect(nowLine('sv')).toHaveTextContent('Enligt den publicerade tidsplanen tills mötesledaren startar dagordningen.');
  });
});

describe('MeetingPanel: no live session', () => {
  it.each<[Language, string, string, string, string]>([
    [
      'sv',
      'Enligt den publicerade tidsplanen (ingen direktlänk till mötesledaren här).',
      'Leda dagordningen',
      'Ingen direktlänk till mötesledaren',
      'Microsoft 365 svarar inte just nu. Försök igen om en stund.',
    ],
    [
      'en',
      'By the published time plan (no live link to the chair here).',
      'Chair the agenda',
      'No live link to the chair',
      'Microsoft 365 is not answering right now. Try again in a while.',
    ],
  ])(
    'follows the time plan and says so, and why, when the session cannot be joined (%s)',
    async (language, note, controls, title, reason) => {
      const live = fakeLiveAgenda({ canControl: true, joinError: unavailable });
      showPanel({ language, liveAgenda: live.port });
      await screen.findByRole('heading', { level: 2, name: SUBJECT });
      await waitFor(() => expect(live.joins()).toBe(1));
      expect(nowLine(language)).toHaveTextContent(language === 'sv' ? '15 min kvar' : '15 min left');
      expect(within(nowLine(language)).getByText(note)).toBeInTheDocument();
      expectCurrent(language, 1);
      // No session and no stage (the details tab): nothing to run here.
      expect(screen.queryByRole('region', { name: controls })).not.toBeInTheDocument();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(title);
      expect(alert).toHaveTextContent(reason);
    },
  );

  it('lets the chair run the agenda here when the session cannot be joined but the stage can be shared', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true, joinError: unavailable });
    const stage = fakeStage();
    showPanel({ language: 'sv', liveAgenda: live.port, stage });
    const controls = await screen.findByRole('region', { name: 'Leda dagordningen' });
    expect(
      screen.getByText('Ingen direktlänk till deltagarnas paneler här: scenen följer dig, panelerna följer tidsplanen.'),
    ).toBeInTheDocument();
    await user.click(within(controls).getByRole('button', { name: 'Starta dagordningen' }));
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent('Information: Information — 30 min kvar'));
    expect(live.changes).toEqual([]);
  });
});

describe('MeetingPanel: the chair without Live Share runs the agenda here and carries it to the stage', () => {
  it('runs locally; once shared, every change is shared to the stage again (sv)', async () => {
    const user = userEvent.setup();
    const stage = fakeStage();
    showPanel({ language: 'sv', stage });
    const controls = await screen.findByRole('region', { name: 'Leda dagordningen' });
    expect(
      screen.getByText('Ingen direktlänk till deltagarnas paneler här: scenen följer dig, panelerna följer tidsplanen.'),
    ).toBeInTheDocument();

    await user.click(within(controls).getByRole('button', { name: 'Starta dagordningen' }));
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent('Information: Information — 30 min kvar'));
    expectCurrent('sv', 0);
    // Not shown on the stage yet: nothing to share.
    expect(stage.payloads).toEqual([]);

    await user.click(within(controls).getByRole('button', { name: 'Visa på scenen' }));
    expect(await within(controls).findByRole('status')).toHaveTextContent('Scenen visar mötet.');
    const base = { subject: SUBJECT, start: SEED.start, end: SEED.end, agenda: publishedAgenda(SEED) };
    expect(stage.payloads).toEqual([{ ...base, run: STARTED }]);

    await user.click(within(controls).getByRole('button', { name: 'Nästa punkt' }));
    await waitFor(() =>
      expect(nowLine('sv')).toHaveTextContent(
        'Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen — 20 min kvar',
      ),
    );
    await user.click(within(controls).getByRole('button', { name: 'Pausa' }));
    await user.click(within(controls).getByRole('button', { name: 'Fortsätt' }));
    await user.click(within(controls).getByRole('button', { name: 'Föregående punkt' }));
    await user.click(within(controls).getByRole('button', { name: 'Avsluta dagordningen' }));
    await within(controls).findByRole('button', { name: 'Starta om dagordningen' });

    expect(stage.payloads.map((p) => p.run)).toEqual([
      STARTED,
      { ...STARTED, itemIndex: 1, sequence: 2 },
      { ...STARTED, status: 'paused', itemIndex: 1, runningSince: null, sequence: 3 },
      { ...STARTED, itemIndex: 1, sequence: 4 },
      { ...STARTED, itemIndex: 0, sequence: 5 },
      { ...STARTED, status: 'ended', itemIndex: 0, runningSince: null, sequence: 6 },
    ]);
    for (const payload of stage.payloads) expect(payload).toMatchObject(base);
    expect(screen.getByText('Dagordningen är genomgången.')).toBeInTheDocument();
  });

  it('shares the local run as it stands, not started yet, and the start after it (en)', async () => {
    const user = userEvent.setup();
    const stage = fakeStage();
    showPanel({ language: 'en', stage });
    await user.click(await screen.findByRole('button', { name: 'Show on the stage' }));
    expect(await screen.findByText('The stage shows the meeting.')).toBeInTheDocument();
    expect(stage.payloads.map((p) => p.run)).toEqual([NOT_STARTED]);
    await user.click(screen.getByRole('button', { name: 'Start the agenda' }));
    await waitFor(() => expect(stage.payloads.map((p) => p.run)).toEqual([NOT_STARTED, STARTED]));
    expect(
      screen.getByText("No live link to the participants' panels here: the stage follows you, the panels follow the time plan."),
    ).toBeInTheDocument();
  });

  it.each<[Language, string, string, string]>([
    ['sv', 'Visa på scenen', 'Det gick inte', 'Scenen kunde inte visas. Be arrangören göra dig till presentatör.'],
    ['en', 'Show on the stage', 'That did not work', 'The stage could not be shown. Ask the organiser to make you a presenter.'],
  ])('says why when the stage refuses (%s)', async (language, share, title, said) => {
    const user = userEvent.setup();
    const stage = fakeStage();
    stage.failNext.push(
      new PortError(
        'forbidden',
        { sv: 'Scenen kunde inte visas.', en: 'The stage could not be shown.' },
        { sv: 'Be arrangören göra dig till presentatör.', en: 'Ask the organiser to make you a presenter.' },
      ),
    );
    showPanel({ language, stage });
    await user.click(await screen.findByRole('button', { name: share }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(said);
    expect(stage.payloads).toEqual([]);
    expect(
      screen.getByRole('region', { name: language === 'sv' ? 'Leda dagordningen' : 'Chair the agenda' }),
    ).not.toHaveTextContent(language === 'sv' ? 'Scenen visar mötet.' : 'The stage shows the meeting.');
  });

  it('counts the change when sharing it to the stage fails, says the stage was not updated, and catches up on the next change', async () => {
    const user = userEvent.setup();
    const stage = fakeStage();
    showPanel({ language: 'sv', stage });
    await user.click(await screen.findByRole('button', { name: 'Starta dagordningen' }));
    await user.click(screen.getByRole('button', { name: 'Visa på scenen' }));
    await screen.findByText('Scenen visar mötet.');
    stage.failNext.push(unavailable);
    await user.click(screen.getByRole('button', { name: 'Nästa punkt' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dagordningen gick vidare, men scenen kunde inte uppdateras');
    expect(alert).toHaveTextContent('Microsoft 365 svarar inte just nu. Försök igen om en stund.');
    // The change itself counts: the panel moved on, and the controls' own "did not work" is not said.
    expect(nowLine('sv')).toHaveTextContent(`${ITEM_1} — 20 min kvar`);
    expectCurrent('sv', 1);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(stage.payloads.map((p) => p.run)).toEqual([STARTED]);

    await user.click(screen.getByRole('button', { name: 'Nästa punkt' }));
    await waitFor(() => expect(stage.payloads.map((p) => p.run)).toEqual([STARTED, { ...STARTED, itemIndex: 2, sequence: 3 }]));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expectCurrent('sv', 2);
  });
});

describe('MeetingPanel: the stage is shared again on a change only while Samråd is on it', () => {
  it('shares nothing over what someone else put on the stage since, and follows again once Samråd is shown again', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
    const stage = fakeStage();
    showPanel({ language: 'sv', liveAgenda: live.port, stage });
    await user.click(await screen.findByRole('button', { name: 'Visa på scenen' }));
    await screen.findByText('Scenen visar mötet.');
    // Someone shares their slides (or stops sharing): the stage is no longer Samråd's.
    stage.takenOver = true;

    await user.click(screen.getByRole('button', { name: 'Nästa punkt' }));
    const moved: AgendaRun = { ...ON_ITEM_2, itemIndex: 3, runningSince: NOW, sequence: 5 };
    await waitFor(() => expect(nowLine('sv')).toHaveTextContent(`${ITEM_3} — 20 min kvar`));
    expect(live.changes).toEqual([moved]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Shown again by the chair: with the run as it is now, and every change after it.
    await user.click(screen.getByRole('button', { name: 'Visa på scenen' }));
    await waitFor(() => expect(stage.payloads.map((p) => p.run)).toEqual([ON_ITEM_2, moved]));
    await user.click(screen.getByRole('button', { name: 'Pausa' }));
    await waitFor(() => expect(stage.payloads).toHaveLength(3));
    expect(stage.payloads[2]?.run).toMatchObject({ status: 'paused', itemIndex: 3, sequence: 6 });
  });

  it('runs locally without sharing over someone else’s stage (en)', async () => {
    const user = userEvent.setup();
    const stage = fakeStage();
    showPanel({ language: 'en', stage });
    await user.click(await screen.findByRole('button', { name: 'Show on the stage' }));
    await screen.findByText('The stage shows the meeting.');
    stage.takenOver = true;
    await user.click(screen.getByRole('button', { name: 'Start the agenda' }));
    await waitFor(() => expect(nowLine('en')).toHaveTextContent('Information: Information — 30 min left'));
    await user.click(screen.getByRole('button', { name: 'Next item' }));
    await waitFor(() => expect(nowLine('en')).toHaveTextContent(`${ITEM_1} — 20 min left`));
    expect(stage.payloads.map((p) => p.run)).toEqual([NOT_STARTED]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each<[Language, string, string, string]>([
    [
      'sv',
      'Nästa punkt',
      'Dagordningen gick vidare, men scenen kunde inte uppdateras',
      'Microsoft 365 svarar inte just nu. Försök igen om en stund.',
    ],
    ['en', 'Next item', 'The agenda moved on, but the stage could not be updated', 'Microsoft 365 is not answering right now.'],
  ])(
    'sends the change through the live session even when the stage cannot be updated, and says so (%s)',
    async (language, next, title, reason) => {
      const user = userEvent.setup();
      const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
      const stage = fakeStage();
      showPanel({ language, liveAgenda: live.port, stage });
      await user.click(await screen.findByRole('button', { name: language === 'sv' ? 'Visa på scenen' : 'Show on the stage' }));
      await waitFor(() => expect(stage.payloads).toHaveLength(1));
      stage.failNext.push(unavailable);
      await user.click(screen.getByRole('button', { name: next }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(title);
      expect(alert).toHaveTextContent(reason);
      expect(live.changes).toEqual([{ ...ON_ITEM_2, itemIndex: 3, runningSince: NOW, sequence: 5 }]);
      expect(nowLine(language)).toHaveTextContent(ITEM_3);
      expectCurrent(language, 3);
    },
  );

  it('says the stage was not updated when asking whether Samråd is on it fails, and the change still counts', async () => {
    const user = userEvent.setup();
    const live = fakeLiveAgenda({ canControl: true, held: ON_ITEM_2 });
    const recorded = fakeStage();
    const stage = { share: recorded.share, isSharing: () => Promise.reject(unavailable) };
    showPanel({ language: 'sv', liveAgenda: live.port, stage });
    await user.click(await screen.findByRole('button', { name: 'Nästa punkt' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dagordningen gick vidare, men scenen kunde inte uppdateras');
    expect(live.changes).toHaveLength(1);
    expect(nowLine('sv')).toHaveTextContent(ITEM_3);
    expect(recorded.payloads).toEqual([]);
  });
});

describe('MeetingPanel: what the live session hands on', () => {
  it('takes a run with the same sequence as the one held (the session already ordered two chairs’ changes)', async () => {
    const live = fakeLiveAgenda({ canControl: false, held: ON_ITEM_2 });
    showPanel({ language: 'sv', liveAgenda: live.port });
    await waitFor(() => expectCurrent('sv', 2));
    // Another chair's Previous, sent from the same run as the change held: it came later, so it counts.
    act(() => live.deliver({ ...ON_ITEM_2, itemIndex: 1, runningSince: NOW, sequence: ON_ITEM_2.sequence }));
    expect(nowLine('sv')).toHaveTextContent(`${ITEM_1} — 20 min kvar`);
    expectCurrent('sv', 1);
  });

  it.each<[Language, string, string]>([
    ['sv', 'Leda dagordningen', 'Nästa punkt'],
    ['en', 'Chair the agenda', 'Next item'],
  ])(
    'gives the controls to someone made presenter during the meeting, from the next change on, and takes them back (%s)',
    async (language, controls, next) => {
      const user = userEvent.setup();
      const live = fakeLiveAgenda({ canControl: false, held: ON_ITEM_2 });
      showPanel({ language, liveAgenda: live.port });
      await waitFor(() => expectCurrent(language, 2));
      expect(screen.queryByRole('region', { name: controls })).not.toBeInTheDocument();

      live.setCanControl(true);
      act(() => live.emit({ ...ON_ITEM_2, status: 'paused', runningSince: null, spentMs: 5 * MINUTE, sequence: 5 }));
      const region = await screen.findByRole('region', { name: controls });
      await user.click(within(region).getByRole('button', { name: next }));
      await waitFor(() => expect(live.changes).toHaveLength(1));
      expect(live.changes[0]).toMatchObject({ status: 'paused', itemIndex: 3, sequence: 6 });

      live.setCanControl(false);
      act(() => live.emit({ ...ON_ITEM_2, status: 'ended', runningSince: null, sequence: 7 }));
      await waitFor(() => expect(screen.queryByRole('region', { name: controls })).not.toBeInTheDocument());
    },
  );
});
