/**
 * How soon the Outlook pane and the Teams side panel paint, in headless Chromium (the machine's own, as the
 * end-to-end tests launch it), against a one-button Fluent page built in the same run and served the same way. All
 * come from the production build in bench/bundles.ts, served by a small static server on loopback that passes Graph
 * (`/v1.0`) and the sandbox's endpoints (`/sandbox`) to a started sandbox, as `npm start` does.
 *
 * Each face is opened as the workbench frames it: the production page and bundle, with the sandbox standing in for
 * Microsoft 365 and for sign-in, so the whole way from the shell to the person's data is measured.
 *   - The Outlook pane: `outlook.html?host=workbench&person=<organiser>&item=<organiser's event>`, 420 px wide.
 *     (With `?host=outlook` the page would stop at "not in Outlook": there is no Office here.) office.js is a
 *     synchronous script in the production page's head; Microsoft's CDN is not reachable here, so its request is
 *     answered at once with an empty script, as if Outlook had it cached.
 *   - The Teams side panel: `teams.html?host=workbench&person=<presenter>&chat=<meeting chat>&meetingRole=presenter`,
 *     320 px wide (Teams' side panel), the agenda read from the presenter's own copy of the invitation. (With
 *     `?host=teams` the page would wait for a Teams that is not there.) teams.html has no office.js. Once the panel
 *     shows the meeting it joins the agenda's live session, loading Live Share (its own chunks) after the agenda is
 *     on screen; in the workbench the session's Fluid service is a tinylicious on localhost:7070. The benchmark runs
 *     none and refuses that address, so the session is unavailable (the panel follows the time plan, as it does
 *     without Live Share) and the figures do not depend on a service someone else may have running.
 *
 * Three moments of each face, each the median of RUNS cold loads (a new browser context each time), in Swedish:
 *   - first-contentful-paint: the static shell ("Samråd startar …"), painted before any JavaScript runs;
 *   - the first React view: the frame after the app replaced the shell (the initial chunks have run);
 *   - the face with data: the frame after the person's data is shown — the organiser's consultation (tabs present),
 *     or the agenda in the Teams panel (the first item of the agenda's list).
 * The one-button page's first-contentful-paint needs its whole bundle to run: it is the yardstick for both of the
 * first two (loaded in the same runs, between the faces, at the Outlook pane's width; a width changes nothing in
 * that page's paint). Figures only; nothing is asserted.
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
/** Teams' meeting side panel is 320 px wide. */
const TEAMS_PANEL_VIEWPORT = { width: 320, height: 720 };
/** The Outlook pane shows the consultation in tabs. */
const ORGANISER_PANE_READY = '[role="tablist"]';
/**
 * The Teams panel's agenda: the first item of the list in the region named "Dagordning" (MeetingAgenda.tsx, in
 * Swedish: the page is opened with lang=sv). Not aria-current: an item is marked so only while the meeting is on.
 */
const MEETING_AGENDA_READY = 'section[aria-label="Dagordning"] ol > li';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';
/** The workbench's local Fluid service (LOCAL_FLUID in src/entries/faces/teams.tsx), over HTTP and websockets. */
const LOCAL_FLUID = /^(?:https?|wss?):\/\/localhost:7070\//;

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

/** What a face is measured on: where it is, how wide, and what is in the page once it shows its data. */
interface Face {
  readonly url: string;
  readonly viewport: { readonly width: number; readonly height: number };
  /** A CSS selector matched once the face shows the person's data. */
  readonly ready: string;
}

/**
 * Runs in the page before its own scripts: notes the frame in which the shell is gone (the app rendered) and the
 * frame in which `ready` first matches (the face shows its data). A string, not a function: the page runs it as
 * written, whatever the bench's own code is compiled to; a block, so its names stay out of the page's globals.
 */
const momentsScript = (ready: string): string => `{
  const ready = ${JSON.stringify(ready)};
  window.__samradMoments = {};
  let sawShell = false;
  const note = (name) => requestAnimationFrame(() => { window.__samradMoments[name] ??= performance.now(); });
  new MutationObserver(() => {
    const moments = window.__samradMoments;
    const shell = document.getElementById('samrad-shell');
    if (shell !== null) sawShell = true;
    else if (sawShell && moments.reactPending === undefined) { moments.reactPending = true; note('reactView'); }
    if (moments.dataPending === undefined && document.querySelector(ready) !== null) { moments.dataPending = true; note('withData'); }
  }).observe(document, { childList: true, subtree: true });
}`;

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

