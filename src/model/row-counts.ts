// Counted rows that are fds: `ls /proc/PID/fd | grep X | wc -l` counts fds; lsof prints a row per
// thread in some versions and invocations (a TID column), so `lsof ... | grep -c X` counts fds only
// when the bundle's listing of the same lsof command shows no row of the process twice.
import type { FdKind } from '../sources/artifacts.js';
import type { EvidenceRef } from '../types.js';
import { firstCommand } from './pipeline.js';
import { lsfdFilterKind } from './lsfd-filter.js';
import type { ProcessModel } from './host.js';
import { codeSpan } from '../rich.js';
import { appendTo } from '../many-values.js';
import { argumentsOf, lsofAnds, lsofSelection } from '../command-words.js';

type PipelineCount = ProcessModel['pipelineCounts'][number];

/** The lsof commands whose listing of this process shows no row twice (no TID). */
function lsofOnce(p: ProcessModel): Set<string> {
  return new Set(
    p.fdViews.filter((v) => v.tool === 'lsof' && v.holder.fds > 0 && v.holder.threadRows === 0).map((v) => firstCommand(v.command)),
  );
}

/** The lines a count is cited by: its own, and the whole count's when it was found by difference. */
export function countRefs(c: PipelineCount): EvidenceRef[] {
  return c.from ? [c.ev, c.from] : [c.ev];
}

/** The count's command in a sentence, quoted as code, and how it was tied to the process when its command names none. */
export function countQuoted(c: PipelineCount): string {
  return `${codeSpan(c.basis)}${c.tiedBy ? ` (${c.tiedBy})` : ''}`;
}

/** The count's command and how it was tied to the process: a basis said inside parentheses. */
export function countText(c: PipelineCount): string {
  return c.tiedBy ? `${c.basis}, ${c.tiedBy}` : c.basis;
}

/** The tool of a count of inotify instances per process (kde-inotify-survey, inotify-info): each is one fd. */
export const INOTIFY_SURVEY = 'inotify-survey';

/** lsof's TYPE and NAME words that only an fd's row carries (never a cwd, rtd, txt or mem row). */
const FD_ONLY_ROW = /^(?:tcp|udp|ipv4|ipv6|sock|unix|fifo|pipe|a_inode)$/i;

/**
 * The state lsof ends a TCP row with, `(CLOSE_WAIT)`, as a grep picks it (`grep CLOSE_WAIT`,
 * `grep '(ESTABLISHED)'`): only a socket's row carries it. lsof spells states with `_`; ss's
 * `CLOSE-WAIT` picks no lsof row, so it is not one.
 */
const LSOF_TCP_STATE =
  /^\(?(?:CLOSE_WAIT|ESTABLISHED|LISTEN|SYN_SENT|SYN_RECV|FIN_WAIT[12]|LAST_ACK|CLOSING|CLOSED|TIME_WAIT|IDLE|BOUND)\)?$/i;

/**
 * Whether a grep of lsof's output picks rows only an fd has (`grep -c TCP`, `grep CLOSE_WAIT`):
 * then each row it counted, of an lsof that repeats no row per thread, is one fd.
 */
export function picksFdRowsOnly(pattern: string): boolean {
  return FD_ONLY_ROW.test(pattern) || LSOF_TCP_STATE.test(pattern);
}

/**
 * `ls -l /proc/47561/fd | grep mesos-jenkins | wc -l`: rows of a process's fd folder a grep picked
 * (none inverted, `grep -v`, which keeps every other row): each an fd of it.
 */
export function picksFdFolderRows(c: PipelineCount): boolean {
  return c.tool === 'ls' && c.grep.length > 0 && c.grep.every((g) => !g.startsWith('!'));
}

/**
 * The words of an fd link's target (`socket:[N]`, `pipe:[N]`, `anon_inode:[eventfd]`, `… (deleted)`),
 * with what may follow a colon, and any pattern holding a `/` or `->`: a grep for them picks
 * link rows only. The `.` and `..` rows `ls -la` adds show a mode, counts, owner, group, date and
 * the name `.`: none of these.
 */
const LINK_TARGET_ONLY = /^(?:socket|pipe|anon_inode|inotify|eventfd|eventpoll|timerfd|signalfd|pidfd|memfd|deleted)(?::.{0,80})?$|\/|->/i;
/** A pattern of such words joined by `.*` (`memfd.*deleted`): it too picks link rows only. */
function picksLinkRowsOnly(pattern: string): boolean {
  if (LINK_TARGET_ONLY.test(pattern)) return true;
  const parts = pattern.split('.*');
  return parts.length > 1 && parts.length <= 8 && parts.every((part) => part !== '' && LINK_TARGET_ONLY.test(part));
}

