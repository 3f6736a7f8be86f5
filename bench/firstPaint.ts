/**
 * How soon the Outlook pane paints, in headless Chromium (the machine's own, as the end-to-end tests launch it),
 * against a one-button Fluent page built in the same run and served the same way. Both come from the production
 * build in bench/bundles.ts, served by a small static server on loopback that passes Graph (`/v1.0`) and the
 * sandbox's token endpoint (`/sandbox`) to a started sandbox, as `npm start` does.
 *
 * The pane is opened as the workbench frames it (`outlook.html?host=workbench&person=…&item=…`): the production
 * page and bundle, with the sandbox standing in for Microsoft 365 and for sign-in, so the whole way from the shell
 * to the organiser's data is measured. (With `?host=outlook` the page would stop at "not in Outlook": there is no
 * Office here.) office.js is a synchronous script in the production page's head; Microsoft's CDN is not reachable
 * here, so its request is answered at once with an empty script, as if Outlook had it cached.
 *
 * Three moments of the pane, each the median of RUNS cold loads (a new browser context each time):
 *   - first-contentful-paint: the static shell ("Samråd startar …"), painted before any JavaScript runs;
 *   - the first React view: the frame after the app replaced the shell (the initial chunks have run);
 *   - the pane with data: the frame after the organiser's consultation is shown (tabs present).
 * The one-button page's first-contentful-paint needs its whole bundle to run: it is the yardstick for both of the
 * first two. Figures only; nothing is asserted.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { startSandbox } from '../sandbox/server';
import { launchChromium } from '../tests/e2e/support/chromium';
import { ONE_BUTTON_DIR, type BenchBuild } from './bundles';

const RUNS = 5;
const VIEWPORT = { width: 420, height: 720 };
const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

function proxy(target: string, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const upstream = request(
    new URL(incoming.url ?? '/', target),
    { method: incoming.method, headers: incoming.headers },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  upstream.on('error', (error) => {
    outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(`Sandbox unreachable: ${error.message}`);
  });
  incoming.pipe(upstream);
}

/** Static files from `dir`, no caching; Graph and the sandbox's endpoints go to the sandbox. */
function startServer(dir: string, sandboxOrigin: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/v1.0/') || url.pathname.startsWith('/sandbox/')) {
      proxy(sandboxOrigin, incoming, outgoing);
      return;
    }
    const file = path.join(dir, decodeURIComponent(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
    const inside = path.relative(dir, file);
    if (inside.startsWith('..') || path.isAbsolute(inside) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    outgoing.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(outgoing);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The bench server got no TCP port.'));
      else resolve({ origin: `http://127.0.0.1:${address.port}`, server });
    });
  });
}

interface PaneMoments {
  readonly fcp: number;
  readonly reactView: number;
  readonly withData: number;
}

/**
 * Runs in the page before its own scripts: notes the frame in which the shell is gone (the app rendered) and the
 * frame in which the pane's tabs appear (the consultation is shown).
 */
const MOMENTS_SCRIPT = `
  window.__samradMoments = {};
  let sawShell = false;
  const note = (name) => requestAnimationFrame(() => { window.__samradMoments[name] ??= performance.now(); });
  new MutationObserver(() => {
    const moments = window.__samradMoments;
    const shell = document.getElementById('samrad-shell');
    if (shell !== null) sawShell = true;
    else if (sawShell && moments.reactPending === undefined) { moments.reactPending = true; note('reactView'); }
    if (moments.dataPending === undefined && document.querySelector('[role="tablist"]') !== null) { moments.dataPending = true; note('withData'); }
  }).observe(document, { childList: true, subtree: true });
`;

async function firstContentfulPaint(
  context: BrowserContext,
  url: string,
  ready: string,
): Promise<{ fcp: number; moments: Record<string, number> }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  // The last moment is noted in the next animation frame.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    moments: (window as unknown as { __samradMoments?: Record<string, number> }).__samradMoments ?? {},
  }));
  await page.close();
  return result;
}

async function measurePane(browser: Browser, url: string): Promise<PaneMoments> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  try {
    await context.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js: not reachable from the benchmark */' }),
    );
    await context.addInitScript(MOMENTS_SCRIPT);
    const { fcp, moments } = await firstContentfulPaint(context, url, '[role="tablist"]');
    return { fcp, reactView: moments['reactView'] ?? Number.NaN, withData: moments['withData'] ?? Number.NaN };
  } finally {
    await context.close();
  }
}

async function measureOneButton(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE' });
  try {
    return (await firstContentfulPaint(context, url, 'button')).fcp;
  } finally {
    await context.close();
  }
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function benchFirstPaint(print: (line: string) => void, build: BenchBuild): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-fcp-'));
  const sandbox = await startSandbox({ port: 0, dataDir });
  let server: Server | null = null;
  let browser: Browser | null = null;
  try {
    const served = await startServer(build.dir, sandbox.origin);
    server = served.server;
    const scenario = (await (await fetch(`${sandbox.origin}/sandbox/scenario`)).json()) as { organiserEventId: string };
    const organiser = sandbox.people.find((p) => p.role === 'organiser');
    if (organiser === undefined) throw new Error('The sandbox seed has no organiser.');
    const query = new URLSearchParams({ host: 'workbench', person: organiser.id, item: scenario.organiserEventId, lang: 'sv' });
    const paneUrl = `${served.origin}/outlook.html?${query.toString()}`;
    const buttonUrl = `${served.origin}/${ONE_BUTTON_DIR}/index.html`;
    browser = await launchChromium();
    // One load of each first, so Chromium's own start-up is not in the first measurement.
    await measurePane(browser, paneUrl);
    await measureOneButton(browser, buttonUrl);
    const pane: PaneMoments[] = [];
    const button: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      pane.push(await measurePane(browser, paneUrl));
      button.push(await measureOneButton(browser, buttonUrl));
    }
    const fcp = median(pane.map((m) => m.fcp));
    const reactView = median(pane.map((m) => m.reactView));
    const withData = median(pane.map((m) => m.withData));
    const yardstick = median(button);
    const ms = (value: number): string => `${value.toFixed(0)} ms`.padStart(7);
    print(`  Outlook pane (production page, workbench host on the sandbox), median of ${RUNS} cold loads:`);
    print(`    first-contentful-paint (the static shell)  ${ms(fcp)}   ratio to one button ${(fcp / yardstick).toFixed(2)}`);
    print(
      `    first React view (initial chunks run)      ${ms(reactView)}   ratio to one button ${(reactView / yardstick).toFixed(2)}`,
    );
    print(`    the consultation shown (data from Graph)   ${ms(withData)}`);
    print(`  one-button Fluent page, first-contentful-paint ${ms(yardstick)}`);
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => {
      if (server === null) resolve();
      else server.close(() => resolve());
    });
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
