// Rows of one kind counted per process by a pipeline's `uniq -c`: each row is that pid's count of
// that kind, as `lsof -p PID | grep KIND | wc -l` would print, not all its rows.
//   ss -tanp state close-wait | grep -oP 'pid=\K\d+' | sort | uniq -c     12000 12345
//   netstat -tanp | grep CLOSE_WAIT | awk '{print $7}' | sort | uniq -c   310 4242/java
//   lsof -c gunicorn | egrep deleted | awk '{print $2}' | sort | uniq -c   24 29761
// ss -p names a socket's holders by `pid=N`, netstat -p by its `PID/Program name` column, lsof by
// its PID column (with its COMMAND: `gunicorn 29761`).
import type { CountTableArtifact } from '../sources/artifacts.js';
import { count } from '../sources/numbers.js';
import type { EvidenceRef } from '../types.js';
import { commandTool, interpretCount, type CountMeaning } from './pipeline.js';
import { words } from './command-segments.js';
import { splitPipeline } from '../shell.js';

type CountRow = CountTableArtifact['rows'][number];

/** A `command pid` key (`gunicorn 29761`, awk's `print $1 " " $2` of lsof): the command and the pid. */
export const COMMAND_PID_KEY = /^(\S{1,200}) +(\d{1,10})$/;

/**
 * A `command pid X` key: the command, the pid and a third column — lsof's USER (awk's `$1"\t"$2"\t"$3`)
 * or its TYPE (`print $1,$2,$5`; `lsfd -o COMMAND,PID,TYPE`: `l_unconn   106 SOCK`).
 */
export const COMMAND_PID_FIELD_KEY = /^(\S{1,200})\s+(\d{1,10})\s+(\S{1,200})$/;

/** Each pid's count of one kind of row, with the grep that picked them and the tool that listed them. */
export interface KindTally {
  pid: number;
  count: number;
  ev: EvidenceRef;
  grep: string[];
  tool: string;
  /** The process's name, when the table's key carries it (ps's `%c` after the pid). */
  name?: string;
}

/** The per-pid counts of one kind a count table gives: CLOSE_WAIT of ss or netstat, or what a grep picked of lsof. */
export function kindTalliesPerPid(command: string, meaning: CountMeaning | null, rows: readonly CountRow[]): KindTally[] {
  const closeWait = closeWaitPerPid(command, rows).map((t) => ({ ...t, grep: ['CLOSE_WAIT'], tool: meaning!.tool }));
  return [...closeWait, ...grepTallyPerPid(meaning, rows).map((t) => ({ ...t, tool: 'lsof' })), ...linkTallyPerPid(command, meaning, rows)];
}

// `find /proc/*/fd -lname anon_inode:inotify | cut -d/ -f3 | xargs -I '{}' -- ps --no-headers -o '%p %U %c' -p '{}' | uniq -c`
// (the usual answer to "who uses my inotify instances"): each row is one pid's fd links that match
// the `-lname` pattern; its key is the pid `cut` took, or the row ps printed for it, pid first. A
// shell loop that resolves every link, `for foo in /proc/*/fd/*; do readlink -f $foo; done | grep
// inotify | cut -d/ -f3 | …` (sublime_text#1195), prints the same lines and lets its grep pick them.
// find's `-printf '%h\n'` prints each link's folder instead, `/proc/11356/fd`: the key is then that
// folder, whose pid is the one the link belongs to.
/** Each pid's fds whose link matches a `find /proc/…/fd -lname PATTERN` (or a grep of a readlink loop's), tallied by `uniq -c`. */
export function linkTallyPerPid(command: string, meaning: CountMeaning | null, rows: readonly CountRow[]): KindTally[] {
  if (meaning?.measure !== 'rows-per-key') return [];
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  const picked = linkPattern(segments[0] ?? [], meaning);
  if (!picked) return [];
  const nameAt = psNameColumn(segments);
  const byPid = new Map<number, KindTally>();
  for (const row of rows) {
    const key = row.key.split(/\s+/);
    const pid = count(PROC_FD_FOLDER.exec(key[0])?.[1] ?? key[0]);
    if (pid === undefined) return [];
    const seen = byPid.get(pid);
    // `uniq -c` of unsorted lines counts a pid once per run: its runs add up.
    if (seen) seen.count += row.count;
    else {
      const t: KindTally = { pid, count: row.count, ev: row.ev, grep: [picked.pattern], tool: picked.tool };
      if (nameAt !== undefined && key[nameAt]) t.name = key[nameAt];
      byPid.set(pid, t);
    }
  }
  return [...byPid.values()];
}

// A row key that is a process's fd folder, as find's `-printf '%h'` prints it: `/proc/11356/fd`.
const PROC_FD_FOLDER = /^\/proc\/(\d{1,10})\/fd\/?$/;

// A /proc fd folder or link among a command's words: `/proc/*/fd`, `/proc/*/fd/*;`.
const PROC_FD_WORD = /^\/proc\/[^/\s]{1,32}\/fd\b/;

