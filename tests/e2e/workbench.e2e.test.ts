/**
 * End to end in real Chromium: the workbench served as by `npm start`, an official reads the seed invitation,
 * sees the draft, its time plan and the review report, switches to English; every state passes axe-core's
 * WCAG 2.1 A/AA rules.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startWorkbench, type RunningWorkbench } from './support/workbench';

let workbench: RunningWorkbench;
let browser: Browser;
let page: Page;

async function expectNoAxeViolations(): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

beforeAll(async () => {
  [workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
  // The Outlook task pane is about 320–450 px wide: the workbench's pane must work at that width.
  const context = await browser.newContext({
    viewport: { width: 420, height: 900 },
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
  it('opens in Swedish and is accessible', async () => {
    await page.goto(workbench.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samråd – arbetsbänk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expectNoAxeViolations();
  });

  it('reads the seed invitation into a draft with its time plan and review report', async () => {
    await page.getByRole('button', { name: 'Använd exemplet' }).click();
    const title = page.getByRole('heading', { level: 3 });
    await title.waitFor();
    expect(await title.textContent()).toMatch(/^Samråd avseende Sveriges nya handlingsplan/);
    expect(await page.getByText('12 december 2023 kl. 13.00–14.30').count()).toBe(1);
    const rows = page.getByRole('table', { name: 'Tidsplan' }).getByRole('row');
    expect(await rows.count()).toBe(5);
    expect(await page.getByText('Tidsplanen saknar längder för 4 punkter').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Behöver granskas \(\d+\)$/ }).count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations();
  });

  it('switches to English, page language included', async () => {
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Read the invitation' }).click();
    expect(await page.getByText('12 December 2023, 13:00–14:30').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoAxeViolations();
  });

  it('explains a text it cannot read in an alert', async () => {
    await page.getByRole('textbox', { name: /The invitation’s text/ }).fill('');
    await page.getByRole('button', { name: 'Read the invitation' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/The text is empty/);
    await expectNoAxeViolations();
  });
});
