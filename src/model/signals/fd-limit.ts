// How close the process is to its own open-files limit: its fd count, or the highest fd number
// seen (fd N was allocated while N lower fds were open), against /proc/PID/limits. A count that
// no listing explains points at the process without saying what it leaks.
import { fdCountText, formatNumber as fmt } from '../../format.js';
import type { Signal, SignalSource } from '../signal.js';
import type { CaseFacts } from '../signal.js';
import { COUNTED_KINDS, countedOfKind } from '../row-counts.js';
import { maxOf } from '../../many-values.js';

export const LIMIT = { at: 0.95, near: 0.8 } as const;
/** Under this share of its limit a process is well clear of it. */
export const HEALTHY_USE = 0.5;
/** A count this large with no listing of what the fds are is worth a look (lsof rows over-count: more). */
export const UNEXPLAINED = { fds: 5000, rows: 20000 } as const;
/** The soft open-files limit most distributions and systemd give a process unless raised. */
export const DEFAULT_SOFT_LIMIT = 1024;
/** macOS's: launchd gives a process 256 unless raised (`launchctl limit maxfiles`). */
const MACOS_SOFT_LIMIT = 256;
/** lsof TYPE words only the BSD and macOS lsof print (Linux's shows a pipe as FIFO and has no kqueue). */
const BSD_LSOF_TYPES = ['KQUEUE', 'PIPE', 'PSXSHM', 'PSXSEM', 'NPOLICY', 'systm'];

/**
 * The soft limit a process gets unless raised, which stands in for its own when the bundle does not
 * show it: macOS's 256 when its lsof listing is macOS's (a kqueue, a PIPE, an internet socket whose
 * DEVICE is a kernel address), else Linux's 1,024.
 */
export function usualSoftLimit(f: Pick<CaseFacts, 'process'>): number {
  const bsd = f.process.fdViews.some(
    (v) => v.tool === 'lsof' && (v.holder.bsdSockets === true || BSD_LSOF_TYPES.some((t) => (v.holder.byType[t] ?? 0) > 0)),
  );
  return bsd ? MACOS_SOFT_LIMIT : DEFAULT_SOFT_LIMIT;
}

/** Without a known limit, a process is healthy under half the usual soft limit. */
export function healthyWithoutLimit(usualLimit: number): number {
  return usualLimit * MANY_OF_LIMIT;
}
/**
 * From this share of its limit a process holds many fds — of its own limit, or, that unknown, of
 * the usual default soft limit, which stands in for it (512 fds: where the no-leak rule stops
 * calling a process of unknown limit healthy).
 */
const MANY_OF_LIMIT = 0.5;

/**
 * The process holds at least half its limit: its own (or a shell's, assumed), else the usual
 * default soft limit. fds counted, or an fd number that high; not lsof rows, which over-count.
 */
export function holdsHalfItsLimit(f: CaseFacts): boolean {
  if (f.limitUse !== null) return f.limitUse >= MANY_OF_LIMIT && f.fdCount?.measure !== 'rows';
  if (f.fdLimit !== null) return false;
  const atLeast = Math.max(f.fdCount && f.fdCount.measure !== 'rows' ? f.fdCount.value : 0, (highestListed(f)?.fd ?? -1) + 1);
  return atLeast >= healthyWithoutLimit(usualSoftLimit(f));
}

/**
 * lsof rows that cannot tell fds apart (a bare `lsof -p PID | wc -l`, a host-wide lsof's rows tallied
 * by pid: cwd, txt and mem rows, and each fd once per thread) are an upper bound of its fds: under
 * its limit they say only that it holds fewer than that, however close the rows come (a JVM's 9 fds
 * are 43 rows of `lsof -p`, thousands of a host-wide lsof). They are weighed against the limit only
 * once they reach it, where they point and never prove.
 */
export function rowsUnderLimit(f: Pick<CaseFacts, 'fdCount' | 'limitUse'>): boolean {
  return f.fdCount?.measure === 'rows' && f.limitUse !== null && f.limitUse < 1;
}

export const fdLimitSignals: SignalSource = ({ facts }) =>
  [limitUse(facts), highFd(facts), unexplained(facts)].filter((s): s is Signal => s !== null);

function limitUse(f: CaseFacts): Signal | null {
  const { fdCount, fdLimit, limitUse: use } = f;
  if (!fdCount || !fdLimit || fdLimit.value === null || use === null || use < LIMIT.near || rowsUnderLimit(f)) return null;
  const at = use >= LIMIT.at;
  const pct = Math.round(use * 1000) / 10;
  // lsof rows over-count fds (cwd, txt, mem rows; per-thread repeats): they point, they do not prove.
  const rows = fdCount.measure === 'rows';
  const what = rows ? `${fmt(fdCount.value)} lsof rows (rows, not distinct fds)` : `${fmt(fdCount.value)} fds`;
  return {
    id: at ? 'at-fd-limit' : 'near-fd-limit',
    runningOut: true,
    kind: null,
    // A shell's limit may not be the process's own: it points, it does not prove.
    weight: at && !fdLimit.assumed && !rows ? 2 : 1,
    count: fdCount.value,
    statement:
      `It holds ${what} against a limit of ${fmt(fdLimit.value)} (${pct}%, ${fdLimit.basis})` +
      (at ? (rows ? ': EMFILE is likely.' : ': new sockets and files fail with EMFILE.') : ': EMFILE is close.'),
    evidence: [fdCount.ev, fdLimit.ev],
  };
}

