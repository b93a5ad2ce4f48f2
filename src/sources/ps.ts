// ps in its common flavours: the process table names a pid (service, owner, command line) and,
// with -T / -L, its threads.
//   ps auxww    USER  PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND
//   ps -ef      UID   PID PPID C STIME TTY TIME CMD
//   ps -eLf     UID   PID PPID LWP C NLWP STIME TTY TIME CMD
//   ps -T -p N  PID  SPID TTY TIME CMD          (ps -L: LWP instead of SPID)
//   ps -o ...   any known columns (variant 'other'), e.g. `-o pid,ppid,user,lstart,args`
//   ps auxww | grep PID   the rows without their header, recognised by their shape
//   pgrep -a NAME / -l     `PID COMMAND-LINE` / `PID COMM` rows, no header: the command says which
//   pstree -p   the tree, each process `name(pid)` under its parent (pstree.ts reads it)
// CMD/COMMAND is either the command line (args) or the 15-character task name (comm): the same
// header serves both. Threads get names only from a comm column (ps -T's CMD is the thread's
// comm; ps -eLf's CMD is the process's command line, the same on every thread).
import { TERMINAL_WRAP_WIDTH } from '../text.js';
import type { PsArtifact, PsProcess, ThreadName } from './artifacts.js';
import { ref, type EvidenceRef } from '../types.js';
import type { LineSink, ParseContext, SourceParser } from './parser.js';
import { containerExec } from './container-exec.js';
import { count } from './numbers.js';
import { isPstreeCommand, looksLikePstree, pstreeSink } from './pstree.js';

/** Header words procps, busybox and BSD ps print. A header made only of these is a ps header. */
const KNOWN = new Set([
  'PID',
  'PPID',
  'PGID',
  'PGRP',
  'SID',
  'SESS',
  'TGID',
  'TPGID',
  'USER',
  'UID',
  'RUSER',
  'RUID',
  'EUSER',
  'EUID',
  'SUSER',
  'FUSER',
  'GROUP',
  'GID',
  'RGROUP',
  'EGROUP',
  '%CPU',
  '%MEM',
  'CPU',
  'C',
  'VSZ',
  'VSIZE',
  'RSS',
  'RSZ',
  'SZ',
  'TTY',
  'TT',
  'STAT',
  'S',
  'F',
  'PRI',
  'NI',
  'CLS',
  'POL',
  'RTPRIO',
  'PSR',
  'STIME',
  'START',
  'STARTED',
  'LSTART',
  'TIME',
  'ELAPSED',
  'CMD',
  'COMMAND',
  'ARGS',
  'COMM',
  'UCMD',
  'NAME',
  'LWP',
  'SPID',
  'TID',
  'NLWP',
  'THCNT',
  'WCHAN',
  'ADDR',
  'LABEL',
  'CGROUP',
]);
/** Free-text columns: they may hold spaces. NAME: Android's toybox ps (argv[0]: a path, or an app's package). */
const TEXT = new Set(['CMD', 'COMMAND', 'ARGS', 'COMM', 'UCMD', 'NAME']);
const TID_COLUMNS = ['TID', 'LWP', 'SPID'];
const USER_COLUMNS = ['USER', 'UID', 'RUSER', 'EUSER'];
const START_COLUMNS = ['STARTED', 'LSTART', 'START', 'STIME'];
const WEEKDAY = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/;
/** comm is cut at 15 characters (TASK_COMM_LEN - 1). */
const COMM_MAX = 15;

const AUX = ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'];
const EF = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];
const ELF = ['UID', 'PID', 'PPID', 'LWP', 'C', 'NLWP', 'STIME', 'TTY', 'TIME', 'CMD'];

// Header-less rows (`ps auxww | grep 4684`), told apart by their numeric columns. macOS's ps prints
// TIME with hundredths (`0:00.16`), procps without.
const AUX_ROW =
  /^\S+\s+\d+\s+\d+(?:\.\d+)?\s+\d+(?:\.\d+)?\s+\d+\s+\d+\s+\S+\s+[DIRSTtWXZ][<NLsl+]*\s+\S+\s+\d+:\d+(?::\d+)?(?:\.\d+)?\s+\S/;
