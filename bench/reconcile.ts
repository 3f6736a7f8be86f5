/**
 * How reconcileRegistrations scales: 1k, 10k and 100k registrations of a synthetic consultation. Reconciliation
 * is meant to be linear (one pass with Maps, plus sorting), so the 100k/10k ratio should stay near 10; a ratio
 * near 100 would mean a nested loop crept in. Prints figures only; no thresholds, as machines differ.
 */
import { performance } from 'node:perf_hooks';
import { reconcileRegistrations } from '../src/core/registration';
import type { Attendee, AttendeeResponse, LedgerEntry, ReconcileInput } from '../src/core/registration';
import { seededRandom } from './seededRandom';

/** The same address as a person might type it the second time. */
function retyped(email: string, random: () => number): string {
  const r = random();
  if (r < 0.25) return email.toUpperCase();
  if (r < 0.5) return ` mailto:${email}\u00A0`;
  if (r < 0.75) return `"Namn Namnsson" <${email}>`;
  return email.replace(/^./, (first) => first.toUpperCase());
}

const RESPONSES: readonly (readonly [AttendeeResponse, number])[] = [
  ['accepted', 0.4],
  ['tentativelyAccepted', 0.1],
  ['declined', 0.15],
  ['notResponded', 0.2],
  ['none', 0.15],
];

function responseFor(random: () => number): AttendeeResponse {
  let r = random();
  for (const [response, share] of RESPONSES) {
    if (r < share) return response;
    r -= share;
  }
  return 'none';
}

const START = Date.UTC(2024, 0, 8, 8, 0);
/** Civil-society consultations draw on a few hundred organisations, whatever the number of people. */
const ORGANISATIONS = 300;
const MONTH_MS = 30 * 86_400_000;

/**
 * `registrations` ledger entries: ~5% a second registration of someone already in the ledger (retyped address),
 * ~3% cancelled; ~60% of the people invited with mixed answers, plus the organiser's own row; capacity ~80% of
 * the people, waitlist on; organisations from a fixed pool of a few hundred. Arrival times are random within a month, so the arrival sort has real work to do.
 */
function syntheticInput(registrations: number, seed: number): { input: ReconcileInput; people: number } {
  const random = seededRandom(seed);
  const entries: LedgerEntry[] = [];
  const people: string[] = [];
  for (let i = 0; i < registrations; i += 1) {
    const again = people.length > 0 && random() < 0.05 ? people[Math.floor(random() * people.length)] : undefined;
    const email = again ?? `person${i}@organisation${i % 997}.se`;
    if (again === undefined) people.push(email);
    const received = START + Math.floor(random() * MONTH_MS);
    entries.push({
      id: `r${i}`,
      name: `Person ${i}`,
      email: again === undefined ? email : retyped(email, random),
      organisation: organisationFor(random),
      source: { kind: 'mail', mailId: `mail-${i}` },
      receivedAt: new Date(received).toISOString(),
      cancelledAt: random() < 0.03 ? new Date(received + 3_600_000).toISOString() : null,
    });
  }
  const attendees: Attendee[] = [{ email: 'organiser@regeringskansliet.se', name: 'Organiser', response: 'organizer' }];
  for (const email of people) {
    if (random() < 0.6) attendees.push({ email, name: null, response: responseFor(random) });
  }
  return {
    input: { entries, attendees, capacity: Math.round(people.length * 0.8), waitlist: true },
    people: people.length,
  };
}

/** One of ORGANISATIONS, sometimes spelt in capitals, which the grouping must see through. */
function organisationFor(random: () => number): string {
  const name = `Förening ${Math.floor(random() * ORGANISATIONS)}`;
  return random() < 0.1 ? name.toUpperCase() : name;
}

function medianMs(input: ReconcileInput, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    reconcileRegistrations(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const SIZES: readonly (readonly [number, number])[] = [
  [1_000, 31],
  [10_000, 15],
  [100_000, 7],
];

export function benchReconcile(print: (line: string) => void): void {
  const workloads = SIZES.map(([size, runs]) => ({ size, runs, ...syntheticInput(size, size) }));
  // Warm-up: let the JIT compile the hot paths on every size before anything is measured.
  for (const w of workloads) medianMs(w.input, 3);

  const medians = new Map<number, number>();
  for (const w of workloads) {
    const ms = medianMs(w.input, w.runs);
    medians.set(w.size, ms);
    const size = w.size.toLocaleString('sv-SE').padStart(7);
    const people = w.people.toLocaleString('sv-SE').padStart(6);
    print(
      `reconcileRegistrations ${size} registrations (${people} people): ${ms.toFixed(2).padStart(7)} ms (median of ${w.runs})`,
    );
  }
  const ratio = (medians.get(100_000) ?? Number.NaN) / (medians.get(10_000) ?? Number.NaN);
  print(`reconcileRegistrations 100k/10k time ratio: ${ratio.toFixed(1)} (linear ≈ 10)`);
}
