/**
 * `npm run package`: builds the app package for one deployment from environment variables and writes
 * dist/package/samrad-<version>.zip. Exit codes: 0 written, 1 the package is invalid (every problem listed, one per
 * line), 2 wrong configuration or usage (one line saying what and how to fix it).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSamradError, type SamradError } from '../../src/core/errors';
import { buildPackage } from './build';
import { ENV_NAMES, LOCAL_BASE_URL, PackageConfigError, type PackageConfig } from './config';
import { DEFAULT_OUT_DIR, MANIFEST_DIR, PROJECT_ROOT } from './paths';

export const EXIT_OK = 0;
export const EXIT_INVALID_PACKAGE = 1;
export const EXIT_CONFIG = 2;

export const USAGE = `Användning / Usage: npm run package [-- --out DIR] [-- --local]
  Läser / reads ${ENV_NAMES.baseUrl}, ${ENV_NAMES.appId}, ${ENV_NAMES.clientId}
  (valfria / optional: ${ENV_NAMES.websiteUrl}, ${ENV_NAMES.privacyUrl}, ${ENV_NAMES.termsOfUseUrl}).
  --out DIR            mapp för paketet / folder for the package (dist/package)
  --manifest-dir DIR   manifestmall med ikoner / manifest template with icons (manifest)
  --local              lokalt prov utan klientorganisation: standardvärden för det som saknas /
                       local try-out without a tenant: defaults for whatever is missing
Slutkoder / exit codes: 0 ok, 1 ogiltigt paket / invalid package, 2 fel inställning / wrong configuration.`;

/**
 * Values for a local try-out without a tenant (`--local`). The GUIDs are fixed so that repeated local packages
 * replace each other when uploaded; they belong to no app registration, so sign-in cannot work with them.
 */
export const LOCAL_DEFAULTS = {
  baseUrl: LOCAL_BASE_URL,
  appId: '5f0c3a9e-2d41-4b7a-9c3e-8a1d6b2f4e70',
  clientId: 'c7e2b4d1-9a36-4f58-b0e1-3d5a7c9f2b86',
} as const;

export interface PackageCliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

interface Options {
  readonly outDir: string;
  readonly manifestDir: string;
  readonly local: boolean;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function parseArgs(argv: readonly string[]): Options | 'help' {
  let outDir = DEFAULT_OUT_DIR;
  let manifestDir = MANIFEST_DIR;
  let local = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--local') {
      local = true;
    } else if (arg === '--out' || arg === '--manifest-dir') {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`${arg} behöver en mapp.`, `${arg} needs a folder.`);
      i += 1;
      if (arg === '--out') outDir = path.resolve(value);
      else manifestDir = path.resolve(value);
    } else {
      throw new UsageError(`Okänt argument "${arg}".`, `Unknown argument "${arg}".`);
    }
  }
  return { outDir, manifestDir, local };
}

type EnvSetting = 'baseUrl' | 'appId' | 'clientId';
const REQUIRED: readonly EnvSetting[] = ['baseUrl', 'appId', 'clientId'];

function missing(setting: EnvSetting): PackageConfigError {
  const name = ENV_NAMES[setting];
  const hints: Record<EnvSetting, { sv: string; en: string }> = {
    baseUrl: { sv: 'https-adressen där dist/ publiceras', en: 'the https address dist/ is served at' },
    appId: { sv: 'appens eget GUID, skapat en gång', en: "the app's own GUID, created once" },
    clientId: {
      sv: 'appregistreringens Program-ID (klient) i Microsoft Entra ID',
      en: "the app registration's Application (client) ID in Microsoft Entra ID",
    },
  };
  return new PackageConfigError(
    setting,
    { sv: `${name} är inte satt.`, en: `${name} is not set.` },
    {
      sv: `Sätt den till ${hints[setting].sv} (se docs/sideloading.md), eller kör med --local för ett lokalt prov utan klientorganisation.`,
      en: `Set it to ${hints[setting].en} (see docs/sideloading.md), or run with --local for a local try-out without a tenant.`,
    },
  );
}

