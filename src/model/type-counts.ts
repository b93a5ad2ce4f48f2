// `lsof -p PID | awk '{print $5}' | sort | uniq -c`: a process's lsof rows counted by TYPE. With
// thousands of fds it is what an engineer saves instead of the listing: every row, by kind, with
// no fd numbers and no names. Its rows are the process's fds plus lsof's cwd, rtd, txt and mem
// rows (DIR and REG), so it over-counts files and folders by a few.
import type { CountTableArtifact, FdHolder, FdKind } from '../sources/artifacts.js';
import { FdEntryList, Vocabulary } from '../sources/fd-entries.js';
import { isLsofType, linkTargetKind, lsofKind } from '../sources/fd-kind.js';
import { UNNAMED_PID } from '../sources/artifacts.js';
import type { ProcessModel } from './host.js';
import type { CountMeaning } from './pipeline.js';
import { words } from './command-segments.js';
import { splitPipeline } from '../shell.js';
import { isLsTotal } from '../sources/ls-total.js';
import { lsfdKind } from '../sources/lsfd.js';
import { COMMAND_PID_FIELD_KEY } from './kind-tallies.js';
import { count } from '../sources/numbers.js';

type CountRow = CountTableArtifact['rows'][number];

/** Every key is a word of lsof's TYPE column (REG, sock, FIFO, a_inode, IPv4 ...): a count of rows by TYPE. */
export function keyedByLsofType(rows: readonly CountRow[]): boolean {
  return rows.length > 0 && rows.every((r) => isLsofType(typeWord(r.key)));
}

/**
 * A TYPE key without the paster's gloss of it in parentheses after one blank (openclaw#3708's
 * `11,055 REG (regular files)`): the word lsof printed. Any other key as it is.
 */
export function typeWord(key: string): string {
  const m = TYPE_GLOSS.exec(key);
  return m && isLsofType(m[1]) ? m[1] : key;
}

/** A word, one blank, and a few words of prose in parentheses: `REG (regular files)`. */
const TYPE_GLOSS = /^(\S{1,10}) \([A-Za-z][A-Za-z ,-]{0,60}\)$/;

/**
 * A key of `ls -l /proc/PID/fd | awk '{print $11}'` (`$NF`) counted: a link's target
 * (`socket:[123]`, `anon_inode:[eventfd]`, `/var/log/app.log`), or its kind word alone once `cut
 * -d: -f1` dropped the rest (`socket`, `pipe`, `anon_inode`). The empty key
 * is ls's `total` line and its `.` and `..` rows.
 */
const LINK_KEY = /^(?:(?:socket|pipe|anon_inode|net|mnt|pidfd)(?::\S{0,80})?|\/\S.{0,4000})$/;

/**
 * ls -l's arrow before a link's target, whole (`-> /path`, awk's `print $10, $11`) or its tail after
 * a cut by character position (`> /path`: `ls -l /proc/24823/fd | cut -c55-200`, whose fixed columns
 * shift by one where the fd number gains a digit — core-geonetwork#731).
 */
const LINK_ARROW = /^-?> (?=\S)/;

/**
 * The rows of a tally of `ls -l /proc/PID/fd` by link target with ls's arrow (or its tail) dropped
 * from each key, rows of one target merged (their counts added, the first row's line cited): the
 * same target counted once whichever side of the arrow the cut fell. Rows without an arrow as they are.
 */
export function withoutLinkArrows(rows: readonly CountRow[]): CountRow[] {
  const out: CountRow[] = [];
  const at = new Map<string, number>();
  for (const r of rows) {
    const key = r.key.replace(LINK_ARROW, '');
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(key === r.key ? r : { ...r, key });
    } else out[i] = { ...out[i], count: out[i].count + r.count };
  }
  return out;
}

/** A key that stands for no fd: ls's `total` line (empty under awk, whole under cut) and its `.` and `..` rows. */
function noFdKey(key: string): boolean {
  return key === '' || isLsTotal(key); // ls -l's `total N` line, whole under cut (no `>`), empty under awk's `$11`
}

/**
 * The figure of ls's `total N` line, which awk's `$NF` prints alone (`ls -l /proc/PID/fd | awk
 * '{print $NF}' | cut -d: -f1 | sort | uniq -c` counts `1 0` beside `140 pipe`): a bare number,
 * counted once — no link target is one.
 */
const LS_TOTAL_FIGURE = /^\d{1,12}$/;

/** A tally row of no fd: a key of no fd, or ls's `total` figure counted once. */
function noFdRow(r: CountRow): boolean {
  return noFdKey(r.key) || (r.count === 1 && LS_TOTAL_FIGURE.test(r.key));
}

