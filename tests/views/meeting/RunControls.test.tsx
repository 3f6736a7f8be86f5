// @vitest-environment jsdom
/**
 * The chair's controls in the meeting panel, by keyboard and by role, in Swedish and English: the same four buttons
 * in the same places through the whole run (start becomes next, then "the agenda has ended"; previous, pause or
 * resume, and end), each one that does not apply still focusable but marked unavailable and doing nothing; the
 * button a chair pressed keeps the focus; restarting after the end is a button of its own, so a Next pressed twice
 * at the last item cannot throw the meeting back to the start.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaRun } from '../../../src/core/meeting/run';
import type { Language } from '../../../src/views/i18n';
import { sampleConsultation } from '../../support/consultations';
import { at, fakeLiveAgenda, MINUTE, ownCopy, showPanel } from '../../support/meetingWorld';

afterEach(cleanup);

const NOW = at('13.35');

const NAMES = {
  sv: {
    controls: 'Leda dagordningen',
    start: 'Starta dagordningen',
    next: 'Nästa punkt',
    ended: 'Dagordningen är avslutad',
    previous: 'Föregående punkt',
    pause: 'Pausa',
    resume: 'Fortsätt',
    end: 'Avsluta dagordningen',
    restart: 'Starta om dagordningen',
  },
  en: {
    controls: 'Chair the agenda',
    start: 'Start the agenda',
    next: 'Next item',
    ended: 'The agenda has ended',
    previous: 'Previous item',
    pause: 'Pause',
    resume: 'Resume',
    end: 'End the agenda',
    restart: 'Restart the agenda',
  },
} as const;

/** The chair's run on the last item (index 3), running for 5 minutes. */
const ON_LAST: AgendaRun = {
  status: 'running',
  itemIndex: 3,
  runningSince: NOW - 5 * MINUTE,
  spentMs: 0,
  startedAt: NOW - 65 * MINUTE,
  sequence: 6,
};

async function controlsOf(language: Language): Promise<HTMLElement> {
  return screen.findByRole('region', { name: NAMES[language].controls });
}

/** The controls' buttons in order, each as its name and whether it is marked unavailable. */
function buttons(region: HTMLElement): [string, boolean][] {
  return within(region)
    .getAllByRole('button')
    .map((button) => [button.textContent, button.getAttribute('aria-disabled') === 'true']);
}

