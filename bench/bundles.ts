/**
 * What each page's JavaScript weighs, from webpack's own stats of a production build (the same pagesConfig as
 * `npm run build`, written to a temporary folder): the initial chunks — the scripts in the page, which the first
 * React paint needs — and everything the page can load (initial plus every lazy chunk reachable from it), gzipped
 * (level 9; 1 KB = 1,024 bytes). office.js comes from Microsoft's CDN and is not counted. The Outlook pane's
 * budgets (issue 4): first paint ≤ 120 KB, everything ≤ 250 KB, nothing of Teams or Live Share. A one-button
 * Fluent page is built in the same run, as the yardstick for the first-paint benchmark. Figures only; nothing is
 * asserted.
 *
 * The Teams side panel (teams.html) is held to the Outlook pane's first-paint budget (120 KB). Live Share and the
 * Fluid Framework under it (~450 KB gzip) must be in none of its initial chunks: the printout names the lazy chunks
 * that hold them, with their size and what loads them, and says whether the page reaches all of them only through
 * the "live-share" dynamic import (src/hosts/teams/liveShare/), that is only when the agenda's live session is
 * joined. If nothing in the build loads Live Share yet, it says that: the figures are of whatever the build gives.
 * teams-js is loaded on demand too; the printout says where it is. Whether the emitted teams.html has an office.js
 * script is read from the HTML file itself (it must not: office.js is the Outlook pane's).
 *
 * Where a page's kilobytes come from (the Outlook pane and the Teams page) is split by package (MSAL, React,
 * Fluent's parts, zod, Samråd's own code) from the build's source maps (hidden: the scripts are byte for byte those
 * of a build without maps). gzip does not add up per part, so the split is an estimate: in each chunk, each part's
 * minified bytes are gzipped on their own and the results scaled to add up to the chunk's gzip size.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Chunk, type ChunkGroup, type Compilation, type Configuration, type Module, type Stats } from 'webpack';
import { PAGES, pagesConfig } from '../webpack.config';

export const BUDGET_FIRST_PAINT_KB = 120;
export const BUDGET_EVERYTHING_KB = 250;
/**
 * Packages that must never reach the Outlook pane (the Teams SDK, Live Share and the Fluid Framework under it); the
 * package's name is the first group. Global: a module path can name several (a package inside another's
 * node_modules), and the innermost is the one the module belongs to.
 */
const TEAMS_PACKAGES =
  /node_modules\/(@microsoft\/teams-js|@microsoft\/live-share[^/]*|fluid-framework|@fluidframework\/[^/]+)\//g;
/** The one of TEAMS_PACKAGES the Teams page loads at start (on demand, while it starts); the rest are Live Share's. */
const TEAMS_JS = '@microsoft/teams-js';
/** The dynamic import that loads Live Share (src/hosts/teams/liveShare/liveShareModule.ts), run when the agenda is. */
const LIVE_SHARE_CHUNK = 'live-share';
/** A script element whose source is office.js (or its debug build), on any host. */
const OFFICE_JS_SCRIPT = /<script\b[^>]*\ssrc="[^"]*\/office(?:\.debug)?\.js"/i;
const MSAL_PACKAGES = /node_modules\/@azure\/msal-/;

/**
 * The parts the Outlook pane's weight is split into, by the source a byte maps to; the first match wins. A package
 * matching none is one of the "other packages"; webpack's own runtime maps to webpack/runtime/….
 */