/** Every key is a link target of /proc/PID/fd (or its kind word): a count of fds by what they are. */
export function keyedByLinkTarget(rows: readonly CountRow[]): boolean {
  return rows.some((r) => !noFdRow(r)) && rows.every((r) => noFdRow(r) || LINK_KEY.test(r.key));
}

/**
 * A tally with no command whose keys are link targets, one at least a kind no path or name is
 * (`955 anon_inode:[eventfd]`, `239 pipe`): /proc/PID/fd's links counted by target — not `du`'s
 * sizes of folders, nor a count per command or pid.
 */
export function fdTargetTally(rows: readonly CountRow[]): boolean {
  return keyedByLinkTarget(rows) && rows.some((r) => /^(?:socket|pipe|anon_inode)(?::|$)/.test(r.key));
}

/** The fd holder a count of /proc/PID/fd's links by target stands for: its kinds, every row an fd. */
export function linkCountHolder(file: string, rows: readonly CountRow[], pid: number): FdHolder {
  // ls's `total` line and its `.` and `..` rows have no target: they count none.
  const kindOf = (key: string) =>
    noFdKey(key) || LS_TOTAL_FIGURE.test(key)
      ? null
      : linkTargetKind(/^(?:socket|pipe)$/.test(key) ? `${key}:[` : key === 'anon_inode' ? 'anon_inode:' : key);
  return tallyHolder(file, rows, pid, kindOf, false);
}

/**
 * The fd holder a TYPE count stands for: its kinds, its rows (`fds` is every row counted: fds and
 * lsof's rows that are not fds), and lsof's `sock` rows as the sockets it found in no table.
 */
export function typeCountHolder(file: string, rows: readonly CountRow[], pid = UNNAMED_PID): FdHolder {
  const typed = rows.map((r) => {
    const key = typeWord(r.key);
    return key === r.key ? r : { ...r, key };
  });
  return tallyHolder(file, typed, pid, (key) => lsofKind(key, '', ''), true);
}

/**
 * lsfd's TYPE words for anonymous inodes (util-linux 2.39 and later name them: `eventfd`,
 * `eventpoll`, `inotify` …; 2.38 prints them as UNKN).
 */
const LSFD_ANON_TYPE = /^(?:eventfd|eventpoll|inotify|timerfd|signalfd|pidfd|bpf-[a-z]{1,12}|userfaultfd|io_uring)$/;

/** A kind of lsfd's TYPE word alone (no NAME: a tally of its TYPE column); null for its header. */
function lsfdTypeKind(type: string): FdKind | null {
  if (!LSFD_TYPE.test(type)) return null;
  if (LSFD_ANON_TYPE.test(type)) return 'anon';
  return type === 'UNKN' ? 'other' : lsfdKind(type, '').kind;
}

/**
 * The fd holder of `lsfd -p PID -o TYPE | sort | uniq -c`: its rows by TYPE (`140 FIFO`, `42 REG`),
 * its column header (`1 TYPE`) no row. lsfd's `-p` rows are its fds and its exe, cwd, rtd, mem and
 * namespace rows (REG and DIR), so it over-counts files by a few, as lsof's TYPE tally does.
 */
export function lsfdTypeCountHolder(file: string, rows: readonly CountRow[], pid = UNNAMED_PID): FdHolder {
  return tallyHolder(file, rows, pid, lsfdTypeKind, false);
}

/** lsfd's TYPE words (2.38 prints every socket as SOCK, its protocol in NAME only). */
const LSFD_TYPE = /^(?:REG|DIR|CHR|BLK|FIFO|SOCK|UNKN|TCP|TCPV6|UDP|UDPV6|UNIX(?:-[A-Z]{1,10})?|[a-z][a-z-]{1,20})$/;

/**
 * A host-wide tally of rows by `command pid TYPE` (`lsfd -o COMMAND,PID,TYPE | sort | uniq -c`,
 * `lsof -n | awk '{print $1,$2,$5}' | sort | uniq -c`): each process's rows by TYPE, as its own
 * TYPE tally would give them — every key of a pid its rows of that kind. lsof's thread rows put
 * another column at `$5` (its USER or FD), no TYPE: they count nothing here. A `head` or `tail`
 * after it keeps the largest keys only, so each process's make-up is partial then.
 */