describe('RunControls: the same buttons in the same places', () => {
  it.each<Language>(['sv', 'en'])(
    'through the whole run, each unavailable one marked so but still focusable (%s)',
    async (language) => {
      const user = userEvent.setup();
      const n = NAMES[language];
      const live = fakeLiveAgenda({ canControl: true });
      showPanel({ language, liveAgenda: live.port });
      const region = await controlsOf(language);
      expect(buttons(region)).toEqual([
        [n.start, false],
        [n.previous, true],
        [n.pause, true],
        [n.end, true],
      ]);
      // Unavailable, not disabled: a keyboard or screen reader user still finds them where they always are.
      for (const button of within(region).getAllByRole('button')) expect(button).not.toBeDisabled();

      await user.click(within(region).getByRole('button', { name: n.start }));
      await waitFor(() =>
        expect(buttons(region)).toEqual([
          [n.next, false],
          [n.previous, true],
          [n.pause, false],
          [n.end, false],
        ]),
      );
      await user.click(within(region).getByRole('button', { name: n.next }));
      await waitFor(() => expect(within(region).getByRole('button', { name: n.previous })).not.toHaveAttribute('aria-disabled'));
      await user.click(within(region).getByRole('button', { name: n.pause }));
      await waitFor(() =>
        expect(buttons(region)).toEqual([
          [n.next, false],
          [n.previous, false],
          [n.resume, false],
          [n.end, false],
        ]),
      );
      await user.click(within(region).getByRole('button', { name: n.end }));
      await waitFor(() =>
        expect(buttons(region)).toEqual([
          [n.ended, true],
          [n.previous, true],
          [n.pause, true],
          [n.end, true],
          [n.restart, false],
        ]),
      );
      expect(live.changes.map((r) => r.status)).toEqual(['running', 'running', 'paused', 'ended']);
    },
  );

  it('does nothing when an unavailable button is pressed, by mouse or keyboard', async () => {
    const user = userEvent.setup();
    const n = NAMES.sv;
    const live = fakeLiveAgenda({ canControl: true });
    showPanel({ language: 'sv', liveAgenda: live.port });
    const region = await controlsOf('sv');
    for (const name of [n.previous, n.pause, n.end]) {
      const button = within(region).getByRole('button', { name });
      await user.click(button);
      button.focus();
      await user.keyboard('{Enter}');
      await user.keyboard(' ');
    }
    expect(live.changes).toEqual([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(region).getByRole('button', { name: n.start })).toBeInTheDocument();
  });

  it('offers no start for an agenda without items', async () => {
    const sample = sampleConsultation();
    const questionsOnly = {
      ...sample,
      agenda: { parts: [] },
      questions: sample.questions.map((q) => ({ ...q, agendaItemId: null })),
    };
    const live = fakeLiveAgenda({ canControl: true });
    showPanel({ language: 'en', copy: ownCopy(questionsOnly), liveAgenda: live.port });
    const region = await controlsOf('en');
    expect(within(region).getByRole('button', { name: NAMES.en.start })).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('RunControls: the focus stays where the chair pressed', () => {
  it.each<Language>(['sv', 'en'])('on Start as it becomes Next, and on End once the agenda has ended (%s)', async (language) => {
    const user = userEvent.setup();
    const n = NAMES[language];
    const live = fakeLiveAgenda({ canControl: true });
    showPanel({ language, liveAgenda: live.port });
    const region = await controlsOf(language);

    const primary = within(region).getByRole('button', { name: n.start });
    primary.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(primary).toHaveAccessibleName(n.next));
    expect(document.activeElement).toBe(primary);
    expect(live.changes).toHaveLength(1);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(live.changes).toHaveLength(2));
    expect(document.activeElement).toBe(primary);
    expect(live.changes[1]).toMatchObject({ itemIndex: 1 });

    const pause = within(region).getByRole('button', { name: n.pause });
    pause.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(pause).toHaveAccessibleName(n.resume));
    expect(document.activeElement).toBe(pause);

    const end = within(region).getByRole('button', { name: n.end });
    end.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(primary).toHaveAccessibleName(n.ended));
    // The pressed button is still there, now unavailable, and still has the focus: it is not lost to the page.
    expect(document.activeElement).toBe(end);
    expect(end).toHaveAttribute('aria-disabled', 'true');
    expect(region).toContainElement(document.activeElement as HTMLElement);
  });

  it('Tab reaches the controls in the same order before and after the start', async () => {
    const user = userEvent.setup();
    const n = NAMES.sv;
    const live = fakeLiveAgenda({ canControl: true });
    showPanel({ language: 'sv', liveAgenda: live.port });
    const region = await controlsOf('sv');
    const [first, ...rest] = within(region).getAllByRole('button');
    first?.focus();
    for (const button of rest) {
      await user.tab();
      expect(document.activeElement).toBe(button);
    }
    first?.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(first).toHaveAccessibleName(n.next));
    expect(within(region).getAllByRole('button')).toEqual([first, ...rest]);
  });
});

describe('RunControls: the end and a restart', () => {
  it.each<Language>(['sv', 'en'])(
    'Next pressed twice at the last item ends the agenda once and does not restart it; restarting is its own button (%s)',
    async (language) => {
      const user = userEvent.setup();
      const n = NAMES[language];
      const live = fakeLiveAgenda({ canControl: true, held: ON_LAST });
      showPanel({ language, liveAgenda: live.port });
      const region = await controlsOf(language);
      const primary = within(region).getByRole('button', { name: n.next });
      primary.focus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(primary).toHaveAccessibleName(n.ended));
      await user.keyboard('{Enter}');
      await user.click(primary);
      expect(live.changes).toEqual([{ ...ON_LAST, status: 'ended', runningSince: null, spentMs: 0, sequence: 7 }]);
      expect(document.activeElement).toBe(primary);

      await user.click(within(region).getByRole('button', { name: n.restart }));
      await waitFor(() => expect(live.changes).toHaveLength(2));
      expect(live.changes[1]).toEqual({
        status: 'running',
        itemIndex: 0,
        runningSince: NOW,
        spentMs: 0,
        startedAt: NOW,
        sequence: 8,
      });
      await waitFor(() => expect(primary).toHaveAccessibleName(n.next));
      expect(within(region).queryByRole('button', { name: n.restart })).not.toBeInTheDocument();
    },
  );
});
