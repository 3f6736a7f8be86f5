import { validateConsultation } from '../../core/consultation/validate';
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from '../io';
import type { ParsedArgs } from '../main';
import { parseJson } from './parseJson';

export function runValidate(text: string, args: ParsedArgs, io: CliIo): number {
  const result = validateConsultation(parseJson(text, args.file));
  if (result.ok) {
    io.out(args.language === 'sv' ? `${args.file}: giltigt samråd.` : `${args.file}: a valid consultation.`);
    return EXIT_OK;
  }
  for (const problem of result.problems) io.err(`${args.file}: ${problem.path}: ${problem.message[args.language]}`);
  io.err(
    args.language === 'sv'
      ? `${args.file}: ${result.problems.length} fel.`
      : `${args.file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`,
  );
  return EXIT_INVALID_INPUT;
}
