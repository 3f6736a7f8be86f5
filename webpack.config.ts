/**
 * Builds the pages. Today: the workbench (`npm start`), which imports an invitation with the production core.
 * TypeScript is only transpiled here (ts-loader, transpileOnly); `npm run typecheck` checks types.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);

const devServer: DevServerConfiguration = {
  host: '127.0.0.1',
  port,
  hot: false,
  liveReload: true,
  open: false,
  client: { overlay: { errors: true, warnings: false } },
  // The seed invitation is demo data for the workbench only; production pages never load it.
  static: [{ directory: path.join(root, 'sandbox/seed'), publicPath: '/seed' }],
};

export default function config(_env: unknown, argv: { mode?: string }): Configuration & { devServer: DevServerConfiguration } {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: { workbench: './src/entries/workbench.tsx' },
    output: { path: path.join(root, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['workbench'],
        title: 'Samråd – arbetsbänk',
        templateContent: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Samråd – arbetsbänk</title></head><body><div id="root"></div></body></html>`,
      }),
    ],
    performance: { hints: false },
    devServer,
  };
}
