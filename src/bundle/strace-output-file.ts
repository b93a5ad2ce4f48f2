// strace writing its trace to a file (`-o FILE`, `-oFILE`, `--output=FILE`, `--output FILE`), read
// back later in the same transcript (`cat strace.txt`, `sed -n '509,528p' tagidx.strace`):
//   $ sudo timeout 2 strace -tt -p 12884 -o strace.txt
//   strace: Process 12884 attached
//   $ cat strace.txt
// The trace is that strace command's output, as if it had printed it: the reader's section is about
// pid 12884 (or about the program the command started) as much as the strace command's is.
import { COMMAND_WRAPPERS, STRACE_VALUE_OPTIONS } from '../command-words.js';

/** A file name strace may write to: a plain relative or absolute path, no shell syntax. */
const FILE_NAME = /^[\w./@%+-]{1,200}$/;
/** The most words a command may have to be read here. */
const MAX_WORDS = 200;
/** The most words before `strace` (wrappers and their options: `sudo timeout 2 strace`). */
const MAX_LEAD = 8;

/**
 * Where a strace command writes its trace, and the command without that option (and without a
 * trailing `&`): `strace -tt -p 12884 -o strace.txt` → { command: 'strace -tt -p 12884', file:
 * 'strace.txt' }. Null when it writes no single file: no `-o`, or `-ff` / `--output-separately`
 * (one file per process, `FILE.PID`), or two `-o`.
 */
export function straceOutputFile(command: string): { command: string; file: string } | null {
  const words = withoutBackground(command.trim()).split(/\s+/);
  if (words.length > MAX_WORDS) return null;
  const at = straceAt(words);
  if (at === -1) return null;
  let found: { from: number; to: number; keep: string | null; file: string } | null = null;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i];
    if (w === '--output-separately' || /^-[A-Za-z]*ff/.test(w)) return null;
    if (!w.startsWith('-')) break; // the traced program: its own options follow
    let hit: { to: number; keep: string | null; file: string } | null = null;
    if (w.startsWith('--output=')) hit = { to: i, keep: null, file: w.slice('--output='.length) };
    else if (w === '--output') hit = { to: i + 1, keep: null, file: words[i + 1] ?? '' };
    else if (/^-[A-Za-z]/.test(w)) {
      const r = shortCluster(w, words[i + 1]);
      if (r.file !== undefined) hit = { to: r.takesNext ? i + 1 : i, keep: r.keep, file: r.file };
      else if (r.takesNext) i++;
    }
    if (!hit) continue;
    if (found || !FILE_NAME.test(hit.file)) return null;
    found = { from: i, ...hit };
    i = hit.to;
  }
  if (!found) return null;
  const rest = [...words.slice(0, found.from), ...(found.keep ? [found.keep] : []), ...words.slice(found.to + 1)];
  return { command: rest.join(' '), file: found.file };
}

/** The index of the `strace` word, when only wrappers, their options and durations come before it. */
function straceAt(words: readonly string[]): number {
  for (let i = 0; i < Math.min(words.length, MAX_LEAD + 1); i++) {
    const w = words[i];
    if (w.replace(/^.*\//, '') === 'strace') return i;
    if (!COMMAND_WRAPPERS.has(w) && !/^-/.test(w) && !/^\d{1,6}[smh]?$/.test(w)) return -1;
  }
  return -1;
}

/**
 * One cluster of short options (`-tt`, `-o`, `-ofile`, `-tto`, `-p`): the file its `o` names (the
 * rest of the cluster, else the next word), the cluster without it (`-tt` of `-tto`), and whether
 * it takes the next word as a value (its last letter takes one).
 */
function shortCluster(w: string, next: string | undefined): { file?: string; keep: string | null; takesNext: boolean } {
  const letters = w.slice(1);
  for (let k = 0; k < letters.length; k++) {
    const c = letters[k];
    if (!STRACE_VALUE_OPTIONS.includes(c)) continue;
    const value = letters.slice(k + 1);
    if (c !== 'o') return { keep: null, takesNext: value === '' };
    const keep = k > 0 ? `-${letters.slice(0, k)}` : null;
    return value === '' ? { file: next ?? '', keep, takesNext: true } : { file: value, keep, takesNext: false };
  }
  return { keep: null, takesNext: false };
}

/** A command line less its trailing ` &` (run in the background); a `&` glued to a word is that word's. */
function withoutBackground(line: string): string {
  // Not /\s+&$/: on a long run of spaces each start scans to the end (quadratic).
  return line.endsWith('&') && /\s/.test(line.charAt(line.length - 2)) ? line.slice(0, -1).trimEnd() : line;
}
