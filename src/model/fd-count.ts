// How many fds a process holds, and which listing shows them best: of every count the bundle has
// of it — a whole listing, a timed sample, `ls /proc/PID/fd | wc -l`, lsof rows, rows a grep picked,
// its sockets in a connection listing, its highest fd number (in a listing, an strace, its log) —
// exact counts first, then the largest lower bound.
import { whoIs } from './processes.js';
import { formatNumber as fmt } from '../format.js';
import type { FdView, Measured, ProcessModel } from './host.js';
import type { StraceView } from './strace/view.js';
import { namesOneFile } from './signals/same-file.js';
import {
  countText,
  findFolderExtraLines,
  lsAddedLinesPicked,
  lsofPickedKind,
  picksFdFolderRows,
  picksFdRowsOnly,
  rowsAreFds,
} from './row-counts.js';

/**
 * The view that covers the process best: complete tables first, and of those a listing that names
 * its fds before a count of rows by TYPE; then the one listing the most fds, where lsof and lsfd
 * beat ls -l /proc/PID/fd at about the same count (they tell socket types apart).
 */
export function bestFdView(p: ProcessModel): FdView | null {
  let best: FdView | null = null;
  for (const v of p.fdViews) {
    if (!best) best = v;
    else if (best.partial !== v.partial) best = v.partial ? best : v;
    else if (!best.partial && !!best.tally !== !!v.tally) best = v.tally ? best : v;
    else if (v.holder.fds * 0.95 > best.holder.fds) best = v;
    else if (v.holder.fds >= best.holder.fds * 0.95 && typed(v) && !typed(best)) best = v;
  }
  return best;
}

const typed = (v: FdView) => v.tool !== 'proc-fd';

/**
 * A listing that holds under half the fds an exact count of the same process gives is an excerpt,
 * however whole it looks: a paste cut short, or a listing from before the count. (lsof rows are not
 * an exact count: per-thread rows multiply a complete listing.)
 */
export function coversLessThanHalf(view: FdView, count: Measured): boolean {
  return !view.partial && count.measure === 'fds' && view.holder.fds < count.value * 0.5;
}

/**
 * How many fds the process holds, best measure first: a complete listing's distinct fds (or a later
 * snapshot's count); else the largest of what the bundle has — a count of `ls /proc/PID/fd`, lsof
 * rows for the pid (rows, not fds), a partial listing, or the highest fd number seen (a lower bound).
 */
export function fdCountOf(p: ProcessModel, view: FdView | null, strace: StraceView | null): Measured | null {
  // A listing with no fd row at all (`lsof -p` cut after its cwd and rtd rows) counts nothing: a
  // running program holds fds 0-2 at least.
  const fromView: Measured | null = view?.holder.fds
    ? {
        value: view.holder.fds,
        ev: view.holder.firstEvidence,
        basis:
          view.tally === 'type'
            ? `${view.tool === 'lsfd' ? 'lsfd' : 'lsof'} rows of ${whoIs(p)} counted by TYPE in ${view.file}`
            : view.tally === 'target'
              ? `fds of ${whoIs(p)} counted by link target in ${view.file}`
              : view.tally === 'name'
                ? `lsof rows of ${whoIs(p)} counted by NAME in ${view.file}`
                : `distinct fds of ${whoIs(p)} in ${view.file}`,
        measure: view.partial ? 'at-least' : view.tally === 'type' || view.tally === 'name' ? 'rows' : 'fds',
      }
    : null;
  const last = p.snapshots.at(-1);
  const fromSnapshot: Measured | null = last
    ? {
        value: last.total,
        ev: last.ev,
        basis: `${last.ev.file} at ${last.at}`,
        measure: last.grep ? 'at-least' : last.rows ? 'rows' : 'fds',
      }
    : null;
  const counts = p.pipelineCounts
    .filter(
      (c) => c.grep.length === 0 && (c.tool === 'ls' || c.tool === 'lsof' || (c.tool === 'find' && findFolderExtraLines(c.basis) !== null)),
    )
    .map(countMeasure);
  // Exact counts first: a complete listing, a snapshot, `ls /proc/PID/fd | wc -l`. Of several, the
  // largest: a growing process has more fds at the later capture.
  const exact = [fromView, fromSnapshot, ...counts].filter((c) => c?.measure === 'fds').filter((c): c is Measured => c !== null);
  if (exact.length > 0) return exact.reduce((a, b) => (b.value > a.value ? b : a));
  const rows = p.lsofRows ? { ...p.lsofRows, measure: 'rows' as const } : null;
  const fdRows = fdRowsCounted(p);
  // Rows that do not repeat per thread are its fds and a few cwd, txt and mem rows: fds counted
  // among them say more, once they are most of them.
  const byRows = (c: Measured) => !fdRows || c.measure !== 'rows' || c.value > fdRows.value * 2;
  const bounds = [rows, fromSnapshot, ...counts, fromView, highestFd(p, strace), fdRows, socketsListed(p)].filter(
    (c): c is Measured => !!c && byRows(c),
  );
  if (bounds.length === 0) return null;
  return bounds.reduce((a, b) => (b.value > a.value ? b : a));
}

