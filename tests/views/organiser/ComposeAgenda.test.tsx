// @vitest-environment jsdom
/**
 * A new, unsaved meeting by role: the agenda built from the invitation's text goes into the meeting's compose body
 * through the host (not Graph), keeping the rest of the body; the work is kept on the device; a failure says so.
 */
import '@testing-library/jest-dom/vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftStore } from '../../../src/core/ports';
import { SamradError } from '../../../src/core/errors';
import { extractSamradSection } from '../../../src/core/publishing/bodySection';
import { fixedClock } from '../../../src/core/time/clock';
import { LanguageContext, type Language } from '../../../src/views/i18n';
import { ComposeAgenda, COMPOSE_DRAFT, type ComposeBody } from '../../../src/views/organiser/ComposeAgenda';
import { PortsContext } from '../../../src/views/ports';
import { sampleConsultation } from '../../support/consultations';
import { strictPorts } from '../../support/ports';
import { memoryDrafts } from '../../support/drafts';
import { readSeedInvitation } from '../../support/seed';

afterEach(cleanup);

const TEAMS_BLOCK = '<div>Microsoft Teams-möte <a href="https://teams.example/l/meetup-join/9">Anslut</a></div>';

function show(language: Language, body: ComposeBody, drafts: DraftStore) {
  const ports = strictPorts({ drafts, clock: fixedClock(Date.parse('2023-11-02T09:00:00Z')) });
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>
        <PortsContext.Provider value={ports}>
          <ComposeAgenda body={body} start="2024-03-05T10:00:00+01:00" end="2024-03-05T11:30:00+01:00" />
        </PortsContext.Provider>
      </LanguageContext.Provider>
    </FluentProvider>,
  );
}

function memoryBody(initial: string): ComposeBody & { html: string } {
  const body = {
    html: initial,
    read: () => Promise.resolve(body.html),
    write: (html: string) => {
      body.html = html;
      return Promise.resolve();
    },
  };
  return body;
}

describe('ComposeAgenda', () => {
  it('builds the agenda from the invitation and inserts it into the meeting being written (sv)', async () => {
    const body = memoryBody(`<p>Hej alla,</p>${TEAMS_BLOCK}`);
    const drafts = memoryDrafts();
    show('sv', body, drafts);
    expect(screen.getByText(/Mötet är inte sparat/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('textbox', { name: /Inbjudans text/ }));
    await userEvent.paste(readSeedInvitation());
    await userEvent.click(screen.getByRole('button', { name: 'Läs in inbjudan' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Bygg dagordningen från inbjudan' }));

    expect(await screen.findByRole('tab', { name: 'Dagordning', selected: true })).toBeInTheDocument();
    expect(drafts.kept.get(COMPOSE_DRAFT)?.draft.start).toBe('2024-03-05T10:00:00+01:00');
    await userEvent.click(screen.getByRole('button', { name: 'Infoga dagordningen i mötet' }));

    expect(await screen.findByText('Dagordningen finns nu i mötets text')).toBeInTheDocument();
    expect(body.html.startsWith('<p>Hej alla,</p>')).toBe(true);
    expect(body.html).toContain(TEAMS_BLOCK);
    expect(extractSamradSection(body.html)).toContain('Dagordning');
  });

  it('picks up the agenda kept on the device, and says what went wrong when Office refuses (en)', async () => {
    const kept = sampleConsultation();
    const body: ComposeBody = {
      read: () => Promise.resolve('<p>x</p>'),
      write: () =>
        Promise.reject(
          new SamradError(
            'invalid-input',
            { sv: 'Office vägrade.', en: 'Office refused.' },
            { sv: 'Försök igen.', en: 'Try again.' },
          ),
        ),
    };
    show('en', body, memoryDrafts({ [COMPOSE_DRAFT]: { baseEtag: '', base: kept, draft: kept } }));
    expect(screen.getByRole('heading', { level: 2, name: kept.title })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Insert the agenda into the meeting' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Office refused. Try again.');
  });
});
