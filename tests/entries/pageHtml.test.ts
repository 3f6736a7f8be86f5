// @vitest-environment jsdom
/**
 * The pages' HTML: office.js from Microsoft's CDN in the production Outlook pane and sign-in dialog page only;
 * every page paints a bilingual shell before any JavaScript; every bundle script is deferred and reports a failed
 * load; the inline boot script replaces the shell with a bilingual message when a script fails or the app does not
 * start in time, and leaves a page the app has rendered alone.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BOOT_FAILURES,
  bootFailures,
  OFFICE_JS_URL,
  SHELL_ID,
  START_TIMEOUT_MS,
  escapeHtml,
  loadsOfficeJs,
  pageHtml,
  type BootFailure,
  type PageName,
} from '../../src/entries/pages/pageHtml';

const PAGES: readonly PageName[] = ['workbench', 'outlook', 'teams', 'auth-dialog', 'auth-redirect'];

function html(page: PageName, production: boolean, scripts: readonly string[] = ['vendor.1.js', `${page}.2.js`]): string {
  return pageHtml({ page, title: 'Samråd – test', production, scripts });
}

function parse(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'text/html');
}

interface Booted {
  readonly fail: (failure: BootFailure) => void;
  /** Puts the page's body (the shell) into the document and announces it parsed, as the browser does. */
  readonly parseBody: () => void;
  readonly shell: () => HTMLElement | null;
  /** The callbacks the boot script scheduled, with their delays (run by hand). */
  readonly timers: { readonly callback: () => void; readonly ms: number }[];
}

/**
 * Runs the page's inline boot script against this test's document, at the point where the browser runs it: in
 * <head>, before the body (the shell) exists.
 */
