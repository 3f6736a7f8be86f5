/**
 * The registration status table with 5,000 people: its first render, and one filter change, in jsdom with React 19's
 * createRoot and flushSync (act() is development-only) — the table as the pane mounts it, effects and layout effects included, Fluent's styles
 * inserted, the rows memoised and virtual. react-dom/server would be faster and less honest: it runs no effect,
 * builds no DOM, and cannot change a filter. jsdom is slower than a browser at DOM work, so these figures err high;
 * what they show is that the cost follows the rows in view, not the 5,000 (the rendered row count is printed).
 *
 * The people come from the core's reconciliation of a synthetic ledger (seeded, so every run measures the same
 * input): 200 organisations, 2 % cancelled, 60 % invited with mixed answers, 4,000 seats and a waiting list.
 * Runnable alone: `npx tsx bench/statusTable.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Attendee, AttendeeResponse, LedgerEntry, PersonStatus } from '../src/core/registration';
import { reconcileRegistrations } from '../src/core/registration';
import { toZonedIso } from '../src/core/time/zonedTime';
import { seededRandom } from './seededRandom';

const PEOPLE = 5_000;
const RUNS = 5;
const ORGANISATIONS = 200;
const TIME_ZONE = 'Europe/Stockholm';

const FIRST = ['Anna', 'Åsa', 'Erik', 'Örjan', 'Lena', 'Mohammed', 'Sofia', 'Jürgen', 'Élise', 'Karl', 'Maja', 'Ali'];
const LAST = ['Andersson', 'Öberg', 'Lindqvist', 'Ek', 'Nilsson', 'Hassan', 'Åkesson', 'Müller', 'Berg', 'Karlsson'];
const RESPONSES: readonly AttendeeResponse[] = [
  'accepted',
  'accepted',
  'tentativelyAccepted',
  'declined',
  'notResponded',
  'none',
];

function syntheticPeople(): readonly PersonStatus[] {
  const random = seededRandom(5_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const start = Date.UTC(2023, 10, 1, 8);
  const entries: LedgerEntry[] = [];
  const attendees: Attendee[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const email = `person${i}@org${i % ORGANISATIONS}.example`;
    const receivedAt = toZonedIso(start + Math.floor(random() * 30 * 86_400_000), TIME_ZONE);
    entries.push({
      id: `entry-${i}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      email,
      organisation: random() < 0.05 ? null : `Organisation ${i % ORGANISATIONS}`,
      source: { kind: 'mail', mailId: `mail-${i}` },
      receivedAt,
      cancelledAt: random() < 0.02 ? receivedAt : null,
    });
    if (random() < 0.6) attendees.push({ email, name: null, response: pick(RESPONSES) });
  }
  return reconcileRegistrations({ entries, attendees, capacity: 4_000, waitlist: true }).people;
}

/**
 * Puts jsdom's window on the global object with vitest's own jsdom environment, so the table runs exactly as in its
 * tests, and returns how to take it away again, so the benchmarks after this one run in plain Node.
 */
async function installDom(): Promise<() => Promise<void>> {
  const { builtinEnvironments } = await import('vitest/runtime');
  const environment = await builtinEnvironments.jsdom.setup(globalThis, {
    jsdom: { pretendToBeVisual: true, url: 'http://localhost/' },
  });
  const target = globalThis as Record<string, unknown>;
  // jsdom has no layout and so no ResizeObserver; the table then keeps its fallback height, as in the tests.
  target.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  return async () => {
    Reflect.deleteProperty(globalThis, 'ResizeObserver');
    await environment.teardown(globalThis);
  };
}

function median(times: readonly number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

export async function benchStatusTable(print: (line: string) => void): Promise<void> {
  const people = syntheticPeople();
  const uninstall = await installDom();
  // The pane runs React's production build; its development build checks every element and runs several times
  // slower. React picks its build when first loaded, so it is loaded here, for production; no other bench loads it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // Imported once the DOM is in place: Fluent and React DOM look for it when they load.
    const react = await import('react');
    const { flushSync } = await import('react-dom');
    const { createRoot } = await import('react-dom/client');
    const { FluentProvider, webLightTheme } = await import('@fluentui/react-components');
    const { LanguageContext } = await import('../src/views/i18n');
    const { StatusTable } = await import('../src/views/registration/StatusTable');
    const { createElement } = react;
    // act() exists only in the development build: where it is missing, the production build is running.
    const build = 'act' in react && typeof react.act === 'function' ? 'development' : 'production';

    const table = (): ReturnType<typeof createElement> =>
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(
          LanguageContext.Provider,
          { value: 'sv' as const },
          createElement(StatusTable, {
            people,
            timeZone: TIME_ZONE,
            selected: new Set<string>(),
            onSelectionChange: () => undefined,
          }),
        ),
      );

    const renders: number[] = [];
    const filters: number[] = [];
    let cold = 0;
    let rowsInDom = 0;
    let rowsAfterFilter = 0;
    let shownAfterFilter = '';
    for (let run = 0; run <= RUNS; run += 1) {
      const container = document.createElement('div');
      document.body.append(container);
      const root = createRoot(container);
      // flushSync: rendered, committed and its effects run before it returns (a sync render flushes its effects).
      const started = performance.now();
      flushSync(() => root.render(table()));
      const rendered = performance.now() - started;
      // The first run pays for inserting Fluent's styles and warming the JIT: reported apart, not in the median.
      if (run === 0) cold = rendered;
      else renders.push(rendered);
      rowsInDom = container.querySelectorAll('tr[data-email]').length;

      const invited = [...container.querySelectorAll<HTMLLabelElement>('label')].find((label) =>
        label.textContent.startsWith('Inbjuden'),
      );
      const box = invited?.htmlFor === undefined ? null : document.getElementById(invited.htmlFor);
      if (!(box instanceof HTMLInputElement)) throw new Error('The status filter "Inbjuden" is not in the table.');
      const changed = performance.now();
      flushSync(() => box.click());
      if (run > 0) filters.push(performance.now() - changed);
      rowsAfterFilter = container.querySelectorAll('tr[data-email]').length;
      shownAfterFilter = container.querySelector('[role="status"]')?.textContent ?? '';

      root.unmount();
      container.remove();
    }
    print(
      `  first render of ${PEOPLE.toLocaleString('en-GB')} people: ${median(renders).toFixed(0)} ms (median of ${RUNS}; ` +
        `the very first, with style insertion: ${cold.toFixed(0)} ms); ${rowsInDom} rows in the DOM; React ${build} build`,
    );
    print(
      `  one status filter change on ${PEOPLE.toLocaleString('en-GB')}: ${median(filters).toFixed(0)} ms (median of ${RUNS}); ` +
        `"${shownAfterFilter.replace(/\u00a0/g, ' ')}", ${rowsAfterFilter} rows in the DOM`,
    );
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await uninstall();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write('Registration status table (jsdom)\n');
  await benchStatusTable((line) => {
    process.stdout.write(`${line}\n`);
  });
}
