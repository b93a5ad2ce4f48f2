import type { Argv, CommandModule } from 'yargs';
import { VERSION } from '../../version.js';
import { EXIT, UserInputError } from '../errors.js';
import { err, out, outJson } from '../print.js';

interface StatusArgs {
  bundle: string;
  json?: boolean;
}

interface CaptureArgs {
  bundle: string;
  name?: string;
  pid?: number;
  timeout: number;
  'max-file-mb': number;
  '--'?: (string | number)[];
  cmd?: (string | number)[];
}

interface InitArgs {
  bundle: string;
  force?: boolean;
}

const statusCommand: CommandModule<object, StatusArgs> = {
  command: 'status <bundle>',
  describe: 'Which investigation steps the bundle supports, what it found, and the next capture to make',
  builder: (y) =>
    y
      .positional('bundle', { type: 'string', demandOption: true, describe: 'Folder, archive or text file of captures' })
      .option('json', { type: 'boolean', describe: 'Print the steps as JSON' })
      .example('$0 notebook status incident/', '# Steps 1-11: done, missing, and the next command to run')
      .example('$0 notebook status incident/ --json | jq .next', '# The next capture, for a script'),
  handler: async (args) => {
    (await import('../../cleanup.js')).cleanUpOnSignals();
    const { analyzeBundle } = await import('../../analysis.js');
    const { notebookSteps, formatNotebookStatus, nextCapture } = await import('../../collect/notebook.js');
    const { result } = await analyzeBundle(args.bundle);
    const steps = notebookSteps(result);
    if (args.json) outJson({ bundle: args.bundle, verdict: result.verdict, steps, next: nextCapture(args.bundle, steps) });
    else out(formatNotebookStatus(args.bundle, result, steps));
    process.exitCode = EXIT.OK;
  },
};

const captureCommand: CommandModule<object, CaptureArgs> = {
  command: 'capture <bundle> [cmd..]',
  describe: 'Run one command, file its output in the bundle and record it in the manifest',
  builder: (y) =>
    (y as Argv<object>)
      .parserConfiguration({ 'populate--': true, 'unknown-options-as-args': true })
      .positional('bundle', { type: 'string', demandOption: true })
      .positional('cmd', { type: 'string', array: true, describe: 'The command, after --' })
      .option('name', { type: 'string', describe: 'File name in the bundle (default: from the command)' })
      .option('pid', { type: 'number', describe: 'The process the capture is about (default: from -p N or /proc/N)' })
      .option('timeout', { type: 'number', default: 120, describe: 'Seconds before the command is stopped' })
      .option('max-file-mb', { type: 'number', default: 200, describe: 'Size cap of the output' })
      .example('$0 notebook capture incident/ -- ss -s', '# File `ss -s` as ss-s.txt')
      .example(
        '$0 notebook capture incident/ -- timeout -s INT 30 strace -f -tt -T -y -s 256 -p 4242 -o strace-4242.txt',
        '# strace writes into the bundle (the command runs in it)',
      ) as unknown as Argv<CaptureArgs>,
  handler: async (args) => {
    const { notebookCapture } = await import('../../collect/capture.js');
    const argv = [...(args.cmd ?? []), ...(args['--'] ?? [])].map(String);
    if (argv.length === 0) throw new UserInputError('no command given', 'put it after --: fdleak notebook capture BUNDLE -- ss -s');
    const entry = await notebookCapture(args.bundle, argv, {
      name: args.name,
      pid: args.pid,
      timeoutSeconds: args.timeout,
      maxBytes: Math.round(args['max-file-mb'] * 1024 * 1024),
      version: VERSION,
    });
    out(`${entry.path}: ${entry.command} (exit ${entry.exitCode ?? 'signal'})\n`);
    if (entry.stderr) err(`${entry.stderr}\n`);
  },
};

const initCommand: CommandModule<object, InitArgs> = {
  command: 'init <bundle>',
  describe: "Write notes.md: the analyst's notebook, pre-filled per investigation step from the analysis",
  builder: (y) =>
    y
      .positional('bundle', { type: 'string', demandOption: true, describe: 'The bundle folder' })
      .option('force', { type: 'boolean', describe: 'Overwrite an existing notes.md' })
      .example('$0 notebook init incident/', '# Write incident/notes.md; edit it; fdleak report weaves it in'),
  handler: async (args) => {
    (await import('../../cleanup.js')).cleanUpOnSignals();
    const { existsSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { analyzeBundle } = await import('../../analysis.js');
    const { notebookTemplate } = await import('../../report/notebook-template.js');
    const { occupied, removeEntry, writeNew } = await import('../../collect/safe-files.js');
    if (!existsSync(args.bundle) || !statSync(args.bundle).isDirectory()) {
      throw new UserInputError(`${args.bundle} is not a bundle folder`, 'notes.md lives in the bundle folder; unpack an archive first');
    }
    const path = join(args.bundle, 'notes.md');
    // A dangling link counts as there: notes.md is written new, never through a link.
    if (occupied(path) && !args.force) throw new UserInputError(`${path} exists`, 'edit it, or pass --force to start over');
    const { result } = await analyzeBundle(args.bundle);
    removeEntry(path);
    writeNew(path, notebookTemplate(result));
    out(`${path}: written; fill it in as you go — fdleak report weaves it into the postmortem\n`);
  },
};

export const notebookCommand: CommandModule = {
  command: 'notebook <command>',
  describe: 'Guided investigation: notes, evidence status, and one-command captures into a bundle',
  builder: (y) =>
    y
      .command(initCommand as unknown as CommandModule)
      .command(statusCommand as unknown as CommandModule)
      .command(captureCommand as unknown as CommandModule)
      .demandCommand(1, 'Say which: notebook init | status | capture'),
  handler: () => undefined,
};