async function measurePane(browser: Browser, face: Face): Promise<PaneMoments> {
  const context = await browser.newContext({ viewport: face.viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  try {
    // Only the Outlook pane asks for office.js; for a page without it the route is never used.
    await context.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js: not reachable from the benchmark */' }),
    );
    // Only the Teams panel asks for the Fluid service, and only once it shows the agenda; refused at once.
    await context.route(LOCAL_FLUID, (route) => route.abort('connectionrefused'));
    await context.routeWebSocket(LOCAL_FLUID, (socket) => socket.close());
    await context.addInitScript(momentsScript(face.ready));
    const { fcp, moments } = await firstContentfulPaint(context, face.url, face.ready);
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

interface Medians {
  readonly fcp: number;
  readonly reactView: number;
  readonly withData: number;
}

function medians(runs: readonly PaneMoments[]): Medians {
  return {
    fcp: median(runs.map((m) => m.fcp)),
    reactView: median(runs.map((m) => m.reactView)),
    withData: median(runs.map((m) => m.withData)),
  };
}

const ms = (value: number): string => `${value.toFixed(0)} ms`.padStart(7);

function printFace(print: (line: string) => void, title: string, dataMoment: string, face: Medians, yardstick: number): void {
  print(`  ${title}, median of ${RUNS} cold loads:`);
  print(
    `    first-contentful-paint (the static shell)  ${ms(face.fcp)}   ratio to one button ${(face.fcp / yardstick).toFixed(2)}`,
  );
  print(
    `    first React view (initial chunks run)      ${ms(face.reactView)}   ratio to one button ${(face.reactView / yardstick).toFixed(2)}`,
  );
  print(`    ${dataMoment.padEnd(41)}  ${ms(face.withData)}`);
}

export async function benchFirstPaint(print: (line: string) => void, build: BenchBuild): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-fcp-'));
  const sandbox = await startSandbox({ port: 0, dataDir });
  let server: Server | null = null;
  let browser: Browser | null = null;
  try {
    const served = await startServer(build.dir, sandbox.origin);
    server = served.server;
    const scenario = (await (await fetch(`${sandbox.origin}/sandbox/scenario`)).json()) as {
      organiserEventId: string;
      chatId: string;
    };
    const organiser = sandbox.people.find((p) => p.role === 'organiser');
    if (organiser === undefined) throw new Error('The sandbox seed has no organiser.');
    const presenter = sandbox.people.find((p) => p.role === 'presenter');
    if (presenter === undefined) throw new Error('The sandbox seed has no presenter.');
    const paneQuery = new URLSearchParams({
      host: 'workbench',
      person: organiser.id,
      item: scenario.organiserEventId,
      lang: 'sv',
    });
    const pane: Face = {
      url: `${served.origin}/outlook.html?${paneQuery.toString()}`,
      viewport: VIEWPORT,
      ready: ORGANISER_PANE_READY,
    };
    const panelQuery = new URLSearchParams({
      host: 'workbench',
      person: presenter.id,
      chat: scenario.chatId,
      meetingRole: 'presenter',
      lang: 'sv',
    });
    const panel: Face = {
      url: `${served.origin}/teams.html?${panelQuery.toString()}`,
      viewport: TEAMS_PANEL_VIEWPORT,
      ready: MEETING_AGENDA_READY,
    };
    const buttonUrl = `${served.origin}/${ONE_BUTTON_DIR}/index.html`;
    browser = await launchChromium();
    // One load of each first, so Chromium's own start-up is not in the first measurement.
    await measurePane(browser, pane);
    await measureOneButton(browser, buttonUrl);
    await measurePane(browser, panel);
    const paneRuns: PaneMoments[] = [];
    const panelRuns: PaneMoments[] = [];
    const button: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      paneRuns.push(await measurePane(browser, pane));
      button.push(await measureOneButton(browser, buttonUrl));
      panelRuns.push(await measurePane(browser, panel));
    }
    const yardstick = median(button);
    printFace(
      print,
      'Outlook pane (production page, workbench host on the sandbox)',
      'the consultation shown (data from Graph)',
      medians(paneRuns),
      yardstick,
    );
    printFace(
      print,
      `Teams side panel (production page, workbench host on the sandbox, presenter, ${TEAMS_PANEL_VIEWPORT.width} px wide)`,
      'the agenda shown (invitation from Graph)',
      medians(panelRuns),
      yardstick,
    );
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