const PARTS: readonly { readonly name: string; readonly test: RegExp }[] = [
  { name: 'MSAL', test: MSAL_PACKAGES },
  { name: 'react-dom + react + scheduler', test: /node_modules\/(?:react|react-dom|scheduler)\// },
  { name: 'Fluent theme tokens', test: /node_modules\/@fluentui\/tokens\// },
  { name: 'tabster + keyborg (focus)', test: /node_modules\/(?:tabster|keyborg)\// },
  { name: 'Griffel (CSS-in-JS)', test: /node_modules\/(?:@griffel\/[^/]+|stylis|rtl-css-js|@emotion\/hash)\// },
  { name: 'Fluent components', test: /node_modules\/@fluentui\// },
  { name: 'zod', test: /node_modules\/zod\// },
  { name: 'DOMPurify', test: /node_modules\/dompurify\// },
  { name: 'Samråd (src/)', test: /^(?:webpack:\/\/[^/]*\/)?\.?\/?src\// },
];
const OTHER_PACKAGES = 'other packages';
/** webpack's own code: chunk loading and the module registry (webpack/runtime/… in the source maps). */
const WEBPACK_RUNTIME = 'webpack runtime';

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
  /** Every chunk the page can load that holds a module of Teams, Live Share or Fluid, initial ones first. */
  readonly teamsChunks: readonly ChunkWeight[];
  /** Whether the page's emitted HTML has an office.js script (read from the HTML file in the build folder). */
  readonly referencesOfficeJs: boolean;
  /** Everything, split into PARTS (KB, estimated; see the file's comment), largest first. */
  readonly split: readonly PartWeight[];
  /** The first-paint chunks, split the same way. */
  readonly initialSplit: readonly PartWeight[];
}

export interface ChunkWeight {
  /** The chunk's name (its webpackChunkName, or the entry's name) or, for an unnamed split chunk, its file. */
  readonly chunk: string;
  readonly kb: number;
  /** One of the page's initial chunks (a script in the page) rather than loaded on demand. */
  readonly initial: boolean;
  /**
   * What loads it, within the page: the entry point's name, or the dynamic import's webpackChunkName (for an
   * unnamed one, `import(request)`).
   */
  readonly loadedBy: readonly string[];
  /**
   * The page reaches it only through the "live-share" dynamic import (directly, or by an import inside what that
   * loads): it is loaded only when the agenda's live session is joined.
   */
  readonly behindLiveShare: boolean;
  /** The packages of TEAMS_PACKAGES with modules in the chunk, sorted. */
  readonly teamsPackages: readonly string[];
}

export interface PartWeight {
  readonly part: string;
  readonly kb: number;
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One line of a source map's `mappings`: each segment's generated column and source index (null: unmapped). */
function decodeLine(line: string, state: { source: number }): { column: number; source: number | null }[] {
  const segments: { column: number; source: number | null }[] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (segment === '') continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      if (digit < 0) throw new Error(`A source map has a character that is not base64 VLQ: ${char}`);
      value += (digit & 31) << shift;
      if ((digit & 32) !== 0) {
        shift += 5;
        continue;
      }
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
    column += values[0] ?? 0;
    if (values.length >= 4) {
      state.source += values[1] ?? 0;
      segments.push({ column, source: state.source });
    } else {
      segments.push({ column, source: null });
    }
  }
  return segments;
}

function partOf(source: string): string {
  return PARTS.find((p) => p.test.test(source))?.name ?? (/node_modules\//.test(source) ? OTHER_PACKAGES : WEBPACK_RUNTIME);
}

/**
 * A chunk's minified text per part, from its (hidden) source map. Text no mapping points at is webpack's glue around
 * a module (its wrapper, its export table): it goes with the module after it (the chunk's last glue with the one
 * before it).
 */
function textPerPart(file: string): Map<string, string> {
  const code = readFileSync(file, 'utf8');
  // webpack writes no map for a chunk none of whose text maps to a source (only its glue, e.g. an empty module that
  // names the chunk of a dynamic import whose code is all in split chunks): all of it is webpack's.
  if (!existsSync(`${file}.map`)) return new Map([[WEBPACK_RUNTIME, code]]);
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const pieces: { part: string | null; text: string }[] = [];
  // Source indexes are relative to the previous segment's across the whole map, columns only within a line.
  const state = { source: 0 };
  const mappedLines = map.mappings.split(';');
  lines.forEach((line, index) => {
    const segments = decodeLine(mappedLines[index] ?? '', state);
    pieces.push({ part: null, text: line.slice(0, segments[0]?.column ?? line.length) });
    segments.forEach((segment, i) => {
      const source = segment.source === null ? undefined : map.sources[segment.source];
      const text = line.slice(segment.column, segments[i + 1]?.column ?? line.length);
      pieces.push({ part: source === undefined ? null : partOf(source), text });
    });
  });
  // Each unmapped piece goes with the next mapped one; what is left at the end, with the last one.
  let owner: string | null = null;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i];
    if (piece === undefined) continue;
    owner = piece.part ?? owner;
    piece.part = owner;
  }
  const parts = new Map<string, string[]>();
  let last = WEBPACK_RUNTIME;
  for (const piece of pieces) {
    last = piece.part ?? last;
    const texts = parts.get(last) ?? [];
    texts.push(piece.text);
    parts.set(last, texts);
  }
  return new Map([...parts].map(([part, texts]) => [part, texts.join('\n')]));
}

/** The chunks' gzip size split into parts: each part gzipped on its own, scaled to add up to the chunk's size. */
function splitKb(files: readonly string[]): PartWeight[] {
  const total = new Map<string, number>();
  for (const file of files) {
    const chunkKb = gzipKb(file);
    const alone = [...textPerPart(file)].map(([part, text]) => [part, gzipSync(text, { level: 9 }).length] as const);
    const sum = alone.reduce((n, [, bytes]) => n + bytes, 0);
    for (const [part, bytes] of alone) total.set(part, (total.get(part) ?? 0) + (sum === 0 ? 0 : (chunkKb * bytes) / sum));
  }
  return [...total].map(([part, kb]) => ({ part, kb })).sort((a, b) => b.kb - a.kb);
}

function jsFiles(chunks: Iterable<Chunk>): string[] {
  return [...chunks].flatMap((chunk) => [...chunk.files].filter((file) => file.endsWith('.js')));
}

/**
 * The entry's chunk group and every chunk group it can load on demand, transitively, with their chunks; `stopAt`
 * names groups not to enter (nor what they load).
 */
function reachable(
  entry: ChunkGroup,
  stopAt: (group: ChunkGroup) => boolean = () => false,
): { chunks: Set<Chunk>; groups: Set<ChunkGroup> } {
  const chunks = new Set<Chunk>();
  const groups = new Set<ChunkGroup>();
  const visit = (group: ChunkGroup): void => {
    if (groups.has(group) || stopAt(group)) return;
    groups.add(group);
    for (const chunk of group.chunks) chunks.add(chunk);
    for (const child of group.getChildren()) visit(child);
  };
  visit(entry);
  return { chunks, groups };
}

/**
 * A chunk group as the printout names it: its name (the entry's, or the webpackChunkName of the dynamic import), or
 * for an unnamed dynamic import, what it imports and the file that does.
 */
function groupName(group: ChunkGroup, root: string): string {
  if (typeof group.name === 'string' && group.name !== '') return group.name;
  const imports = group.origins.map((origin) => {
    const from = origin.module?.nameForCondition();
    return `import('${origin.request}')${from === undefined || from === null ? '' : ` in ${path.relative(root, from)}`}`;
  });
  return imports.length === 0 ? 'an unnamed chunk group' : [...new Set(imports)].join(', ');
}

/** The package of TEAMS_PACKAGES a module belongs to (the innermost one its path names), or null. */
function teamsPackageOf(modulePath: string): string | null {
  return [...modulePath.replaceAll('\\', '/').matchAll(TEAMS_PACKAGES)].at(-1)?.[1] ?? null;
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
    const { chunks: all, groups } = reachable(entry);
    const withoutLiveShare = reachable(entry, (group) => group.name === LIVE_SHARE_CHUNK).chunks;
    const sum = (chunks: Iterable<Chunk>): number => jsFiles(chunks).reduce((kb, f) => kb + gzipKb(path.join(dir, f)), 0);
    const paths = new Map([...all].map((chunk) => [chunk, modulePaths(compilation, chunk)] as const));
    const msalChunks = [...all].filter((chunk) => (paths.get(chunk) ?? []).some((p) => MSAL_PACKAGES.test(p)));
    const teamsModules = [...paths.values()].flat().filter((p) => teamsPackageOf(p) !== null);
    const teamsChunks = [...all]
      .map((chunk): ChunkWeight => {
        const packages = new Set((paths.get(chunk) ?? []).flatMap((p) => teamsPackageOf(p) ?? []));
        return {
          chunk: chunk.name ?? jsFiles([chunk]).join(', '),
          kb: sum([chunk]),
          initial: initial.has(chunk),
          // Only the page's own groups: a chunk shared with another page is loaded by that page's imports too.
          loadedBy: [
            ...new Set(
              [...chunk.groupsIterable].filter((g) => groups.has(g)).map((g) => groupName(g, compilation.compiler.context)),
            ),
          ].sort(),
          behindLiveShare: !withoutLiveShare.has(chunk),
          teamsPackages: [...packages].sort(),
        };
      })
      .filter((chunk) => chunk.teamsPackages.length > 0)
      .sort((a, b) => Number(b.initial) - Number(a.initial) || b.kb - a.kb);
    const files = (chunks: Iterable<Chunk>): string[] => jsFiles(chunks).map((f) => path.join(dir, f));
    return {
      page: name,
      file,
      initialKb: sum(initial),
      totalKb: sum(all),
      msalKb: sum(msalChunks),
      teamsModules,
      teamsChunks,
      referencesOfficeJs: OFFICE_JS_SCRIPT.test(readFileSync(path.join(dir, file), 'utf8')),
      split: splitKb(files(all)),
      initialSplit: splitKb(files(initial)),
    };
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

/**
 * Builds the pages and the one-button page in one webpack run (production mode). The pages' source maps are hidden
 * (no sourceMappingURL comment), so their scripts are those of a build without maps; the split reads the maps.
 */
export async function buildForBench(): Promise<BenchBuild> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-pages-'));
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pages = pagesConfig(true);
    const [pageStats, buttonStats] = await run([
      // Not cleaned: the folder is new, and the one-button page is written into it by the same run.
      { ...pages, devtool: 'hidden-source-map', output: { ...pages.output, path: dir, clean: false } },
      oneButtonConfig(dir),
    ]);
    if (pageStats === undefined || buttonStats === undefined) throw new Error('webpack gave stats for fewer builds than asked.');
    const buttonEntry = buttonStats.compilation.entrypoints.get('one-button');
    if (buttonEntry === undefined) throw new Error('The one-button build has no entry point.');
    const oneButtonKb = jsFiles(buttonEntry.chunks).reduce((kb, f) => kb + gzipKb(path.join(dir, ONE_BUTTON_DIR, f)), 0);
    return { dir, pages: pageWeights(pageStats, dir), oneButtonKb, remove };
  } catch (error) {
    // A failed build or measurement leaves no half-built pages behind in the temporary folder.
    remove();
    throw error;
  }
}

const kb = (value: number): string => `${value.toFixed(1)} KB`;

function verdict(value: number, budget: number): string {
  return value <= budget ? `within ${budget} KB` : `over ${budget} KB by ${(value - budget).toFixed(1)} KB`;
}

const parts = (split: readonly PartWeight[]): string => split.map((p) => `${p.part} ${kb(p.kb)}`).join(', ');

/** Package names, shortened for a line: the @fluidframework/* packages as one count. */
function packageList(packages: readonly string[]): string {
  const fluid = packages.filter((p) => p.startsWith('@fluidframework/'));
  const others = packages.filter((p) => !p.startsWith('@fluidframework/'));
  return [
    ...others,
    ...(fluid.length === 0 ? [] : [`${fluid.length} @fluidframework/* package${fluid.length === 1 ? '' : 's'}`]),
  ].join(', ');
}

/** Chunks as "name 12.3 KB (loaded by …: packages)". */
function chunkList(chunks: readonly ChunkWeight[], packages: (chunk: ChunkWeight) => readonly string[]): string {
  return chunks.map((c) => `${c.chunk} ${kb(c.kb)} (loaded by ${c.loadedBy.join(', ')}: ${packageList(packages(c))})`).join('; ');
}

/**
 * The Teams side panel's figures: first paint against the Outlook pane's budget, where Live Share, Fluid and teams-js
 * are (initial or lazy, and by which import), office.js in the page, and the first paint by part.
 */
function printTeamsPage(print: (line: string) => void, teams: PageWeight): void {
  print(
    `  Teams side panel (${teams.file}) budget: first paint ${kb(teams.initialKb)} (${verdict(teams.initialKb, BUDGET_FIRST_PAINT_KB)})`,
  );
  print(`  Teams side panel, first paint by part (estimated): ${parts(teams.initialSplit)}`);
  const liveShareOf = (chunk: ChunkWeight): string[] => chunk.teamsPackages.filter((p) => p !== TEAMS_JS);
  const liveShare = teams.teamsChunks.filter((chunk) => liveShareOf(chunk).length > 0);
  const liveShareInitial = liveShare.filter((chunk) => chunk.initial);
  print(
    `  Live Share / Fluid modules in the Teams page's first-paint chunks: ${
      liveShareInitial.length === 0 ? 'none' : chunkList(liveShareInitial, liveShareOf)
    }`,
  );
  const liveShareLazy = liveShare.filter((chunk) => !chunk.initial);
  if (liveShareLazy.length === 0) {
    print(`  Live Share / Fluid in the Teams page's lazy chunks: none (nothing in this build of ${teams.file} loads Live Share)`);
  } else {
    const before = liveShareLazy.filter((chunk) => !chunk.behindLiveShare);
    print(
      `  Live Share / Fluid in the Teams page's lazy chunks: ${chunkList(liveShareLazy, liveShareOf)}; ` +
        `${kb(liveShareLazy.reduce((n, c) => n + c.kb, 0))} in all, ` +
        (before.length === 0
          ? `loaded only when the agenda is run (behind the "${LIVE_SHARE_CHUNK}" import: when its live session is joined)`
          : `of which ${before.map((c) => c.chunk).join(', ')} can load without the agenda being run (not only behind the "${LIVE_SHARE_CHUNK}" import)`),
    );
  }
  const teamsJsOf = (chunk: ChunkWeight): string[] => chunk.teamsPackages.filter((p) => p === TEAMS_JS);
  const teamsJs = teams.teamsChunks.filter((chunk) => teamsJsOf(chunk).length > 0);
  const where = (chunks: readonly ChunkWeight[]): string =>
    chunks.map((c) => `${c.chunk} ${kb(c.kb)}, loaded by ${c.loadedBy.join(', ')}`).join('; ');
  const teamsJsInitial = teamsJs.filter((chunk) => chunk.initial);
  const teamsJsLazy = teamsJs.filter((chunk) => !chunk.initial);
  print(
    `  teams-js in the Teams page: ${teamsJs.length === 0 ? 'none' : teamsJsInitial.length === 0 ? 'not in the first paint' : `in the first paint (${where(teamsJsInitial)})`}` +
      (teamsJsLazy.length === 0 ? '' : `; lazy: ${where(teamsJsLazy)}`),
  );
  print(
    `  office.js in the built ${teams.file}: ${teams.referencesOfficeJs ? 'referenced (a script element loads it)' : 'not referenced'}`,
  );
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
    print(`  Outlook pane, everything by part (estimated): ${parts(outlook.split)}`);
    print(`  Outlook pane, first paint by part (estimated): ${parts(outlook.initialSplit)}`);
    print(
      `  Teams / Live Share / Fluid modules in the Outlook pane's chunks: ${
        outlook.teamsModules.length === 0 ? 'none' : outlook.teamsModules.join(', ')
      }`,
    );
  }
  const teams = build.pages.find((p) => p.page === 'teams');
  if (teams !== undefined) printTeamsPage(print, teams);
  print(`  one-button Fluent page (React 19 + FluentProvider + Button): ${kb(build.oneButtonKb)}`);
  print('  (gzip level 9, 1 KB = 1,024 bytes; office.js from Microsoft’s CDN is not counted)');
}
