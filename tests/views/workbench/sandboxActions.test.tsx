// @vitest-environment jsdom
/**
 * What people do outside Samråd, in the workbench, by role and in both languages: the Teams-side person answers
 * the invitation (Outlook's own three buttons) and hears the outcome in a polite live region; the Outlook-side
 * person's consent to reply drafts is a labelled switch that shows what the sandbox holds, undoing a refused change.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SamradError } from '../../../src/core/errors';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import type { InvitationAnswer, InvitationOutcome } from '../../../src/views/workbench/AnswerInvitation';
import {
  Workbench,
  type DraftConsentControl,
  type WorkbenchProps,
  type WorkbenchSetup,
} from '../../../src/views/workbench/Workbench';

const SETUP: WorkbenchSetup = {
  people: [
    { id: 'maria', role: 'organiser', label: 'Maria Envall (Finansdepartementet)', name: 'Maria Envall' },
    { id: 'jonas', role: 'presenter', label: 'Jonas Lindahl (Myndigheten för digital förvaltning)', name: 'Jonas Lindahl' },
    { id: 'sofia', role: 'participant', label: 'Sofia Lindqvist (Rädda Barnen)', name: 'Sofia Lindqvist' },
  ],
  organiserEventId: 'ev-1',
  organiserId: 'maria',
  iCalUId: 'uid-1',
  chatId: 'chat-1',
};

const refused = new SamradError(
  'invalid-input',
  { sv: 'Sandlådan svarade HTTP 503.', en: 'The sandbox answered HTTP 503.' },
  { sv: 'Försök igen.', en: 'Try again.' },
);

type Answer = (person: string, iCalUId: string, answer: InvitationAnswer) => Promise<InvitationOutcome>;

function show(language: Language, extra: Partial<Pick<WorkbenchProps, 'answerInvitation' | 'draftConsent'>>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <Workbench
          language={language}
          onLanguage={() => undefined}
          loadSetup={() => Promise.resolve(SETUP)}
          applyFaults={() => Promise.resolve()}
          resetSandbox={() => Promise.resolve()}
          now={() => 0}
          loadExample={() => Promise.resolve('')}
          {...extra}
        />
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

/** A consent the fake sandbox keeps per person; `refuse` makes the next change fail. */
function fakeConsent(initial: Record<string, boolean> = {}) {
  const held = { ...initial };
  const calls: string[] = [];
  let refuse = false;
  const control: DraftConsentControl = {
    read: vi.fn((person: string) => {
      calls.push(`read ${person}`);
      return Promise.resolve(held[person] === true);
    }),
    set: vi.fn((person: string, granted: boolean) => {
      calls.push(`set ${person} ${String(granted)}`);
      if (refuse) return Promise.reject(refused);
      held[person] = granted;
      return Promise.resolve();
    }),
  };
  return {
    control,
    calls,
    held,
    refuseNext: () => {
      refuse = true;
    },
  };
}

afterEach(cleanup);