/**
 * How many of the lines `ls` adds to a listing of an fd folder the greps (all of them: each keeps
 * what the one before kept) pick as well: `ls -l`'s or `ls -s`'s "total N", when every pattern is
 * found in "total" or has a regex sign; `ls -a`'s `.` and `..`, which carry the owner and date,
 * unless a pattern is found in link targets only (`ls -als /proc/17480/fd/ | grep socket`).
 */
export function lsAddedLinesPicked(flags: string, grep: readonly string[]): number {
  const linkRows = grep.some(picksLinkRowsOnly);
  const total = /[ls]/.test(flags) && !linkRows && grep.every((g) => 'total'.includes(g.toLowerCase()) || /[.*[\]\\^$]/.test(g));
  const dots = flags.includes('a') && !linkRows;
  return (total ? 1 : 0) + (dots ? 2 : 0);
}

/** Whether each row the count counted is one fd of the process (not a thread's repeat). */
export function rowsAreFds(p: ProcessModel, c: PipelineCount): boolean {
  // `find /proc/PID/fd -lname 'pipe:*'` prints one fd link a line, as ls does; so does a readlink loop over them.
  if (c.tool === 'ls' || c.tool === 'find' || c.tool === 'readlink' || c.tool === INOTIFY_SURVEY) return true;
  // lsfd's filter on a kind keeps fds only (its cwd, exe and mem rows are of no such kind), one row each.
  if (c.tool === 'lsfd') return lsfdFilterKind(c.basis) !== null;
  return c.tool === 'lsof' && lsofOnce(p).has(firstCommand(c.basis));
}

/** A process's fd folder as find's starting point: `/proc/6905/fd`, `/proc/6905/fd/`. */
const FD_FOLDER = /^\/proc\/\d{1,9}\/fd\/?$/;

/**
 * The lines a `find` of a process's whole fd folder prints besides its fds (`find /proc/6905/fd |
 * wc -l` = 580: the folder itself, then 579 links), or null when it is no count of all its fds:
 * any test but `-mindepth 1` / `-type l` (which drop the folder's own line; `-maxdepth N` changes
 * nothing there) picks some of them (`-lname 'pipe:*'`), and another starting point counts others.
 */
export function findFolderExtraLines(basis: string): number | null {
  const args = argumentsOf(basis, 'find');
  if (!args || args.length === 0 || args.length > 6 || !FD_FOLDER.test(args[0])) return null;
  let extra = 1;
  for (let i = 1; i < args.length; i += 2) {
    const [test, value] = [args[i], args[i + 1]];
    if (/^\d?>/.test(test)) break;
    if (test === '-maxdepth' && /^\d{1,3}$/.test(value ?? '')) continue;
    if ((test === '-mindepth' && value === '1') || (test === '-type' && value === 'l')) extra = 0;
    else return null;
  }
  return extra;
}

/**
 * The words a grep picks one kind of fd by: lsof's TYPE (FIFO, a_inode, unix), its NAME (pipe,
 * [eventfd], UDP) and /proc/PID/fd's link targets (`pipe:[…]`, `anon_inode:inotify`).
 */
