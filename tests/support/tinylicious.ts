/**
 * A real local Fluid service (tinylicious) for the tests that carry Live Share: `useTinylicious()` starts one on a
 * free port before the file's tests and stops it (and removes its storage) after them, so no process outlives the
 * file and parallel files never share a service.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startTinylicious, type RunningTinylicious } from '../../tools/liveShare/tinylicious';

export interface TestTinylicious {
  /** e.g. http://localhost:41234; read it inside tests (it is set once the service is up). */
  readonly endpoint: string;
  readonly port: number;
}

/** A port nobody serves right now (the system's pick for port 0, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('The system gave no free port.'))));
    });
  });
}

export function useTinylicious(): TestTinylicious {
  let running: RunningTinylicious | undefined;
  let storageDir: string | undefined;
  beforeAll(async () => {
    storageDir = mkdtempSync(path.join(tmpdir(), 'samrad-tinylicious-test-'));
    running = await startTinylicious({ port: await freePort(), storageDir });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    if (storageDir !== undefined) rmSync(storageDir, { recursive: true, force: true });
  }, 30_000);
  const current = (): RunningTinylicious => {
    if (running === undefined) throw new Error('tinylicious is not running: read it inside a test, after beforeAll.');
    return running;
  };
  return {
    get endpoint() {
      return current().endpoint;
    },
    get port() {
      return current().port;
    },
  };
}