/**
 * `lsof | grep 1147 | grep -c TCP`: rows of a kind only fds have, counted in an lsof whose rows
 * of this process show no per-thread repeat (a listing of the same command, its rows without a
 * TID), are that many fds at least; so are the rows of `ls /proc/PID/fd` a grep picked.
 */
function fdRowsCounted(p: ProcessModel): Measured | null {
  let best: Measured | null = null;
  for (const c of p.pipelineCounts) {
    // `ls -l /proc/47561/fd | grep mesos-jenkins | wc`: every row of the folder is an fd (less the
    // lines ls adds, which a grep may also pick): the rows a grep picked are that many fds at least.
    if (picksFdFolderRows(c)) {
      const fds = pickedFds(c);
      if (!best || fds.value > best.value) best = fds;
      continue;
    }
    // Rows of one file a grep picked (same-file-open counts them as its fds) are fds as well.
    const oneFile = c.grep.length === 1 && namesOneFile(p, c.grep[0]) && !(p.command ?? '').includes(c.grep[0]);
    if (c.tool !== 'lsof' || !(oneFile || c.grep.some(picksFdRowsOnly)) || c.grep.some((g) => g.startsWith('!'))) continue;
    if (!rowsAreFds(p, c) || (best && c.value <= best.value)) continue;
    const what = oneFile ? `rows of one file, ${c.grep[0]}` : 'rows of fds only';
    const basis = `${countText(c)}: ${what}, and this lsof shows no row of ${whoIs(p)} twice, with no TID column`;
    best = { value: c.value, ev: c.ev, basis, measure: 'at-least' };
  }
  return best;
}

/**
 * The fds among the rows of `ls /proc/PID/fd` a grep picked: all of them, but the lines ls adds
 * (`ls -l`'s "total" line, `ls -a`'s `.` and `..`) when the grep may pick those too (lsAddedLinesPicked).
 */
function pickedFds(c: ProcessModel['pipelineCounts'][number]): Measured {
  if (c.tool === 'find') return foundFds(c);
  const flags = (/\bls((?:\s+-[a-zA-Z]+)+)/.exec(c.basis)?.[1] ?? '').replace(/[\s-]/g, '');
  const less = lsAddedLinesPicked(flags, c.grep);
  return {
    value: Math.max(0, c.value - less),
    ev: c.ev,
    basis: `${countText(c)}: rows of its fd folder a grep picked${less ? ' (less the lines ls adds)' : ''}`,
    measure: 'at-least',
  };
}

/** `find /proc/PID/fd | wc -l`: its fds, less the line find prints of the folder itself (findFolderExtraLines). */
function foundFds(c: ProcessModel['pipelineCounts'][number]): Measured {
  const folder = findFolderExtraLines(c.basis) ?? 0;
  const basis = folder ? `${countText(c)}: minus find's line of the folder itself` : countText(c);
  return { value: Math.max(0, c.value - folder), ev: c.ev, basis, measure: 'fds' };
}

/**
 * `ls /proc/PID/fd | wc -l` counts fds (`ls -l` adds its "total" line, `ls -a` the `.` and `..`
 * entries); `lsof -p PID | wc -l` counts rows.
 */
