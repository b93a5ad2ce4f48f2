// A Markdown table of a process's fd counts sampled over time, as write-ups of a leak hunt post
// them — a column of when, one of the total, columns of kinds, a pid column when the process
// restarted between samples:
//   | panel age | total fds | `memfd` | `anon_inode:sync_file` |        (cosmic-panel#643)
//   |---|---|---|---|
//   | 2 min  | 487 | 167 | 49 |
//   | time (UTC) | daemon PID | uptime | cycles | RSS (MB) | fdTotal | kqueue | sockets |   (auto-mobile#5930)
//   | 03:20:39 | 87960 | 12:45 | 10 | 636 | 202 | 30 | 152 |
// Each row is a sample: at its clock time, or at its age (`2 min`, `1:16:05`) as an offset from the
// process's start — or from an event the rows are timed after, an assistant's `t+15s`, `t+7m` in
// a `time` column (openclaw#86701's fd counts after one memory_search call), a note in parentheses
// after it (`t+0s (curl timed out)`) no part of it; a `baseline` row, timed by nothing, is no
// sample. Columns whose header names a kind count the fds of that kind; others (cycles, RSS) are
// not fds. A table with no pid column is an unnamed process's, tied in the model to the process
// the bundle is about.
import { UNNAMED_PID, type FdSnapshot, type FdSnapshotsArtifact } from './artifacts.js';
import type { FdKind } from './fd-entry.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';

/** A row of a Markdown table: `| a | b |` (the outer bars optional after the first). */
const ROW = /^\s{0,3}\|(.*)\|\s*$/;
/** The line under the header: `|---|:---:|`. */
const RULE = /^\s{0,3}\|(?:\s{0,3}:?-{3,}:?\s{0,3}\|){2,64}\s*$/;
/** At most this many columns are read. */
const MAX_COLUMNS = 64;

/** A header of the process's total fd count: `total fds`, `fdTotal`, `FDs`, `fd count`, `open fds`. */
const TOTAL_HEADER = /^(?:(?:total|open|num(?:ber of)?)[ _]?)?(?:fds?|file descriptors|descriptors)(?:[ _]?(?:total|count|open))?$/i;
/** A header of a time of day: `time`, `time (UTC)`, `timestamp`. */
const CLOCK_HEADER = /^(?:time|timestamp|sampled at|at)(?: \([A-Za-z+\d:]{1,9}\))?$/i;
/** A header of the process's age at the sample: `panel age`, `uptime`, `elapsed`. */
const AGE_HEADER = /^(?:[A-Za-z-]{1,20} )?(?:age|uptime|elapsed|runtime)$/i;
const PID_HEADER = /^(?:[A-Za-z-]{1,20} )?pid$/i;

/** A column header that names a kind of fd, by the words tools print for it. */
const KIND_HEADERS: [FdKind, RegExp][] = [
  ['anon', /^(?:a_inode|anon_inode|anon|eventfd|eventpoll|epoll|inotify|timerfd|signalfd|kqueue|sync_file)\b/i],
  ['pipe', /^(?:pipes?|fifos?)$/i],
  ['socket-udp', /^udp(?: sockets?)?$/i],
  ['socket-unix', /^unix(?: sockets?)?$/i],
  ['socket-tcp', /^tcp(?: sockets?)?$/i],
  ['socket-other', /^(?:sockets?|socks?)$/i],
  ['deleted-file', /^deleted(?: files?)?$/i],
  ['file', /^(?:memfds?|files?|reg|regular files?)(?: fds?)?$/i],
];

/** A clock time (`03:20:39`, `2026-08-30 03:20:39`). */
const CLOCK = /^(\d{4}-\d\d-\d\d[T ])?(\d\d:\d\d:\d\d)$/;
/** An age: `2 min`, `64 min`, `1 h`, `30 s`, `90s`. */
const AGE_UNIT = /^(\d{1,6}(?:\.\d{1,3})?) ?(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)$/i;
/** An offset after an event: `t+15s`, `T+7m`, `t+1.5h`. */
const OFFSET = /^t ?\+ ?(\d{1,6}(?:\.\d{1,3})? ?[a-z]{1,7})$/i;
/** A note after a cell's value: ` (curl \`--max-time 30\` timed out; call never returned)`. */
const NOTE = /\s\([^()]{1,200}\)$/;
/** An age as a clock shows a duration: `12:45` (m:ss), `1:16:05` (h:mm:ss). */
const AGE_CLOCK = /^(?:(\d{1,4}):)?(\d{1,2}):(\d\d)$/;
/** A count as people write it in a table: `4,321`, `**2029**`, `~195`. */
const COUNT = /^~?(\d{1,3}(?:,\d{3}){1,4}|\d{1,12})$/;

interface Columns {
  total: number;
  when: number;
  clock: boolean;
  pid?: number;
  kinds: [number, FdKind][];
}

