/**
 * Builds the pages: the workbench, and the two faces (outlook.html, teams.html). `npm start` serves them with the
 * local Microsoft 365 sandbox behind the same loopback origin (Graph under /v1.0, the sandbox's switches under
 * /sandbox), so the pages run the production Graph code against it unchanged.
 * TypeScript is only transpiled here (ts-loader, transpileOnly); `npm run typecheck` checks types.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Compiler, Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

const root = path.dirname(fileURLToPath(import.meta.url));

const PAGES = [
  { name: 'workbench', file: 'index.html', entry: './src/entries/workbench.tsx', title: 'Samråd – arbetsbänk' },
  { name: 'outlook', file: 'outlook.html', entry: './src/entries/faces/outlook.tsx', title: 'Samråd – Outlook' },
  { name: 'teams', file: 'teams.html', entry: './src/entries/faces/teams.tsx', title: 'Samråd – Teams' },
] as const;

function page(file: string, chunk: string, title: string): HtmlWebpackPlugin {
  return new HtmlWebpackPlugin({
    filename: file,
    chunks: [chunk],
    templateContent: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><div id="root"></div></body></html>`,
  });
}

/**
 * Files served beside the pages as they are: the Outlook button's icons at <base>/icons/ (the manifest points
 * there, ADR 0005) and the static support, privacy and terms pages the manifest names.
 */
class StaticFilesPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    const copies = [
      { from: path.join(root, 'manifest/icons'), to: 'icons/', suffix: '.png' },
      { from: path.join(root, 'pages'), to: '', suffix: '.html' },
    ];
    compiler.hooks.thisCompilation.tap('StaticFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'StaticFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const copy of copies) {
            for (const file of readdirSync(copy.from)
              .filter((name) => name.endsWith(copy.suffix))
              .sort()) {
              compilation.emitAsset(`${copy.to}${file}`, new sources.RawSource(readFileSync(path.join(copy.from, file))));
            }
          }
        },
      );
    });
  }
}

/** The dev server of the workbench, in front of a running sandbox. */
export function workbenchDevServer(sandboxOrigin: string, port: number | 'auto'): DevServerConfiguration {
  return {
    host: '127.0.0.1',
    port,
    hot: false,
    liveReload: true,
    open: false,
    client: { overlay: { errors: true, warnings: false } },
    // The seed invitation is demo data for the workbench only; production pages never load it.
    static: [{ directory: path.join(root, 'sandbox/seed'), publicPath: '/seed', watch: false }],
    proxy: [{ context: ['/v1.0', '/sandbox'], target: sandboxOrigin }],
  };
}

export function pagesConfig(production: boolean): Configuration {
  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: { path: path.join(root, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [...PAGES.map((p) => page(p.file, p.name, p.title)), new StaticFilesPlugin()],
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'all' } },
  };
}

export default async function config(_env: unknown, argv: { mode?: string }): Promise<Configuration> {
  const production = argv.mode === 'production';
  if (process.env.WEBPACK_SERVE !== 'true') return pagesConfig(production);
  // `npm start`: the sandbox keeps its state in .data/sandbox, so a restart loses nothing.
  const { startSandbox } = await import('./sandbox/server');
  const sandbox = await startSandbox({ port: 0, dataDir: path.join(root, '.data/sandbox') });
  const port = Number(process.env.PORT ?? 3000);
  return {
    ...pagesConfig(production),
    devServer: {
      ...workbenchDevServer(sandbox.origin, port),
      onListening: () => {
        process.stdout.write(`\nSamråd workbench: http://127.0.0.1:${port}/  (sandbox state in .data/sandbox)\n\n`);
      },
    },
  };
}
