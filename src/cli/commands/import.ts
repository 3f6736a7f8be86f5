import { importInvitation } from '../../core/invitation';
import { formatImportReport } from '../../core/invitation/report';
import { EXIT_OK, type CliIo } from '../io';
import type { ParsedArgs } from '../main';

export function runImport(text: string, args: ParsedArgs, io: CliIo): number {
  const { consultation, report } = importInvitation(text, {
    referenceInstant: io.now(),
    ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }),
  });
  io.out(JSON.stringify(consultation, null, 2));
  io.err(formatImportReport(report, args.language));
  return EXIT_OK;
}