/** The highest fd number in a listing, when the listing itself is partial or lower than that. */
function highFd(f: CaseFacts): Signal | null {
  const { fdLimit } = f;
  if (!fdLimit || fdLimit.value === null) return null;
  const best = highestListed(f);
  if (!best || best.fd < fdLimit.value * LIMIT.near) return null;
  if (f.fdCount && f.fdCount.value >= best.fd * 0.95) return null;
  // A whole listing that holds far fewer fds than that number shows the fds under it closed: the
  // number says the fd was handed out high (a burst since closed, an fd passed down at its number
  // through execve, an F_DUPFD), not that the table is full.
  if (best.whole && best.listed < best.fd * 0.95) return null;
  return {
    id: 'high-fd-number',
    runningOut: true,
    kind: null,
    weight: 1,
    count: best.fd,
    statement: `fd ${fmt(best.fd)} is open (${best.file}): when it was allocated, ${fmt(best.fd)} lower fds were open, against a limit of ${fmt(fdLimit.value)}.`,
    evidence: [best.ev, fdLimit.ev],
  };
}

/** The highest fd number a listing shows, where, and whether that listing is the whole table (of `listed` fds). */
interface HighestFd {
  fd: number;
  file: string;
  ev: Signal['evidence'][number];
  whole: boolean;
  listed: number;
}

/** The highest fd number any listing of the process shows, with where. */
function highestListed(f: CaseFacts): HighestFd | null {
  let best: HighestFd | null = null;
  for (const v of f.process.fdViews) {
    const fd = v.holder.maxFd;
    if (fd !== undefined && (!best || fd > best.fd))
      best = { fd, file: v.file, ev: v.holder.firstEvidence, whole: !v.partial, listed: v.holder.fds };
  }
  return best;
}

/** Many fds, and no listing of most of them. */
function unexplained(f: CaseFacts): Signal | null {
  if (!f.fdCount) return null;
  const listed = f.bestView?.partial === false ? f.fdCount.value : (f.bestView?.holder.fds ?? 0);
  // Half its limit; without its limit, half the usual default soft limit, which stands in for it
  // (not lsof rows: per-thread rows multiply a handful of fds by the thread count). An fd number
  // that high is as good a count (fd N was allocated while N lower fds were open).
  const pastDefault = f.fdLimit === null && holdsHalfItsLimit(f);
  const big =
    f.fdCount.value >= (f.fdCount.measure === 'rows' ? UNEXPLAINED.rows : UNEXPLAINED.fds) ||
    (f.limitUse !== null && f.limitUse >= MANY_OF_LIMIT && !rowsUnderLimit(f)) ||
    pastDefault;
  // A count of one kind of its fds (`ls -l /proc/PID/fd | grep -c pipe`) says what those are.
  const counted = Math.max(0, maxOf(COUNTED_KINDS.map((k) => countedOfKind(f.process, k)?.value ?? 0)));
  if (!big || Math.max(listed, counted) >= f.fdCount.value * 0.5) return null;
  return {
    id: 'fds-unexplained',
    runningOut: true,
    kind: null,
    weight: 1,
    count: f.fdCount.value,
    statement:
      `It holds ${fdCountText(f.fdCount.value, f.fdCount.measure)} (${f.fdCount.basis}); ${listed ? `the bundle lists only ${fmt(listed)} of them` : 'no listing in the bundle says what they are'}` +
      (pastDefault ? `; ${unknownLimitText(fdsAtLeast(f), usualSoftLimit(f))}.` : '.'),
    evidence: [f.fdCount.ev],
  };
}

/** The fds the process surely holds: its count (not of lsof rows, which over-count), or its highest fd + 1. */
function fdsAtLeast(f: CaseFacts): number {
  const counted = f.fdCount && f.fdCount.measure !== 'rows' ? f.fdCount.value : 0;
  return Math.max(counted, (highestListed(f)?.fd ?? -1) + 1);
}

/**
 * What an unknown limit means beside `count` fds: the usual default stands in, unless the process
 * holds more than it — then its limit was raised past it (fd N is only handed out under a limit
 * above N), and the default says nothing.
 */
export function unknownLimitText(count: number, usual: number): string {
  const macos = usual === DEFAULT_SOFT_LIMIT ? '' : " (macOS's)";
  return count > usual
    ? `its own limit is not in the bundle, and is above the usual default soft limit of ${fmt(usual)}${macos}: it holds more than that`
    : `its own limit is not in the bundle, and the usual default soft limit is ${fmt(usual)}${macos}`;
}
