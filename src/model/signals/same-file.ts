// One regular file (or folder) open again and again, each open without its close: counted in a listing's rows,
// or by a grep for the file's name (`ls -l /proc/PID/fd | grep -c state.db`, `lsof | grep dtags |
// wc -l` beside the rows it picked).
import type { EvidenceRef } from '../../types.js';
import { formatNumber as fmt } from '../../format.js';
import type { CaseFacts, Signal } from '../signal.js';
import { countQuoted, countRefs, rowsAreFds } from '../row-counts.js';
import { FILE_KINDS, addTo, fileEntries, filesOfOnePlace, type Place } from './places.js';
import { isMemfd } from './special-fds.js';
import { PILES } from '../piles.js';
import { linkTargetKind } from '../../sources/fd-kind.js';
import { redactedName } from '../../sources/redacted-name.js';
import { ranOut } from './exhaustion.js';

/** The same regular file open again and again: each open without its close. */
interface SameFile {
  name: string;
  count: number;
  listed: number;
  file: string;
  evidence: EvidenceRef[];
  /** A count of rows a grep for the name picked, not a listing's rows. */
  counted?: true;
  /** What `listed` is when it is no exact count: a bound (at least), or lsof rows. */
  measure?: 'at-least' | 'rows';
  /** Counted lsof rows no listing shows printed once per fd: a thread may repeat each (a pointer only). */
  threadRows?: true;
}

export function sameFile(f: CaseFacts): Signal | null {
  let best: SameFile | null = null;
  for (const v of f.process.fdViews) {
    const list = v.holder.entries;
    const byName = new Map<string, Place>();
    for (const i of fileEntries(list)) {
      const name = list.name(i);
      // A redacted name (`/media/[REDACTED]`) is every hidden file's: its rows are not one file.
      if (isTerminal(name) || redactedName(name)) continue;
      addTo(byName, name, i);
    }
    for (const [name, p] of byName) {
      if (!best || p.count > best.count)
        best = { name, count: p.count, listed: list.length, file: v.file, evidence: p.first.map((i) => list.ev(i)) };
    }
    const tallied = talliedFile(v.targets ?? []);
    // An lsof tally by NAME counts rows (a thread may repeat one), a link-target tally fds.
    const rows = v.tally === 'name' || v.tally === 'type' ? { measure: 'rows' as const } : {};
    if (tallied && v.command && (!best || tallied.count > best.count))
      best = { name: tallied.key, count: tallied.count, listed: v.holder.fds, file: v.file, evidence: [tallied.ev], ...rows };
  }
  const counted = countedFile(f);
  if (counted && (!best || counted.count > best.count)) best = counted;
  if (!best || best.count < PILES.sameFile.weak) return null;
  const decisive = best.count >= PILES.sameFile.decisive && best.count / best.listed >= PILES.sameFile.decisiveShare;
  // A clone device's opens are as many instances, a few by design: no pointer below a pile.
  if (!decisive && isCloneDevice(best.name)) return null;
  return {
    id: 'same-file-open',
    kind: best.name.endsWith(' (deleted)') && !isMemfd(best.name) ? 'deleted-file' : 'file',
    weight: decisive && !best.threadRows ? 3 : 1,
    count: best.count,
    statement: best.threadRows
      ? `${best.file} counts ${fmt(best.count)} lsof rows naming ${best.name} (a thread may repeat a row: as many fds at most, how many unknown): one file open on many fds, or a few fds shown once per thread.`
      : best.counted
        ? `${best.file} counts ${fmt(best.count)} rows naming ${best.name}, of ${heldText(best)} it holds: one file opened again and again and not closed.`
        : best.measure === 'rows'
          ? `${fmt(best.count)} of the ${fmt(best.listed)} lsof rows counted in ${best.file} name the same file, ${best.name}: it is opened again and again and not closed.`
          : `${fmt(best.count)} of the ${fmt(best.listed)} fds listed in ${best.file} are the same file, ${best.name}: it is opened again and again and not closed.`,
    evidence: best.evidence,
  };
}

/** One path, as `awk '{print $11}'` prints a link's target: no blank, no `<pid>` of a category. */
const ONE_PATH = /^\/[^\s<>]{1,4000}$/;

