// Runs the collect (and notebook) commands the way src/cli/main.ts will, for end-to-end tests
// that must not depend on the lead's CLI wiring.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { collectCommand } from '../../src/cli/commands/collect.js';
import { notebookCommand } from '../../src/cli/commands/notebook.js';

yargs(hideBin(process.argv))
  .scriptName('fdleak')
  .command(collectCommand)
  .command(notebookCommand)
  .strict()
  .fail((msg, err) => {
    process.stderr.write(`fdleak: ${msg ?? err?.message}\n`);
    process.exit(2);
  })
  .parseAsync()
  .catch((err: Error) => {
    process.stderr.write(`fdleak: ${err.message}\n`);
    process.exit(2);
  });
