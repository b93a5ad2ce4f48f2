import type { CommandModule } from 'yargs';
import { EXIT, UserInputError } from '../errors.js';
import { out } from '../print.js';
import { redactOptions, redactRequest, reportRedaction, type RedactArgs } from '../redact-options.js';

interface Args extends RedactArgs {
  bundle: string;
  out?: string;
}

export const redactCommand: CommandModule<object, Args> = {
  command: 'redact <bundle>',
  describe: 'Write a redacted copy of a bundle (addresses, host and user names as pseudonyms, secrets removed) to share it',
  builder: (y) =>
    redactOptions(
      y
        .positional('bundle', {
          type: 'string',
          demandOption: true,
          describe: 'Folder, archive, sos report or text file of captures (never modified)',
        })
        .option('out', { alias: 'o', type: 'string', describe: 'The folder to write: new, or empty' }),
      false,
    )
      .example('$0 redact incident.tar.gz --out incident-shared/', '# The same captures, safe(r) to attach to a ticket')
      .example(
        '$0 redact incident/ --out shared/ --redact-map ~/incident.map.json --redact-pattern "ACME-[0-9]+"',
        '# Keep the map; also replace customer ids',
      ),
  handler: async (args) => {
    if (!args.out) throw new UserInputError('no --out given', 'name a new or empty folder: fdleak redact BUNDLE --out DIR');
    (await import('../../cleanup.js')).cleanUpOnSignals();
    const { checkOut, redactBundle } = await import('../../redact/bundle.js');
    const { relative } = await import('node:path');
    checkOut(args.bundle, args.out);
    const { patterns, mapFile } = await redactRequest(args, [args.out]);
    const r = await redactBundle(args.bundle, args.out, { patterns, mapFile });
    const lines = [`${relative(process.cwd(), r.out) || r.out}: ${r.written.length} files written`];
    for (const s of r.skipped) lines.push(`  left out: ${s.file} (${s.why})`);
    const cut = r.written.filter((w) => w.cutLines > 0);
    for (const w of cut) lines.push(`  ${w.file}: ${w.cutLines} lines longer than 4 MiB cut there`);
    out(lines.join('\n') + '\n');
    reportRedaction(r.map.counts(), mapFile);
    process.exitCode = EXIT.OK;
  },
};
