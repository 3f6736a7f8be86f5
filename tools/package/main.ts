/**
 * The `npm run package` process (`tsx tools/package/main.ts`): see cli.ts for options and exit codes.
 */
import { runPackageCli } from './cli';

process.exitCode = await runPackageCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
