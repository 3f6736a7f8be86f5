/**
 * Starts the workbench exactly as `npm start` does (the same webpack config and dev server), on a free
 * loopback port, for end-to-end tests.
 */
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import config from '../../../webpack.config';

export interface RunningWorkbench {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startWorkbench(): Promise<RunningWorkbench> {
  const { devServer, ...webpackConfig } = config(undefined, { mode: 'development' });
  const compiler = webpack({ ...webpackConfig, infrastructureLogging: { level: 'error' }, stats: 'errors-only' });
  const server = new WebpackDevServer(
    { ...devServer, port: 'auto', host: '127.0.0.1', liveReload: false, webSocketServer: false },
    compiler,
  );
  await server.start();
  const address = server.server?.address();
  if (address === null || address === undefined || typeof address === 'string')
    throw new Error('The workbench did not get a TCP port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: () => server.stop(),
  };
}
