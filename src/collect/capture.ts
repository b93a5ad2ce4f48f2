// `notebook capture BUNDLE -- CMD ...`: runs one command by hand-picked argv, files its output in
// the bundle folder and appends its manifest entry, so manual work still yields a proper bundle.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findTool, hostName, hostTimezone, isoWithOffset } from './host.js';
import { BUNDLE_SCHEMA, ManifestWriter, truncateStderr, type ManifestFileEntry } from './manifest.js';
import { shellJoin } from '../shell.js';
import { captureEnv, runToFile } from './run.js';
import { occupied, pathInside, removeEntry } from './safe-files.js';
import { trimEndChars, trimStartChars } from '../text.js';

class CaptureError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** `lsof -n -P -p 123` → `lsof-n-P-p-123.txt`; a leading `timeout ...` is skipped. Pure. */
export function fileNameFor(argv: readonly string[]): string {
  let args = [...argv];
  if (args[0] === 'timeout') {
    args = args.slice(1);
    while (args.length && args[0].startsWith('-')) args = args.slice(args[0] === '-s' || args[0] === '-k' ? 2 : 1);
    args = args.slice(1); // the duration
  }
  const joined = args
    .map((a) => a.replace(/^\/+/, ''))
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-');
  const slug = trimEndChars(trimStartChars(joined, '-.'), '-').slice(0, 80);
  return `${slug || 'capture'}.txt`;
}

/** The pid a command is about: `-p N`, `--pid N`, `/proc/N/...`, `jstack N`. Pure. */
export function pidOfCommand(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '-p' || argv[i] === '--pid') && /^\d+$/.test(argv[i + 1] ?? '')) return Number(argv[i + 1]);
    const proc = /^\/proc\/(\d+)(\/|$)/.exec(argv[i]);
    if (proc) return Number(proc[1]);
  }
  if (/(^|\/)jstack$/.test(argv[0] ?? '') && /^\d+$/.test(argv[argv.length - 1] ?? '')) return Number(argv[argv.length - 1]);
  return undefined;
}

/** A relative `-o FILE` (strace, tcpdump -w aside) that writes inside the bundle folder. */
export function outputOption(argv: readonly string[], dir: string): string | undefined {
  for (let i = 0; i < argv.length - 1; i++) {
    if (argv[i] !== '-o') continue;
    const target = resolve(dir, argv[i + 1]);
    const rel = relative(dir, target);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return undefined;
}

/** `name`, or `name-2.txt`, `name-3.txt` ...: the first that nothing (not even a dangling link) holds. */
function unusedName(dir: string, name: string): string {
  if (!occupied(join(dir, name))) return name;
  const stem = name.replace(/\.txt$/, '');
  for (let i = 2; ; i++) if (!occupied(join(dir, `${stem}-${i}.txt`))) return `${stem}-${i}.txt`;
}

export interface CaptureOptions {
  name?: string;
  pid?: number;
  timeoutSeconds: number;
  maxBytes: number;
  version: string;
}

export async function notebookCapture(bundle: string, argv: string[], o: CaptureOptions): Promise<ManifestFileEntry> {
  const dir = resolve(bundle);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CaptureError(`${bundle} is not a bundle folder`, 'notebook capture files into a folder; unpack an archive first');
  }
  if (argv.length === 0) throw new CaptureError('no command given', 'put it after --: fdleak notebook capture BUNDLE -- ss -s');
  const tool = argv[0].includes('/') ? argv[0] : findTool(argv[0]);
  if (!tool) throw new CaptureError(`${argv[0]}: command not found on PATH`);

  const writer =
    ManifestWriter.open(dir) ??
    new ManifestWriter(dir, {
      schema: BUNDLE_SCHEMA,
      host: hostName(),
      timezone: hostTimezone(),
      capturedAt: isoWithOffset(),
      collector: { name: 'fdleak', version: o.version },
      missing: [],
      files: [],
    });

  const written = outputOption(argv, dir);
  const name = o.name ? o.name : (written ?? unusedName(dir, fileNameFor(argv)));
  if (o.name && (isAbsolute(o.name) || relative(dir, resolve(dir, o.name)).startsWith('..'))) {
    throw new CaptureError(`--name ${o.name} is outside the bundle`);
  }
  // The command opens its -o file itself, following links: nothing may be there yet.
  if (written && occupied(pathInside(dir, written))) {
    throw new CaptureError(
      `${written} already exists in the bundle`,
      'the command would write into it (or through it, if it is a link): remove it or choose another -o',
    );
  }
  // When the command writes its own -o file, its stdout (usually empty) goes beside it.
  const stdoutName = written ? unusedName(dir, `${written.replace(/\.txt$/, '')}.stdout.txt`) : name;
  const outFile = pathInside(dir, stdoutName);
  // A re-capture under the same --name replaces the file (a link there is removed, not followed).
  if (o.name) removeEntry(outFile);
  const startedAt = isoWithOffset();
  const r = await runToFile({
    argv: [tool, ...argv.slice(1)],
    outFile,
    timeoutMs: o.timeoutSeconds * 1000,
    maxBytes: o.maxBytes,
    env: captureEnv(),
    cwd: dir,
  });
  if (r.spawnError) throw new CaptureError(`${argv[0]}: ${r.spawnError}`);
  const entry: ManifestFileEntry = {
    path: name,
    command: shellJoin(argv),
    startedAt,
    endedAt: isoWithOffset(),
    exitCode: r.exitCode,
  };
  const stderr = truncateStderr(r.stderr);
  if (stderr) entry.stderr = stderr;
  const pid = o.pid ?? pidOfCommand(argv);
  if (pid !== undefined) entry.pid = pid;
  const notes: string[] = [];
  if (r.truncated) {
    entry.truncated = true;
    notes.push(`cut at the ${o.maxBytes} byte size cap`);
  }
  if (r.timedOut) {
    entry.truncated = true;
    notes.push(`stopped after the ${o.timeoutSeconds} s timeout`);
  }
  if (argv[0] === 'timeout' && r.exitCode === 124) notes.push('exit 124: `timeout` ended the command as planned');
  notes.push('captured with fdleak notebook capture');
  entry.note = notes.join('; ');
  writer.addFile(entry);
  if (written && r.bytes > 0) {
    writer.addFile({ ...entry, path: stdoutName, note: `stdout of the command that wrote ${written}` });
  } else if (written) {
    removeEntry(outFile);
  }
  return entry;
}