function countMeasure(c: ProcessModel['pipelineCounts'][number]): Measured {
  const picked = lsofPickedKind(c);
  if (picked)
    return { value: picked.value, ev: c.ev, basis: `${countText(c)}: its fds of one kind, less lsof's header`, measure: 'at-least' };
  if (c.tool === 'lsof' && c.measure !== 'fds')
    return { value: c.value, ev: c.ev, basis: `${countText(c)}: lines of lsof output, not distinct fds`, measure: 'rows' };
  if (c.tool === 'find') return foundFds(c);
  const flags = (/\bls((?:\s+-[a-zA-Z]+)+)/.exec(c.basis)?.[1] ?? '').replace(/[\s-]/g, '');
  const extra = [...(flags.includes('l') ? ['ls -l\'s "total" line'] : []), ...(flags.includes('a') ? ["ls -a's . and .."] : [])];
  const less = (flags.includes('l') ? 1 : 0) + (flags.includes('a') ? 2 : 0);
  return {
    value: Math.max(0, c.value - less),
    ev: c.ev,
    // Said inside parentheses ("1,021 fds (…)"): none of its own.
    basis: extra.length ? `${countText(c)}: minus ${extra.join(' and ')}` : countText(c),
    measure: 'fds',
  };
}

/**
 * Its sockets in one connection listing with a process column (`ss -tp | grep CLOSE-WAIT | grep -c
 * ztunnel` = 89928): each is an fd of it, so it holds that many fds at least.
 */
function socketsListed(p: ProcessModel): Measured | null {
  let best: Measured | null = null;
  for (const c of p.connections) {
    const n = c.rows + Object.values(c.sockets ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    if (n === 0 || (best && n <= best.value)) continue;
    best = { value: n, ev: c.evidence[0] ?? { file: c.file, line: 1 }, basis: `its ${fmt(n)} sockets in ${c.file}`, measure: 'at-least' };
  }
  return best;
}

/** fd N open means N lower fds were open when it was allocated (fds are handed out lowest first). */
function highestFd(p: ProcessModel, strace: StraceView | null): Measured | null {
  const made = strace?.analysis.highestOpenFd;
  let best: Measured | null = made
    ? {
        value: made.fd + 1,
        ev: made.ev,
        basis: `fd ${made.fd}, which it made at ${made.ev.file}:${made.ev.line} and held to the capture's end`,
        measure: 'at-least',
      }
    : null;
  const logged = p.loggedFd;
  if (logged && (!best || logged.fd + 1 > best.value))
    best = {
      value: logged.fd + 1,
      ev: logged.ev,
      basis: `fd ${logged.fd}, which its log names at ${logged.ev.file}:${logged.ev.line}`,
      measure: 'at-least',
    };
  for (const c of p.connections) {
    if (!c.maxFd || (best && c.maxFd.fd + 1 <= best.value)) continue;
    best = { value: c.maxFd.fd + 1, ev: c.maxFd.ev, basis: `fd ${c.maxFd.fd}, a socket, is open in ${c.file}`, measure: 'at-least' };
  }
  for (const v of p.fdViews) {
    const h = v.holder;
    const shellTty = h.maxFd === SHELL_TTY_FD && h.maxFdAtLeast === undefined ? belowShellTty(h) : undefined;
    const fd = shellTty ? shellTty.fd : Math.max(h.maxFd ?? -1, h.maxFdAtLeast ?? -1);
    if (fd < 0 || (best && fd + 1 <= best.value)) continue;
    const how =
      h.maxFdAtLeast !== undefined && h.maxFdAtLeast >= (h.maxFd ?? -1)
        ? `an fd of ${fd} or more, which lsof prints as *${String(fd).slice(-3)},`
        : `fd ${fd}`;
    const line = shellTty ? shellTty.line : h.maxFdLine;
    best = {
      value: fd + 1,
      ev: line !== undefined ? { file: v.file, line } : h.firstEvidence,
      basis: `${how} is open in ${v.file}`,
      measure: 'at-least',
    };
  }
  return best;
}

/** bash keeps its terminal on fd 255, moved there on purpose (F_DUPFD), not the lowest free fd. */
const SHELL_TTY_FD = 255;

/**
 * The highest fd below a shell's terminal on fd 255: fd 255 says nothing of the fds open under
 * it. Undefined when fd 255 is not a terminal (then it was handed out as any other fd).
 */
function belowShellTty(h: ProcessModel['fdViews'][number]['holder']): { fd: number; line: number | undefined } | undefined {
  const list = h.entries;
  let tty = false;
  let best: { fd: number; line: number | undefined } = { fd: -1, line: undefined };
  for (let i = 0; i < list.length; i++) {
    const fd = Number(list.fd(i));
    if (fd === SHELL_TTY_FD) tty = /^\/dev\/(?:pts\/|tty)/.test(list.name(i));
    else if (Number.isInteger(fd) && fd > best.fd) best = { fd, line: list.line(i) };
  }
  // The entries stop at a cap: past it, what lies under fd 255 is not all shown.
  return tty && list.length === h.fds ? best : undefined;
}
