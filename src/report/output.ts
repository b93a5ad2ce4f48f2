// Where the report files go, checked before the analysis runs, and written without surprises:
// a mistyped --out is one line and exit 2, never a hang or an internal error.
import { statSync, type Stats } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** The place to write is not usable (the CLI prints it in one line and exits 2). */
class OutputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

export const FORMATS = ['html', 'pdf', 'md', 'md-full', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The file name ending of each format: the full notebook in Markdown is `name.full.md`. */
const SUFFIX: Record<Format, string> = { html: 'html', pdf: 'pdf', md: 'md', 'md-full': 'full.md', json: 'json' };

/** Names that are report files, not folders: `--out out.pdf` with two formats is a mistake. */
const REPORT_FILE = /\.(html?|pdf|md|markdown|json)$/i;

/**
 * Where each format goes. `out` is a folder when it ends with `/` or is an existing folder, and
 * with several formats; otherwise (one format) it is the file. Default: `reports/<name>.<format>`.
 * With several formats, an `out` named like a report file (`out.pdf`) is refused rather than made
 * into a folder of that name.
 */
export function outputPaths(formats: readonly Format[], name: string, out: string | undefined, cwd = process.cwd()): Map<Format, string> {
  const paths = new Map<Format, string>();
  const folder = out === undefined || out.endsWith('/') || out.endsWith(sep) || isFolder(resolve(cwd, out));
  if (out !== undefined && !folder && formats.length > 1 && REPORT_FILE.test(out)) {
    throw new OutputError(
      `--out ${out} names one file, but ${formats.length} formats were asked for (${formats.join(', ')})`,
      'give a folder (--out reports/) or a single --format',
    );
  }
  for (const f of formats) {
    paths.set(f, folder || formats.length > 1 ? join(resolve(cwd, out ?? 'reports'), `${name}.${SUFFIX[f]}`) : resolve(cwd, out!));
  }
  return paths;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Refuses a path that cannot be written before any work is done: a parent that is a file, a
 * target that is a folder. (Folders that do not exist yet are made at write time.)
 */
export function checkOutput(path: string): void {
  const st = statOrNull(path);
  if (st?.isDirectory()) throw new OutputError(`cannot write ${path}: it is a folder`);
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const d = statOrNull(dir);
    if (d && !d.isDirectory()) throw new OutputError(`cannot write ${path}: ${dir} is not a folder`);
    if (d || dirname(dir) === dir) return;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw outputFailure(path, err);
  }
}

/**
 * Makes the folders of `dir` that are missing, one level at a time. (`mkdir -p` through Node's
 * recursive mkdir loops forever under /proc, where mkdir fails with ENOENT below a folder that exists.)
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; statOrNull(d) === null && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw outputFailure(d, err);
    });
  }
}

/** Writes one report file, its folders first; a failure is an OutputError naming the path and why. */
export async function writeOutput(path: string, body: string | Buffer): Promise<void> {
  checkOutput(path);
  await makeFolders(dirname(path));
  await writeFile(path, body).catch((err) => {
    throw outputFailure(path, err);
  });
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no folder can be made there',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

function outputFailure(path: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === undefined) return err as Error;
  return new OutputError(`cannot write ${path}: ${WHY[code] ?? code}`);
}
