/**
 * A listing piped into a final `| head -N` or `| tail -N` that printed fewer lines than N: the cut
 * kept every line the listing had, so the listing is whole (`ls -l /proc/PID/fd | head -20` of a
 * process of six fds prints `total 0` and six rows). Only the last segment may cut; any other
 * filter before it (a grep, sed, awk) still picks rows. A paste may stop before head did (a copy cut
 * short, an elision: mha4mysql's `(...)` between lsof's mem rows and fd 152, rsyslog's `0, 1, 10,
 * 100, 1000` cut inside the last row), so the rows must also be every fd from 0 to the highest shown:
 * a table with nothing missing below its top.
 */
import { splitPipeline } from '../shell.js';
import { words } from './command-segments.js';

/** head and tail print ten lines unless told otherwise. */
const DEFAULT_LINES = 10;
/** Other filters that pick rows: the listing they print is a part of the table. */
const PICKERS = /^(?:[ef]?grep|sed|awk|head|tail)$/;

/** The line count a final `head`/`tail` keeps (`-20`, `-n 20`, `-n20`, `--lines=20`, none: 10), or undefined. */
export function finalCutLines(command: string): number | undefined {
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  if (segments.length < 2 || segments.length > 16) return undefined;
  const last = segments[segments.length - 1];
  if (last[0] !== 'head' && last[0] !== 'tail') return undefined;
  if (segments.slice(0, -1).some((s) => PICKERS.test(s[0] ?? ''))) return undefined;
  const args = last.slice(1);
  if (args.length === 0) return DEFAULT_LINES;
  if (args.length === 1) {
    const m = /^(?:-|-n|--lines=)(\d{1,6})$/.exec(args[0]);
    return m ? Number(m[1]) : undefined;
  }
  if (args.length === 2 && (args[0] === '-n' || args[0] === '--lines') && /^\d{1,6}$/.test(args[1])) return Number(args[1]);
  return undefined;
}

/**
 * Lines a listing may print that are no row and no header (`ls -la`'s `.` and `..`, a warning of
 * lsof's on stderr): a cut is taken as keeping every line only with this much room to spare.
 */
const UNCOUNTED_LINES = 2;

/** Whether the command's only cut is a final head/tail that printed fewer lines than it keeps (`rows` and a `header` line). */
export function cutKeptAll(command: string | undefined, rows: number, header: boolean): boolean {
  if (!command) return false;
  const n = finalCutLines(command);
  return n !== undefined && rows + (header ? 1 : 0) + UNCOUNTED_LINES < n;
}

/** Whether the fd numbers shown are 0, 1, … up to the highest, each once: nothing missing below the top. */
export function fdsFromZero(fds: readonly number[]): boolean {
  if (fds.length === 0) return false;
  const seen = new Set<number>();
  for (const fd of fds) {
    if (!Number.isInteger(fd) || fd < 0 || fd >= fds.length || seen.has(fd)) return false;
    seen.add(fd);
  }
  return true;
}
