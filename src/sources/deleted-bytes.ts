// The disk a process holds with deleted files, each file counted once. lsof prints a row per fd
// and each row the file's size, so a file open on several fds — a service started with
// `> out.log 2>&1`, its stdout and stderr one log someone deleted — would count its bytes once per
// fd. A row names its file by NODE (its inode) and NAME; a row without a NODE is counted as is.

/** Files remembered per process; past it, each further row counts (a bound on memory, not on bytes). */
const MAX_FILES = 10_000;

export class HeldFiles {
  private readonly seen = new WeakMap<object, Set<string>>();

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
}

/** A deleted file's key: its NODE [nodeFrom, nodeTo) and NAME [nameFrom, nameTo) as printed; null when the row prints no NODE (nodeFrom -1). */
export function heldFileKey(buf: Buffer, nodeFrom: number, nodeTo: number, nameFrom: number, nameTo: number): string | null {
  if (nodeFrom < 0 || nodeTo <= nodeFrom) return null;
  return `${buf.toString('latin1', nodeFrom, nodeTo)} ${buf.toString('latin1', nameFrom, nameTo)}`;
}
