// Run by bin/fdleak.js before the CLI bundle loads. When the input holds a file big enough to be
// read in two parts, the part worker boots on the other core meanwhile (src/strace/worker-pool.ts);
// when that file's first lines are strace, the worker starts reading its part of it at once, the
// part parseStraceFile will ask for (src/strace/split.ts). The file may turn out not to be read as
// strace after all; the worker's work is then dropped, and it never holds the process open.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { straceLines } from '../strace/sniff.js';
import { secondPartJob } from '../strace/split.js';
import { minBytes, straceReadMode, warmPartWorker } from '../strace/worker-pool.js';

/** The commands that read a bundle. */
const READERS = new Set(['analyze', 'report']);
/** How much of a big file's start is looked at, and what share of its lines must be strace's. */
const SNIFF_BYTES = 64 * 1024;
const STRACE_SHARE = 0.8;

export function warmUp(argv: string[]): void {
  if (!READERS.has(argv[0]) || availableParallelism() < 2 || straceReadMode() !== 'parts') return;
  const min = minBytes('parts');
  const big = argv.slice(1).filter((a) => !a.startsWith('-')).flatMap((a) => filesOver(a, min));
  if (big.length === 0) return;
  const capture = big.sort((a, b) => b.size - a.size).find((f) => looksLikeStrace(f.path));
  warmPartWorker(capture && (secondPartJob(capture.path, basename(capture.path), capture.size) ?? undefined));
}

/** The files of more than `min` bytes that `path` is or holds within three folder levels (a bounded walk). */
export function filesOver(path: string, min: number): { path: string; size: number }[] {
  const found: { path: string; size: number }[] = [];
  let budget = 2000;
  const walk = (p: string, depth: number): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isFile()) {
      if (st.size > min) found.push({ path: p, size: st.size });
      return;
    }
    if (!st.isDirectory() || depth === 0) return;
    let names: string[];
    try {
      names = readdirSync(p);
    } catch {
      return;
    }
    for (const n of names) if (--budget >= 0) walk(join(p, n), depth - 1);
  };
  walk(path, 3);
  return found;
}

/** The file's first lines (all but a cut last one) are strace lines, as the source's detector reads them. */
export function looksLikeStrace(path: string): boolean {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    const lines = buf.toString('utf8', 0, n).split('\n');
    if (n === SNIFF_BYTES) lines.pop();
    return straceLines(lines).share >= STRACE_SHARE;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