/** The configuration from the environment; with `local`, defaults fill what is missing and are named. */
export function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  version: string,
  local: boolean,
): { config: PackageConfig; defaultsUsed: EnvSetting[] } {
  const defaultsUsed: EnvSetting[] = [];
  const value = (setting: EnvSetting): string => {
    const given = env[ENV_NAMES[setting]]?.trim();
    if (given !== undefined && given !== '') return given;
    if (!local) throw missing(setting);
    defaultsUsed.push(setting);
    return LOCAL_DEFAULTS[setting];
  };
  const optional = (name: string): string | undefined => {
    const given = env[name]?.trim();
    return given === undefined || given === '' ? undefined : given;
  };
  const [baseUrl, appId, clientId] = REQUIRED.map(value) as [string, string, string];
  const websiteUrl = optional(ENV_NAMES.websiteUrl);
  const privacyUrl = optional(ENV_NAMES.privacyUrl);
  const termsOfUseUrl = optional(ENV_NAMES.termsOfUseUrl);
  return {
    config: {
      baseUrl,
      appId,
      clientId,
      version,
      ...(websiteUrl === undefined ? {} : { websiteUrl }),
      ...(privacyUrl === undefined ? {} : { privacyUrl }),
      ...(termsOfUseUrl === undefined ? {} : { termsOfUseUrl }),
    },
    defaultsUsed,
  };
}

async function projectVersion(): Promise<string> {
  const parsed = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '';
}

/** The path relative to the working folder when it is inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function oneLine(error: SamradError): string {
  return `package: ${error.what.sv} ${error.hint.sv} / ${error.what.en} ${error.hint.en}`;
}

export async function runPackageCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: PackageCliIo,
): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`package: ${error.sv} / ${error.en} (npm run package -- --help)`);
    return EXIT_CONFIG;
  }
  if (options === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }

  let result: Awaited<ReturnType<typeof buildPackage>>;
  let defaultsUsed: EnvSetting[] = [];
  try {
    const fromEnv = configFromEnv(env, await projectVersion(), options.local);
    defaultsUsed = fromEnv.defaultsUsed;
    for (const setting of defaultsUsed) {
      io.err(
        `package: LOKALT PROV, standardvärde / LOCAL TRY-OUT, default value: ${ENV_NAMES[setting]}=${LOCAL_DEFAULTS[setting]}` +
          ' (inte för en klientorganisation / not for a tenant)',
      );
    }
    result = await buildPackage(fromEnv.config, options.manifestDir);
  } catch (error) {
    if (error instanceof PackageConfigError) {
      io.err(oneLine(error));
      return EXIT_CONFIG;
    }
    if (isSamradError(error)) {
      io.err(oneLine(error));
      return EXIT_INVALID_PACKAGE;
    }
    throw error;
  }

  if (!result.ok) {
    for (const error of result.errors) io.err(`package: ${error}`);
    io.err(
      `package: paketet är ogiltigt (${result.errors.length} fel), inget skrevs / the package is invalid (${result.errors.length} errors), nothing was written.`,
    );
    return EXIT_INVALID_PACKAGE;
  }

  const { built } = result;
  const fileName = defaultsUsed.length > 0 ? built.fileName.replace(/\.zip$/, '-local.zip') : built.fileName;
  const target = path.join(options.outDir, fileName);
  try {
    await mkdir(options.outDir, { recursive: true });
    await writeFile(target, built.zip);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.err(`package: kan inte skriva / cannot write ${target} (${reason}).`);
    return EXIT_INVALID_PACKAGE;
  }
  io.out(
    `package: skrev / wrote ${displayPath(target)} (${built.zip.length} byte): ${[...built.files.keys()].sort().join(', ')}`,
  );
  io.out('package: måste finnas på webbservern / must be served by the web server:');
  for (const url of built.hostedUrls) io.out(`  ${url}`);
  return EXIT_OK;
}
