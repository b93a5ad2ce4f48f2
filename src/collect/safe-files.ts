// Files fdleak creates inside a bundle folder it did not make (notebook init and capture): the folder
// came with the ticket, so any name in it may be a symbolic link planted to make root write elsewhere.
// Files are created new (O_EXCL), never through a link (O_NOFOLLOW), readable by their owner only,
// and a sub-folder must resolve inside the bundle.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** A path inside the bundle that cannot be used: the user's to fix (exit 2). */
class UnsafePathError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Opens a new file for writing, 0600; fails if anything (a file, a dangling link) is at `path`. */
export function createNew(path: string): number {
  return openSync(path, CREATE, 0o600);
}

/** Writes a new file (see createNew). */
export function writeNew(path: string, data: string | Buffer): void {
  const fd = createNew(path);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at);
  } finally {
    closeSync(fd);
  }
}

/** Whether anything is at `path`, a dangling symbolic link included. */
export function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes what is at `path` unless it is a folder: a link is removed itself, never followed. */
export function removeEntry(path: string): void {
  if (!occupied(path)) return;
  if (lstatSync(path).isDirectory()) throw new UnsafePathError(`${path} is a folder`);
  unlinkSync(path);
}

/** Reads a file that must not be a symbolic link, nor larger than `maxBytes`. */
export function readNoFollow(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new UnsafePathError(`${path} is a symbolic link; refusing to follow it`);
    throw err;
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) throw new UnsafePathError(`${path} is ${size} bytes, over the ${maxBytes}-byte cap`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Where `rel` (e.g. `sub/x.txt`) is in the bundle folder `root`, its missing parent folders made one
 * level at a time: the real path of its folder must be inside the bundle's real path.
 */
export function pathInside(root: string, rel: string): string {
  const realRoot = realpathSync(root);
  const target = join(realRoot, rel);
  if (isAbsolute(rel) || relative(realRoot, target).startsWith('..')) throw new UnsafePathError(`${rel} is outside the bundle`);
  const missing: string[] = [];
  for (let d = dirname(target); d !== realRoot && !occupied(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
  const folder = realpathSync(dirname(target));
  if (folder !== realRoot && !folder.startsWith(realRoot + sep)) {
    throw new UnsafePathError(`${rel}: its folder is a link out of the bundle (to ${folder})`, 'name a file in the bundle itself');
  }
  return join(folder, basename(target));
}
