// @vitest-environment jsdom
/**
 * The meeting stage by role, in Swedish and English, from its address (the payload the chair shares): the item on
 * now as a large heading with the time left, its question and what comes next; paused, over time, before the start,
 * ended, by the time plan where no run reaches the stage, and following the live session where there is one. An
 * address that is missing, damaged or altered gives a plain message; texts in it are shown as text, never as markup.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import { NOT_STARTED, type AgendaRun } from '../../../src/core/meeting/run';
import { encodeStagePayload, MAX_STAGE_PAYLOAD_CHARS, type StagePayload } from '../../../src/core/meeting/stagePayload';
import type { LiveAgendaPort } from '../../../src/core/ports';
import { fixedClock } from '../../../src/core/time/clock';
import type { Language } from '../../../src/views/i18n';
import { StageFromAddress, StageProblem, StageView } from '../../../src/views/meeting/StageView';
import { at, fakeLiveAgenda, MINUTE, publishedAgenda, seedConsultation, showMeeting } from '../../support/meetingWorld';

afterEach(cleanup);

const NOW = at('13.35');
const SEED = seedConsultation();
const SUBJECT = 'Samråd avseende Sveriges nya handlingsplan för Open Government Partnership';
const ITEM_2 = 'Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen';
const QUESTION_2 = 'Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen.';
const ITEM_3 = 'Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan';

/** The chair's run on the third item (index 2, linked to question 2), running for `minutes` of its 20. */
function onItem2(minutes: number): AgendaRun {
  return {
    status: 'running',
    itemIndex: 2,
    runningSince: NOW - minutes * MINUTE,
    spentMs: 0,
    startedAt: NOW - 60 * MINUTE,
    sequence: 3,
  };
}

function payload(run: AgendaRun | null, consultation: Consultation = SEED): StagePayload {
  return {
    subject: consultation.title,
    start: consultation.start,
    end: consultation.end,
    agenda: publishedAgenda(consultation),
    run,
  };
}

function showStage(
  language: Language,
  encoded: string | null,
  options: { readonly now?: number; readonly liveAgenda?: LiveAgendaPort | null } = {},
) {
  return showMeeting(<StageFromAddress encoded={encoded} />, {
    language,
    services: { clock: fixedClock(options.now ?? NOW), liveAgenda: options.liveAgenda ?? null, stage: null },
  });
}

function stage(language: Language): HTMLElement {
  return screen.getByRole('region', { name: language === 'sv' ? 'Scenen' : 'The stage' });
}