describe('answering the invitation as the Teams-side person', () => {
  it('offers Tacka ja / Preliminärt / Tacka nej for the presenter, and says what happened', async () => {
    const answer = vi.fn<Answer>(() => Promise.resolve('answered'));
    show('sv', { answerInvitation: answer });
    const group = await screen.findByRole('group', { name: 'Svara på inbjudan som Jonas Lindahl' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Tacka ja', 'Preliminärt', 'Tacka nej']);
    expect(group).toHaveAccessibleDescription('Står för Outlooks egna knappar på mötesinbjudan.');
    expect(screen.getByRole('heading', { level: 2, name: 'Svara på inbjudan som Jonas Lindahl' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();

    await userEvent.click(within(group).getByRole('button', { name: 'Tacka ja' }));
    expect(answer).toHaveBeenCalledWith('jonas', 'uid-1', 'accept');
    expect(await screen.findByText('Jonas Lindahl har tackat ja')).toBeInTheDocument();
    expect(status).toHaveTextContent('Jonas Lindahl har tackat ja');

    await userEvent.click(within(group).getByRole('button', { name: 'Preliminärt' }));
    expect(await screen.findByText('Jonas Lindahl har svarat preliminärt')).toBeInTheDocument();
    await userEvent.click(within(group).getByRole('button', { name: 'Tacka nej' }));
    expect(await screen.findByText('Jonas Lindahl har tackat nej')).toBeInTheDocument();
    expect(answer.mock.calls.map((call) => call[2])).toEqual(['accept', 'tentativelyAccept', 'decline']);
  });

  it('follows the Teams switch to another person, and says when there is nothing to answer', async () => {
    const answer = vi.fn<Answer>((person) => Promise.resolve(person === 'sofia' ? 'no-invitation' : 'answered'));
    show('sv', { answerInvitation: answer });
    await screen.findByRole('group', { name: 'Svara på inbjudan som Jonas Lindahl' });
    await userEvent.click(screen.getByRole('combobox', { name: 'Teams: inloggad som' }));
    await userEvent.click(screen.getByRole('option', { name: /^Sofia Lindqvist/ }));
    const group = screen.getByRole('group', { name: 'Svara på inbjudan som Sofia Lindqvist' });
    await userEvent.click(within(group).getByRole('button', { name: 'Tacka ja' }));
    expect(answer).toHaveBeenLastCalledWith('sofia', 'uid-1', 'accept');
    expect(await screen.findByRole('status')).toHaveTextContent('Sofia Lindqvist har ingen inbjudan ännu');
  });

  it.each([
    ['cancelled', 'Inbjudan till Jonas Lindahl är återkallad'],
    ['organiser', 'Jonas Lindahl är arrangör och svarar inte på inbjudan'],
  ] as const)('says so when the outcome is %s', async (outcome, text) => {
    show('sv', { answerInvitation: () => Promise.resolve(outcome) });
    await userEvent.click(await screen.findByRole('button', { name: 'Tacka nej' }));
    expect(await screen.findByRole('status')).toHaveTextContent(text);
  });

  it('is operable from the keyboard, and shows a failure with what to do', async () => {
    let fail = true;
    const answer = vi.fn<Answer>(() => (fail ? Promise.reject(refused) : Promise.resolve('answered')));
    show('sv', { answerInvitation: answer });
    const accept = await screen.findByRole('button', { name: 'Tacka ja' });
    accept.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Svaret kunde inte skickasSandlådan svarade HTTP 503. Försök igen.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fail = false;
    screen.getByRole('button', { name: 'Preliminärt' }).focus();
    await userEvent.keyboard(' ');
    // The pressed button keeps the focus while the answer is on its way and after.
    expect(screen.getByRole('button', { name: 'Preliminärt' })).toHaveFocus();
    expect(await screen.findByRole('status')).toHaveTextContent('Jonas Lindahl har svarat preliminärt');
  });

  it('in English: Accept / Tentative / Decline, and the outcome in English', async () => {
    show('en', { answerInvitation: () => Promise.resolve('answered') });
    const group = await screen.findByRole('group', { name: 'Answer the invitation as Jonas Lindahl' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Accept', 'Tentative', 'Decline']);
    await userEvent.click(within(group).getByRole('button', { name: 'Accept' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Jonas Lindahl has accepted');
    await userEvent.click(within(group).getByRole('button', { name: 'Decline' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Jonas Lindahl has declined');
  });

  it('names the person by the label when the setup gives no name, and is not there without the action', async () => {
    show('sv', {});
    await screen.findByTitle('Outlook – arrangörens fönster');
    expect(screen.queryByRole('group', { name: /Svara på inbjudan/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    cleanup();
    render(
      <FluentProvider theme={webLightTheme}>
        <Workbench
          language="sv"
          onLanguage={() => undefined}
          loadSetup={() =>
            Promise.resolve({ ...SETUP, people: SETUP.people.map(({ id, role, label }) => ({ id, role, label })) })
          }
          applyFaults={() => Promise.resolve()}
          resetSandbox={() => Promise.resolve()}
          now={() => 0}
          loadExample={() => Promise.resolve('')}
          answerInvitation={() => Promise.resolve('answered')}
        />
      </FluentProvider>,
    );
    expect(
      await screen.findByRole('group', { name: 'Svara på inbjudan som Jonas Lindahl (Myndigheten för digital förvaltning)' }),
    ).toBeInTheDocument();
  });
});

describe('the consent to reply drafts for the Outlook-side person', () => {
  it('is a switch, off by default, that gives and takes back the consent', async () => {
    const consent = fakeConsent();
    show('sv', { draftConsent: consent.control });
    const toggle = await screen.findByRole('switch', { name: 'Samtycke: utkast (Mail.ReadWrite)' });
    await vi.waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription('Gäller Maria Envall i Outlook. Står för Microsoft 365:s fråga om samtycke.');
    await userEvent.click(toggle);
    expect(toggle).toBeChecked();
    expect(consent.held).toEqual({ maria: true });
    // The keyboard: Space toggles a focused switch.
    toggle.focus();
    await userEvent.keyboard(' ');
    expect(toggle).not.toBeChecked();
    expect(consent.held).toEqual({ maria: false });
    expect(consent.calls).toEqual(['read maria', 'set maria true', 'set maria false']);
  });

  it('shows what the sandbox holds, for whoever is in Outlook, and reads again when the page gets the focus back', async () => {
    const consent = fakeConsent({ sofia: true });
    show('sv', { draftConsent: consent.control });
    const toggle = await screen.findByRole('switch', { name: 'Samtycke: utkast (Mail.ReadWrite)' });
    await vi.waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    await userEvent.click(screen.getByRole('combobox', { name: 'Outlook: inloggad som' }));
    await userEvent.click(screen.getByRole('option', { name: /^Sofia Lindqvist/ }));
    const sofias = screen.getByRole('switch', { name: 'Samtycke: utkast (Mail.ReadWrite)' });
    await vi.waitFor(() => expect(sofias).toBeChecked());
    expect(sofias).toHaveAccessibleDescription(/Gäller Sofia Lindqvist i Outlook/);
    // Meanwhile the pane in the Outlook frame took the consent back (or an administrator did).
    consent.held.sofia = false;
    act(() => {
      fireEvent.focus(window);
    });
    await vi.waitFor(() => expect(sofias).not.toBeChecked());
  });

  it('undoes a change the sandbox refused, and says why', async () => {
    const consent = fakeConsent();
    show('sv', { draftConsent: consent.control });
    const toggle = await screen.findByRole('switch', { name: 'Samtycke: utkast (Mail.ReadWrite)' });
    await vi.waitFor(() => expect(toggle).toBeEnabled());
    consent.refuseNext();
    await userEvent.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Samtycket kunde inte ändrasSandlådan svarade HTTP 503. Försök igen.',
    );
    expect(toggle).not.toBeChecked();
    expect(consent.held).toEqual({});
  });

  it('says when the consent could not be read, and reads again on request', async () => {
    let failing = true;
    const control: DraftConsentControl = {
      read: () => (failing ? Promise.reject(refused) : Promise.resolve(true)),
      set: () => Promise.resolve(),
    };
    show('en', { draftConsent: control });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The consent could not be readThe sandbox answered HTTP 503. Try again.',
    );
    expect(screen.getByRole('switch', { name: 'Consent: drafts (Mail.ReadWrite)' })).toBeDisabled();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    const toggle = screen.getByRole('switch', { name: 'Consent: drafts (Mail.ReadWrite)' });
    await vi.waitFor(() => expect(toggle).toBeChecked());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(toggle).toHaveAccessibleDescription('For Maria Envall in Outlook. Stands in for Microsoft 365’s consent prompt.');
    expect(screen.getByRole('heading', { level: 2, name: 'Permissions in Microsoft 365' })).toBeInTheDocument();
  });
});