/** The cells of a table row, trimmed, Markdown emphasis and code marks removed. */
function cells(line: string): string[] | undefined {
  const m = ROW.exec(line);
  if (!m) return undefined;
  return m[1].split('|', MAX_COLUMNS).map((c) =>
    c
      .trim()
      .replace(/^(?:\*\*|__|`)(.*)(?:\*\*|__|`)$/, '$1')
      .trim(),
  );
}

/** Which columns say when, how many, whose and of what kind; undefined for any other table. */
function columnsOf(header: readonly string[]): Columns | undefined {
  const total = header.findIndex((h) => TOTAL_HEADER.test(h));
  const clock = header.findIndex((h) => CLOCK_HEADER.test(h));
  const age = header.findIndex((h) => AGE_HEADER.test(h));
  const when = clock >= 0 ? clock : age;
  if (total < 0 || when < 0) return undefined;
  const pid = header.findIndex((h) => PID_HEADER.test(h));
  const kinds: [number, FdKind][] = [];
  header.forEach((h, i) => {
    const kind = KIND_HEADERS.find(([, words]) => words.test(h))?.[0];
    if (kind && i !== total) kinds.push([i, kind]);
  });
  return { total, when, clock: clock >= 0, ...(pid >= 0 ? { pid } : {}), kinds };
}

/** A cell's count; undefined when it is no count. */
function countOf(cell: string): number | undefined {
  const m = COUNT.exec(cell);
  return m ? Number(m[1].replaceAll(',', '')) : undefined;
}

/** A row's time as a sample's: a clock time as printed, an age as `+Ns` seconds since the start. */
function whenOf(cell: string, clock: boolean): string | undefined {
  const offset = OFFSET.exec(cell.replace(NOTE, ''));
  if (offset) return ageOf(offset[1]);
  if (clock) {
    const m = CLOCK.exec(cell);
    return m ? `${m[1] ? m[1].replace(' ', 'T') : ''}${m[2]}` : undefined;
  }
  return ageOf(cell);
}

/** An age (`2 min`, `90s`, `1:16:05`) as `+Ns` seconds; undefined for any other cell. */
function ageOf(cell: string): string | undefined {
  const unit = AGE_UNIT.exec(cell);
  if (unit) {
    const n = Number(unit[1]);
    const u = unit[2][0].toLowerCase();
    return `+${Math.round(n * (u === 'h' ? 3600 : u === 'm' ? 60 : 1))}s`;
  }
  const hms = AGE_CLOCK.exec(cell);
  if (hms) return `+${Number(hms[1] ?? 0) * 3600 + Number(hms[2]) * 60 + Number(hms[3])}s`;
  return undefined;
}

/** The table's header and the rule under it, among the first lines; the header's index. */
function headerAt(lines: readonly string[]): number {
  for (let i = 0; i + 1 < lines.length && i < 4; i++) if (ROW.test(lines[i]) && RULE.test(lines[i + 1])) return i;
  return -1;
}

export const fdCountTable: SourceParser<FdSnapshotsArtifact> = {
  id: 'fd-count-table',
  title: 'A Markdown table of fd counts over time (one row a sample)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '');
    const at = headerAt(lines);
    if (at < 0) return 0;
    const header = cells(lines[at]);
    const columns = header && columnsOf(header);
    if (!columns) return 0;
    const samples = lines.slice(at + 2).filter((l) => sampleOf(cells(l), columns) !== undefined).length;
    return samples >= 2 ? 0.9 : 0;
  },
  sink(ctx) {
    const out: FdSnapshotsArtifact = { records: 0, samples: [] };
    let columns: Columns | undefined;
    let header: string | undefined;
    return {
      line(text, n) {
        if (columns === undefined) {
          // The header is the row above the rule.
          if (header !== undefined && RULE.test(text)) {
            const h = cells(header);
            columns = h && columnsOf(h);
          }
          header = ROW.test(text) ? text : undefined;
          return;
        }
        const s = sampleOf(cells(text), columns);
        if (!s) return;
        out.samples.push({ ...s, ev: ref(ctx.file, n, text) });
        out.records++;
      },
      end: () => out,
    };
  },
};

/** A row's sample: its time, its total, its counts by kind, whose; undefined for a row that is none. */
function sampleOf(row: string[] | undefined, c: Columns): Omit<FdSnapshot, 'ev'> | undefined {
  if (!row) return undefined;
  const at = whenOf(row[c.when] ?? '', c.clock);
  const total = countOf(row[c.total] ?? '');
  if (at === undefined || total === undefined) return undefined;
  const pid = c.pid === undefined ? UNNAMED_PID : countOf(row[c.pid] ?? '');
  if (pid === undefined) return undefined;
  const byKind: Partial<Record<FdKind, number>> = {};
  for (const [i, kind] of c.kinds) {
    const k = countOf(row[i] ?? '');
    if (k !== undefined) byKind[kind] = (byKind[kind] ?? 0) + k;
  }
  return { at, pid, total, byKind };
}
