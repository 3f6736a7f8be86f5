/**
 * `samrad`: the consultation core on the command line, for officials' scripts and open-data integrations.
 *   samrad import FILE     invitation text → consultation JSON on stdout, review report on stderr
 *   samrad validate FILE   check a consultation JSON; every problem, one per line
 *   samrad plan FILE       the time plan of a consultation JSON
 * Exit codes: 0 ok, 1 invalid input, 2 usage. FILE may be "-" for standard input.
 */
import { isSamradError } from '../core/errors';
import type { Language } from '../core/time/format';
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { runImport } from './commands/import';
import { runPlan } from './commands/plan';
import { runValidate } from './commands/validate';

export const USAGE = `Användning / Usage:
  samrad import FILE [--lang sv|en] [--time-zone ZONE]   inbjudan (text) → samråd (JSON) / invitation text → consultation JSON
  samrad validate FILE [--lang sv|en]                    kontrollera ett samråd (JSON) / check a consultation JSON
  samrad plan FILE [--lang sv|en]                        tidsplanen / the time plan
  samrad help                                            den här texten / this text
FILE kan vara "-" för standard in / FILE may be "-" for standard input.
Slutkoder / exit codes: 0 ok, 1 ogiltig indata / invalid input, 2 fel användning / usage.`;

export interface ParsedArgs {
  readonly command: string;
  readonly file: string;
  readonly language: Language;
  readonly timeZone: string | undefined;
}

/** Wrong words on the command line; says what is wrong in both languages. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function parseArgs(argv: readonly string[]): ParsedArgs | 'help' {
  const positional: string[] = [];
  let language: Language = 'sv';
  let timeZone: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h' || arg === 'help') return 'help';
    if (arg === '--lang' || arg === '--time-zone') {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`${arg} behöver ett värde.`, `${arg} needs a value.`);
      i += 1;
      if (arg === '--time-zone') timeZone = value;
      else if (value === 'sv' || value === 'en') language = value;
      else throw new UsageError(`--lang tar sv eller en, inte "${value}".`, `--lang takes sv or en, not "${value}".`);
      continue;
    }
    if (arg.startsWith('--')) throw new UsageError(`Okänt val ${arg}.`, `Unknown option ${arg}.`);
    positional.push(arg);
  }
  const [command, file, ...rest] = positional;
  if (command === undefined) return 'help';
  if (!['import', 'validate', 'plan'].includes(command))
    throw new UsageError(`Okänt kommando "${command}".`, `Unknown command "${command}".`);
  if (file === undefined) throw new UsageError(`${command} behöver en FIL.`, `${command} needs a FILE.`);
  if (rest.length > 0) throw new UsageError(`Oväntat argument "${rest[0] ?? ''}".`, `Unexpected argument "${rest[0] ?? ''}".`);
  return { command, file, language, timeZone };
}

/** Reads FILE ("-" is standard input) with a clear error when it cannot be read. */
export async function readInput(file: string, io: CliIo): Promise<string> {
  return file === '-' ? io.readStdin() : io.readFile(file);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`samrad: ${error.sv} / ${error.en} (samrad help)`);
    return EXIT_USAGE;
  }
  if (args === 'help') {
    io.out(USAGE);
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  let input: string;
  try {
    input = await readInput(args.file, io);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.err(`samrad: kan inte läsa / cannot read ${args.file} (${reason}).`);
    return EXIT_INVALID_INPUT;
  }
  try {
    switch (args.command) {
      case 'import':
        return runImport(input, args, io);
      case 'validate':
        return runValidate(input, args, io);
      default:
        return runPlan(input, args, io);
    }
  } catch (error) {
    if (isSamradError(error)) {
      io.err(`samrad: ${error.what[args.language]} ${error.hint[args.language]}`);
      return EXIT_INVALID_INPUT;
    }
    throw error;
  }
}
