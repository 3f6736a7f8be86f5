// @vitest-environment jsdom
/**
 * The registration tab of the organiser's pane, by role, over the seeded inbox in memory: read and triage the
 * mails, review the uncertain ones, see the statuses, invite with a confirmation that lists exactly who, finish an
 * interrupted invitation without inviting anyone twice, refuse beyond 500 attendees, and reply drafts only with the
 * permission they need.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Consultation } from '../../../src/core/consultation/schema';
import type { CreatedDraft, Invitee, ReplyDraft, ReplyDraftPort } from '../../../src/core/ports';
import { PortError } from '../../../src/core/ports';
import { OrganiserPane } from '../../../src/views/faces/OrganiserPane';
import { sampleConsultation } from '../../support/consultations';
import { show, world } from '../../support/organiserWorld';
import { SEED_MAILS } from '../../core/registration/triage/seedSupport';
import { SEED_ORGANISER } from '../../../sandbox/seed/people';

afterEach(cleanup);

function seedLike(change: (c: Consultation) => Consultation = (c) => c): Consultation {
  const c = sampleConsultation();
  return change({
    ...c,
    registration: { ...c.registration, contactEmail: SEED_ORGANISER.mail, capacity: 60 },
  });
}

/** A consultation whose invitation run, started on 1 November, did not finish. */
function interruptedRun(people: readonly Invitee[]): Consultation {
  return seedLike((c) => ({
    ...c,
    registrations: { ...c.registrations, invitationInProgress: { startedAt: '2023-11-01T10:00:00+01:00', people: [...people] } },
  }));
}

async function openRegistrations(): Promise<void> {
  await userEvent.click(await screen.findByRole('tab', { name: 'Anmälningar' }));
}

async function readMails(): Promise<void> {
  await userEvent.click(screen.getByRole('button', { name: 'Läs anmälningsmejl' }));
  await screen.findByText(/^46 mejl: /);
}