const EF_ROW = /^\S+\s+\d+\s+\d+\s+\d+\s+\S+\s+\S+\s+(?:\d+-)?\d+:\d+(?::\d+)?(?:\.\d+)?\s+\S/;
/**
 * `ps -eLf | grep prog` (the grep drops the header): UID PID PPID LWP C NLWP before STIME. Five
 * numbers after the user, where ps -ef's STIME and TTY follow three (no TTY is a number).
 */
const ELF_ROW = /^\S+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\S+\s+\S+\s+(?:\d+-)?\d+:\d+(?::\d+)?\s+\S/;
/**
 * Android's `ps` (toybox, Android 8 and later; `adb shell ps | grep app` drops the header):
 * `u0_a184       4700   319 13821972 135664 0                  0 S infosecadventures.allsafe`.
 */
const TOYBOX = ['USER', 'PID', 'PPID', 'VSZ', 'RSS', 'WCHAN', 'ADDR', 'S', 'NAME'];
const TOYBOX_ROW = /^\S+\s+\d+\s+\d+\s+\d+\s+\d+\s+\S+\s+[\da-fA-F]+\s+[DIKRSTtWXZ]\s+\S/;
/**
 * `ps -elf | grep prog` (the long format with -f; the grep drops the header): F S before the user,
 * then PID PPID C PRI NI ADDR SZ WCHAN STIME TTY TIME CMD —
 * `4 S mastodon  543843       1 15  80   0 - 1551277 do_pol May21 ?      09:45:04 sidekiq 6.5.12 …`.
 * NI is `-` for a real-time task, ADDR `-` on Linux.
 */
const ELFL = ['F', 'S', 'UID', 'PID', 'PPID', 'C', 'PRI', 'NI', 'ADDR', 'SZ', 'WCHAN', 'STIME', 'TTY', 'TIME', 'CMD'];
const ELFL_ROW =
  /^\d{1,3}\s+[DIRSTtWXZ]\s+\S+\s+\d+\s+\d+\s+\d+\s+-?\d+\s+(?:-?\d+|-)\s+\S+\s+\d+\s+\S+\s+\S+\s+\S+\s+(?:\d+-)?\d+:\d+(?::\d+)?\s+\S/;
/** `ps ax` / `ps axf` (BSD): PID TTY STAT TIME COMMAND. */
const AX = ['PID', 'TTY', 'STAT', 'TIME', 'COMMAND'];
const AX_ROW = /^\s*\d+\s+\S+\s+[DIRSTtWXZ][<NLsl+]*\s+\d+:\d+(?::\d+)?(?:\.\d+)?\s+\S/;

/** Threads a listing whose text is the command line keeps as owners (tid → pid); the rest are dropped. */
const MAX_THREAD_OWNERS = 100_000;

/** The columns of a headerless row of a known shape (ps -eLf's before ps -ef's, whose shape it also has). */
function headerlessColumns(l: string): string[] | undefined {
  if (AUX_ROW.test(l)) return AUX;
  if (ELFL_ROW.test(l)) return ELFL;
  if (ELF_ROW.test(l)) return ELF;
  if (EF_ROW.test(l)) return EF;
  if (AX_ROW.test(l)) return AX;
  return TOYBOX_ROW.test(l) ? TOYBOX : undefined;
}

/** Whether a line has the shape of a headerless ps row of a known layout. */
function isShapedRow(l: string): boolean {
  return headerlessColumns(l) !== undefined;
}

/**
 * Whether a line is the rest of a long row a terminal wrapped (`ps wuax | grep 335736`'s java
 * command line, kingdon-ci/jenkins-infra#36, on four more lines): under a row or such a line at
 * least TERMINAL_WRAP_WIDTH long, a line that is no row and no header. Its words are the command's.
 */
function wrapsRowAbove(text: string, above: string | undefined): boolean {
  return above !== undefined && above.length >= TERMINAL_WRAP_WIDTH && text.trim() !== '' && !isShapedRow(text) && !psHeader(text);
}

/** Headerless rows without the lines a terminal wrapped them onto. */
function withoutWraps(lines: readonly string[]): string[] {
  const out: string[] = [];
  let above: string | undefined;
  for (const l of lines) {
    if (wrapsRowAbove(l, above)) {
      above = l;
      continue;
    }
    above = isShapedRow(l) ? l : undefined;
    out.push(l);
  }
  return out;
}

