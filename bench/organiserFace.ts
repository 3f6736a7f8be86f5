/**
 * How many Graph requests, and how long, the organiser's pane needs from open to a complete view, against the
 * sandbox with 100 ms latency on every Graph answer (the target: one round trip, never more than two). Uses the
 * production gateway and the pane's own loader, once as on the first opening (nothing remembered: event, then
 * document) and once as on every later opening (the document name remembered: both at once).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { GraphConsultationDocuments } from '../src/graph/adapters/consultationDocuments';
import { GraphMeetingEvents } from '../src/graph/adapters/meetingEvents';
import { GraphClient } from '../src/graph/http/graphClient';
import { FORGETFUL_MEMORY, type DocumentMemory } from '../src/core/ports';
import { loadOrganiserView } from '../src/views/faces/loadOrganiserView';

const LATENCY_MS = 100;
const RUNS = 5;

/** A memory that already holds the answer, as the host's does from the second opening on. */
function rememberingMemory(): DocumentMemory {
  const kept = new Map<string, string>();
  return {
    recall: (id) => kept.get(id) ?? null,
    remember: (id, name) => {
      kept.set(id, name);
      return Promise.resolve(true);
    },
  };
}

export async function benchOrganiserFace(print: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir, faults: { latencyMs: LATENCY_MS } });
  try {
    const scenario = (await (await fetch(`${sandbox.origin}/sandbox/scenario`)).json()) as { organiserEventId: string };
    const organiser = sandbox.people.find((p) => p.role === 'organiser');
    if (organiser === undefined) throw new Error('The sandbox seed has no organiser.');
    const token = sandbox.tokenFor(organiser.id);
    const measure = async (label: string, memory: () => DocumentMemory): Promise<void> => {
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < RUNS; run += 1) {
        let counted = 0;
        const countingFetch = (input: string, init: RequestInit): Promise<Response> => {
          counted += 1;
          return fetch(input, init);
        };
        const client = new GraphClient({
          tokens: { getToken: () => Promise.resolve(token) },
          baseUrl: sandbox.graphBaseUrl,
          fetch: countingFetch,
        });
        const ports = { events: new GraphMeetingEvents({ client }), documents: new GraphConsultationDocuments({ client }) };
        const runMemory = memory();
        // The later openings: the first call fills the memory, outside the measurement.
        if (runMemory !== FORGETFUL_MEMORY) await loadOrganiserView(ports, runMemory, scenario.organiserEventId);
        counted = 0;
        const started = performance.now();
        const view = await loadOrganiserView(ports, runMemory, scenario.organiserEventId);
        times.push(performance.now() - started);
        if (view.document === null) throw new Error('The organiser view loaded without its document.');
        requests = counted;
      }
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
      print(
        `  organiser pane, ${label}: ${requests} Graph requests, ${median.toFixed(0)} ms (median of ${RUNS}) ≈ ${(median / LATENCY_MS).toFixed(1)} round trips at ${LATENCY_MS} ms latency`,
      );
    };
    await measure('first opening (nothing remembered)', () => FORGETFUL_MEMORY);
    await measure('later openings (document remembered)', rememberingMemory);
    print('  target: 1 round trip, never more than 2');
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
