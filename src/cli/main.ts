// The command line. The only place that prints errors and sets exit codes.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';
import { EXIT, UserInputError } from './errors.js';
import { err as printErr } from './print.js';
import { terminalText } from '../terminal.js';

const oneLine = (s: string): string => terminalText(s, { oneLine: true });
import { analyzeCommand } from './commands/analyze.js';
import { collectCommand } from './commands/collect.js';
import { diffCommand } from './commands/diff.js';
import { notebookCommand } from './commands/notebook.js';
import { redactCommand } from './commands/redact.js';
import { reportCommand } from './commands/report.js';

const debug = process.argv.includes('--debug');

export function buildCli(argv: string[]): Argv {
  return yargs(argv)
    .scriptName('fdleak')
    .usage('$0 <command> [options]\n\nFind the file-descriptor leak behind "Too many open files".')
    .command(analyzeCommand)
    .command(reportCommand)
    .command(collectCommand)
    .command(diffCommand)
    .command(notebookCommand)
    .command(redactCommand)
    .option('debug', { type: 'boolean', describe: 'Print stack traces for errors', global: true })
    .demandCommand(1, 'Say what to do: fdleak analyze BUNDLE (see fdleak --help).')
    .strict()
    .recommendCommands()
    .version(VERSION)
    .alias('h', 'help')
    .alias('V', 'version')
    .example('$0 analyze samples/tomcat-cat-leak', '# Diagnose a captured bundle')
    .example('$0 report samples/tomcat-cat-leak --format html,pdf,md --out reports/', '# Write the postmortem')
    .example('sudo $0 collect --auto --out incident.tar.gz', '# Capture a bundle on a live host')
    .example('$0 diff before/ after/', '# Is the leak gone after the fix?')
    .epilogue(
      'Exit codes: 0 no leak found (diff: fixed or healthy), 1 leak found or evidence inconclusive (diff: still leaking or not shown fixed), 2 bad usage or unreadable input, 3 internal error (a bug).',
    )
    .wrap(null)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli(argv).parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    printErr(`fdleak: ${oneLine(err.message)}\nRun fdleak --help for usage.\n`);
    return EXIT.INPUT;
  }
  // The layers below the CLI mark the user's errors by name (InputError, UserInputError), not by class.
  if (err instanceof UserInputError || (err as Error)?.name === 'InputError' || (err as Error)?.name === 'UserInputError') {
    const e = err as UserInputError;
    printErr(`fdleak: ${oneLine(e.message)}${e.hint ? ` (${oneLine(e.hint)})` : ''}\n`);
    if (debug) printErr(`${e.stack}\n`);
    return EXIT.INPUT;
  }
  const e = err as Error;
  printErr(`fdleak: internal error: ${oneLine(e?.message ?? String(err))}. This is a bug; rerun with --debug for details.\n`);
  if (debug) printErr(`${e?.stack}\n`);
  return EXIT.INTERNAL;
}

main(hideBin(process.argv)).then((code) => {
  process.exitCode = code;
});
