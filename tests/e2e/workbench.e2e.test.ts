/**
 * End to end in real Chromium: the workbench as `npm start` serves it, against a fresh sandbox. Both faces read
 * the seed consultation through the production Graph code; the visitor switches person, language and faults,
 * resets the sandbox, and imports an invitation. Every state passes axe-core's WCAG 2.1 A/AA rules (frames
 * included); screenshots are kept in test-artifacts/ for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAgendaSection } from '../../src/core/publishing/agendaSection';
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
const teams = (): FrameLocator => page.frameLocator('iframe[title^="Teams"]');

async function expectNoAxeViolations(): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `workbench-${name}.png`), fullPage: true });
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
}, 240_000);

afterAll(async () => {
  await browser.close();
  await workbench.stop();
});

describe('the workbench in Chromium', () => {
  it('opens in Swedish with the organiser in Outlook and a participant in Teams', async () => {
    await page.goto(workbench.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samråd – arbetsbänk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    const plan = outlook().getByRole('table', { name: 'Tidsplan' });
    await plan.waitFor({ timeout: 30_000 });
    expect(await plan.getByRole('row').count()).toBe(5);
    expect(await outlook().getByText('12 december 2023 kl. 13.00–14.30').count()).toBe(1);
    expect(await outlook().getByRole('heading', { name: 'Diskussionsfrågor' }).count()).toBe(1);
    expect(await outlook().getByText('Tidsplanen saknar längder för 4 punkter').count()).toBe(1);

    // Sofia is not invited yet in the seed: the panel says so plainly.
    await teams()
      .getByText(/Du har ingen egen inbjudan till mötet/)
      .waitFor({ timeout: 30_000 });
    await screenshot('sv');
    await expectNoAxeViolations();
  });

  it('shows the meeting from the person’s own invitation when Teams is signed in as someone in it', async () => {
    await choosePerson('Teams: inloggad som', /^Maria Envall/);
    await teams()
      .getByRole('heading', { level: 2, name: 'Samråd om Sveriges handlingsplan för OGP 2023–2025' })
      .waitFor({ timeout: 30_000 });
    expect(await teams().getByText('12 december 2023 kl. 13.00–14.30').count()).toBe(1);
    expect(
      await teams()
        .getByText(/inte publicerat dagordningen/)
        .count(),
    ).toBe(1);
    await expectNoAxeViolations();
  });

  it('shows the agenda in Sofia’s own invitation once the organiser has invited her and published it', async () => {
    // What the Outlook pane's invite and publish actions will do (issue 4), done here through the same gateway.
    const organiser = workbench.sandbox.people.find((p) => p.role === 'organiser');
    const sofia = workbench.sandbox.people.find((p) => p.id === 'sofia.lindqvist');
    if (organiser === undefined || sofia === undefined) throw new Error('The seed lacks the organiser or Sofia Lindqvist.');
    const client = new GraphClient({
      tokens: { getToken: () => Promise.resolve(workbench.sandbox.tokenFor(organiser.id)) },
      baseUrl: workbench.sandbox.graphBaseUrl,
    });
    const events = new GraphMeetingEvents({ client });
    const scenario = (await (await fetch(`${workbench.sandbox.origin}/sandbox/scenario`)).json()) as { organiserEventId: string };
    const event = await events.getEvent(scenario.organiserEventId);
    const document = await new GraphConsultationDocuments({ client }).load(event.link?.documentName ?? '');
    if (document === null) throw new Error('The seed consultation has no document.');
    await events.inviteAttendees(event.id, [{ email: sofia.mail, name: sofia.displayName }]);
    await events.publishSection(event.id, renderAgendaSection(document.consultation, { languages: ['sv', 'en'] }));

    await choosePerson('Teams: inloggad som', /^Sofia Lindqvist/);
    const plan = teams().getByRole('table', { name: 'Tidsplan' });
    await plan.waitFor({ timeout: 30_000 });
    expect(await plan.getByRole('row').count()).toBe(5);
    expect(await teams().getByRole('heading', { name: 'Diskussionsfrågor' }).count()).toBe(1);
    await screenshot('published');
    await expectNoAxeViolations();
  });

  it('switches both faces and the page to English', async () => {
    await page.getByRole('radio', { name: 'English' }).check();
    await outlook().getByRole('table', { name: 'Time plan' }).waitFor({ timeout: 30_000 });
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
    await outlook().getByRole('table', { name: 'Time plan' }).waitFor({ timeout: 30_000 });
    await page.getByRole('radio', { name: 'None' }).first().check();
  });

  it('resets the sandbox and reloads both faces', async () => {
    await page.getByRole('button', { name: 'Reset the sandbox' }).click();
    await outlook().getByRole('table', { name: 'Time plan' }).waitFor({ timeout: 30_000 });
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
