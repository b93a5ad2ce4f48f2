// The disk a process holds with deleted files, each file counted once. lsof prints a row per fd
// and each row the file's size, so a file open on several fds — a service started with
// `> out.log 2>&1`, its stdout and stderr one log someone deleted — would count its bytes once per
// fd. A row names its file by NODE (its inode) and NAME; a row without a NODE is counted as is.
// The same NAME on two NODEs is two files: the path was made again after the first was unlinked,
// and the process kept the older copy open (copyOf) — unless the writer redacted the name, which
// then names every file alike (redacted-name.ts).
import { redactedName } from './redacted-name.js';

/** Files remembered per process; past it, each further row counts (a bound on memory, not on bytes). */
const MAX_FILES = 10_000;

export class HeldFiles {
  private readonly seen = new WeakMap<object, Set<string>>();
  /** Per process, each deleted path's first NODE: a second NODE under the path is another copy of it. */
  private readonly nodes = new WeakMap<object, Map<string, string>>();

  /** Whether the file `key` (its inode and name, null when the row shows no inode) is one `holder` was not seen holding yet. */
  first(holder: object, key: string | null): boolean {
    if (key === null) return true;
    let files = this.seen.get(holder);
    if (files === undefined) {
      files = new Set();
      this.seen.set(holder, files);
    }
    if (files.has(key)) return false;
    if (files.size < MAX_FILES) files.add(key);
    return true;
  }

  /**
   * The path of the file `key`, when `holder` was seen holding another file (another NODE) deleted
   * under the same path: the path was made again after each unlink while the older copy stayed
   * open. Null for the first file of a path, for a row without a NODE, and for a redacted name
   * (`/media/[REDACTED]`): it is every file's, so a second NODE under it is just another file.
   */
  copyOf(holder: object, key: string | null): string | null {
    if (key === null) return null;
    const space = key.indexOf(' ');
    const node = key.slice(0, space);
    const path = key.slice(space + 1).replace(/ \(deleted\)$/, '');
    if (redactedName(path)) return null;
    let paths = this.nodes.get(holder);
    if (paths === undefined) {
      paths = new Map();
      this.nodes.set(holder, paths);
    }
    const first = paths.get(path);
    if (first === undefined) {
      if (paths.size < MAX_FILES) paths.set(path, node);
      return null;
    }
    return first === node ? null : path;
  }
}

/** Paths kept per process in `deletedCopies`. */
const MAX_COPIES = 100;

/** Notes `path` (a copyOf answer) among the holder's deleted copies, once; null is nothing. */
export function addCopy(holder: { deletedCopies?: string[] }, path: string | null): void {
  if (path === null) return;
  const copies = (holder.deletedCopies ??= []);
  if (copies.length < MAX_COPIES && !copies.includes(path)) copies.push(path);
}

/** A deleted file's key: its NODE [nodeFrom, nodeTo) and NAME [nameFrom, nameTo) as printed; null when the row prints no NODE (nodeFrom -1). */
export function heldFileKey(buf: Buffer, nodeFrom: number, nodeTo: number, nameFrom: number, nameTo: number): string | null {
  if (nodeFrom < 0 || nodeTo <= nodeFrom) return null;
  return `${buf.toString('latin1', nodeFrom, nodeTo)} ${buf.toString('latin1', nameFrom, nameTo)}`;
}
