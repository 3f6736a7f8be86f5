/**
 * Builds the pages: the workbench, the two faces (outlook.html, teams.html) and the Outlook pane's two sign-in pages
 * (auth-dialog.html, auth-redirect.html), each from src/entries/pages/pageHtml.ts (a bilingual shell that paints
 * before any script; office.js in the production Outlook pages only). `npm start` serves them with the
 * local Microsoft 365 sandbox behind the same loopback origin (Graph under /v1.0, the sandbox's switches under
 * /sandbox), so the pages run the production Graph code against it unchanged.
 * TypeScript is only transpiled here (ts-loader, transpileOnly); `npm run typecheck` checks types.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack, { type Compiler, type Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { pageHtml, type PageName } from './src/entries/pages/pageHtml';

const root = path.dirname(fileURLToPath(import.meta.url));
const nodeRequire = createRequire(import.meta.url);

/**
 * Every page: the workbench, the two faces, and the two sign-in pages of the Outlook pane (the Office dialog's page
 * and MSAL's redirect bridge, ADR 0004).
 */
export const PAGES: readonly { name: PageName; file: string; entry: string; title: string }[] = [
  { name: 'workbench', file: 'index.html', entry: './src/entries/workbench.tsx', title: 'Samråd – arbetsbänk' },
  { name: 'outlook', file: 'outlook.html', entry: './src/entries/faces/outlook.tsx', title: 'Samråd – Outlook' },
  { name: 'teams', file: 'teams.html', entry: './src/entries/faces/teams.tsx', title: 'Samråd – Teams' },
  { name: 'config', file: 'config.html', entry: './src/entries/faces/config.tsx', title: 'Samråd – lägg till i mötet' },
  { name: 'auth-dialog', file: 'auth-dialog.html', entry: './src/entries/auth/dialog.ts', title: 'Samråd – inloggning' },
  { name: 'auth-redirect', file: 'auth-redirect.html', entry: './src/entries/auth/redirect.ts', title: 'Samråd – inloggning' },
];

/** The page's script URLs as html-webpack-plugin hands them to a template (`htmlWebpackPlugin.files.js`). */
function scriptsOf(parameters: Record<string, unknown>): string[] {
  const plugin = parameters['htmlWebpackPlugin'] as Partial<HtmlWebpackPlugin.TemplateParameter['htmlWebpackPlugin']> | undefined;
  const js = plugin?.files?.js;
  if (!Array.isArray(js)) throw new Error('html-webpack-plugin gave the template no script list (htmlWebpackPlugin.files.js).');
  return js;
}

function page(name: PageName, file: string, title: string, production: boolean): HtmlWebpackPlugin {
  return new HtmlWebpackPlugin({
    filename: file,
    chunks: [name],
    // The template writes the script tags itself (deferred, each with an onerror that shows a message).
    inject: false,
    templateContent: (parameters: Record<string, unknown>) =>
      pageHtml({ page: name, title, production, scripts: scriptsOf(parameters) }),
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

/**
 * Sign-in's build-time settings, written into the bundle as constants (src/entries/auth/buildConfig.ts reads them).
 * Unset, they are empty and the Outlook pane shows which setting is missing instead of signing in.
 */
function buildSettings(): Record<string, string> {
  return {
    'process.env.SAMRAD_CLIENT_ID': JSON.stringify(process.env.SAMRAD_CLIENT_ID ?? ''),
    'process.env.SAMRAD_TENANT': JSON.stringify(process.env.SAMRAD_TENANT ?? ''),
  };
}

/**
 * The `scheduler` React DOM runs on. Fluent's context selector imports `scheduler` too (any version from 0.19; it uses
 * unstable_runWithPriority and unstable_NormalPriority, which React's has), and npm gave it a newer copy than the
 * one react-dom pins: resolved to React's, the pages ship one scheduler instead of two, and Fluent's priorities are
 * the ones React actually schedules with.
 */
function reactDomScheduler(): string {
  const reactDom = path.dirname(nodeRequire.resolve('react-dom/package.json'));
  return path.dirname(nodeRequire.resolve('scheduler/package.json', { paths: [reactDom] }));
}

export function pagesConfig(production: boolean): Configuration {
  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: { path: path.join(root, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'], alias: { scheduler$: reactDomScheduler() } },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [
      ...PAGES.map((p) => page(p.name, p.file, p.title, production)),
      new webpack.DefinePlugin(buildSettings()),
      new StaticFilesPlugin(),
    ],
    performance: { hints: false },
    // Shared code is split into chunks per set of pages and lazy parts that use it; a module only a lazy part of a
    // page needs stays out of that page's initial chunks (npm run bench prints both from the stats).
    optimization: { splitChunks: { chunks: 'all' } },
  };
}

export default async function config(_env: unknown, argv: { mode?: string }): Promise<Configuration> {
  const production = argv.mode === 'production';
  if (process.env.WEBPACK_SERVE !== 'true') return pagesConfig(production);
  // `npm start`: the sandbox keeps its state in .data/sandbox, so a restart loses nothing.
  const { startSandbox } = await import('./sandbox/server');
  const sandbox = await startSandbox({ port: 0, dataDir: path.join(root, '.data/sandbox') });
  const fluid = await startWorkbenchFluid();
  const port = Number(process.env.PORT ?? 3000);
  return {
    ...pagesConfig(production),
    devServer: {
      ...workbenchDevServer(sandbox.origin, port),
      onListening: () => {
        process.stdout.write(`\nSamråd workbench: http://127.0.0.1:${port}/  (sandbox state in .data/sandbox)\n`);
        if (fluid !== null) process.stdout.write(`Live Share (tinylicious): ${fluid.endpoint}  (log in .data/tinylicious.log)\n`);
        process.stdout.write('\n');
      },
    },
  };
}

/**
 * Live Share in the workbench: the local Fluid service (tinylicious) on 7070, where Live Share's test host looks; the
 * Teams faces connect to it directly (http and websocket; it answers any origin). A tinylicious already on the port
 * is reused; one started here ends with this process. Without it the workbench still runs and the faces follow the
 * published time plan, so a failure is reported, not fatal.
 */
async function startWorkbenchFluid(): Promise<{ readonly endpoint: string } | null> {
  const { DEFAULT_TINYLICIOUS_PORT, startTinylicious } = await import('./tools/liveShare/tinylicious');
  try {
    return await startTinylicious({
      port: DEFAULT_TINYLICIOUS_PORT,
      storageDir: path.join(root, '.data/tinylicious'),
      logFile: path.join(root, '.data/tinylicious.log'),
    });
  } catch (error) {
    const { isSamradError } = await import('./src/core/errors');
    const explained = isSamradError(error) ? `${error.what.en} ${error.hint.en}` : String(error);
    process.stderr.write(`\nLive Share is off in the workbench: ${explained}\n`);
    return null;
  }
}