describe('StageView: the item on now', () => {
  it.each<[Language, string, string, string, string]>([
    ['sv', '12 december 2023 kl. 13.00–14.30', '15 min kvar', 'Fråga 2', 'Sedan'],
    ['en', '12 December 2023, 13:00–14:30', '15 min left', 'Question 2', 'Next'],
  ])('shows the item large, the time left, its question and the next item (%s)', (language, when, left, question, next) => {
    showStage(language, encodeStagePayload(payload(onItem2(5))));
    const region = stage(language);
    expect(within(region).getByRole('heading', { level: 1, name: `${SUBJECT} · ${when}` })).toBeInTheDocument();
    expect(within(region).getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    expect(within(region).getByText(left)).toBeInTheDocument();
    expect(within(region).getByText(`${question}: ${QUESTION_2}`)).toBeInTheDocument();
    expect(within(region).getByText(`${next}: Diskussion: ${ITEM_3}`)).toBeInTheDocument();
    // The run reached the stage: no "by the time plan" note.
    expect(within(region).queryByText(language === 'sv' ? /tidsplanen/ : /time plan/)).not.toBeInTheDocument();
  });

  it('shows no question for an item without one, and no next item after the last', () => {
    showStage('sv', encodeStagePayload(payload({ ...onItem2(5), itemIndex: 0 })));
    expect(screen.getByRole('heading', { level: 2, name: 'Information Information' })).toBeInTheDocument();
    expect(screen.getByText('25 min kvar')).toBeInTheDocument();
    expect(screen.queryByText(/^Fråga \d/)).not.toBeInTheDocument();
    expect(screen.getByText('Sedan: Diskussion: Syften och nyttor med datadelning för samhällsutvecklingen')).toBeInTheDocument();
    cleanup();
    showStage('sv', encodeStagePayload(payload({ ...onItem2(5), itemIndex: 3 })));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_3}` })).toBeInTheDocument();
    expect(screen.getByText(`Fråga 3: ${ITEM_3}.`)).toBeInTheDocument();
    expect(screen.queryByText(/^Sedan:/)).not.toBeInTheDocument();
  });

  it.each<[Language, string]>([
    ['sv', '15 min kvar · Pausad'],
    ['en', '15 min left · Paused'],
  ])('says when the run is paused, with the time left frozen (%s)', (language, said) => {
    const paused: AgendaRun = { ...onItem2(0), status: 'paused', runningSince: null, spentMs: 5 * MINUTE };
    showStage(language, encodeStagePayload(payload(paused)));
    expect(screen.getByText(said)).toBeInTheDocument();
  });

  it.each<[Language, string]>([
    ['sv', '5 min över tiden'],
    ['en', '5 min over time'],
  ])('says how far the item runs over (%s)', (language, said) => {
    showStage(language, encodeStagePayload(payload(onItem2(25))));
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
  });

  it('shows no time left for an item without a length', () => {
    showStage('sv', encodeStagePayload(payload(onItem2(5), seedConsultation([30, 20, null, 20]))));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    expect(screen.queryByText(/min (kvar|över tiden)/)).not.toBeInTheDocument();
  });
});

describe('StageView: before, after, and by the time plan', () => {
  it.each<[Language, string, string]>([
    ['sv', 'Mötet börjar kl. 13.00.', 'Enligt den publicerade tidsplanen.'],
    ['en', 'The meeting starts at 13:00.', 'By the published time plan.'],
  ])('before the meeting, with the run not started, says when it starts (%s)', (language, said, note) => {
    showStage(language, encodeStagePayload(payload(NOT_STARTED)), { now: at('12.30') });
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(screen.getByText(note)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
  });

  it('inside the meeting, with the run not started, shows the item the time plan gives and says so', () => {
    showStage('sv', encodeStagePayload(payload(NOT_STARTED)), { now: at('13.55') });
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    expect(screen.getByText('15 min kvar')).toBeInTheDocument();
    expect(screen.getByText('Enligt den publicerade tidsplanen.')).toBeInTheDocument();
  });

  it.each<[Language, string]>([
    ['sv', 'Dagordningen är genomgången. Tack!'],
    ['en', 'The agenda is done. Thank you!'],
  ])('says the agenda is done once the run has ended, even inside the planned time (%s)', (language, said) => {
    const ended: AgendaRun = { ...onItem2(0), status: 'ended', runningSince: null, itemIndex: 3 };
    showStage(language, encodeStagePayload(payload(ended)));
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
    expect(screen.queryByText(language === 'sv' ? /tidsplanen/ : /time plan/)).not.toBeInTheDocument();
  });

  it.each<[Language, string, string]>([
    ['sv', '15 min kvar', 'Enligt den publicerade tidsplanen.'],
    ['en', '15 min left', 'By the published time plan.'],
  ])('follows the time plan where no run reaches the stage, and says so (%s)', (language, left, note) => {
    showStage(language, encodeStagePayload(payload(null)), { now: at('13.55') });
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    expect(screen.getByText(left)).toBeInTheDocument();
    expect(screen.getByText(note)).toBeInTheDocument();
  });

  it('after the planned time with no run, says the agenda is done', () => {
    showStage('en', encodeStagePayload(payload(null)), { now: at('15.00') });
    expect(screen.getByText('The agenda is done. Thank you!')).toBeInTheDocument();
    expect(screen.getByText('By the published time plan.')).toBeInTheDocument();
  });

  it('says the time plan lacks lengths where it cannot tell the item', () => {
    showStage('sv', encodeStagePayload(payload(null, seedConsultation([30, null, 20, 20]))), { now: at('13.40') });
    expect(screen.getByText('Tidsplanen saknar längder här.')).toBeInTheDocument();
  });
});

describe('StageView: following the live session', () => {
  it('follows the chair’s run from the session where the address carries none', async () => {
    // At 13.35 the time plan is on the second item; the chair's run is on the fourth.
    const live = fakeLiveAgenda({ canControl: false, held: { ...onItem2(5), itemIndex: 3 } });
    showStage('sv', encodeStagePayload(payload(null)), { liveAgenda: live.port });
    expect(await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_3}` })).toBeInTheDocument();
    expect(screen.queryByText('Enligt den publicerade tidsplanen.')).not.toBeInTheDocument();
    act(() => live.emit({ ...onItem2(5), sequence: 9 }));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    expect(screen.getByText('15 min kvar')).toBeInTheDocument();
  });

  it('keeps the address’s run until the session has a later one', async () => {
    const live = fakeLiveAgenda({ canControl: false });
    showStage('sv', encodeStagePayload(payload(onItem2(5))), { liveAgenda: live.port });
    await waitFor(() => expect(live.joins()).toBe(1));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    act(() => live.emit({ ...onItem2(2), itemIndex: 3, sequence: 4 }));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_3}` })).toBeInTheDocument();
    expect(screen.getByText('18 min kvar')).toBeInTheDocument();
  });

  it('follows the address’s run and the time plan when the session cannot be joined', async () => {
    const live = fakeLiveAgenda({ canControl: false, joinError: new Error('no Live Share here') });
    showStage('en', encodeStagePayload(payload(onItem2(5))), { liveAgenda: live.port });
    await waitFor(() => expect(live.joins()).toBe(1));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('StageView: an address it cannot use', () => {
  it.each<[Language, string | null, string]>([
    ['sv', null, 'Scenen har ingen dagordning att visa. Be mötesledaren att visa Samråd på scenen igen från sidopanelen.'],
    ['en', null, 'The stage has no agenda to show. Ask the chair to show Samråd on the stage again from the side panel.'],
    ['sv', '', 'Scenen har ingen dagordning att visa. Be mötesledaren att visa Samråd på scenen igen från sidopanelen.'],
    [
      'sv',
      'inte&base64!',
      'Scenens adress är skadad eller ändrad, så dagordningen kan inte visas. Be mötesledaren att visa Samråd på scenen igen.',
    ],
    [
      'en',
      'eyJ2IjoyfQ',
      "The stage's address is damaged or altered, so the agenda cannot be shown. Ask the chair to show Samråd on the stage again.",
    ],
    [
      'sv',
      'A'.repeat(MAX_STAGE_PAYLOAD_CHARS + 1),
      'Scenens adress är skadad eller ändrad, så dagordningen kan inte visas. Be mötesledaren att visa Samråd på scenen igen.',
    ],
  ])('says plainly why it shows nothing (%s, %#)', (language, encoded, said) => {
    showStage(language, encoded);
    expect(within(stage(language)).getByRole('alert')).toHaveTextContent(said);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('says an address cut short is damaged', () => {
    const whole = encodeStagePayload(payload(onItem2(5)));
    showStage('sv', whole.slice(0, Math.floor(whole.length / 2)));
    expect(screen.getByRole('alert')).toHaveTextContent('Scenens adress är skadad eller ändrad');
  });

  it('the problem view alone names each problem', () => {
    showMeeting(<StageProblem problem="invalid" />, { language: 'en' });
    expect(screen.getByRole('region', { name: 'The stage' })).toHaveTextContent("The stage's address is damaged or altered");
  });
});

describe('StageView: texts in the address are text', () => {
  it('shows markup in the subject, the items and the questions as its characters, and creates no element from it', () => {
    const hostile: StagePayload = {
      subject: '<b>Fet</b> rubrik <script>alert(1)</script>',
      start: SEED.start,
      end: SEED.end,
      agenda: {
        parts: [
          {
            title: '<i>Del</i>',
            items: [
              { title: '<img src=x onerror=alert(1)>', presenters: ['<a href="javascript:alert(1)">x</a>'], durationMinutes: 30 },
            ],
          },
        ],
        questions: [{ text: '<iframe src="https://example.org"></iframe>Varför?', itemIndex: 0 }],
      },
      run: { status: 'running', itemIndex: 0, runningSince: at('13.05'), spentMs: 0, startedAt: at('13.05'), sequence: 1 },
    };
    const { container } = showStage('sv', encodeStagePayload(hostile), { now: at('13.10') });
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: '<b>Fet</b> rubrik <script>alert(1)</script> · 12 december 2023 kl. 13.00–14.30',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '<i>Del</i> <img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(screen.getByText('Fråga 1: <iframe src="https://example.org"></iframe>Varför?')).toBeInTheDocument();
    expect(container.querySelector('b, i, img, script, iframe, a')).toBeNull();
  });

  it('shows the payload it is given directly, as the entry may', () => {
    showMeeting(<StageView payload={payload(onItem2(5))} />, {
      language: 'en',
      services: { clock: fixedClock(NOW), liveAgenda: null, stage: null },
    });
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
  });
});
