// @vitest-environment jsdom
/**
 * The organiser's pane by role, over in-memory ports: the overview of the seed-like consultation, publishing
 * (section sent, publication recorded, change note shown the next time), starting from an invitation on an
 * unlinked item, and a draft restored after a reload.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { extractSamradSection } from '../../../src/core/publishing/bodySection';
import { OrganiserPane } from '../../../src/views/faces/OrganiserPane';
import type { Language } from '../../../src/views/i18n';
import { sampleConsultation } from '../../support/consultations';
import { memoryDrafts } from '../../support/drafts';
import { JOIN_BLOCK, show, world } from '../../support/organiserWorld';
import { readSeedInvitation } from '../../support/seed';

afterEach(cleanup);

describe('OrganiserPane', () => {
  it.each<[Language, RegExp, RegExp, RegExp]>([
    ['sv', /12 december 2023 kl\. 13\.00–14\.30/, /senast 5 december 2023 kl\. 23\.59/, /inte publicerad i inbjudan ännu/],
    ['en', /12 December 2023, 13:00–14:30/, /by 5 December 2023, 23:59/, /not published in the invitation yet/],
  ])('opens on the overview (%s)', async (language, when, deadline, published) => {
    show(<OrganiserPane eventId="event-1" />, language, world({ consultation: sampleConsultation() }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Samråd om exempel' })).toBeInTheDocument();
    expect(screen.getByText(when)).toBeInTheDocument();
    expect(screen.getByText(deadline)).toBeInTheDocument();
    expect(screen.getByText(published)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: language === 'sv' ? 'Länk till mötet i Teams' : 'Link to the meeting in Teams' }),
    ).toHaveAttribute('href', 'https://teams.example/l/meetup-join/1');
    expect(screen.getByRole('tab', { name: language === 'sv' ? 'Översikt' : 'Overview', selected: true })).toBeInTheDocument();
  });

  it('publishes: the section goes into the invitation and the publication is recorded', async () => {
    const w = world({ consultation: sampleConsultation() });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await userEvent.click(await screen.findByRole('tab', { name: 'Publicera' }));
    expect(screen.getByText('Det här blir första utskicket av dagordningen.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Även på engelska/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Publicera' }));
    expect(await screen.findByText(/Utskick 1 finns nu i inbjudan\. 1 inbjudna får uppdateringen\./)).toBeInTheDocument();

    expect(w.published).toHaveLength(1);
    const section = extractSamradSection(w.event().bodyHtml) ?? '';
    expect(section).toContain('lang="sv"');
    expect(section).toContain('lang="en"');
    expect(w.event().bodyHtml).toContain(JOIN_BLOCK);
    const stored = w.docs.get('samrad-1')?.consultation;
    expect(stored?.published).toMatchObject({ number: 1, languages: ['sv', 'en'] });

    // Nothing changed since: nothing to send.
    expect(screen.getByRole('button', { name: 'Publicera' })).toBeDisabled();
    expect(screen.getByText(/Inbjudan har redan den här versionen/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Översikt' }));
    expect(screen.getByText(/publicerad i inbjudan 2 november 2023 kl\. 10\.00 som utskick 1/)).toBeInTheDocument();
  });

  it('starts from the invitation on an item that is not linked yet, and opens the new consultation', async () => {
    const w = world({ link: null });
    show(<OrganiserPane eventId="event-1" />, 'en', w);
    expect(await screen.findByText(/not linked to a consultation yet/)).toBeInTheDocument();
    const text = screen.getByRole('textbox', { name: /The invitation’s text/ });
    await userEvent.click(text);
    await userEvent.paste(readSeedInvitation());
    await userEvent.click(screen.getByRole('button', { name: 'Read the invitation' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Create the consultation from the invitation' }));

    const name = '040000008200E00074C5B7101A82E008';
    expect(w.event().link).toEqual({ documentName: name });
    expect(w.docs.get(name)?.consultation.start).toBe('2023-12-12T13:00:00+01:00');
    expect(
      await screen.findByRole('heading', { level: 2, name: /Sveriges nya handlingsplan för Open Government Partnership/ }),
    ).toBeInTheDocument();
  });

  it('copies the structure of an earlier consultation for an item that is not linked yet', async () => {
    const w = world({ consultation: { ...sampleConsultation(), title: 'Förra årets samråd' }, link: null });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    const earlier = await screen.findByRole('combobox', { name: 'Tidigare samråd' });
    expect(within(earlier).getByRole('option', { name: 'Förra årets samråd – 12 december 2023' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Kopiera strukturen' }));

    const name = '040000008200E00074C5B7101A82E008';
    const copy = w.docs.get(name)?.consultation;
    expect(copy?.agenda).toEqual(sampleConsultation().agenda);
    expect(copy?.title).toBe('Samråd om exempel');
    expect(copy?.registration.deadline).toBeNull();
    expect(w.event().link).toEqual({ documentName: name });
    expect(await screen.findByRole('tab', { name: 'Översikt', selected: true })).toBeInTheDocument();
  });

  it('offers the agenda built in the meeting before it was saved, and creates the consultation from it', async () => {
    const w = world({ link: null });
    const drafts = memoryDrafts();
    const built = { ...sampleConsultation(), title: 'Byggt före sparandet' };
    drafts.write('unsaved-meeting', { baseEtag: '', base: built, draft: built });
    show(<OrganiserPane eventId="event-1" />, 'sv', w, drafts);
    expect(await screen.findByText(/Du byggde en dagordning i mötet innan det sparades/)).toHaveTextContent(
      'Byggt före sparandet',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Skapa samrådet från den' }));
    const name = '040000008200E00074C5B7101A82E008';
    expect(w.docs.get(name)?.consultation.title).toBe('Byggt före sparandet');
    expect(w.event().link).toEqual({ documentName: name });
    expect(drafts.kept.has('unsaved-meeting')).toBe(false);
  });

  it('restores what was typed before a reload and says so', async () => {
    const w = world({ consultation: sampleConsultation() });
    const drafts = memoryDrafts();
    drafts.write('samrad-1', {
      baseEtag: '"1"',
      base: sampleConsultation(),
      draft: { ...sampleConsultation(), title: 'Osparad titel' },
    });
    show(<OrganiserPane eventId="event-1" />, 'sv', w, drafts);
    expect(await screen.findByRole('heading', { level: 2, name: 'Osparad titel' })).toBeInTheDocument();
    expect(screen.getByText(/Osparade ändringar från förra gången är återställda/)).toBeInTheDocument();
    const status = screen.getAllByRole('status')[0];
    expect(
      within(status ?? document.body).getByText(/Osparade ändringar – sparas strax|Sparar|Alla ändringar är sparade/),
    ).toBeInTheDocument();
    await screen.findByText('Alla ändringar är sparade', undefined, { timeout: 3000 });
    expect(w.docs.get('samrad-1')?.consultation.title).toBe('Osparad titel');
    expect(drafts.kept.size).toBe(0);
  });
});
