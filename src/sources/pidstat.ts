// sysstat's `pidstat -v` (also with other reports, `-t`, `-h`, `-l`): each process's fd count, the
// `fd-nr` column, one row a process and interval, under a header that names the columns:
//   07:43:57 PM   UID       PID threads   fd-nr  Command
//   07:43:57 PM   401    129505      64  266148  haproxy
// The time (12- or 24-hour, `Average:` for the summary rows, the epoch with `-h`, whose header
// starts with `#`) opens both lines, so a row's fields line up with its header's words. `fd-nr` is
// the number of the process's open fds (sysstat counts /proc/PID/fd). With `-t` the header says
// `TGID TID`: the process's row has its pid under TGID, its threads' rows `-` there — they repeat
// the process's table and are passed over. Each row is a sample of that process at the row's time.
import type { FdCountStatementsArtifact, FdSnapshot } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';

/** A header of a report with fd counts: the pid column (`PID`, or `TGID` with `-t`), `fd-nr`, `Command` last. */
const HEADER = /^(?:#\s{0,8})?(?:\S{1,12}\s{1,8}){0,2}UID\s{1,16}(?:PID|TGID)\s.{0,200}\bfd-nr\b.{0,200}\bCommand\s{0,8}$/;
/** A 12-hour time's two words (`07:43:57 PM`). */
const CLOCK_12 = /^(\d\d):(\d\d:\d\d)$/;
/** `-h`'s time: the epoch in seconds. */
const EPOCH = /^\d{9,11}$/;
/** At most this many columns are lined up (pidstat prints about 20 with every report). */
const MAX_FIELDS = 40;

/** The header's words, the pid column's index and fd-nr's; null for any other line. */
function headerOf(line: string): { pid: number; fdNr: number; command: number; fields: number } | null {
  if (line.length > 400 || !HEADER.test(line)) return null;
  // `-h`'s header opens with `#` before `Time`; its rows with the epoch alone.
  const words = line.replace(/^#/, '').trim().split(/\s+/, MAX_FIELDS);
  const pid = words.findIndex((w) => w === 'PID' || w === 'TGID');
  const fdNr = words.indexOf('fd-nr');
  const command = words.lastIndexOf('Command');
  if (pid < 1 || fdNr < pid || command !== words.length - 1) return null;
  return { pid, fdNr, command, fields: words.length };
}

/** The row's time as a sortable 24-hour `HH:MM:SS`, or the epoch as printed; undefined for `Average:` (a summary, no sample). */
function timeOf(words: readonly string[]): string | undefined {
  const [first, half] = words;
  const m = CLOCK_12.exec(first);
  if (m && (half === 'AM' || half === 'PM')) {
    const h = (Number(m[1]) % 12) + (half === 'PM' ? 12 : 0);
    return `${String(h).padStart(2, '0')}:${m[2]}`;
  }
  return m || EPOCH.test(first) ? first : undefined;
}

/** One row under a header: the process's pid, fd count, name and time; null for a thread's row or any other line. */
function pidstatRow(
  line: string,
  header: { pid: number; fdNr: number; command: number; fields: number },
): { pid: number; count: number; name: string; at: string } | null {
  if (line.length > 4000) return null;
  const words = line.trim().split(/\s+/, MAX_FIELDS + 200);
  // `-l` prints the whole command line: more words than columns, all in the last one.
  if (words.length < header.fields) return null;
  const pid = words[header.pid];
  const count = words[header.fdNr];
  if (!/^\d{1,9}$/.test(pid) || !/^\d{1,15}$/.test(count)) return null;
  const name = words.slice(header.command).join(' ');
  const at = timeOf(words);
  if (name.startsWith('|__') || at === undefined) return null;
  return { pid: Number(pid), count: Number(count), name, at };
}

export const pidstat: SourceParser<FdCountStatementsArtifact> = {
  id: 'pidstat',
  title: "pidstat -v: each process's fd count (fd-nr) per interval",
  detect({ head }) {
    return head.some((l) => headerOf(l) !== null) ? 0.9 : 0;
  },
  sink(ctx) {
    const samples: FdSnapshot[] = [];
    const names = new Map<number, string>();
    let header: ReturnType<typeof headerOf> = null;
    return {
      line(text, n) {
        const h = headerOf(text);
        if (h) {
          header = h;
          return;
        }
        if (!header || text.trim() === '') return;
        const row = pidstatRow(text, header);
        if (!row) return;
        if (!names.has(row.pid)) names.set(row.pid, row.name.replace(/^.*\//, '').split(' ')[0]);
        samples.push({ at: row.at, pid: row.pid, total: row.count, byKind: {}, ev: ref(ctx.file, n, text) });
      },
      end() {
        if (samples.length === 0) ctx.warn(undefined, 'no pidstat row with an fd count found');
        return { records: samples.length, samples, names: [...names].map(([pid, name]) => ({ pid, name })) };
      },
    };
  },
};
