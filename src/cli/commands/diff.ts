import type { CommandModule } from 'yargs';
import { relative } from 'node:path';
import { UserInputError } from '../errors.js';
import { out, outJson } from '../print.js';

const FORMATS = ['text', 'json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  a: string;
  b: string;
  json?: boolean;
  format?: string;
  out?: string;
}

export const diffCommand: CommandModule<object, Args> = {
  command: 'diff <a> <b>',
  describe: 'Compare two bundles of the same service (before and after a fix, or two captures of a leak): is it fixed?',
  builder: (y) =>
    y
      .positional('a', { type: 'string', demandOption: true, describe: 'The earlier bundle (folder, archive or text file of captures)' })
      .positional('b', { type: 'string', demandOption: true, describe: 'The later bundle' })
      .option('json', { type: 'boolean', describe: 'Print the diff as JSON (schema fdleak/diff@1); the same as --format json' })
      .option('format', { alias: 'f', type: 'string', describe: `${FORMATS.join(', ')} (default text)` })
      .option('out', {
        alias: 'o',
        type: 'string',
        describe: 'Write the diff to this file instead of the terminal (the conclusion is still printed)',
      })
      .example('$0 diff before/ after/', '# Is the leak gone after the fix? (exit 0: fixed)')
      .example('$0 diff incident.tar.gz incident-later.tar.gz', '# Is it still growing?')
      .example('$0 diff before/ after/ --format html --out diff.html', '# The comparison as a page, with a chart of the two sides')
      .example('$0 diff before/ after/ --json | jq .conclusions', '# Machine-readable'),
  handler: async (args) => {
    const format = formatOf(args);
    (await import('../../cleanup.js')).cleanUpOnSignals();
    const { checkOutput, writeOutput } = await import('../../report/output.js');
    if (args.out !== undefined) checkOutput(args.out);
    const { analyzeBundle } = await import('../../analysis.js');
    const { requireEvidence } = await import('../evidence.js');
    const { diffResults } = await import('../../diff/diff.js');
    const { exitCodeOf } = await import('../../diff/view.js');
    // One after the other: an unreadable A is reported before B is read.
    const a = (await analyzeBundle(args.a)).result;
    requireEvidence(args.a, a);
    const b = (await analyzeBundle(args.b)).result;
    requireEvidence(args.b, b);
    const diff = diffResults(a, b);
    process.exitCode = exitCodeOf(diff.outcome);
    if (args.out === undefined && format === 'json') return outJson(diff);
    const body = await render(diff, format);
    if (args.out === undefined) return out(body);
    await writeOutput(args.out, body);
    const { terminalText } = await import('../../terminal.js');
    out(`${terminalText(diff.conclusion, { oneLine: true })}\n${format.padEnd(4)} ${relative(process.cwd(), args.out) || args.out}\n`);
  },
};

function formatOf(args: Args): Format {
  const f = args.format ?? (args.json ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(f)) throw new UserInputError(`--format ${f}: not one of ${FORMATS.join(', ')}`);
  if (args.json && f !== 'json') throw new UserInputError(`--json and --format ${f} ask for two formats`, 'give one of them');
  return f as Format;
}

async function render(diff: import('../../diff/result.js').DiffResult, format: Format): Promise<string> {
  switch (format) {
    case 'json':
      return JSON.stringify(diff, null, 2) + '\n';
    case 'md':
      return (await import('../../diff/markdown.js')).renderDiffMarkdown(diff);
    case 'html':
      return (await import('../../diff/html.js')).renderDiffHtml(diff);
    case 'text':
      return (await import('../../diff/text.js')).formatDiffText(diff);
  }
}
