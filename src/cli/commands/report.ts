import type { CommandModule } from 'yargs';
import { relative } from 'node:path';
import { EXIT, UserInputError } from '../errors.js';
import { out } from '../print.js';
import { redactOptions, redactRequest, reportRedaction, wantsRedaction, type RedactArgs } from '../redact-options.js';

interface ReportArgs extends RedactArgs {
  bundle: string;
  format: string[];
  out?: string;
  explain: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <bundle>',
  describe: 'Write the postmortem of a bundle as HTML, PDF, Markdown and/or JSON',
  builder: (y) =>
    redactOptions(y)
      .positional('bundle', { type: 'string', demandOption: true, describe: 'Folder, archive or text file of captures' })
      .option('format', {
        alias: 'f',
        type: 'string',
        array: true,
        default: ['html'],
        describe:
          'html, pdf, md (a ticket-sized summary), md-full (the whole notebook in Markdown) or json; several as a comma list (html,pdf)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        describe:
          'A folder (ends with / or exists): <bundle name>.<format> in it. Otherwise, with one format, the file to write; with several, the folder (a report file name such as out.pdf is refused). Default: reports/',
      })
      .option('explain', {
        type: 'boolean',
        default: true,
        describe: 'Teach the method: a lesson per step, in an appendix (--no-explain for the findings only)',
      })
      .example('$0 report samples/tomcat-cat-leak --format html,pdf,md', '# Write reports/tomcat-cat-leak.{html,pdf,md}')
      .example('$0 report incident.tar.gz -f md -o ticket-comment.md', '# Markdown for a ticket comment')
      .example('$0 report incident/ -f pdf --no-explain', '# A PDF with the findings only')
      .example(
        '$0 report incident/ -f html,md --redact --redact-map ~/incident.map.json',
        '# A report to share outside the team; the map stays with you',
      ),
  handler: async (args) => {
    (await import('../../cleanup.js')).cleanUpOnSignals();
    const { parseFormats, outputPaths, reportName, writeReports } = await import('../../report/render.js');
    const { checkOutput } = await import('../../report/output.js');
    let formats: ReturnType<typeof parseFormats>;
    try {
      formats = parseFormats(args.format);
    } catch (err) {
      throw new UserInputError((err as Error).message);
    }
    // Where the files go is checked before the analysis: a mistyped --out fails at once.
    let paths = outputPaths(formats, reportName(args.bundle), args.out);
    for (const path of paths.values()) checkOutput(path);
    const { dirname } = await import('node:path');
    const redact = wantsRedaction(args)
      ? await redactRequest(
          args,
          [...paths.values()].map((p) => dirname(p)),
        )
      : undefined;
    const { analyzeBundle } = await import('../../analysis.js');
    const { requireEvidence } = await import('../evidence.js');
    const { result, notes, redaction } = await analyzeBundle(args.bundle, { redact });
    requireEvidence(args.bundle, result);
    if (redaction) {
      reportRedaction(redaction.counts(), redact?.mapFile);
      // A report named after the bundle (fdleak-web3-20261206-…) is named after its redacted name.
      paths = outputPaths(formats, reportName(result.incident.input), args.out);
    }
    // The verdict first, so a terminal run shows the conclusion, then where the report went.
    const { formatSummary } = await import('../summary.js');
    out(formatSummary(result) + '\n');
    const written = await writeReports(result, formats, paths, { notes: notesText(notes), explain: args.explain });
    for (const w of written) out(`${w.format.padEnd(7)} ${relative(process.cwd(), w.path) || w.path} (${w.ms} ms)\n`);
    // The report is the product here: written means success, whatever it concludes (analyze's exit code carries the verdict).
    process.exitCode = EXIT.OK;
  },
};

/** The notes as analyzeBundle hands them over (an object with the text, or the text itself). */
function notesText(notes: unknown): string | null {
  if (typeof notes === 'string') return notes;
  if (notes && typeof notes === 'object' && typeof (notes as { text?: unknown }).text === 'string') return (notes as { text: string }).text;
  return null;
}
