/** The local Fluid service's lifecycle (tools/liveShare/tinylicious.ts): started, reused, refused, and always stopped. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTinylicious, startTinylicious, TinyliciousError, type RunningTinylicious } from '../../tools/liveShare/tinylicious';
import { freePort } from '../support/tinylicious';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function storageDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samrad-tinylicious-tool-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function started(port: number, logFile?: string): Promise<RunningTinylicious> {
  const running = await startTinylicious({ port, storageDir: storageDir(), ...(logFile === undefined ? {} : { logFile }) });
  cleanups.push(() => running.stop());
  return running;
}

describe('startTinylicious', () => {
  it('starts tinylicious on the port, waits until it answers, and stop() ends it', async () => {
    const port = await freePort();
    const logFile = path.join(storageDir(), 'logs', 'tinylicious.log');
    const running = await started(port, logFile);
    expect(running).toMatchObject({ port, endpoint: `http://localhost:${port}`, started: true });
    expect(await probeTinylicious(port)).toBe('tinylicious');
    await running.stop();
    expect(await probeTinylicious(port)).toBe('none');
    expect(readFileSync(logFile, 'utf8')).toContain(`Listening on port ${port}`);
  });

  it('reuses a tinylicious that already serves the port, and leaves it running when stopped', async () => {
    const port = await freePort();
    await started(port);
    const reused = await started(port);
    expect(reused.started).toBe(false);
    await reused.stop();
    expect(await probeTinylicious(port)).toBe('tinylicious');
  });

  it('refuses a port that another service holds, saying so in Swedish and English', async () => {
    const other = createServer((_request, response) => response.end('Something else'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const address = other.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    const error: unknown = await startTinylicious({ port, storageDir: storageDir() }).then(
      (running) => running.stop(),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TinyliciousError);
    const refused = error as TinyliciousError;
    expect(refused.reason).toBe('port-taken');
    expect(refused.what.sv).toContain(`Port ${port}`);
    expect(refused.what.en).toContain(`Port ${port}`);
    expect(refused.hint.en.length).toBeGreaterThan(10);
  });
});
