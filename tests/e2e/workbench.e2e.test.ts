/**
 * End to end in real Chromium: the workbench as `npm start` serves it, against a fresh sandbox, through the
 * production Graph code. The organiser builds the seed consultation's agenda in the Outlook pane (durations, the
 * overrun, the re-plan), publishes it, and the attendees' own invitations hold it: the presenter's in Teams and in
 * Outlook's attendee mode. The organiser triages the seeded registration mails, reviews an uncertain one, invites
 * three people; one of them sees the agenda in her own invitation in Teams and accepts, and the pane shows it. She
 * gives input to question 2 in her panel and the organiser sees it under question 2 in the pane's "Inspel" tab. The
 * organiser runs the agenda from her Teams panel (Live Share against the local Fluid service) and shows it on the
 * stage, which follows her to the next item, also for an anonymous participant. Then the visitor switches language and faults,
 * resets the sandbox, and imports an invitation. Every state passes axe-core's WCAG 2.1 A/AA rules (frames
 * included); screenshots are kept in test-artifacts/ for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxPerson } from '../../sandbox/contract';
import { parseAgendaSection, publishedAgendaOf } from '../../src/core/publishing/agendaSection';
import { extractSamradSection } from '../../src/core/publishing/bodySection';
import { GraphConsultationDocuments } from '../../src/graph/adapters/consultationDocuments';
import { GraphMeetingEvents } from '../../src/graph/adapters/meetingEvents';
import { GraphClient } from '../../src/graph/http/graphClient';
import { launchChromium } from './support/chromium';
import { startWorkbench, type RunningWorkbench } from './support/workbench';

const ARTIFACTS = path.join(process.cwd(), 'test-artifacts');
let workbench: RunningWorkbench;
let browser: Browser;
let page: Page;

const outlook = (): FrameLocator => page.frameLocator('iframe[title^="Outlook"]');
// The meeting panel's frame carries the chat; the stage's carries view=stage.
const teams = (): FrameLocator => page.frameLocator('iframe[src*="chat="]');
const stage = (): FrameLocator => page.frameLocator('iframe[src*="view=stage"]');
const agendaList = () => teams().getByRole('region', { name: 'Dagordning' });

async function expectNoAxeViolations(): Promise<void> {
  // Fluent's TabList moves focus with arrow keys through tabster, which puts two 1-px focus sentinels
  // (`<i data-tabster-dummy aria-hidden tabindex=0>`) at the ends of the list: focus landing on one is moved on at
  // once, so it never rests on a hidden element. axe cannot know that; everything else on the page is checked.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .exclude(['iframe[title^="Outlook"]', '[data-tabster-dummy]'])
    .exclude(['iframe[title^="Teams"]', '[data-tabster-dummy]'])
    .exclude(['iframe[src*="view=stage"]', '[data-tabster-dummy]'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `workbench-${name}.png`), fullPage: true });
}

function person(role: SandboxPerson['role']): SandboxPerson {
  const found = workbench.sandbox.people.find((p) => p.role === role);
  if (found === undefined) throw new Error(`The seed has no ${role}.`);
  return found;
}

function clientFor(personId: string): GraphClient {
  return new GraphClient({
    tokens: { getToken: () => Promise.resolve(workbench.sandbox.tokenFor(personId)) },
    baseUrl: workbench.sandbox.graphBaseUrl,
  });
}

async function choosePerson(label: string, person: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: person }).click();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
  const context = await browser.newContext({
    viewport: { width: 1200, height: 1000 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  page = await context.newPage();
  // The dev server compiles every page (and the Live Share chunks) before it answers the first request: on a busy
  // 2-core machine that takes longer than Playwright's 30 s default.
  page.setDefaultNavigationTimeout(150_000);
}, 240_000);

afterAll(async () => {
  await browser.close();
  await workbench.stop();
});

// Each step may wait for the dev server to compile a face's chunks on this 2-core machine: minutes, not seconds.
describe('the workbench in Chromium', { timeout: 180_000 }, () => {
  it('opens in Swedish with the organiser in Outlook and the presenter in Teams', async () => {
    await page.goto(workbench.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samråd – arbetsbänk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    const overview = outlook().getByRole('heading', { level: 2, name: /Sveriges nya handlingsplan/ });
    await overview.waitFor({ timeout: 60_000 });
    expect(await outlook().getByText('12 december 2023 kl. 13.00–14.30').count()).toBe(1);
    expect(await outlook().getByText('Tidsplanen saknar längder för 4 punkter').count()).toBe(1);
    expect(
      await outlook()
        .getByText(/som utskick 1/)
        .count(),
    ).toBe(1);

    // The presenter was invited with version 1 of the agenda: his own invitation holds it.
    const plan = agendaList();
    await plan.waitFor({ timeout: 60_000 });
    expect(await plan.getByRole('listitem').count()).toBe(4);
    expect(await teams().getByRole('heading', { name: 'Diskussionsfrågor' }).count()).toBe(1);
    expect(await teams().getByText('Du är inbjuden – svara i Outlook.').count()).toBe(1);
    await screenshot('sv');
    await expectNoAxeViolations();
  });

  it('builds the agenda in the pane: durations, the overrun, the re-plan, saved', async () => {
    await outlook().getByRole('tab', { name: 'Dagordning' }).click();
    const durations = outlook().getByLabel('Längd (minuter)');
    await durations.first().waitFor();
    expect(await durations.count()).toBe(4);
    for (const [i, minutes] of ['30', '25', '25', '25'].entries()) await durations.nth(i).fill(minutes);
    await outlook().getByText('Överskrider sluttiden med 15 min').waitFor();
    await expectNoAxeViolations();

    await outlook().getByRole('button', { name: 'Använd förslaget' }).click();
    await outlook().getByText('Tidsplanen ryms precis').waitFor();
    await outlook().getByText('Alla ändringar är sparade').waitFor({ timeout: 30_000 });
    await screenshot('agenda');
    await expectNoAxeViolations();
  });

  it('publishes version 2 into the invitation; the presenter’s own copy holds it and the join block', async () => {
    await outlook().getByRole('tab', { name: 'Publicera' }).click();
    await outlook()
      .getByText(/längder tillagda för alla punkter/)
      .waitFor();
    await outlook().getByRole('button', { name: 'Publicera' }).click();
    await outlook()
      .getByText(/Utskick 2 finns nu i inbjudan/)
      .waitFor({ timeout: 30_000 });
    await expectNoAxeViolations();

    const organiser = person('organiser');
    const presenter = person('presenter');
    const documents = new GraphConsultationDocuments({ client: clientFor(organiser.id) });
    const organiserEvents = new GraphMeetingEvents({ client: clientFor(organiser.id) });
    const scenario = (await (await fetch(`${workbench.sandbox.origin}/sandbox/scenario`)).json()) as { organiserEventId: string };
    const event = await organiserEvents.getEvent(scenario.organiserEventId);
    const stored = await documents.load(event.link?.documentName ?? '');
    expect(stored?.consultation.published?.number).toBe(2);
    const copy = await new GraphMeetingEvents({ client: clientFor(presenter.id) }).findByICalUId(event.iCalUId);
    const section = copy === null ? null : extractSamradSection(copy.bodyHtml);
    expect(section === null || stored === null ? null : parseAgendaSection(section)).toEqual(
      stored === null ? 'no document' : publishedAgendaOf(stored.consultation),
    );
    expect(copy?.bodyHtml).toContain(event.joinUrl ?? 'no join url');

    // The presenter's panel, opened again, reads version 2 from his invitation: every item has its length now.
    await teams()
      .locator('body')
      .evaluate(() => window.location.reload());
    await agendaList().waitFor({ timeout: 30_000 });
    expect(
      await agendaList()
        .getByText(/längd saknas/)
        .count(),
    ).toBe(0);
    await screenshot('published');
  });

  it('triages the seeded registration mails and reviews an uncertain one', async () => {
    await outlook().getByRole('tab', { name: 'Anmälningar' }).click();
    await outlook().getByRole('button', { name: 'Läs anmälningsmejl' }).click();
    // 38 registrations and a forwarded one, 3 cancellations, 2 questions, 2 out-of-office replies.
    await outlook()
      .getByText(/^46 mejl: 39 anmälningar, 3 avanmälningar, 2 frågor, 2 automatiska svar · \d+ att granska$/)
      .waitFor({ timeout: 60_000 });
    const review = outlook().getByRole('article');
    const before = await review.count();
    expect(before).toBeGreaterThan(0);
    const first = review.first();
    await first.getByText('Visa mejlet').click();
    await first.getByRole('button', { name: 'För in i anmälningslistan' }).click();
    await expect.poll(() => review.count()).toBeLessThan(before);
    await outlook().getByText('Alla ändringar är sparade').waitFor({ timeout: 30_000 });
    await screenshot('registrations');
    await expectNoAxeViolations();
  });

  it('invites three registered people with a confirmation; one of them sees the agenda and accepts', async () => {
    const chosen = ['Sofia Lindqvist', 'Leyla Yilmaz', 'Gustav Ekman'];
    const search = outlook().getByRole('searchbox', { name: 'Sök' });
    for (const name of chosen) {
      await search.fill(name);
      await outlook()
        .getByRole('checkbox', { name: new RegExp(`^Välj ${name} `) })
        .check();
    }
    await search.fill('');
    await outlook().getByRole('button', { name: 'Bjud in valda (3)' }).click();
    const dialog = outlook().getByRole('dialog', { name: 'Skicka inbjudan?' });
    for (const name of chosen) expect(await dialog.getByRole('listitem').filter({ hasText: name }).count()).toBe(1);
    await expectNoAxeViolations();
    await dialog.getByRole('button', { name: 'Skicka inbjudan till 3 personer' }).click();
    await outlook()
      .getByText(/3 inbjudna nu\./)
      .waitFor({ timeout: 30_000 });
    // The presenter and the three.
    await outlook()
      .getByText(/· 4 inbjudna · 0 svar/)
      .first()
      .waitFor();

    await choosePerson('Teams: inloggad som', /^Sofia Lindqvist/);
    const plan = agendaList();
    await plan.waitFor({ timeout: 30_000 });
    expect(await plan.getByRole('listitem').count()).toBe(4);
    expect(await plan.getByText(/längd saknas/).count()).toBe(0);
    expect(await teams().getByText('Du är inbjuden – svara i Outlook.').count()).toBe(1);

    // Outlook's own answer buttons, stood in for by the workbench.
    await page
      .getByRole('group', { name: 'Svara på inbjudan som Sofia Lindqvist' })
      .getByRole('button', { name: 'Tacka ja' })
      .click();
    await page.getByText('Sofia Lindqvist har tackat ja').waitFor({ timeout: 30_000 });
    await outlook().getByRole('button', { name: 'Hämta svaren på nytt' }).click();
    await outlook()
      .getByText(/· 1 tackat ja/)
      .first()
      .waitFor({ timeout: 30_000 });
    await outlook().getByRole('searchbox', { name: 'Sök' }).fill('Sofia Lindqvist');
    await outlook().getByRole('cell', { name: 'tackat ja' }).waitFor();
    await screenshot('accepted');
    await expectNoAxeViolations();
  });

  it('a participant gives input to question 2 in her panel; the organiser sees it under question 2', async () => {
    await teams()
      .locator('body')
      .evaluate(() => window.location.reload());
    await teams().getByText('Du har tackat ja.').waitFor({ timeout: 30_000 });
    const box = teams().getByRole('textbox', { name: 'Ditt inspel till fråga 2' });
    await box.fill('Öppna data om bidrag till civilsamhället bör ingå i handlingsplanen.');
    await teams().getByRole('region', { name: 'Fråga 2' }).getByRole('button', { name: 'Skicka inspel' }).click();
    await teams().getByText('Ditt inspel till fråga 2 är skickat till mötets chatt.').waitFor({ timeout: 30_000 });
    expect(await box.inputValue()).toBe('');
    await expectNoAxeViolations();

    await outlook().getByRole('tab', { name: 'Inspel' }).click();
    const question2 = outlook().getByRole('region', { name: 'Fråga 2' });
    await question2
      .getByText('Öppna data om bidrag till civilsamhället bör ingå i handlingsplanen.')
      .waitFor({ timeout: 30_000 });
    expect(await question2.getByText(/^Sofia Lindqvist · /).count()).toBe(1);
    expect(await outlook().getByRole('region', { name: 'Fråga 1' }).getByText('Inga inspel ännu.').count()).toBe(1);
    await screenshot('input');
    await expectNoAxeViolations();
  });

  it('the organiser runs the agenda from her panel and the stage follows; an anonymous participant sees the stage', async () => {
    await choosePerson('Teams: inloggad som', /^Maria Envall/);
    await teams().getByText('Du är mötets arrangör.').waitFor({ timeout: 30_000 });
    // The items as published in the organiser's own invitation, in order: what the stage must follow.
    const scenario = (await (await fetch(`${workbench.sandbox.origin}/sandbox/scenario`)).json()) as { organiserEventId: string };
    const event = await new GraphMeetingEvents({ client: clientFor(person('organiser').id) }).getEvent(scenario.organiserEventId);
    const section = extractSamradSection(event.bodyHtml);
    const titles =
      (section === null ? null : parseAgendaSection(section))?.parts.flatMap((p) => p.items.map((i) => i.title)) ?? [];
    expect(titles.length).toBe(4);
    const onStage = () => stage().getByRole('heading', { level: 2 });

    await teams().getByRole('button', { name: 'Starta dagordningen' }).click();
    await teams().getByRole('button', { name: 'Visa på scenen' }).click();
    await onStage().waitFor({ timeout: 60_000 });
    await expect.poll(() => onStage().textContent()).toContain(titles[0]);
    expect(
      await stage()
        .getByText(/^\d+ min kvar/)
        .count(),
    ).toBe(1);
    expect(await teams().locator('[aria-current="step"]').textContent()).toContain(titles[0]);
    await expectNoAxeViolations();

    // The run goes through Live Share (the local Fluid service), not the panel's own fallback.
    expect(
      await teams()
        .getByText(/Ingen direktlänk till deltagarnas paneler/)
        .count(),
    ).toBe(0);

    // Another participant's panel, open at the same time in her own browser, follows the chair through Live Share.
    const sofiaContext = await browser.newContext({
      viewport: { width: 320, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    const sofia = await sofiaContext.newPage();
    sofia.setDefaultNavigationTimeout(150_000);
    const { chatId } = (await (await fetch(`${workbench.sandbox.origin}/sandbox/scenario`)).json()) as { chatId: string };
    const panelQuery = new URLSearchParams({
      host: 'workbench',
      person: 'sofia.lindqvist',
      lang: 'sv',
      chat: chatId,
      meetingRole: 'attendee',
    });
    await sofia.goto(`${workbench.url}teams.html?${panelQuery.toString()}`);
    await expect.poll(() => sofia.locator('[aria-current="step"]').textContent(), { timeout: 60_000 }).toContain(titles[0]);
    expect(await sofia.getByText('Följer mötesledaren.').count()).toBe(1);
    expect(await sofia.getByRole('button', { name: 'Nästa punkt' }).count()).toBe(0);

    await teams().getByRole('button', { name: 'Nästa punkt' }).click();
    await expect.poll(() => onStage().textContent(), { timeout: 30_000 }).toContain(titles[1]);
    expect(await teams().locator('[aria-current="step"]').textContent()).toContain(titles[1]);
    await expect.poll(() => sofia.locator('[aria-current="step"]').textContent(), { timeout: 30_000 }).toContain(titles[1]);
    await sofiaContext.close();
    await screenshot('stage');
    await expectNoAxeViolations();

    await choosePerson('Teams: inloggad som', /^Anonym deltagare/);
    await teams().getByText('Du deltar anonymt').waitFor({ timeout: 30_000 });
    await expect.poll(() => onStage().textContent(), { timeout: 30_000 }).toContain(titles[1]);
    await screenshot('anonymous');
    await expectNoAxeViolations();
    await choosePerson('Teams: inloggad som', /^Jonas Lindahl/);
    await agendaList().waitFor({ timeout: 30_000 });
  });

  it('opens Outlook in attendee mode for the presenter, his own items marked', async () => {
    await choosePerson('Outlook: inloggad som', /^Jonas Lindahl/);
    await outlook().getByRole('table', { name: 'Tidsplan' }).waitFor({ timeout: 30_000 });
    expect(await outlook().getByText('Punkter som din organisation presenterar är markerade.').count()).toBe(1);
    expect(await outlook().getByText('– Din punkt').count()).toBeGreaterThan(0);
    expect(await outlook().getByRole('tab').count()).toBe(0);
    await screenshot('attendee');
    await expectNoAxeViolations();
    await choosePerson('Outlook: inloggad som', /^Maria Envall/);
    await outlook().getByRole('tab', { name: 'Översikt' }).waitFor({ timeout: 30_000 });
  });

  it('switches both faces and the page to English', async () => {
    await page.getByRole('radio', { name: 'English' }).check();
    await outlook().getByRole('tab', { name: 'Overview' }).waitFor({ timeout: 60_000 });
    await teams().getByText('12 December 2023, 13:00–14:30').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await outlook().locator('html').getAttribute('lang')).toBe('en');
    await screenshot('en');
    await expectNoAxeViolations();
  });

  it('sets the sandbox’s faults from the switches and still shows the consultation with latency', async () => {
    await page.getByRole('radio', { name: '500 ms' }).check();
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${workbench.sandbox.origin}/sandbox/faults`)).json()) as { latencyMs: number }).latencyMs,
      )
      .toBe(500);
    await outlook().getByRole('tab', { name: 'Agenda' }).click({ timeout: 60_000 });
    await outlook().getByRole('table', { name: 'Time plan' }).waitFor({ timeout: 60_000 });
    await page.getByRole('radio', { name: 'None' }).first().check();
  });

  it('resets the sandbox and reloads both faces', async () => {
    await page.getByRole('button', { name: 'Reset the sandbox' }).click();
    // Back to the seed: version 1 published, the durations typed above gone.
    await outlook()
      .getByText(/som utskick 1|as mailing 1/)
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('reads a pasted invitation in the import preview, and explains one it cannot read', async () => {
    await page.getByRole('button', { name: 'Use the example' }).click();
    const plan = page.getByRole('table', { name: 'Time plan' });
    await plan.waitFor();
    expect(await page.getByText('Durations missing for 4 items').count()).toBe(1);
    await page.getByRole('textbox', { name: /The invitation’s text/ }).fill('');
    await page.getByRole('button', { name: 'Read the invitation' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/The text is empty/);
    await expectNoAxeViolations();
  });
});