type Variant = PsArtifact['variant'];

/** The column names of a ps header line, or undefined when it is not one. */
export function psHeader(line: string): string[] | undefined {
  const cols = line.trim().split(/\s+/);
  if (cols.length < 2 || !cols.every((c) => KNOWN.has(c))) return undefined;
  if (!cols.includes('PID') && !cols.some((c) => TID_COLUMNS.includes(c))) return undefined;
  return cols;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function variantOf(cols: readonly string[]): Variant {
  if (same(cols, AUX)) return 'aux';
  if (same(cols, EF)) return 'ef';
  if (same(cols, ELF)) return 'eLf';
  if (cols.length === 5 && cols[0] === 'PID' && (cols[1] === 'SPID' || cols[1] === 'LWP') && cols[4] === 'CMD') return 'T';
  return 'other';
}

function lastTextColumn(cols: readonly string[]): number {
  for (let i = cols.length - 1; i >= 0; i--) if (TEXT.has(cols[i])) return i;
  return -1;
}

/**
 * Splits a row into its columns. Free-text columns take the spaces: the last one takes all the
 * tokens the others leave; `lstart` (STARTED) takes five tokens when it starts with a weekday.
 */
export function splitRow(text: string, cols: readonly string[]): string[] | undefined {
  const spans: [number, number][] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  const token = (i: number) => text.slice(spans[i][0], spans[i][1]);
  const free = lastTextColumn(cols);
  const out: string[] = new Array(cols.length);
  let l = 0;
  for (let i = 0; i < (free === -1 ? cols.length : free); i++) {
    if (l >= spans.length) return undefined;
    const wide = (cols[i] === 'STARTED' || cols[i] === 'LSTART') && WEEKDAY.test(token(l)) ? 5 : 1;
    if (l + wide > spans.length) return undefined;
    out[i] = text.slice(spans[l][0], spans[l + wide - 1][1]);
    l += wide;
  }
  if (free === -1) return l === spans.length ? out : undefined;
  let r = spans.length;
  for (let i = cols.length - 1; i > free; i--) {
    if (r <= l) return undefined;
    out[i] = token(--r);
  }
  if (r <= l) return undefined;
  out[free] = text.slice(spans[l][0], spans[r - 1][1]);
  return out;
}

/** `pgrep -a` (`-af`, `--list-full`) prints each pid's command line, `-l` (`--list-name`) its name. */
const PGREP = /(?:^|[\s|;&(])pgrep\s+([^|;&]{0,200})/;
const PGREP_ROW = /^\s*\d{1,10}\s+\S/;
const PGREP_COLS = ['PID', 'CMD'];

/** 'full' for `pgrep -a`, 'name' for `pgrep -l` (its -a wins: `-lfa` prints command lines), else undefined. */
export function pgrepList(command?: string): 'full' | 'name' | undefined {
  const args = command ? PGREP.exec(command)?.[1] : undefined;
  if (args === undefined) return undefined;
  const flags = args
    .split(/\s+/)
    .filter((w) => /^-[a-zA-Z]+$/.test(w))
    .join('');
  if (flags.includes('a') || /(?:^|\s)--list-full(?:\s|$)/.test(args)) return 'full';
  if (flags.includes('l') || /(?:^|\s)--list-name(?:\s|$)/.test(args)) return 'name';
  return undefined;
}

/** What ps was asked to print in `-o` / `o` / `--format`, by column, when the command says so. */
export function outputSpec(command?: string): string[] | undefined {
  const psPart = command && /(?:^|[\s|;&(])ps\s+([^|;&]*)/.exec(command)?.[1];
  if (!psPart) return undefined;
  const specs: string[] = [];
  const re = /(?:^|\s)(?:-[a-zA-Z]*o|[a-zA-Z]*o|--format)\s+(\S+)/g;
  for (let m = re.exec(psPart); m; m = re.exec(psPart)) {
    if (/^-/.test(m[1])) continue;
    specs.push(...m[1].replace(/^['"]|['"]$/g, '').split(','));
  }
  return specs.length ? specs.map((s) => (s.includes('=') ? s.slice(0, s.indexOf('=')) : s).toLowerCase()) : undefined;
}

/** The header procps prints for each `-o` format name (its AIX and BSD aliases too). */
const SPEC_HEADERS: Record<string, string> = {
  pid: 'PID',
  tgid: 'TGID',
  ppid: 'PPID',
  tid: 'TID',
  lwp: 'LWP',
  spid: 'SPID',
  user: 'USER',
  euser: 'USER',
  uid: 'UID',
  ruser: 'RUSER',
  lstart: 'STARTED',
  start: 'START',
  stime: 'STIME',
  etime: 'ELAPSED',
  time: 'TIME',
  cputime: 'TIME',
  nlwp: 'NLWP',
  thcount: 'THCNT',
  stat: 'STAT',
  state: 'S',
  s: 'S',
  rss: 'RSS',
  rssize: 'RSS',
  vsz: 'VSZ',
  '%cpu': '%CPU',
  pcpu: '%CPU',
  '%mem': '%MEM',
  pmem: '%MEM',
  tty: 'TT',
  tname: 'TTY',
  ni: 'NI',
  nice: 'NI',
  cmd: 'CMD',
  args: 'COMMAND',
  command: 'COMMAND',
  comm: 'COMMAND',
  ucmd: 'CMD',
  ucomm: 'COMMAND',
};

/**
 * The columns a `ps -o` command prints, as its header would name them, when each format name is
 * known and one is the pid: rows a grep kept without their header are read by them
 * (`ps -eo pid,ppid,lstart,cmd --forest | grep -E "auditor|sleep 600"`).
 */
export function specColumns(command?: string): string[] | undefined {
  const spec = outputSpec(command);
  if (!spec || spec.length > 32) return undefined;
  const cols = spec.map((s) => SPEC_HEADERS[s]);
  if (cols.some((c) => c === undefined) || !cols.includes('PID')) return undefined;
  return cols;
}

/** A single pid named by `-p N` / `--pid N` / `-pN` (for `ps -T -p N -o tid,comm`, which prints no PID). */
function commandPid(command?: string): number | undefined {
  const m = command && containerExec(command) === undefined && /(?:^|\s)(?:-p\s*|--pid[=\s]|p\s+)(\d{1,15})(?:\s|$)/.exec(command);
  return m ? Number(m[1]) : undefined;
}

/**
 * The one parent a `ps --ppid N` selects (procps): every row it prints is a child of N, also when
 * no PPID column says so (`ps --ppid 3171 -o pid,stat,cmd`). A list of parents names none.
 */
function commandPpid(command?: string): number | undefined {
  const m = command && containerExec(command) === undefined && /(?:^|\s)--ppid[=\s]\s{0,8}(\d{1,15})(?:\s|$)/.exec(command);
  return m ? Number(m[1]) : undefined;
}

/** A process that exited and was never waited for: ps's STAT `Z`, or its command shown `<defunct>`. */
function isZombie(row: Row): boolean {
  return row.stat?.startsWith('Z') === true || /\s<defunct>$/.test(row.text) || row.text === '<defunct>';
}

/** `ps f` (forest) draws the tree before a child's command: ` \_ `, with `|` for its ancestors' siblings. */
function withoutForest(text: string): string {
  const m = /^[ |]*\\_ +/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** argv[0]'s base name; a kernel thread's `[kworker/0:1]` keeps its bracketed name. */
export function shortName(cmdline: string): string {
  const t = cmdline.trim();
  const bracket = /^\[(.+)\]$/.exec(t);
  if (bracket) return bracket[1];
  // A title the program set for itself (`nginx: worker process`, `postgres: writer`, `dhcpcd:
  // [manager]`): its name is the word before the colon.
  const argv0 = (t.split(/\s+/)[0] ?? '').replace(/(?<=.):$/, '');
  return argv0.slice(argv0.lastIndexOf('/') + 1) || argv0;
}

interface Row {
  pid?: number;
  tid?: number;
  ppid?: number;
  /** ps's STAT (or S) column: `Z`, `Ss`, `R+` … */
  stat?: string;
  user?: string;
  nlwp?: number;
  started?: string;
  text: string;
  ev: EvidenceRef;
}

function toInt(s: string | undefined): number | undefined {
  return count(s);
}

function rowOf(values: string[], cols: readonly string[], ev: EvidenceRef): Row {
  const at = (names: readonly string[]) => {
    const i = cols.findIndex((c) => names.includes(c));
    return i === -1 ? undefined : values[i];
  };
  const textIndex = lastTextColumn(cols);
  return {
    pid: toInt(at(['PID', 'TGID'])),
    tid: toInt(at(TID_COLUMNS)),
    ppid: toInt(at(['PPID'])),
    stat: at(['STAT', 'S']),
    user: at(USER_COLUMNS),
    nlwp: toInt(at(['NLWP', 'THCNT'])),
    started: at(START_COLUMNS),
    text: textIndex === -1 ? '' : withoutForest(values[textIndex]),
    ev,
  };
}

/** Is the free-text column the task name (comm) rather than the command line? undefined: the values must tell. */
function commByColumns(cols: readonly string[], spec: string[] | undefined): boolean | undefined {
  const textIndex = lastTextColumn(cols);
  if (textIndex === -1) return false;
  if (spec && spec.length === cols.length) return ['comm', 'ucmd', 'ucomm', 'fname'].includes(spec[textIndex]);
  // The -f and BSD u formats print the command line.
  if (cols.includes('STIME') || cols.includes('%CPU') || cols.includes('ARGS')) return false;
  return undefined;
}

/** Task names are at most 15 characters and never a path. */
function commByValues(rows: Iterable<Row>): boolean {
  for (const r of rows) if (r.text.length > COMM_MAX || r.text.includes('/')) return false;
  return true;
}

export const ps: SourceParser<PsArtifact> = {
  id: 'ps',
  title: 'Process table (ps; pgrep -a / -l; pstree -p)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (pgrepList(command)) return lines.filter((l) => PGREP_ROW.test(l)).length >= lines.length * 0.8 ? 0.9 : 0;
    if (looksLikePstree(lines)) return isPstreeCommand(command) ? 0.95 : 0.8;
    const psCommand = !!command && /(^|[\s|;&(])ps\s/.test(command);
    const header = psHeader(lines[0]);
    if (header) {
      const rows = lines.slice(1, 20);
      const fits = rows.filter((l) => splitRow(l, header) !== undefined).length;
      if (rows.length > 0 && fits < rows.length * 0.8) return 0.3;
      return psCommand ? 0.95 : 0.9;
    }
    const unwrapped = withoutWraps(lines);
    const shaped = unwrapped.filter(isShapedRow).length;
    if (shaped >= unwrapped.length * 0.8) return psCommand ? 0.9 : 0.7;
    const specCols = psCommand ? specColumns(command) : undefined;
    if (specCols && lines.slice(0, 20).every((l) => /^\s*\d/.test(l) && splitRow(l, specCols) !== undefined)) return 0.85;
    return 0;
  },
  sink(ctx) {
    if (isPstreeCommand(ctx.command)) return pstreeSink(ctx);
    const table = tableSink(ctx);
    // A pstree -p output that no command names is told by its first line.
    let tree: LineSink<PsArtifact> | undefined;
    let first = true;
    return {
      line(text, n) {
        if (first && text.trim() !== '') {
          first = false;
          if (looksLikePstree([text])) tree = pstreeSink(ctx);
        }
        (tree ?? table).line(text, n);
      },
      end: () => (tree ?? table).end(),
    };
  },
};

/** ps's table: a header (or rows of a known shape) and its rows. */
function tableSink(ctx: ParseContext): LineSink<PsArtifact> {
  const spec = outputSpec(ctx.command);
  const fromSpec = specColumns(ctx.command);
  const pidFromCommand = commandPid(ctx.command);
  const ppidFromCommand = commandPpid(ctx.command);
  const pgrep = pgrepList(ctx.command);
  let cols: string[] | undefined = pgrep ? PGREP_COLS : undefined;
  let variant: Variant | undefined = pgrep ? 'other' : undefined;
  let comm: boolean | undefined = pgrep ? pgrep === 'name' : undefined;
  let records = 0;
  const grepUsers = new Set<string>();
  // One row per pid (the main thread's when listed) and, unless the text is known to be the
  // command line, every thread row: a 100k-thread `ps -eLf` keeps only its processes.
  const byPid = new Map<number, Row>();
  const threadRows: Row[] = [];
  const owners: NonNullable<PsArtifact['threadOwners']> = [];
  /** The last row read, while the lines under it are its wrapped rest. */
  let wrapped: string | undefined;
  return {
    line(text, n) {
      if (text.trim() === '') return;
      if (wrapsRowAbove(text, wrapped)) {
        wrapped = text;
        return;
      }
      wrapped = undefined;
      const header = psHeader(text);
      if (header) {
        if (cols && !same(header, cols)) ctx.warn(n, 'a second, different ps header: columns now follow it');
        cols = header;
        variant ??= variantOf(header);
        comm = commByColumns(header, spec);
        return;
      }
      let rowCols = cols;
      const headerless = !rowCols;
      if (!rowCols) {
        rowCols = headerlessColumns(text) ?? fromSpec;
        if (!rowCols) {
          ctx.warn(n, `not a ps row: ${text.slice(0, 80)}`);
          return;
        }
        variant ??= rowCols === AUX ? 'aux' : rowCols === EF ? 'ef' : rowCols === ELF ? 'eLf' : 'other';
        comm = rowCols === fromSpec ? commByColumns(rowCols, spec) : false;
      }
      const values = splitRow(text, rowCols);
      if (!values) {
        ctx.warn(n, `row does not fit the ps columns: ${text.slice(0, 80)}`);
        return;
      }
      const row = rowOf(values, rowCols, ref(ctx.file, n, text));
      // Only a headerless row of a known shape is told from the rest of it a terminal wrapped.
      wrapped = headerless && isShapedRow(text) ? text : undefined;
      const hasPid = rowCols.includes('PID');
      if (!hasPid) row.pid = pidFromCommand;
      if (row.ppid === undefined && ppidFromCommand !== undefined && row.pid !== ppidFromCommand) row.ppid = ppidFromCommand;
      else if (row.pid === undefined) {
        ctx.warn(n, `PID is not a number: ${text.slice(0, 80)}`);
        return;
      }
      // `ps auxww | grep 4684` lists the grep itself: that row is the pipeline, not evidence.
      if (headerless && /^(e|f)?grep$/.test(shortName(row.text))) {
        if (row.user && grepUsers.size < 16) grepUsers.add(row.user);
        return;
      }
      records++;
      if (hasPid) {
        const seen = byPid.get(row.pid!);
        // Of a thread listing, the main thread (tid = pid) stands for the process.
        if (!seen || (seen.tid !== seen.pid && row.tid === row.pid)) byPid.set(row.pid!, row);
      }
      if (comm !== false && row.tid !== undefined) threadRows.push(row);
      if (hasPid && row.tid !== undefined && row.tid !== row.pid && owners.length < MAX_THREAD_OWNERS)
        owners.push({ pid: row.pid!, tid: row.tid, ev: row.ev });
    },
    end() {
      const out: PsArtifact = { records, variant: variant ?? 'other', processes: [], threads: [] };
      if (grepUsers.size > 0) out.grepUsers = [...grepUsers];
      if (records === 0) {
        ctx.warn(undefined, cols ? 'ps header but no rows' : 'no ps rows found');
        return out;
      }
      const isComm = comm ?? commByValues([...byPid.values(), ...threadRows]);
      for (const r of byPid.values()) {
        const p: PsProcess = { pid: r.pid!, command: isComm ? r.text : shortName(r.text), cmdline: r.text, ev: r.ev };
        if (r.ppid !== undefined) p.ppid = r.ppid;
        if (r.user !== undefined) p.user = r.user;
        if (r.nlwp !== undefined) p.threads = r.nlwp;
        if (r.started !== undefined) p.started = r.started;
        if (isZombie(r)) p.zombie = true;
        out.processes.push(p);
      }
      if (!isComm && owners.length > 0) out.threadOwners = owners;
      if (isComm) {
        for (const r of threadRows) {
          const t: ThreadName = { ...(r.pid !== undefined ? { pid: r.pid } : {}), tid: r.tid!, name: r.text, source: 'ps', ev: r.ev };
          out.threads.push(t);
        }
      }
      return out;
    },
  };
}