describe('the registration tab', () => {
  it('triages the seeded inbox: the sure ones in the list at once, the uncertain ones for review', async () => {
    const w = world({ consultation: seedLike(), mails: SEED_MAILS });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await readMails();
    // 38 registrations + 1 forwarded one, 3 cancellations, 2 questions, 2 automatic replies.
    expect(
      screen.getByText(/^46 mejl: 39 anmälningar, 3 avanmälningar, 2 frågor, 2 automatiska svar · \d+ att granska$/),
    ).toBeInTheDocument();
    const review = screen.getAllByRole('article');
    expect(review.length).toBeGreaterThan(0);
    const line = screen.getByText(/anmälda/, { selector: 'p' });
    // Only what was sure is in; the one invited is the presenter (invited without registering).
    expect(line).toHaveTextContent(/^\d+ anmälda av 60 platser · (\d+ avanmälda · )?1 inbjuden · 0 svar$/);
  });

  it('shows a mail under review as text, with the reasons, and enters it only as corrected', async () => {
    const w = world({ consultation: seedLike(), mails: SEED_MAILS });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await readMails();
    let articles = screen.getAllByRole('article');
    const first = articles[0] as HTMLElement;
    expect(within(first).getByText(/^Varför den behöver granskas: /)).toBeInTheDocument();
    await userEvent.click(within(first).getByText('Visa mejlet'));
    const before = articles.length;
    // Fix the proposal: one person, a typed address.
    const people = within(first).getAllByRole('group', { name: /^Person \d$/ });
    for (const extra of people.slice(1)) {
      await userEvent.click(within(extra).getByRole('button', { name: /^Ta bort person/ }));
    }
    const person = within(first).getByRole('group', { name: 'Person 1' });
    const email = within(person).getByRole('textbox', { name: 'E-post' });
    await userEvent.clear(email);
    await userEvent.type(email, 'rättad.adress@example.org');
    await userEvent.click(within(first).getByRole('button', { name: 'För in i anmälningslistan' }));
    articles = screen.queryAllByRole('article');
    expect(articles.length).toBeLessThan(before);
    await waitFor(
      () =>
        expect(
          w.docs.get('samrad-1')?.consultation.registrations.ledger.some((e) => e.email === 'rättad.adress@example.org'),
        ).toBe(true),
      { timeout: 10_000 },
    );
  });

  it('refuses an unreadable address in a review and keeps what was typed', async () => {
    const w = world({ consultation: seedLike(), mails: SEED_MAILS });
    show(<OrganiserPane eventId="event-1" />, 'en', w);
    await userEvent.click(await screen.findByRole('tab', { name: 'Registrations' }));
    await userEvent.click(screen.getByRole('button', { name: 'Read registration mails' }));
    const first = (await screen.findAllByRole('article'))[0] as HTMLElement;
    const email = within(within(first).getByRole('group', { name: 'Person 1' })).getByRole('textbox', { name: 'E-mail' });
    await userEvent.clear(email);
    await userEvent.type(email, 'not an address');
    await userEvent.click(within(first).getByRole('button', { name: 'Add to the registration list' }));
    expect(within(first).getByRole('alert')).toHaveTextContent(/The mail could not be added/);
    expect(email).toHaveValue('not an address');
  });

  it('invites the selected after a confirmation that lists exactly them; statuses follow', async () => {
    const w = world({ consultation: seedLike(), mails: SEED_MAILS });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await readMails();
    // Set every uncertain mail aside: what is left are the sure registrations.
    for (let articles = screen.queryAllByRole('article'); articles.length > 0; articles = screen.queryAllByRole('article')) {
      await userEvent.click(within(articles[0] as HTMLElement).getByRole('button', { name: 'Inte en anmälan' }));
    }
    const selectAll = screen.getByRole('button', { name: /^Välj alla anmälda med plats som inte är inbjudna \((\d+)\)$/ });
    const count = Number(/\((\d+)\)/.exec(selectAll.textContent)?.[1]);
    expect(count).toBeGreaterThan(30);
    await userEvent.click(selectAll);
    await userEvent.click(screen.getByRole('button', { name: `Bjud in valda (${count})` }));
    const dialog = await screen.findByRole('dialog', { name: 'Skicka inbjudan?' });
    const list = within(dialog).getByRole('list', { name: /De här personerna läggs till/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(count);
    await userEvent.click(within(dialog).getByRole('button', { name: `Skicka inbjudan till ${count} personer` }));
    expect(await screen.findByText(new RegExp(`^${count} inbjudna nu\\.`))).toBeInTheDocument();
    expect(w.invited).toHaveLength(1);
    expect(w.invited[0]).toHaveLength(count);
    // The organiser's presenter invited in the seed stays; nobody twice.
    const emails = w.event().attendees.map((a) => a.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toContain('jonas.lindahl@digg.example');
    // Those invited now and the presenter.
    expect(screen.getByText(new RegExp(`· ${count + 1} inbjudna · 0 svar`))).toBeInTheDocument();

    // Someone accepts in Outlook; fetching the answers shows it.
    const someone = w.invited[0]?.[0]?.email ?? '';
    w.answer(someone, 'accepted');
    await userEvent.click(screen.getByRole('button', { name: 'Hämta svaren på nytt' }));
    expect(await screen.findByText(/· 1 tackat ja/)).toBeInTheDocument();
    await waitFor(() => expect(w.docs.get('samrad-1')?.consultation.registrations.invitationInProgress).toBeNull(), {
      timeout: 10_000,
    });
  });

  it('finishes an interrupted invitation without inviting anyone twice', async () => {
    const interrupted = interruptedRun([
      { email: 'jonas.lindahl@digg.example', name: 'Jonas Lindahl' },
      { email: 'ny.person@example.org', name: 'Ny Person' },
    ]);
    const w = world({ consultation: interrupted });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    expect(screen.getByText(/Inbjudan till 2 personer som startades 1 november 2023 10\.00 blev inte klar/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Slutför inbjudan' }));
    expect(await screen.findByText(/^1 inbjudna nu, 1 var redan inbjudna\./)).toBeInTheDocument();
    expect(w.event().attendees.map((a) => a.email)).toEqual(['jonas.lindahl@digg.example', 'ny.person@example.org']);
    await waitFor(() => expect(w.docs.get('samrad-1')?.consultation.registrations.invitationInProgress).toBeNull(), {
      timeout: 10_000,
    });
  });

  it('abandons an interrupted invitation on request, sending nothing', async () => {
    const interrupted = interruptedRun([{ email: 'ny.person@example.org', name: null }]);
    const w = world({ consultation: interrupted });
    show(<OrganiserPane eventId="event-1" />, 'en', w);
    await userEvent.click(await screen.findByRole('tab', { name: 'Registrations' }));
    await userEvent.click(screen.getByRole('button', { name: 'Abandon the invitation' }));
    await waitFor(() => expect(w.docs.get('samrad-1')?.consultation.registrations.invitationInProgress).toBeNull(), {
      timeout: 10_000,
    });
    expect(w.invited).toHaveLength(0);
    expect(screen.queryByText(/did not finish/)).toBeNull();
  });

  it('selects only those with a seat, and warns in the confirmation when someone from the waiting list is chosen', async () => {
    const full = seedLike((c) => ({
      ...c,
      registration: { ...c.registration, capacity: 2, waitlist: true },
      registrations: {
        ...c.registrations,
        ledger: ['a', 'b', 'c'].map((letter, i) => ({
          id: `reg-${letter}`,
          name: `Person ${letter.toUpperCase()}`,
          email: `${letter}@example.org`,
          organisation: null,
          source: { kind: 'manual' as const },
          receivedAt: `2023-11-0${i + 1}T10:00:00+01:00`,
          cancelledAt: null,
        })),
      },
    }));
    // No presenter on the event here: the two seats are the registrants'.
    const w = world({ consultation: full, attendees: [] });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await userEvent.click(screen.getByRole('button', { name: 'Välj alla anmälda med plats som inte är inbjudna (2)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Välj Person C / }));
    await userEvent.click(screen.getByRole('button', { name: 'Bjud in valda (3)' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/1 av dem står på väntelistan: att bjuda in dem går över de 2 platserna\./),
    ).toBeInTheDocument();
  });

  it('says before sending that more than 500 attendees is not possible, and what to do', async () => {
    const many = seedLike((c) => ({
      ...c,
      registration: { ...c.registration, capacity: null },
      registrations: {
        ...c.registrations,
        ledger: Array.from({ length: 501 }, (_, i) => ({
          id: `reg-${i}`,
          name: `Person ${i}`,
          email: `person${i}@example.org`,
          organisation: null,
          source: { kind: 'manual' as const },
          receivedAt: '2023-11-01T10:00:00+01:00',
          cancelledAt: null,
        })),
      },
    }));
    const w = world({ consultation: many });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await userEvent.click(screen.getByRole('button', { name: 'Välj alla anmälda med plats som inte är inbjudna (501)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bjud in valda (501)' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/Outlook tillåter högst 500 per möte.*Teams-webbinarium/);
    expect(within(dialog).queryByRole('button', { name: /^Skicka inbjudan/ })).toBeNull();
    expect(w.invited).toHaveLength(0);
  });

  it('creates reply drafts only with the permission, asking for it on the official’s action', async () => {
    const created: ReplyDraft[] = [];
    let granted = false;
    const replyDrafts: ReplyDraftPort = {
      permission: () => Promise.resolve(granted ? 'granted' : 'not-granted'),
      requestPermission: () => {
        granted = true;
        return Promise.resolve('granted');
      },
      createDraft: (draft): Promise<CreatedDraft> => {
        if (!granted) return Promise.reject(new PortError('permission-missing', { sv: 'x', en: 'x' }, { sv: 'y', en: 'y' }));
        created.push(draft);
        return Promise.resolve({ id: `d${created.length}`, webLink: null });
      },
    };
    const w = world({ consultation: seedLike(), mails: SEED_MAILS.slice(0, 3), replyDrafts });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await userEvent.click(screen.getByRole('button', { name: 'Läs anmälningsmejl' }));
    const selectAll = await screen.findByRole('button', {
      name: /^Välj alla anmälda med plats som inte är inbjudna \([1-9]\d*\)$/,
    });
    const count = Number(/\((\d+)\)/.exec(selectAll.textContent)?.[1]);
    await userEvent.click(selectAll);
    await userEvent.click(screen.getByRole('button', { name: `Skapa svarsutkast (${count})` }));
    expect(await screen.findByText(/behöver Samråd behörigheten Mail\.ReadWrite/)).toBeInTheDocument();
    expect(created).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Ge behörighet' }));
    expect(await screen.findByText(new RegExp(`^${count} utkast finns nu i mappen Utkast`))).toBeInTheDocument();
    expect(created).toHaveLength(count);
    expect(created.every((d) => d.to.length === 1 && d.subject.startsWith('Tack för din anmälan'))).toBe(true);
    // Asked again for the same people: nobody gets a second draft.
    await userEvent.click(screen.getByRole('button', { name: `Skapa svarsutkast (${count})` }));
    expect(await screen.findByText(/^De valda har redan fått utkast/)).toBeInTheDocument();
    expect(created).toHaveLength(count);
  });

  it('explains the reply-draft button where the host cannot ask for the permission', async () => {
    const w = world({ consultation: seedLike() });
    show(<OrganiserPane eventId="event-1" />, 'en', w);
    await userEvent.click(await screen.findByRole('tab', { name: 'Registrations' }));
    const button = screen.getByRole('button', { name: 'Create reply drafts' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/the host cannot ask for the permission/);
  });
});

describe('the registration tab by hand, export and retention', () => {
  it('adds a registration by hand, refuses the same address twice, and cancels it', async () => {
    const w = world({ consultation: seedLike() });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    const add = screen.getByRole('region', { name: 'Lägg till en anmälan' });
    await userEvent.type(within(add).getByRole('textbox', { name: 'Namn' }), 'Per Telefon');
    await userEvent.type(within(add).getByRole('textbox', { name: /^E-post/ }), 'Per.Telefon@Example.org');
    await userEvent.click(within(add).getByRole('button', { name: 'Lägg till' }));
    expect(within(add).getByText('Tillagd i anmälningslistan.')).toBeInTheDocument();
    expect(screen.getByText(/^1 anmäld av 60 platser/)).toBeInTheDocument();

    await userEvent.type(within(add).getByRole('textbox', { name: /^E-post/ }), 'per.telefon@example.org');
    await userEvent.click(within(add).getByRole('button', { name: 'Lägg till' }));
    expect(within(add).getByRole('alert')).toHaveTextContent(/Anmälan kunde inte läggas till/);
    expect(w.docs.get('samrad-1')?.consultation.registrations.ledger ?? []).toHaveLength(0);

    const change = screen.getByRole('region', { name: 'Ändra en anmälan' });
    await userEvent.type(within(change).getByRole('textbox', { name: 'E-post att söka efter' }), 'per.telefon@example.org');
    await userEvent.click(within(change).getByRole('button', { name: 'Avanmäl' }));
    expect(screen.getByText(/^0 anmälda av 60 platser · 1 avanmäld/)).toBeInTheDocument();
    await waitFor(() => expect(w.docs.get('samrad-1')?.consultation.registrations.ledger[0]?.cancelledAt).not.toBeNull(), {
      timeout: 10_000,
    });
  });

  it('exports the list as CSV for Swedish Excel', async () => {
    const files: Blob[] = [];
    // jsdom has no object URLs; the download hands its Blob to one.
    const created = vi.fn((blob: Blob | MediaSource): string => {
      if (blob instanceof Blob) files.push(blob);
      return 'blob:samrad/1';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    // jsdom cannot navigate to the file; the browser would save it. The link's target and name are what matter.
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    try {
      const w = world({ consultation: seedLike(), mails: SEED_MAILS });
      show(<OrganiserPane eventId="event-1" />, 'sv', w);
      await openRegistrations();
      await readMails();
      await userEvent.click(screen.getByRole('button', { name: 'Exportera anmälningslistan (CSV)' }));
      expect(files).toHaveLength(1);
      expect(clicked).toEqual([{ href: 'blob:samrad/1', download: 'anmalningar-2023-11-02.csv' }]);
      const bytes = new Uint8Array((await files[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
      // UTF-8 with a byte-order mark, so Excel does not read it as Windows-1252.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith('\uFEFFNamn;Organisation;E-post;Status;Anmäld\r\n')).toBe(true);
      expect(text.split('\r\n').filter((line) => line !== '').length).toBeGreaterThan(30);
    } finally {
      click.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('announces the deletion date, and deletes the personal data once due, keeping counts per organisation', async () => {
    const withLedger = seedLike((c) => ({
      ...c,
      registrations: {
        ...c.registrations,
        ledger: [
          {
            id: 'reg-1',
            name: 'Anna Berg',
            email: 'anna.berg@example.org',
            organisation: 'Rädda Barnen',
            source: { kind: 'manual' as const },
            receivedAt: '2023-11-01T10:00:00+01:00',
            cancelledAt: null,
          },
        ],
      },
    }));
    const before = world({ consultation: withLedger });
    show(<OrganiserPane eventId="event-1" />, 'en', before);
    await userEvent.click(await screen.findByRole('tab', { name: 'Registrations' }));
    expect(screen.getByText(/The personal data in the registration list is deleted on 11 March 2024\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete the personal data now' })).toBeNull();
    cleanup();

    const after = world({ consultation: withLedger, now: Date.parse('2024-03-12T09:00:00Z') });
    show(<OrganiserPane eventId="event-1" />, 'en', after);
    await userEvent.click(await screen.findByRole('tab', { name: 'Registrations' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete the personal data now' }));
    expect(after.docs.get('samrad-1')?.consultation.registrations.ledger).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Delete 1 registrations for good' }));
    expect(screen.getByText(/was deleted on 12 March 2024\. The counts per organisation are kept\./)).toBeInTheDocument();
    await waitFor(
      () => {
        const stored = after.docs.get('samrad-1')?.consultation.registrations;
        expect(stored?.ledger).toEqual([]);
        expect(stored?.purged?.organisations.map((o) => o.organisation)).toEqual(['Rädda Barnen']);
        expect(JSON.stringify(stored)).not.toContain('anna.berg');
      },
      { timeout: 10_000 },
    );
  });
});

describe('the settings for registration mails', () => {
  it('keeps a shared mailbox, the first day to read and the invited organisations; refuses an unreadable address', async () => {
    const w = world({ consultation: seedLike() });
    show(<OrganiserPane eventId="event-1" />, 'sv', w);
    await openRegistrations();
    await userEvent.click(screen.getByText('Var och från när mejlen läses'));
    const mailbox = screen.getByRole('textbox', { name: /Delad brevlåda för anmälningar/ });
    await userEvent.type(mailbox, 'inte en adress');
    await userEvent.click(screen.getByRole('button', { name: 'Spara inställningarna' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Brevlådans adress går inte att använda/);
    await userEvent.clear(mailbox);
    await userEvent.type(mailbox, 'Registrering@Regeringskansliet.example');
    await userEvent.type(
      screen.getByRole('textbox', { name: /Inbjudna organisationer/ }),
      'Rädda Barnen{Enter}  {Enter}Scouterna',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Spara inställningarna' }));
    expect(screen.getByText('Inställningarna är sparade.')).toBeInTheDocument();
    await waitFor(
      () =>
        expect(w.docs.get('samrad-1')?.consultation.registrations).toMatchObject({
          mailbox: 'registrering@regeringskansliet.example',
          readMailsFrom: '2023-09-13T00:00:00+02:00',
          organisations: ['Rädda Barnen', 'Scouterna'],
        }),
      { timeout: 10_000 },
    );
  });
});
