/**
 * The HTML of every page, built at build time (webpack.config.ts) and never blank: a static bilingual shell that
 * paints before any JavaScript runs and that the app replaces, and a small inline script that puts a bilingual
 * message in its place when a script does not load (its `onerror`) or the app has not started in time. office.js
 * is loaded from Microsoft's CDN, as the Marketplace requires (ADR 0004), in the production Outlook pane and the
 * sign-in dialog page only: the workbench, Teams and development builds never load it.
 */
import type { Bilingual } from '../../core/errors';

export type PageName = 'workbench' | 'outlook' | 'teams' | 'config' | 'auth-dialog' | 'auth-redirect';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The id of the shell element: while it is still in the page, the app has not rendered. */
export const SHELL_ID = 'samrad-shell';

/** How long the shell may stand before the page says the app did not start (Office's own wait is shorter). */
export const START_TIMEOUT_MS = 30_000;

export interface PageHtmlOptions {
  readonly page: PageName;
  readonly title: string;
  readonly production: boolean;
  /** The page's script URLs in load order (html-webpack-plugin's files.js). */
  readonly scripts: readonly string[];
}

export type BootFailure = 'bundle' | 'office' | 'timeout';

interface Explanation {
  readonly what: Bilingual;
  readonly hint: Bilingual;
}

const SHELL_TEXT: Record<PageName, Bilingual> = {
  workbench: { sv: 'Samråd startar …', en: 'Samråd is starting …' },
  outlook: { sv: 'Samråd startar …', en: 'Samråd is starting …' },
  teams: { sv: 'Samråd startar …', en: 'Samråd is starting …' },
  config: { sv: 'Samråd startar …', en: 'Samråd is starting …' },
  'auth-dialog': { sv: 'Inloggningen startar …', en: 'Sign-in is starting …' },
  'auth-redirect': { sv: 'Inloggningen slutförs …', en: 'Finishing sign-in …' },
};

/** What the page says when it could not start, worded like the app's own typed errors. */
export const BOOT_FAILURES: Record<BootFailure, Explanation> = {
  bundle: {
    what: { sv: 'Samråd kunde inte läsas in.', en: 'Samråd could not be loaded.' },
    hint: {
      sv: 'Ladda om sidan. Om felet består: kontrollera att nätverket når Samråds webbadress, och kontakta er it-avdelning.',
      en: "Reload the page. If it keeps failing, check that the network reaches Samråd's web address, and contact your IT department.",
    },
  },
  office: {
    what: { sv: 'Office.js gick inte att läsa in.', en: 'Office.js could not be loaded.' },
    hint: {
      sv: 'Ladda om tillägget. Om det inte hjälper: kontrollera att nätverket når appsforoffice.microsoft.com, där Microsoft publicerar office.js.',
      en: 'Reload the add-in. If that does not help, check that the network reaches appsforoffice.microsoft.com, where Microsoft publishes office.js.',
    },
  },
  timeout: {
    what: {
      sv: `Samråd startade inte inom ${START_TIMEOUT_MS / 1000} sekunder.`,
      en: `Samråd did not start within ${START_TIMEOUT_MS / 1000} seconds.`,
    },
    hint: {
      sv: 'Ladda om sidan. Om felet består: använd en aktuell webbläsare eller Outlook, och kontakta er it-avdelning.',
      en: 'Reload the page. If it keeps failing, use an up-to-date browser or Outlook, and contact your IT department.',
    },
  },
};

/** The production Outlook pane and the sign-in dialog page run inside Office; nothing else loads office.js. */
export function loadsOfficeJs(page: PageName, production: boolean): boolean {
  return production && (page === 'outlook' || page === 'auth-dialog');
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function bilingualParagraphs(text: Bilingual): string {
  return `<p lang="sv">${escapeHtml(text.sv)}</p><p lang="en">${escapeHtml(text.en)}</p>`;
}

/** The failure message as HTML, in both languages (the page does not know the person's language yet). */
export function bootFailureHtml(failure: BootFailure): string {
  const { what, hint } = BOOT_FAILURES[failure];
  const block = (language: 'sv' | 'en'): string =>
    `<p lang="${language}"><strong>${escapeHtml(what[language])}</strong> ${escapeHtml(hint[language])}</p>`;
  return `${block('sv')}${block('en')}`;
}

/** The failures a page can meet: office.js only where the page loads it. */
export function bootFailures(page: PageName, production: boolean): BootFailure[] {
  return loadsOfficeJs(page, production) ? ['bundle', 'office', 'timeout'] : ['bundle', 'timeout'];
}

/**
 * The inline script, first in <head> so office.js's onerror can call it. A failure seen before the body exists is
 * shown once the shell is parsed; once the app has replaced the shell, nothing here touches the page.
 */
function bootScript(failures: readonly BootFailure[]): string {
  const messages = Object.fromEntries(failures.map((failure) => [failure, bootFailureHtml(failure)]));
  // `<` is escaped so the messages cannot end the script element.
  const json = JSON.stringify(messages).replaceAll('<', '\\u003c');
  return [
    '(function(){',
    `var messages=${json},pending=null;`,
    'function show(){',
    `var shell=document.getElementById(${JSON.stringify(SHELL_ID)});`,
    'if(pending===null||shell===null)return;',
    "shell.innerHTML=messages[pending];shell.setAttribute('role','alert');",
    '}',
    'window.samradBootFailed=function(kind){if(pending===null&&messages[kind]){pending=kind;show();}};',
    "document.addEventListener('DOMContentLoaded',show);",
    `setTimeout(function(){window.samradBootFailed('timeout');},${START_TIMEOUT_MS});`,
    '})();',
  ].join('');
}

const SHELL_STYLE =
  "font-family:'Segoe UI','Segoe UI Web (West European)',-apple-system,BlinkMacSystemFont,Roboto,'Helvetica Neue',sans-serif;font-size:14px;line-height:20px;padding:12px";

/** The faces fill Outlook's task pane and Teams' panel edge to edge (Fluent's provider paints the background). */
function fillsItsFrame(page: PageName): boolean {
  return page === 'outlook' || page === 'teams' || page === 'config';
}

export function pageHtml({ page, title, production, scripts }: PageHtmlOptions): string {
  const office = loadsOfficeJs(page, production)
    ? `<script src="${OFFICE_JS_URL}" onerror="samradBootFailed('office')"></script>`
    : '';
  const bundle = scripts
    .map((src) => `<script defer src="${escapeHtml(src)}" onerror="samradBootFailed('bundle')"></script>`)
    .join('');
  return [
    '<!doctype html><html lang="sv"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    fillsItsFrame(page) ? '<style>body{margin:0}</style>' : '',
    `<script>${bootScript(bootFailures(page, production))}</script>`,
    office,
    bundle,
    '</head><body>',
    `<div id="root"><div id="${SHELL_ID}" role="status" style="${SHELL_STYLE}">${bilingualParagraphs(SHELL_TEXT[page])}</div></div>`,
    '</body></html>',
  ].join('');
}
