/**
 * Starts the workbench as `npm start` does — the same pages, the same dev server in front of a fresh sandbox, the
 * local Fluid service for Live Share — on free loopback ports (Fluid on its fixed one), for end-to-end tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import type { RunningSandbox } from '../../../sandbox/contract';
import { startSandbox } from '../../../sandbox/server';
import { DEFAULT_TINYLICIOUS_PORT, startTinylicious } from '../../../tools/liveShare/tinylicious';
import { pagesConfig, workbenchDevServer } from '../../../webpack.config';

export interface RunningWorkbench {
  readonly url: string;
  readonly sandbox: RunningSandbox;
  stop(): Promise<void>;
}

export async function startWorkbench(): Promise<RunningWorkbench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samrad-workbench-'));
  // Live Share as `npm start` runs it: the local Fluid service on the port the Teams faces connect to.
  const [sandbox, fluid] = await Promise.all([
    startSandbox({ port: 0, dataDir }),
    startTinylicious({ port: DEFAULT_TINYLICIOUS_PORT, storageDir: path.join(dataDir, 'tinylicious') }),
  ]);
  const compiler = webpack({ ...pagesConfig(false), infrastructureLogging: { level: 'error' }, stats: 'errors-only' });
  const server = new WebpackDevServer(
    { ...workbenchDevServer(sandbox.origin, 'auto'), liveReload: false, webSocketServer: false },
    compiler,
  );
  await server.start();
  const address = server.server?.address();
  if (address === null || address === undefined || typeof address === 'string')
    throw new Error('The workbench did not get a TCP port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    sandbox,
    stop: async () => {
      await server.stop();
      await sandbox.stop();
      await fluid.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