export function commandPidTypeHolders(
  file: string,
  rows: readonly CountRow[],
  tool: 'lsof' | 'lsfd',
): Map<number, { name: string; holder: FdHolder }> {
  const byPid = new Map<number, { name: string; rows: CountRow[] }>();
  const isType = tool === 'lsof' ? isLsofType : (w: string) => LSFD_TYPE.test(w);
  for (const r of rows) {
    const m = COMMAND_PID_FIELD_KEY.exec(r.key.trim());
    const pid = m ? count(m[2]) : undefined;
    if (!m || pid === undefined || !isType(m[3])) continue;
    const own = byPid.get(pid) ?? { name: m[1], rows: [] };
    own.rows.push({ ...r, key: m[3] });
    byPid.set(pid, own);
  }
  const out = new Map<number, { name: string; holder: FdHolder }>();
  const kindOf = tool === 'lsof' ? (t: string) => lsofKind(t, '', '') : (t: string) => lsfdKind(t, '').kind;
  for (const [pid, own] of byPid) out.set(pid, { name: own.name, holder: tallyHolder(file, own.rows, pid, kindOf, tool === 'lsof') });
  return out;
}

/**
 * lsof's NAME of a pipe or an anonymous inode, which no path or other tool's key is: `pipe`,
 * `inotify`, `[eventpoll]`, `[eventfd]`, `[timerfd]`, `[signalfd]`, `[pidfd]`.
 */
const LSOF_NAME_WORD = /^(?:pipe|inotify|\[[a-z_]{2,20}\])$/;

/**
 * A NAME key of no fd: the header's `NAME`, the empty key, and what awk's `$9` takes of a row whose
 * NAME has spaces or that lsof printed short (`(path`, `(stat:`, `protocol:` of `protocol: TCP`,
 * `type=STREAM`): which socket or file it was is cut away.
 */
const NO_FD_NAME = /^(?:NAME|\(.{0,40}|[a-z]{1,20}[:=].{0,40})?$/;

/**
 * What an awk stage prints of lsof's NAME: `$9`, `$NF` (the last field, NAME's last word), or `$9`
 * with the word lsof prints after it (`$9 $10`, `$9,$10`, `$9" "$10`: a socket's `TCP` of `protocol:
 * TCP`, a file's `(deleted)`) — eclipse-che#2962's `awk '{print $9 $10}'` of the Docker daemon's rows.
 */
const NAME_COLUMN = /^(?:\$9|\$NF|\$9 ?(?:,|" ")? ?\$10)$/;

/** One awk stage printing one column, lsof's NAME. */
function printsNameColumn(segment: string[]): boolean {
  const printed = /\bprint\s+([^;}]{1,200})/.exec(segment.slice(1).join(' '))?.[1]?.trim();
  return printed !== undefined && NAME_COLUMN.test(printed);
}

/**
 * `lsof -p PID | awk '{print $9}' | sort | uniq -c`, or the same awk over an lsof saved to a file
 * (`awk '{print $9;}' /tmp/auditbeat-c2dws.txt | sort | uniq -c`): a process's lsof rows counted by
 * NAME. Over a saved file, known as such by lsof's own words for pipes and anonymous inodes among
 * the keys; after `lsof -p`, which picked the one process, its paths alone say it too. Not of a
 * host-wide lsof (every process's rows, each fd once per thread), nor of rows a grep picked.
 * `pid` is the process the lsof names; none for a saved file, nor for `-p` given a placeholder
 * (`lsof -p <dashboard pid>`: one process, its pid not shown). A tally `head` or `tail` cut
 * (`| sort -n | tail -n 10`: the largest keys) is `partial`: its rows are still that process's
 * fds, but not all of them — an excerpt, no make-up of the whole table.
 */
export function lsofNameTally(
  command: string,
  meaning: CountMeaning | null,
  rows: readonly CountRow[],
): { pid?: number; partial?: true } | null {
  if (meaning?.grep?.length) return null;
  const found = nameTallyOf(command, meaning, rows);
  if (!found || !/\|\s*(?:head|tail)\b/.test(command)) return found;
  return { ...found, partial: true };
}

function nameTallyOf(command: string, meaning: CountMeaning | null, rows: readonly CountRow[]): { pid?: number } | null {
  const lsofWords = rows.some((r) => LSOF_NAME_WORD.test(r.key));
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  const first = segments[0]?.[0];
  if (first === 'lsof') {
    if (!segments.slice(1).some((s) => s[0] === 'awk' && printsNameColumn(s))) return null;
    if (!lsofWords && !rows.some((r) => r.key.startsWith('/'))) return null;
    if (meaning?.pid !== undefined) return { pid: meaning.pid };
    return picksOneProcess(segments[0]) ? {} : null;
  }
  return lsofWords && first === 'awk' && printsNameColumn(segments[0]) ? {} : null;
}

