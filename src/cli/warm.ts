// Run by bin/fdleak.js before the CLI bundle loads: when the input holds a file big enough for a
// strace file to be read in two parts, the part worker boots on the other core meanwhile
// (src/strace/worker-pool.ts). The file may turn out not to be strace; the worker then idles
// until the process exits.
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { minBytes, warmPartWorker } from '../strace/worker-pool.js';

/** The commands that read a bundle. */
const READERS = new Set(['analyze', 'report']);

export function warmUp(argv: string[]): void {
  if (!READERS.has(argv[0]) || availableParallelism() < 2) return;
  const min = minBytes();
  if (argv.slice(1).some((a) => !a.startsWith('-') && holdsFileOver(a, min))) warmPartWorker();
}

/** `path` is, or holds within three folder levels, a file of more than `min` bytes (a bounded walk). */
function holdsFileOver(path: string, min: number): boolean {
  let budget = 2000;
  const walk = (p: string, depth: number): boolean => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return false;
    }
    if (st.isFile()) return st.size > min;
    if (!st.isDirectory() || depth === 0) return false;
    let names: string[];
    try {
      names = readdirSync(p);
    } catch {
      return false;
    }
    return names.some((n) => --budget >= 0 && walk(join(p, n), depth - 1));
  };
  return walk(path, 3);
}
