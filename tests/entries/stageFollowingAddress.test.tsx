// @vitest-environment jsdom
/**
 * The stage page following its own address, in jsdom, in Swedish and English: a chair's share that changes only the
 * fragment (`#stage=…`, the run after a change) reloads nothing, so the page reads the fragment again on every
 * `hashchange` and shows the new item; a fragment that is damaged or gone gives the plain message, and a good one
 * after it shows the stage again. The stage's code is a lazily loaded chunk: it is waited for.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgendaRun } from '../../src/core/meeting/run';
import { encodeStagePayload, type StagePayload } from '../../src/core/meeting/stagePayload';
import { fixedClock } from '../../src/core/time/clock';
import { StageFollowingAddress } from '../../src/entries/faces/StageFollowingAddress';
import type { Language } from '../../src/views/i18n';
import { at, MINUTE, publishedAgenda, seedConsultation, showMeeting } from '../support/meetingWorld';

const NOW = at('13.35');
const SEED = seedConsultation();
const ITEM_2 = 'Tillgängliggörande av datamängder för att bidra till transparens och insyn i den offentliga förvaltningen';
const ITEM_3 = 'Utmaningarna och möjligheter i arbetet mot korruption och otillåten påverkan';

const SAID = {
  sv: {
    stage: 'Scenen',
    broken:
      'Scenens adress är skadad eller ändrad, så dagordningen kan inte visas. Be mötesledaren att visa Samråd på scenen igen.',
    missing: 'Scenen har ingen dagordning att visa. Be mötesledaren att visa Samråd på scenen igen från sidopanelen.',
    paused: 'Pausad',
  },
  en: {
    stage: 'The stage',
    broken:
      "The stage's address is damaged or altered, so the agenda cannot be shown. Ask the chair to show Samråd on the stage again.",
    missing: 'The stage has no agenda to show. Ask the chair to show Samråd on the stage again from the side panel.',
    paused: 'Paused',
  },
} as const;

function onItem(itemIndex: number, sequence: number, status: 'running' | 'paused' = 'running'): AgendaRun {
  return {
    status,
    itemIndex,
    runningSince: status === 'running' ? NOW - 5 * MINUTE : null,
    spentMs: status === 'running' ? 0 : 5 * MINUTE,
    startedAt: NOW - 60 * MINUTE,
    sequence,
  };
}

function address(run: AgendaRun): string {
  const payload: StagePayload = {
    subject: SEED.title,
    start: SEED.start,
    end: SEED.end,
    agenda: publishedAgenda(SEED),
    run,
  };
  return `#${new URLSearchParams({ stage: encodeStagePayload(payload) }).toString()}`;
}

/** The stage page as the Teams page mounts it: no Graph, no live session, no stage sharing of its own. */
function showStagePage(language: Language) {
  return showMeeting(<StageFollowingAddress />, {
    language,
    services: { clock: fixedClock(NOW), liveAgenda: null, stage: null },
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('StageFollowingAddress: the stage follows its address', () => {
  it.each<Language>(['sv', 'en'])(
    'shows the item of the address, and the next one once only the fragment changes (%s)',
    async (language) => {
      window.location.hash = address(onItem(2, 4));
      showStagePage(language);
      expect(await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();

      // The chair moved on and paused: Teams changes the stage frame's fragment, and the page does not reload.
      window.location.hash = address(onItem(3, 6, 'paused'));
      expect(await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_3}` })).toBeInTheDocument();
      expect(screen.queryByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).not.toBeInTheDocument();
      expect(screen.getByText(`15 min ${language === 'sv' ? 'kvar' : 'left'} · ${SAID[language].paused}`)).toBeInTheDocument();
    },
  );

  it('reads the fragment again on a hashchange event, whatever changed it', async () => {
    window.location.hash = address(onItem(2, 4));
    showStagePage('sv');
    await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` });
    // replaceState fires no hashchange of its own: only the event makes the page read the address again.
    window.history.replaceState(null, '', address(onItem(3, 5)));
    expect(screen.getByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` })).toBeInTheDocument();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_3}` })).toBeInTheDocument();
  });

  it.each<Language>(['sv', 'en'])(
    'gives the plain message for a damaged fragment, and the stage again for a good one after it (%s)',
    async (language) => {
      window.location.hash = address(onItem(2, 4));
      showStagePage(language);
      await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` });

      window.location.hash = '#stage=%%%-not-a-payload';
      expect(await screen.findByRole('alert')).toHaveTextContent(SAID[language].broken);
      expect(screen.getByRole('region', { name: SAID[language].stage })).not.toHaveTextContent(ITEM_2);
      expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();

      window.location.hash = address(onItem(3, 5));
      expect(await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_3}` })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    },
  );

  it.each<Language>(['sv', 'en'])('says there is nothing to show when the fragment has no stage (%s)', async (language) => {
    window.location.hash = '#other=1';
    showStagePage(language);
    expect(await screen.findByRole('alert')).toHaveTextContent(SAID[language].missing);
  });

  it('stops following the address once the stage is gone', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    window.location.hash = address(onItem(2, 4));
    const { unmount } = showStagePage('sv');
    await screen.findByRole('heading', { level: 2, name: `Diskussion ${ITEM_2}` });
    const following = added.mock.calls.filter(([type]) => type === 'hashchange').map(([, listener]) => listener);
    expect(following).toHaveLength(1);
    unmount();
    expect(removed.mock.calls.filter(([type]) => type === 'hashchange').map(([, listener]) => listener)).toEqual(following);
  });
});