const KIND_WORDS: [FdKind, RegExp][] = [
  ['pipe', /^(?:pipe|fifo)\b/i],
  ['anon', /^(?:a_inode|anon_inode|\\?\[?(?:eventfd|eventpoll|inotify|timerfd|signalfd|pidfd)\b)/i],
  ['socket-udp', /^udp\b/i],
  ['socket-unix', /^unix\b/i],
];

/** The kinds of fd a count picked by a grep can say (countedOfKind). */
export const COUNTED_KINDS: readonly FdKind[] = KIND_WORDS.map(([kind]) => kind);

/** The kind of fd a grep pattern picks (`pipe`, `'pipe|FIFO'`, `anon_inode:inotify`); none for anything else. */
export function kindOfGrep(pattern: string): FdKind | undefined {
  const alternatives = pattern.replace(/^\((.*)\)$/, '$1').split(/\\?\|/);
  return KIND_WORDS.find(([, words]) => alternatives.every((a) => words.test(a)))?.[0];
}

/**
 * `ls -l /proc/PID/fd | grep pipe | wc -l`, a `find` of /proc's fd links by `-lname` tallied per pid:
 * the process's fds of one kind (and, with `word`, picked by a grep for it), counted, when each row
 * counted is one of its fds. Of several, the largest.
 */
export function countedOfKind(p: ProcessModel, kind: FdKind, word?: RegExp): PipelineCount | undefined {
  let best: PipelineCount | undefined;
  for (const c of p.pipelineCounts) {
    const picked = lsofPickedKind(c);
    if (picked) {
      if (picked.kind === kind && rowsAreFds(p, c) && (!best || picked.value > best.value)) best = { ...c, value: picked.value };
      continue;
    }
    if (picksKind(c, kind, word) && rowsAreFds(p, c) && (!best || c.value > best.value)) best = c;
  }
  return best;
}

/** Whether a count's greps keep the rows of one kind only (`grep -c pipe`; not after a `grep -v`). */
function picksKind(c: PipelineCount, kind: FdKind, word?: RegExp): boolean {
  if (c.grep.length === 0 || c.grep.some((g) => g.startsWith('!'))) return false;
  return c.grep.some((g) => kindOfGrep(g) === kind && (!word || word.test(g)));
}

/**
 * `lsof -p 15081 | grep -c pipe` = 137: the process's lsof rows of one kind, when nothing shows
 * that its lsof printed each fd once (a thread may repeat a row): that many rows, fewer fds, how
 * many unknown. Of several, the largest; with `skip`, none a grep matching it picked.
 */
export function lsofRowsOfKind(p: ProcessModel, kind: FdKind, skip?: RegExp): PipelineCount | undefined {
  let best: PipelineCount | undefined;
  for (const c of p.pipelineCounts) {
    if (c.tool !== 'lsof' || !picksKind(c, kind) || rowsAreFds(p, c)) continue;
    if (skip && c.grep.some((g) => skip.test(g))) continue;
    if (!best || c.value > best.value) best = c;
  }
  return best;
}

/**
 * `lsof -U -a -p 9037 | wc -l` = 456: lsof's own pick of one kind (`-U` unix sockets, `-iUDP` UDP
 * ones), ANDed with the process (`-a`), counted with no grep: every line but lsof's header is one of
 * its fds of that kind (455), as `lsof -p 9037 | grep -c unix` would count them. lsfd's filter
 * likewise (`lsfd -p PID -Q 'TYPE == "FIFO"' | wc -l`, lsfd-filter.ts).
 */
export function lsofPickedKind(c: PipelineCount): { kind: FdKind; value: number } | null {
  if (c.tool === 'lsfd' && c.grep.length === 0 && c.value >= 1) {
    const filtered = lsfdFilterKind(c.basis);
    return filtered ? { kind: filtered.kind, value: c.value - (filtered.header ? 1 : 0) } : null;
  }
  if (c.tool !== 'lsof' || c.grep.length > 0 || c.value < 1 || !lsofAnds(c.basis)) return null;
  const selected = lsofSelection(c.basis);
  const udp = selected === 'network' && /(?:^|\s)-[A-Za-z]{0,8}i[46]?\s?udp\b/i.test(firstCommand(c.basis));
  const kind: FdKind | null = selected === 'unix' ? 'socket-unix' : udp ? 'socket-udp' : null;
  return kind ? { kind, value: c.value - 1 } : null;
}

/**
 * A count of every row of a listing and a count of the rows a `grep -v X` kept from the same
 * listing (`cat lsof.txt | wc -l` = 24130, `grep -v "protocol: TCPv6" lsof.txt | wc -l` = 524, the
 * file saved from one `lsof -n -p …`): the rows that hold X are the difference, the count
 * `| grep X | wc -l` would print (23,606). Both counts must be of the same command's rows, picked
 * by the same other greps, the kept rows no more than all of them.
 */
export function complementCounts(counts: readonly PipelineCount[]): PipelineCount[] {
  // Each count once by what it counted (its command's first stage, its greps): a map, not a search per pair.
  const key = (c: PipelineCount, greps: readonly string[]) => `${c.tool}\n${firstCommand(c.basis)}\n${greps.join('\n')}`;
  const wholes = new Map<string, PipelineCount>();
  for (const c of counts) if (c.grep.every((g) => !g.startsWith('!'))) wholes.set(key(c, c.grep), c);
  const seen = new Set(counts.map((c) => c.basis));
  const out: PipelineCount[] = [];
  for (const kept of counts) {
    const inverted = kept.grep.filter((g) => g.startsWith('!'));
    if (inverted.length !== 1) continue;
    const others = kept.grep.filter((g) => !g.startsWith('!'));
    const whole = wholes.get(key(kept, others));
    if (!whole || whole.value < kept.value) continue;
    const basis = `${whole.basis}  minus  ${kept.basis}`;
    if (seen.has(basis)) continue;
    seen.add(basis);
    out.push({
      value: whole.value - kept.value,
      ev: kept.ev,
      from: whole.ev,
      basis,
      grep: [...others, inverted[0].slice(1)],
      tool: kept.tool,
    });
  }
  return out;
}

/** `lsof -p PID | grep -c '(deleted)'` and the like: a count of one kind, by the pattern it was counted with. */
export function countedAs(p: ProcessModel, pattern: RegExp): { count: number; where: string; evidence: EvidenceRef[]; lsofRows?: true }[] {
  return p.pipelineCounts
    .filter((c) => c.grep.length > 0 && c.grep.every((g) => !g.startsWith('!')) && c.grep.some((g) => pattern.test(g)))
    .map((c) => ({
      count: c.value,
      where: countQuoted(c),
      evidence: countRefs(c),
      // A host-wide lsof repeats a row per thread: its rows are not known to be one per fd.
      ...(c.tool === 'lsof' && !rowsAreFds(p, c) ? { lsofRows: true as const } : {}),
    }));
}

/**
 * Words a grep picks fds by their type or state, not by where they are: lsof's TYPE and FD columns
 * (REG, DIR, IPv4, sock, cwd …), its notes (`(deleted)`, `(CLOSE_WAIT)`), /proc's link targets.
 */
const TYPE_WORDS =
  /^(?:sock|socket|reg|dir|chr|blk|fifo|pipe|unix|ipv[46]|tcp|udp|a_inode|anon|anon_inode|deleted|memfd|close|closed|close_wait|listen|established|estab|txt|mem|cwd|rtd|del|dev)$/i;
/** A grep pattern that is a literal piece of a path (a name, a folder): no `!` (grep -v), no alternation or class. */
const PLAIN_PATH_WORD = /^[\w./~-]{2,200}$/;

/** A grep pattern that picks rows by a piece of their path (`/tmp`, `storjshare`), not by a kind, a type or a number. */
export function isPathWord(g: string): boolean {
  return PLAIN_PATH_WORD.test(g) && /[a-z]/i.test(g) && !TYPE_WORDS.test(g) && !kindOfGrep(g);
}

/**
 * `ls -l /proc/416/fd | grep 'storjshare' | wc -l`: a count of the rows a grep picked by a word of a
 * path — no kind's or type's word, not the process's own name or user (which pick the process, not
 * rows) —: the fds of files under that name. lsof prints the program's name on every row, unknown
 * here when the bundle names it not, so a word of its rows is a path's only with a `/` or a `.` in
 * it (`lsof -p 4311 | grep 'icinga2.cmd'`). Of several, the largest.
 */
export function countedByPath(p: ProcessModel): PipelineCount | undefined {
  let best: PipelineCount | undefined;
  const own = [p.command, p.user].filter((w): w is string => typeof w === 'string').map((w) => w.toLowerCase());
  const pathWord = (g: string, lsof: boolean) => isPathWord(g) && (!lsof || /[./]/.test(g)) && !own.includes(g.toLowerCase());
  for (const c of p.pipelineCounts) {
    // Rows of an fd listing only: a grep of `netstat -anp` (`| grep 1234/java`) picks connections.
    const listing = c.tool === 'lsof' || c.tool === 'ls';
    const byPath = listing && c.grep.length > 0 && c.grep.every((g) => pathWord(g, c.tool === 'lsof'));
    if (byPath && (!best || c.value > best.value)) best = c;
  }
  return best;
}

/**
 * One count command pasted again and again in one file (`ls /proc/PID/fd | wc -l`, then again
 * later): its runs, each in the order the file shows them. Counts of other commands or files are
 * other runs.
 */
export function countRuns<T extends { ev: EvidenceRef; basis: string }>(counts: readonly T[]): T[][] {
  const runs = new Map<string, T[]>();
  for (const c of counts) appendTo(runs, `${c.ev.file}\0${c.basis}`, c);
  return [...runs.values()].map((run) => [...run].sort((a, b) => a.ev.line - b.ev.line));
}