/** lsof's words select one process by `-p` (`-p PID`, `-np`), whatever its argument: a placeholder (`<daemon>`, `<dashboard pid>`) is still one process, its pid not shown. */
function picksOneProcess(lsofWords: readonly string[]): boolean {
  return lsofWords.slice(1).some((a) => /^-[a-zA-Z]{0,6}p$/.test(a));
}

/** The command's lsof selects one process by `-p`, its pid printed or not (`lsof -p <daemon> -n | awk '{print $5}' | …`). */
export function lsofPicksOneProcess(command: string): boolean {
  const first = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words)[0];
  return first?.[0] === 'lsof' && picksOneProcess(first);
}

/** The fd holder an lsof NAME tally stands for: pipes, anonymous inodes (its inotify rows named, as a listing's are), files, the rest other. */
export function nameCountHolder(file: string, rows: readonly CountRow[], pid = UNNAMED_PID): FdHolder {
  const kindOf = (key: string): FdKind | null =>
    NO_FD_NAME.test(key)
      ? null
      : key === 'pipe'
        ? 'pipe'
        : LSOF_NAME_WORD.test(key)
          ? 'anon'
          : key.startsWith('/')
            ? linkTargetKind(key)
            : 'other';
  const holder = tallyHolder(file, rows, pid, kindOf, false);
  // Each inotify row an entry, at most MAX_NAMED of them: the instances a listing would show.
  let named = 0;
  for (const r of rows) {
    if (r.key !== 'inotify') continue;
    for (let i = 0; i < r.count && named < MAX_NAMED; i++, named++)
      holder.entries.add('', 'anon', 'a_inode', 'inotify', undefined, undefined, r.ev.line);
  }
  return holder;
}

/** Named fds a holder keeps per process (as a listing's, `FdHolder.entries`). */
const MAX_NAMED = 2000;

/** A tally's rows as an fd holder: kinds by `kindOf` of each key (null: a row of no fd), the keys kept as lsof TYPEs when they are. */
function tallyHolder(
  file: string,
  rows: readonly CountRow[],
  pid: number,
  kindOf: (key: string) => FdKind | null,
  lsofTypes: boolean,
): FdHolder {
  const byKind: Partial<Record<FdKind, number>> = {};
  const byType: Record<string, number> = {};
  const unidentified: CountRow[] = [];
  let total = 0;
  for (const r of rows) {
    const kind = kindOf(r.key);
    if (kind === null) continue;
    byKind[kind] = (byKind[kind] ?? 0) + r.count;
    if (lsofTypes) byType[r.key] = (byType[r.key] ?? 0) + r.count;
    if (kind === 'socket-unconnected') unidentified.push(r);
    total += r.count;
  }
  return {
    pid,
    command: '',
    rows: total,
    threadRows: 0,
    fds: total,
    otherRows: 0,
    byKind,
    byType,
    unidentifiedSockets: byKind['socket-unconnected'] ?? 0,
    closeWait: 0,
    deletedFiles: 0,
    deletedBytes: 0,
    samples: { unidentified: unidentified.map((r) => r.ev), closeWait: [], deleted: [] },
    entries: new FdEntryList(file, new Vocabulary(), 0),
    firstEvidence: rows[0].ev,
  };
}

/**
 * A tally of one process's fd links that a grep picked (`ls -l /proc/30914/fd | awk '{print $11}' |
 * grep soledad | cut -d'/' -f 6 | sort | uniq -c`: soledad's files by user folder): each row counted
 * is an fd whose link holds the word, so their sum is that many of its fds at least, as `| grep
 * soledad | wc -l` would count — not when `head` or `tail` kept some keys only, nor for `grep -v`.
 */
export function greppedLinkTally(
  meaning: CountMeaning | null,
  command: string,
  rows: readonly CountRow[],
): { pid: number; count: ProcessModel['pipelineCounts'][number] } | null {
  if (meaning?.tool !== 'ls' || meaning.pid === undefined || !meaning.grep?.length || meaning.grep.some((g) => g.startsWith('!')))
    return null;
  if (/\|\s*(?:head|tail)\b/.test(command) || rows.length === 0) return null;
  const value = rows.reduce((a, r) => a + r.count, 0);
  return { pid: meaning.pid, count: { value, ev: rows[0].ev, basis: command, measure: 'at-least', grep: meaning.grep, tool: 'ls' } };
}
