/**
 * What each page's JavaScript weighs, from webpack's own stats of a production build (the same pagesConfig as
 * `npm run build`, written to a temporary folder): the initial chunks — the scripts in the page, which the first
 * React paint needs — and everything the page can load (initial plus every lazy chunk reachable from it), gzipped
 * (level 9; 1 KB = 1,024 bytes). office.js comes from Microsoft's CDN and is not counted. The Outlook pane's
 * budgets (issue 4): first paint ≤ 120 KB, everything ≤ 250 KB, nothing of Teams or Live Share. A one-button
 * Fluent page is built in the same run, as the yardstick for the first-paint benchmark. Figures only; nothing is
 * asserted.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Chunk, type ChunkGroup, type Compilation, type Configuration, type Module, type Stats } from 'webpack';
import { PAGES, pagesConfig } from '../webpack.config';

export const BUDGET_FIRST_PAINT_KB = 120;
export const BUDGET_EVERYTHING_KB = 250;
/** Packages that must never reach the Outlook pane (the Teams SDK, Live Share and the Fluid Framework under it). */
const TEAMS_PACKAGES =
  /node_modules\/(?:@microsoft\/teams-js|@microsoft\/live-share[^/]*|fluid-framework|@fluidframework\/[^/]+)\//;
const MSAL_PACKAGES = /node_modules\/@azure\/msal-/;

export const ONE_BUTTON_DIR = 'one-button';

export interface PageWeight {
  readonly page: string;
  readonly file: string;
  readonly initialKb: number;
  readonly totalKb: number;
  /** The lazy chunks holding MSAL, loaded when the first Graph token is asked for. */
  readonly msalKb: number;
  /** Modules of Teams, Live Share or Fluid in any chunk the page can load (by path). */
  readonly teamsModules: readonly string[];
}

export interface BenchBuild {
  /** The built pages; the one-button page is in its ONE_BUTTON_DIR subfolder. */
  readonly dir: string;
  readonly pages: readonly PageWeight[];
  readonly oneButtonKb: number;
  remove(): void;
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

function jsFiles(chunks: Iterable<Chunk>): string[] {
  return [...chunks].flatMap((chunk) => [...chunk.files].filter((file) => file.endsWith('.js')));
}

/** The entry's chunk group and every chunk group it can load on demand, transitively. */
function reachableChunks(entry: ChunkGroup): Set<Chunk> {
  const chunks = new Set<Chunk>();
  const seen = new Set<ChunkGroup>();
  const visit = (group: ChunkGroup): void => {
    if (seen.has(group)) return;
    seen.add(group);
    for (const chunk of group.chunks) chunks.add(chunk);
    for (const child of group.getChildren()) visit(child);
  };
  visit(entry);
  return chunks;
}

/** Module paths, looking inside modules webpack concatenated into one. */
function modulePaths(compilation: Compilation, chunk: Chunk): string[] {
  const paths: string[] = [];
  const visit = (module: Module): void => {
    const inner = (module as Module & { modules?: Iterable<Module> }).modules;
    if (inner !== undefined) {
      for (const m of inner) visit(m);
      return;
    }
    paths.push(module.nameForCondition() ?? module.identifier());
  };
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module);
  return paths;
}

export function pageWeights(stats: Stats, dir: string): PageWeight[] {
  const { compilation } = stats;
  return PAGES.map(({ name, file }) => {
    const entry = compilation.entrypoints.get(name);
    if (entry === undefined) throw new Error(`The build has no entry point ${name}.`);
    const initial = new Set(entry.chunks);
    const all = reachableChunks(entry);
    const sum = (chunks: Iterable<Chunk>): number => jsFiles(chunks).reduce((kb, f) => kb + gzipKb(path.join(dir, f)), 0);
    const paths = new Map([...all].map((chunk) => [chunk, modulePaths(compilation, chunk)] as const));
    const msalChunks = [...all].filter((chunk) => (paths.get(chunk) ?? []).some((p) => MSAL_PACKAGES.test(p)));
    const teamsModules = [...paths.values()].flat().filter((p) => TEAMS_PACKAGES.test(p));
    return { page: name, file, initialKb: sum(initial), totalKb: sum(all), msalKb: sum(msalChunks), teamsModules };
  });
}

