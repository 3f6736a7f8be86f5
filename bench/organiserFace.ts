/**
 * How many Graph requests, and how long, the organiser's pane needs from open to a complete view, against the
 * sandbox with 100 ms latency on every Graph answer (the target: one round trip, never more than two). Uses the
 * production gateway and the pane's own loader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { GraphConsultationDocuments } from '../src/graph/adapters/consultationDocuments';
import { GraphMeetingEvents } from '../src/graph/adapters/meetingEvents';
import { GraphClient } from '../src/graph/http/graphClient';
import { loadOrganiserView } from '../src/views/faces/loadOrganiserView';

const LATENCY_MS = 100;
const RUNS = 5;

export async function benchOrganiserFace(print: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir, faults: { latencyMs: LATENCY_MS } });
  try {
    const scenario = (await (await fetch(`${sandbox.origin}/sandbox/scenario`)).json()) as { organiserEventId: string };
    const organiser = sandbox.people.find((p) => p.role === 'organiser');
    if (organiser === undefined) throw new Error('The sandbox seed has no organiser.');
    const token = sandbox.tokenFor(organiser.id);
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
      const started = performance.now();
      const view = await loadOrganiserView(ports, scenario.organiserEventId);
      times.push(performance.now() - started);
      if (view.document === null) throw new Error('The organiser view loaded without its document.');
      requests = counted;
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
    print(
      `  organiser pane, open → complete view: ${requests} Graph requests, ${median.toFixed(0)} ms (median of ${RUNS}) with ${LATENCY_MS} ms latency`,
    );
    print(`  ≈ ${(median / LATENCY_MS).toFixed(1)} round trips (target 1, never more than 2)`);
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