function boot(markup: string): Booted {
  const page = parse(markup);
  const script = page.head.querySelector('script:not([src])')?.textContent ?? '';
  document.body.replaceChildren();
  const timers: { callback: () => void; ms: number }[] = [];
  const setTimeout = (callback: () => void, ms: number): number => timers.push({ callback, ms });
  runInNewContext(script, { window, document, setTimeout });
  const bootWindow = window as unknown as { samradBootFailed(kind: BootFailure): void };
  return {
    fail: (failure) => {
      bootWindow.samradBootFailed(failure);
    },
    parseBody: () => {
      document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
      document.dispatchEvent(new Event('DOMContentLoaded'));
    },
    shell: () => document.getElementById(SHELL_ID),
    timers,
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('office.js', () => {
  it.each(PAGES.flatMap((page) => [true, false].map((production) => [page, production] as const)))(
    '%s (production %s) loads office.js only when it runs inside Office in production',
    (page, production) => {
      const expected = production && (page === 'outlook' || page === 'auth-dialog');
      expect(loadsOfficeJs(page, production)).toBe(expected);
      const markup = html(page, production);
      expect(markup.includes(OFFICE_JS_URL)).toBe(expected);
    },
  );

  it('is a plain script in <head>, before the bundle, from Microsoft’s CDN', () => {
    const document = parse(html('outlook', true));
    const scripts = [...document.head.querySelectorAll('script[src]')];
    expect(scripts[0]?.getAttribute('src')).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(scripts[0]?.hasAttribute('defer')).toBe(false);
    expect(scripts[0]?.getAttribute('onerror')).toBe("samradBootFailed('office')");
  });
});

describe('the shell and the scripts', () => {
  it.each<[PageName, string, string]>([
    ['outlook', 'Samråd startar …', 'Samråd is starting …'],
    ['teams', 'Samråd startar …', 'Samråd is starting …'],
    ['workbench', 'Samråd startar …', 'Samråd is starting …'],
    ['auth-dialog', 'Inloggningen startar …', 'Sign-in is starting …'],
    ['auth-redirect', 'Inloggningen slutförs …', 'Finishing sign-in …'],
  ])('%s paints a bilingual shell inside #root before any script runs', (page, sv, en) => {
    const document = parse(html(page, true));
    const shell = document.querySelector(`#root > #${SHELL_ID}`);
    expect(shell?.getAttribute('role')).toBe('status');
    expect(shell?.querySelector('p[lang="sv"]')?.textContent).toBe(sv);
    expect(shell?.querySelector('p[lang="en"]')?.textContent).toBe(en);
    expect(document.documentElement.lang).toBe('sv');
  });

  it('loads the bundle deferred, in order, each script reporting a failed load', () => {
    const document = parse(html('teams', false, ['a.js', 'b.js', 'teams.js']));
    const scripts = [...document.head.querySelectorAll('script[src]')];
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual(['a.js', 'b.js', 'teams.js']);
    for (const script of scripts) {
      expect(script.hasAttribute('defer')).toBe(true);
      expect(script.getAttribute('onerror')).toBe("samradBootFailed('bundle')");
    }
  });

  it('escapes the title and script addresses', () => {
    const markup = pageHtml({ page: 'teams', title: 'A <b> & "c"', production: false, scripts: ['x.js?a=1&b="2"'] });
    const document = parse(markup);
    expect(document.title).toBe('A <b> & "c"');
    expect(document.head.querySelector('script[src]')?.getAttribute('src')).toBe('x.js?a=1&b="2"');
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });

  it('lets the faces fill their frame, and leaves the other pages’ margins alone', () => {
    expect(html('outlook', true)).toContain('<style>body{margin:0}</style>');
    expect(html('workbench', true)).not.toContain('body{margin:0}');
  });
});

describe('the boot script', () => {
  it.each<BootFailure>(['bundle', 'office', 'timeout'])('replaces the shell with the %s message in both languages', (failure) => {
    const page = boot(html('outlook', true));
    page.parseBody();
    page.fail(failure);
    const alert = page.shell();
    expect(alert?.getAttribute('role')).toBe('alert');
    const { what, hint } = BOOT_FAILURES[failure];
    expect(alert?.querySelector('p[lang="sv"]')?.textContent).toBe(`${what.sv} ${hint.sv}`);
    expect(alert?.querySelector('p[lang="en"]')?.textContent).toBe(`${what.en} ${hint.en}`);
  });

  it('shows a failure that happened before the body existed (office.js in <head>) once the shell is parsed', () => {
    const page = boot(html('outlook', true));
    page.fail('office');
    expect(page.shell()).toBeNull();
    page.parseBody();
    expect(page.shell()?.textContent).toContain(BOOT_FAILURES.office.what.en);
  });

  it('carries the office.js message only in the pages that load office.js', () => {
    for (const page of PAGES) {
      for (const production of [true, false]) {
        const expected = loadsOfficeJs(page, production);
        expect(bootFailures(page, production).includes('office')).toBe(expected);
        expect(html(page, production).includes(BOOT_FAILURES.office.what.en)).toBe(expected);
      }
    }
  });

  it('keeps the first failure', () => {
    const page = boot(html('outlook', true));
    page.parseBody();
    page.fail('office');
    page.fail('bundle');
    expect(page.shell()?.textContent).toContain(BOOT_FAILURES.office.what.sv);
    expect(page.shell()?.textContent).not.toContain(BOOT_FAILURES.bundle.what.sv);
  });

  it('says the app did not start when the shell is still there after the timeout', () => {
    const page = boot(html('teams', false));
    page.parseBody();
    expect(page.timers.map((t) => t.ms)).toEqual([START_TIMEOUT_MS]);
    page.timers[0]?.callback();
    expect(page.shell()?.textContent).toContain(BOOT_FAILURES.timeout.what.sv);
  });

  it('leaves a page alone once the app has replaced the shell', () => {
    const page = boot(html('outlook', true));
    page.parseBody();
    const root = document.getElementById('root');
    root?.replaceChildren(document.createTextNode('Samrådets översikt'));
    page.timers[0]?.callback();
    page.fail('bundle');
    expect(root?.textContent).toBe('Samrådets översikt');
  });
});