function oneButtonConfig(dir: string): Configuration {
  return {
    mode: 'production',
    context: path.resolve(import.meta.dirname, '..'),
    entry: { 'one-button': './bench/fixtures/oneButton.tsx' },
    output: { path: path.join(dir, ONE_BUTTON_DIR), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        templateContent:
          '<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>En knapp</title></head><body><div id="root"></div></body></html>',
      }),
    ],
    performance: { hints: false },
  };
}

function run(configs: Configuration[]): Promise<Stats[]> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(configs);
    compiler.run((error, multi) => {
      compiler.close(() => undefined);
      if (error !== null) {
        reject(error);
        return;
      }
      if (multi === undefined) {
        reject(new Error('webpack gave no stats.'));
        return;
      }
      const failed = multi.stats.flatMap((s) => s.compilation.errors.map((e) => e.message));
      if (failed.length > 0) reject(new Error(`The production build failed:\n${failed.join('\n')}`));
      else resolve(multi.stats);
    });
  });
}

/** Builds the pages and the one-button page in one webpack run (production mode, no source maps). */
export async function buildForBench(): Promise<BenchBuild> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-pages-'));
  const pages = pagesConfig(true);
  const [pageStats, buttonStats] = await run([
    // Not cleaned: the folder is new, and the one-button page is written into it by the same run.
    { ...pages, devtool: false, output: { ...pages.output, path: dir, clean: false } },
    oneButtonConfig(dir),
  ]);
  if (pageStats === undefined || buttonStats === undefined) throw new Error('webpack gave stats for fewer builds than asked.');
  const buttonEntry = buttonStats.compilation.entrypoints.get('one-button');
  if (buttonEntry === undefined) throw new Error('The one-button build has no entry point.');
  const oneButtonKb = jsFiles(buttonEntry.chunks).reduce((kb, f) => kb + gzipKb(path.join(dir, ONE_BUTTON_DIR, f)), 0);
  return {
    dir,
    pages: pageWeights(pageStats, dir),
    oneButtonKb,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const kb = (value: number): string => `${value.toFixed(1)} KB`;

function verdict(value: number, budget: number): string {
  return value <= budget ? `within ${budget} KB` : `over ${budget} KB by ${(value - budget).toFixed(1)} KB`;
}

export function printWeights(print: (line: string) => void, build: BenchBuild): void {
  for (const page of build.pages) {
    print(
      `  ${page.file.padEnd(18)} first paint (initial chunks) ${kb(page.initialKb).padStart(9)}   everything ${kb(page.totalKb).padStart(9)}` +
        (page.msalKb > 0 ? `   of which MSAL ${kb(page.msalKb)}` : ''),
    );
  }
  const outlook = build.pages.find((p) => p.page === 'outlook');
  if (outlook !== undefined) {
    print(
      `  Outlook pane budgets: first paint ${kb(outlook.initialKb)} (${verdict(outlook.initialKb, BUDGET_FIRST_PAINT_KB)}); ` +
        `everything ${kb(outlook.totalKb)} (${verdict(outlook.totalKb, BUDGET_EVERYTHING_KB)}); ` +
        `without MSAL ${kb(outlook.totalKb - outlook.msalKb)}`,
    );
    print(
      `  Teams / Live Share / Fluid modules in the Outlook pane's chunks: ${
        outlook.teamsModules.length === 0 ? 'none' : outlook.teamsModules.join(', ')
      }`,
    );
  }
  print(`  one-button Fluent page (React 19 + FluentProvider + Button): ${kb(build.oneButtonKb)}`);
  print('  (gzip level 9, 1 KB = 1,024 bytes; office.js from Microsoft’s CDN is not counted)');
}
