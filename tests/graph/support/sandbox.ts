/** The sandbox for the gateway's integration tests: port 0, a fresh temporary data folder, our own GraphClient. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FaultSettings, RunningSandbox, SandboxPerson } from '../../../sandbox/contract';
import { startSandbox } from '../../../sandbox/server';
import { GraphClient, type Fetch } from '../../../src/graph/http/graphClient';
import type { RetryPolicy } from '../../../src/graph/http/retry';

export interface GatewaySandbox {
  readonly sandbox: RunningSandbox;
  readonly organiser: SandboxPerson;
  readonly participants: readonly SandboxPerson[];
  /** A client signed in as the person; `requests` counts what it sent; waits are recorded, never slept. */
  clientFor(
    person: SandboxPerson,
    options?: {
      retry?: Partial<RetryPolicy>;
      /** Puts the sandbox's fault header (e.g. `lost`) on the first request with this method, and only on it. */
      faultOnce?: { readonly method: string; readonly fault: string };
    },
  ): { client: GraphClient; requests: string[]; waits: number[] };
  dispose(): Promise<void>;
}

export async function startGatewaySandbox(faults?: Partial<FaultSettings>): Promise<GatewaySandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samrad-gateway-test-'));
  const sandbox = await startSandbox({ dataDir, port: 0, ...(faults === undefined ? {} : { faults }) });
  const organiser = sandbox.people.find((p) => p.role === 'organiser');
  if (organiser === undefined) throw new Error('The sandbox has no organiser.');
  return {
    sandbox,
    organiser,
    participants: sandbox.people.filter((p) => p.role === 'participant'),
    clientFor(person, options = {}) {
      const requests: string[] = [];
      const waits: number[] = [];
      let faultPending = options.faultOnce;
      const counting: Fetch = (input, init) => {
        const method = init.method ?? 'GET';
        requests.push(`${method} ${input}`);
        if (faultPending !== undefined && faultPending.method === method) {
          const headers = new Headers(init.headers);
          headers.set('x-sandbox-fault', faultPending.fault);
          faultPending = undefined;
          return fetch(input, { ...init, headers });
        }
        return fetch(input, init);
      };
      const client = new GraphClient({
        baseUrl: sandbox.graphBaseUrl,
        tokens: { getToken: () => Promise.resolve(sandbox.tokenFor(person.id)) },
        fetch: counting,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
        ...(options.retry === undefined ? {} : { retry: options.retry }),
      });
      return { client, requests, waits };
    },
    async dispose() {
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
