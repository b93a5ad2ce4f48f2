// `collect --auto`: which process is the suspect? The one holding a pile of one leaking kind —
// sockets in no connection table (lsof's "can't identify protocol"), CLOSE_WAIT sockets, deleted
// files, inotify instances, pipes, anonymous inodes, UDP or unix sockets — by the thresholds the
// analysis weighs the same piles by (model/piles.ts). Without one, the process closest to its
// limit, then the biggest fd holder.
import { ancestry, fdLinks, listPids, comm, nofileLimit, profileFds, SocketTables, type FdProfile } from './procfs.js';
import { formatNumber } from '../format.js';
import { INOTIFY_PILE, PILES } from '../model/piles.js';

export interface ProcessFdSummary {
  pid: number;
  command: string;
  fds: number;
  sockets: number;
  unconnected: number;
  limit: number | null;
  /** Its fds by kind, and its sockets by state, as /proc shows them (procfs.profileFds). */
  byKind?: FdProfile['byKind'];
  closeWait?: number;
  inotify?: number;
}

/** The largest pile of one leaking kind a process holds: what it is and how many. */
interface Pile {
  what: string;
  count: number;
}

export interface Ranked extends ProcessFdSummary {
  /** Its largest pile of one leaking kind, when it holds one: the fds look leaked. */
  pile: Pile | null;
  leakShaped: boolean;
}

export interface AutoPick {
  pid: number;
  reason: string;
  ranking: Ranked[];
}

/** At least this many unconnected sockets, and at least half of the process's sockets. */
const MIN_UNCONNECTED = 10;
const MIN_UNCONNECTED_SHARE = 0.5;
/** From this share of its limit a process is about to fail: it goes before bigger holders. */
const NEAR_LIMIT = 0.8;
const UNCONNECTED = 'sockets that are in no connection table';

/** Kinds a healthy program holds a handful of: a pile past PILES.other.weak (count and share of its fds). */
const OTHER_PILES: [keyof FdProfile['byKind'], string][] = [
  ['pipe', 'pipes'],
  ['anon', 'anonymous inodes (eventfd, epoll, timerfd …)'],
  ['socket-udp', 'UDP sockets'],
  ['socket-unix', 'unix-domain sockets'],
];

/** Its largest pile of one leaking kind; null when it holds none. Pure. */
function pileOf(p: ProcessFdSummary): Pile | null {
  const piles: Pile[] = [];
  if (p.unconnected >= MIN_UNCONNECTED && p.unconnected / Math.max(1, p.sockets) >= MIN_UNCONNECTED_SHARE)
    piles.push({ what: UNCONNECTED, count: p.unconnected });
  if ((p.closeWait ?? 0) >= PILES.closeWait.decisive) piles.push({ what: 'sockets in CLOSE_WAIT', count: p.closeWait! });
  const deleted = p.byKind?.['deleted-file'] ?? 0;
  if (deleted >= PILES.deleted.decisive) piles.push({ what: 'files already deleted', count: deleted });
  if ((p.inotify ?? 0) >= INOTIFY_PILE.strong) piles.push({ what: 'inotify instances', count: p.inotify! });
  const [weakCount, weakShare] = PILES.other.weak;
  for (const [kind, what] of OTHER_PILES) {
    const count = p.byKind?.[kind] ?? 0;
    if (count >= weakCount && count / Math.max(1, p.fds) >= weakShare) piles.push({ what, count });
  }
  return piles.reduce<Pile | null>((best, x) => (!best || x.count > best.count ? x : best), null);
}

const share = (p: ProcessFdSummary): number => (p.limit ? p.fds / p.limit : 0);
const nearLimit = (p: ProcessFdSummary): boolean => share(p) >= NEAR_LIMIT;

/**
 * Leak-shaped processes first (the largest pile first), then those near their limit (nearest
 * first), then by fds, then by share of limit. Pure.
 */
export function rankProcesses(procs: readonly ProcessFdSummary[]): Ranked[] {
  return procs
    .map((p) => {
      const pile = pileOf(p);
      return { ...p, pile, leakShaped: pile !== null };
    })
    .sort(
      (a, b) =>
        Number(b.leakShaped) - Number(a.leakShaped) ||
        (a.pile && b.pile ? b.pile.count - a.pile.count : 0) ||
        Number(nearLimit(b)) - Number(nearLimit(a)) ||
        (nearLimit(a) && nearLimit(b) ? share(b) - share(a) : 0) ||
        b.fds - a.fds ||
        share(b) - share(a) ||
        a.pid - b.pid,
    );
}

const n = formatNumber;
const pct = (part: number, whole: number): string => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/** One sentence on why the first of the ranking is the suspect. Pure. */
export function explainPick(ranking: readonly Ranked[]): string | null {
  const top = ranking[0];
  if (!top) return null;
  const limit = top.limit ? `, ${pct(top.fds, top.limit)} of its limit of ${n(top.limit)}` : '';
  const next = ranking[1];
  const runnerUp = next
    ? ` Next: pid ${next.pid} (${next.command}) with ${n(next.fds)} fds${next.pile ? `, ${n(next.pile.count)} ${next.pile.what}` : ''}.`
    : '';
  const who = `pid ${top.pid} (${top.command})`;
  if (top.pile?.what === UNCONNECTED) {
    return (
      `--auto: ${who} holds ${n(top.unconnected)} ${UNCONNECTED} ` +
      `(${pct(top.unconnected, top.sockets)} of its ${n(top.sockets)} sockets) among ${n(top.fds)} fds${limit}: ` +
      `the signature of a socket leak.${runnerUp}`
    );
  }
  if (top.pile) {
    return `--auto: ${who} holds ${n(top.pile.count)} ${top.pile.what} among ${n(top.fds)} fds${limit}: a pile of one kind, the signature of a leak.${runnerUp}`;
  }
  const why = nearLimit(top) ? 'is the nearest to its limit' : 'holds the most fds';
  return `--auto: no process holds a pile of one leaking kind; ${who} ${why}, ${n(top.fds)}${limit}.${runnerUp}`;
}

/** Reads every process's fds from /proc and picks the suspect, never the collector or its ancestors. */
export function pickSuspect(exclude: Set<number> = ancestry(process.pid)): AutoPick | null {
  const tables = new SocketTables();
  const procs: ProcessFdSummary[] = [];
  for (const pid of listPids()) {
    if (exclude.has(pid)) continue;
    const links = fdLinks(pid);
    if (!links || links.length === 0) continue;
    const prof = profileFds(links, tables.forPid(pid));
    procs.push({
      pid,
      command: comm(pid) ?? '?',
      fds: prof.total,
      sockets: prof.sockets,
      unconnected: prof.unconnected,
      limit: nofileLimit(pid),
      byKind: prof.byKind,
      closeWait: closeWaitOf(prof),
      inotify: prof.inotify,
    });
  }
  const ranking = rankProcesses(procs);
  const reason = explainPick(ranking);
  return reason ? { pid: ranking[0].pid, reason, ranking } : null;
}

/** Its TCP sockets in CLOSE_WAIT, over IPv4 and IPv6 (`tcp:CLOSE_WAIT`, `tcp6:CLOSE_WAIT`). */
function closeWaitOf(prof: FdProfile): number {
  let count = 0;
  for (const [key, value] of Object.entries(prof.socketStates)) if (key.endsWith(':CLOSE_WAIT')) count += value;
  return count;
}
