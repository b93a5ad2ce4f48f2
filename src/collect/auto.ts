// `collect --auto`: which process is the suspect? The one holding many sockets that are in no
// connection table (lsof's "can't identify protocol"): that is the leak's signature. Without
// such a process, fall back to the biggest fd holder, closest to its limit.
import { ancestry, fdLinks, listPids, comm, nofileLimit, profileFds, SocketTables } from './procfs.js';
import { formatNumber } from '../format.js';

export interface ProcessFdSummary {
  pid: number;
  command: string;
  fds: number;
  sockets: number;
  unconnected: number;
  limit: number | null;
}

export interface Ranked extends ProcessFdSummary {
  /** True when the fds look leaked: many sockets, mostly unconnected. */
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

function isLeakShaped(p: ProcessFdSummary): boolean {
  return p.unconnected >= MIN_UNCONNECTED && p.unconnected / Math.max(1, p.sockets) >= MIN_UNCONNECTED_SHARE;
}

/** Leak-shaped processes first (most unconnected sockets first), then by fds, then by share of limit. Pure. */
export function rankProcesses(procs: readonly ProcessFdSummary[]): Ranked[] {
  return procs
    .map((p) => ({ ...p, leakShaped: isLeakShaped(p) }))
    .sort(
      (a, b) =>
        Number(b.leakShaped) - Number(a.leakShaped) ||
        (a.leakShaped ? b.unconnected - a.unconnected : 0) ||
        b.fds - a.fds ||
        share(b) - share(a) ||
        a.pid - b.pid,
    );
}

const share = (p: ProcessFdSummary): number => (p.limit ? p.fds / p.limit : 0);
const n = formatNumber;
const pct = (part: number, whole: number): string => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/** One sentence on why the first of the ranking is the suspect. Pure. */
export function explainPick(ranking: readonly Ranked[]): string | null {
  const top = ranking[0];
  if (!top) return null;
  const limit = top.limit ? `, ${pct(top.fds, top.limit)} of its limit of ${n(top.limit)}` : '';
  const next = ranking[1];
  const runnerUp = next
    ? ` Next: pid ${next.pid} (${next.command}) with ${n(next.fds)} fds, ${n(next.unconnected)} unconnected sockets.`
    : '';
  if (top.leakShaped) {
    return (
      `--auto: pid ${top.pid} (${top.command}) holds ${n(top.unconnected)} sockets that are in no connection table ` +
      `(${pct(top.unconnected, top.sockets)} of its ${n(top.sockets)} sockets) among ${n(top.fds)} fds${limit}: ` +
      `the signature of a socket leak.${runnerUp}`
    );
  }
  return (
    `--auto: no process holds ${MIN_UNCONNECTED}+ mostly-unconnected sockets; pid ${top.pid} (${top.command}) ` +
    `holds the most fds, ${n(top.fds)}${limit}.${runnerUp}`
  );
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
    });
  }
  const ranking = rankProcesses(procs);
  const reason = explainPick(ranking);
  return reason ? { pid: ranking[0].pid, reason, ranking } : null;
}
