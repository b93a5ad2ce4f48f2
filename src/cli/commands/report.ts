import type { CommandModule } from 'yargs';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { analyzeBundle } from '../../analysis.js';
import { EXIT, UserInputError } from '../errors.js';

interface ReportArgs {
  bundle: string;
  format: string[];
  out?: string;
  explain: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <bundle>',
  describe: 'Write the postmortem of a bundle as HTML, PDF, Markdown and/or JSON',
  builder: (y) =>
    y
      .positional('bundle', { type: 'string', demandOption: true, describe: 'Folder, archive or text file of captures' })
      .option('format', {
        alias: 'f',
        type: 'string',
        array: true,
        default: ['html'],
        describe: 'html, pdf, md or json; several as a comma list (html,pdf)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        describe: 'With one format: the file to write. With several: the folder. Default: reports/<bundle name>.<format>',
      })
      .option('explain', {
        type: 'boolean',
        default: true,
        describe: 'Teach the method: a short lesson per step (--no-explain for the findings only)',
      })
      .example('$0 report samples/tomcat-cat-leak --format html,pdf,md', 'Write reports/tomcat-cat-leak.{html,pdf,md}')
      .example('$0 report incident.tar.gz -f md -o ticket-comment.md', 'Markdown for a ticket comment')
      .example('$0 report incident/ -f pdf --no-explain', 'A PDF with the findings only'),
  handler: async (args) => {
    const { parseFormats, outputPaths, reportName, writeReports } = await import('../../report/render.js');
    let formats;
    try {
      formats = parseFormats(args.format);
    } catch (err) {
      throw new UserInputError((err as Error).message);
    }
    const { result, notes } = await analyzeBundle(args.bundle);
    const paths = outputPaths(formats, reportName(args.bundle), args.out);
    try {
      const written = await writeReports(result, formats, paths, { notes: notesText(notes), explain: args.explain });
      for (const w of written) process.stdout.write(`${w.format.padEnd(4)} ${relative(process.cwd(), w.path) || w.path} (${w.ms} ms)\n`);
    } catch (err) {
      const e = err as Error & { hint?: string };
      if (e.name === 'UserInputError' && !(e instanceof UserInputError)) throw new UserInputError(e.message, e.hint);
      throw err;
    }
    process.exitCode = result.verdict === 'no-leak' ? EXIT.OK : EXIT.FINDINGS;
  },
};

interface NotebookArgs {
  bundle: string;
  out?: string;
  force?: boolean;
}

/** `fdleak notebook init BUNDLE`: the analyst's notes.md, pre-filled with headings and generated findings. */
export const notebookCommand: CommandModule<object, NotebookArgs> = {
  command: 'notebook init <bundle>',
  describe: "Write the bundle's notes.md, pre-filled with the report's headings and the generated findings",
  builder: (y) =>
    y
      .positional('bundle', { type: 'string', demandOption: true, describe: 'Folder, archive or text file of captures' })
      .option('out', { alias: 'o', type: 'string', describe: 'Where to write (default: notes.md inside a folder bundle, <name>.notes.md beside a file)' })
      .option('force', { type: 'boolean', describe: 'Overwrite an existing notes file' }),
  handler: async (args) => {
    const { notebookTemplate } = await import('../../report/notebook-template.js');
    const { reportName } = await import('../../report/render.js');
    const { result } = await analyzeBundle(args.bundle);
    const bundle = resolve(args.bundle);
    const target = args.out
      ? resolve(args.out)
      : existsSync(bundle) && statSync(bundle).isDirectory()
        ? join(bundle, 'notes.md')
        : join(dirname(bundle), `${reportName(args.bundle)}.notes.md`);
    if (existsSync(target) && !args.force) {
      throw new UserInputError(`${relative(process.cwd(), target)} exists already`, 'use --force to overwrite it');
    }
    await writeFile(target, notebookTemplate(result));
    process.stdout.write(`${relative(process.cwd(), target) || target}: edit it, then run fdleak report ${args.bundle}\n`);
  },
};

/** The notes as analyzeBundle hands them over (an object with the text, or the text itself). */
function notesText(notes: unknown): string | null {
  if (typeof notes === 'string') return notes;
  if (notes && typeof notes === 'object' && typeof (notes as { text?: unknown }).text === 'string') return (notes as { text: string }).text;
  return null;
}
