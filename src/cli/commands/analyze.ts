import type { CommandModule } from 'yargs';
import { EXIT } from '../errors.js';
import { out, outJson } from '../print.js';
import { redactOptions, redactRequest, reportRedaction, wantsRedaction, type RedactArgs } from '../redact-options.js';

interface Args extends RedactArgs {
  bundle: string;
  json?: boolean;
}

export const analyzeCommand: CommandModule<object, Args> = {
  command: 'analyze <bundle>',
  describe: 'Diagnose a bundle of captured outputs (folder, .tar.gz, .tar.xz, .zip, sosreport, or one transcript file)',
  builder: (y) =>
    redactOptions(
      y
        .positional('bundle', { type: 'string', demandOption: true, describe: 'Folder, archive or text file of captures' })
        .option('json', { type: 'boolean', describe: 'Print the analysis as JSON (schema fdleak/analysis@1)' }),
    )
      .example('$0 analyze samples/tomcat-cat-leak', '# Print the verdict, suspect and findings')
      .example('$0 analyze incident.tar.gz --json | jq .suspects', '# Machine-readable result')
      .example('$0 analyze incident/ --json --redact > shareable.json', '# Addresses, names and secrets replaced')
      .example('$0 analyze write-up.md', '# A pasted terminal transcript or Markdown write-up, split per command'),
  handler: async (args) => {
    // Heavy modules load only when the command runs, so --help and other commands start fast.
    (await import('../../cleanup.js')).cleanUpOnSignals();
    const { analyzeBundle } = await import('../../analysis.js');
    const { formatSummary } = await import('../summary.js');
    const { requireEvidence } = await import('../evidence.js');
    const redact = wantsRedaction(args) ? await redactRequest(args, []) : undefined;
    const { result, redaction } = await analyzeBundle(args.bundle, { redact });
    requireEvidence(args.bundle, result);
    if (redaction) reportRedaction(redaction.counts(), redact?.mapFile);
    if (args.json) outJson(result);
    else out(formatSummary(result));
    process.exitCode = result.verdict === 'no-leak' ? EXIT.OK : EXIT.FINDINGS;
  },
};