// What picks the fd links a tally counts, and the tool that printed them one a line: find's
// `-lname PATTERN`, or a `for … in /proc/*/fd/*; do readlink …; done` loop's one keeping grep.
function linkPattern(first: readonly string[], meaning: CountMeaning): { pattern: string; tool: 'find' | 'readlink' } | null {
  if (!first.some((w) => PROC_FD_WORD.test(w))) return null;
  if (meaning.tool === 'find') {
    const at = first.findIndex((w) => w === '-lname' || w === '-ilname');
    const pattern = at >= 0 ? first[at + 1]?.replace(/\*/g, '') : undefined;
    return pattern ? { pattern, tool: 'find' } : null;
  }
  const grep = meaning.grep ?? [];
  if (meaning.tool !== 'for' || !first.includes('readlink') || grep.length !== 1 || grep[0].startsWith('!')) return null;
  return { pattern: grep[0], tool: 'readlink' };
}

/** Where ps's `-o` puts the command name (`%c`, `comm`) in its row, when it is the last column. */
function psNameColumn(segments: string[][]): number | undefined {
  for (const seg of segments) {
    const o = seg.indexOf('-o');
    if (!seg.includes('ps') || o < 0) continue;
    const columns = (seg[o + 1] ?? '').split(/[\s,]+/).filter(Boolean);
    const at = columns.findIndex((c) => c === '%c' || c === 'comm' || c === 'ucomm');
    return at === columns.length - 1 ? at : undefined;
  }
  return undefined;
}

/** A row key that is a pid: `12345`, ss's `pid=12345` (or `pid=12345,`), netstat's `12345/java`. */
const PID_KEY = /^(?:pid=)?(\d{1,9}),?(?:\/[\w.:@-]{0,64})?$/;
/** ss's state filter: `state close-wait` (also `CLOSE-WAIT`, `close_wait`). */
const SS_CLOSE_WAIT = /^close[-_]?wait$/i;

/**
 * The CLOSE_WAIT sockets per pid a count table gives, when its command lists connections (ss,
 * netstat) in CLOSE_WAIT only — `state close-wait`, or a grep for CLOSE_WAIT — and keys them by
 * the process column (`grep -o 'pid=…'`, netstat's 7th column, or keys that are `PID/program`).
 * Anything else (a tally by peer, by state, a table of another state): none.
 */
export function closeWaitPerPid(command: string, rows: readonly CountRow[]): { pid: number; count: number; ev: EvidenceRef }[] {
  const tool = commandTool(command);
  if (tool !== 'ss' && tool !== 'netstat') return [];
  const meaning = interpretCount(command);
  if (meaning?.measure !== 'rows-per-key') return [];
  const first = words(splitPipeline(command.trim().replace(/^[$#]\s+/, ''))[0] ?? '');
  const stateFilter = tool === 'ss' && first.some((w, i) => w === 'state' && SS_CLOSE_WAIT.test(first[i + 1] ?? ''));
  const grep = meaning.grep ?? [];
  const grepped = grep.some((g) => /^close.?wait$/i.test(g));
  if ((!stateFilter && !grepped) || grep.some((g) => g.startsWith('!') && /close.?wait/i.test(g))) return [];
  const byProcessColumn = (tool === 'netstat' && meaning.key === '$7') || /pid=/.test(command) || rows.every((r) => /\//.test(r.key));
  if (!byProcessColumn) return [];
  const out: { pid: number; count: number; ev: EvidenceRef }[] = [];
  for (const row of rows) {
    const m = PID_KEY.exec(row.key);
    if (!m) return [];
    out.push({ pid: Number(m[1]), count: row.count, ev: row.ev });
  }
  return out;
}

interface GrepTally {
  pid: number;
  count: number;
  ev: EvidenceRef;
  grep: string[];
}

/**
 * The per-pid counts of an lsof tally whose rows a grep picked by what they are (`deleted`,
 * `CLOSE_WAIT`, `sock`): keyed by pid (or `command pid`), every grep keeping rows (a `grep -v`
 * leaves rows of every other kind: no kind of its own). None for any other table. A pid under
 * several names (a host-wide lsof's thread names) keeps its fewest, as the rows of one name.
 */
export function grepTallyPerPid(meaning: CountMeaning | null, rows: readonly CountRow[]): GrepTally[] {
  if (meaning?.tool !== 'lsof' || meaning.measure !== 'rows-per-key') return [];
  const grep = meaning.grep ?? [];
  if (grep.length === 0 || grep.some((g) => g.startsWith('!'))) return [];
  if (meaning.key !== 'pid' && meaning.key !== 'command pid') return [];
  const byPid = new Map<number, GrepTally>();
  for (const row of rows) {
    const pid = count(meaning.key === 'pid' ? row.key : COMMAND_PID_KEY.exec(row.key)?.[2]);
    if (pid === undefined) return [];
    const seen = byPid.get(pid);
    if (!seen || row.count < seen.count) byPid.set(pid, { pid, count: row.count, ev: row.ev, grep });
  }
  return [...byPid.values()];
}