/**
 * A home folder's owner redacted (`/Users/<user>/.hermes/state.db`, `/home/<me>/app.log`): still
 * one file — a process's files under a home are its one user's —, unlike `/proc/<pid>/fd`, whose
 * placeholder stands for every pid.
 */
function onePath(key: string): boolean {
  return ONE_PATH.test(key.replace(/^\/(Users|home)\/<[^<>\s/]{1,40}>\//, '/$1/user/'));
}

/**
 * The path most fds are on in a tally of /proc/PID/fd's links by target (`ls -l /proc/PID/fd | awk
 * '{print $11}' | sort | uniq -c`: `5000 /var/log/app.log`): each row counts the fds on that target.
 * Its command says the keys are targets; a tally pasted without one may key by category (`95 /dev`).
 */
export function talliedFile(rows: readonly { count: number; key: string; ev: EvidenceRef }[]): (typeof rows)[number] | null {
  // `41234 socket:[xxx]`: its writer replaced the inodes, so its keys stand for groups (`/tmp/cache/xxx.tmp`).
  if (rows.some((r) => /^(?:socket|pipe):\[(?!\d+\]$)/.test(r.key))) return null;
  let best: (typeof rows)[number] | null = null;
  for (const r of rows) {
    if (!onePath(r.key) || !FILE_KINDS.includes(linkTargetKind(r.key)) || isTerminal(r.key)) continue;
    if (!best || r.count > best.count) best = r;
  }
  return best;
}

/**
 * A device each open of which makes a new instance rather than reopening one: `/dev/net/tun` (a
 * multi-queue tun device is opened once per queue), `/dev/ptmx` (a new pseudo-terminal per open),
 * `/dev/vhost-net`, `/dev/vhost-vsock`, `/dev/fuse`. Opened ten or twenty times it is that many
 * queues, terminals or connections held on purpose — tunpool's 32 queues of one `tpool0` —; fifty and
 * most of the table is a pile all the same (vpnd's `/dev/net/tun` per session, never closed).
 */
const CLONE_DEVICES: readonly string[] = ['/dev/net/tun', '/dev/ptmx', '/dev/pts/ptmx', '/dev/vhost-net', '/dev/vhost-vsock', '/dev/fuse'];

function isCloneDevice(name: string): boolean {
  return CLONE_DEVICES.includes(name);
}

function isTerminal(name: string): boolean {
  return name === '/dev/null' || name.startsWith('/dev/pts/') || name.startsWith('/dev/tty');
}

/**
 * A file's name with its extension (`state.db`, `/var/log/app.log`): what a grep for one file
 * looks like. A folder's (`logstash-2014.11.30`, `/data/`) counts many files.
 */
const FILE_PATTERN = /^(?:[^\s|]{0,200}\/)?[\w@+-][\w@+.-]{0,100}\.[A-Za-z][A-Za-z0-9]{0,9}$/;

/**
 * `ls /proc/3141/fd | grep -c state.db`: rows that name one file, counted (its command named by no
 * such pattern), when each row is an fd (row-counts.ts). Against its fd count, as a listing's share.
 */
function countedFile(f: CaseFacts): SameFile | null {
  const command = f.process.command ?? '';
  const picked = f.process.pipelineCounts
    .filter((x) => x.grep.length === 1 && namesOneFile(f.process, x.grep[0]) && !command.includes(x.grep[0]))
    .sort((a, b) => b.value - a.value);
  const c = picked.find((x) => rowsAreFds(f.process, x));
  if (!c) return threadRowsOfFile(f, picked);
  const total = f.fdCount && f.fdCount.value >= c.value ? f.fdCount : null;
  const measure = !total ? 'at-least' : total.measure === 'at-least' || total.measure === 'rows' ? total.measure : undefined;
  return {
    // A word (`dtags`) is named by the file it picked, which says whether that file was deleted.
    name: FILE_PATTERN.test(c.grep[0]) ? c.grep[0] : (onePathPicked(f.process, c.grep[0]) ?? c.grep[0]),
    count: c.value,
    listed: Math.max(c.value, f.fdCount?.value ?? 0),
    file: countQuoted(c),
    evidence: countRefs(c),
    counted: true,
    ...(measure ? { measure } : {}),
  };
}

/**
 * `lsof -p 21150 | grep -c rates.conf` = 843 with no listing of the process that shows each fd
 * printed once: rows a thread may repeat (a JVM's 200 threads print one log's fd 200 times). They
 * name the file and point at the process, as lsof rows of one kind do for its piles — no more.
 */
function threadRowsOfFile(f: CaseFacts, picked: CaseFacts['process']['pipelineCounts']): SameFile | null {
  const c = picked.find((x) => x.tool === 'lsof');
  if (!c) return null;
  return {
    name: FILE_PATTERN.test(c.grep[0]) ? c.grep[0] : (onePathPicked(f.process, c.grep[0]) ?? c.grep[0]),
    count: c.value,
    listed: c.value,
    file: countQuoted(c),
    evidence: countRefs(c),
    counted: true,
    measure: 'rows',
    threadRows: true,
  };
}

/** The fds a process holds, as its count says them: `the 305 fds`, `at least 44 fds` (a bound, as the grep's own count). */
function heldText(s: SameFile): string {
  if (s.measure === 'at-least') return `at least ${fmt(s.listed)} fds`;
  return s.measure === 'rows' ? `the ${fmt(s.listed)} lsof rows` : `the ${fmt(s.listed)} fds`;
}

/** A grep pattern that picks the rows of one file (not a deleted-file count, not a folder's files). */
export function namesOneFile(p: CaseFacts['process'], pattern: string): boolean {
  return !/delete/i.test(pattern) && (FILE_PATTERN.test(pattern) || onePathPicked(p, pattern) !== null);
}

/**
 * A grep pattern of no extension may pick a folder's files. It picked one file when the listing
 * shows ≥ 3 rows it matches and every one names that file (the `| head` of the same grep under its
 * `| wc -l`, or the rows pasted under the count): a path (`/proc/30499/task`) when each row names
 * exactly it; a word (`dtags`) when each names one path whose last part holds the word
 * (`/OUR/data/index/dtags.eftar (deleted)`; not a folder's word, which names many files). That
 * file's name as listed, else null.
 */
function onePathPicked(p: CaseFacts['process'], pattern: string): string | null {
  const isPath = pattern.startsWith('/');
  if (!isPath && !/^[\w.@+-]{3,100}$/.test(pattern)) return null;
  let rows = 0;
  let named: string | null = null;
  for (const v of p.fdViews) {
    const list = v.holder.entries;
    for (let i = 0; i < list.length; i++) {
      const name = list.name(i);
      const path = name.replace(/ \(deleted\)$/, '');
      if (!path.includes(pattern)) continue;
      if (isPath ? path !== pattern : !path.slice(path.lastIndexOf('/') + 1).includes(pattern)) return null;
      if (named !== null && name !== named) return null;
      named = name;
      rows++;
    }
  }
  return rows >= 3 ? named : null;
}

/**
 * Many distinct files of one folder or one name pattern in a whole listing (places.ts): a file per
 * job, request or render, opened and never closed — a pile of files as same-file-open is of one.
 * A store keeps its segments the same way, within its limit: the pile speaks only of a process that
 * ran out (EMFILE in its log or strace, or a count at its limit), and is strong at most. An
 * excerpt's files are listed-kind-share's.
 */
export function filePile(f: CaseFacts): Signal | null {
  if (!ranOut(f)) return null;
  let best: { count: number; listed: number; what: string; file: string; evidence: EvidenceRef[] } | null = null;
  for (const v of f.process.fdViews) {
    if (v.partial || v.tally) continue;
    const found = filesOfOnePlace(v.holder.entries);
    if (found && (!best || found.count > best.count)) best = { ...found, listed: v.holder.entries.length, file: v.file };
  }
  if (!best) return null;
  const share = best.count / best.listed;
  const [strong, strongShare] = PILES.other.strong;
  const [weak, weakShare] = PILES.other.weak;
  const weight = best.count >= strong && share >= strongShare ? 2 : best.count >= weak && share >= weakShare ? 1 : 0;
  if (weight === 0) return null;
  return {
    id: 'file-pile',
    kind: 'file',
    weight,
    count: best.count,
    statement: `${fmt(best.count)} of the ${fmt(best.listed)} fds listed in ${best.file} are ${best.what}, each open once: a file per job or request, opened and not closed (a store's segments look the same).`,
    evidence: best.evidence,
  };
}
