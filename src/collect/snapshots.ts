// `--snapshots K --interval S`: the suspect's fd counts by kind, sampled K times, so the
// analysis can give a growth rate and the time left before the process hits its limit.
//
// snapshots.txt, one sample per line (lines starting with # are comments):
//   TIME pid=N total=N limit=N|unlimited KIND=N ... PROTO:STATE=N ...
// TIME is ISO 8601 with offset; KIND is an FdKind (socket-unconnected, socket-tcp, file, pipe,
// anon, ...); PROTO:STATE counts the sockets listed in /proc/net tables (tcp:ESTABLISHED,
// tcp:CLOSE_WAIT, udp:UNCONN, unix:listed). A sample of a process that is gone reads `gone`.
import type { FdKind } from '../sources/artifacts.js';
import { isoWithOffset } from './host.js';
import { fdLinks, nofileLimit, profileFds, SocketTables } from './procfs.js';

const SNAPSHOTS_SCHEMA = 'fdleak/snapshots@1';

export interface Snapshot {
  at: string;
  /** Seconds since the first sample. */
  t: number;
  pid: number;
  /** null: the process was gone or unreadable. */
  total: number | null;
  limit: number | null;
  byKind: Partial<Record<FdKind, number>>;
  socketStates: Record<string, number>;
}

export interface Growth {
  /** Least-squares slope of the total, fds per minute. */
  fdsPerMinute: number;
  unconnectedPerMinute: number;
  /** When the total reaches the limit at that rate; null when not growing or no limit. */
  secondsToLimit: number | null;
  projectedLimitAt: string | null;
}

export interface SnapshotsDoc {
  schema: typeof SNAPSHOTS_SCHEMA;
  pid: number;
  intervalSeconds: number;
  samples: Snapshot[];
  growth: Growth | null;
}

function takeSnapshot(pid: number, startMs: number, now: Date = new Date()): Snapshot {
  const links = fdLinks(pid);
  const base = { at: isoWithOffset(now), t: Math.round((now.getTime() - startMs) / 100) / 10, pid, limit: nofileLimit(pid) };
  if (!links) return { ...base, total: null, byKind: {}, socketStates: {} };
  // Fresh tables each time: sockets change state between samples.
  const prof = profileFds(links, new SocketTables().forPid(pid));
  return { ...base, total: prof.total, byKind: prof.byKind, socketStates: prof.socketStates };
}

function slopePerSecond(points: readonly [number, number][]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

/** Growth over the samples of a living process. Pure. */
export function growthOf(samples: readonly Snapshot[]): Growth | null {
  const live = samples.filter((s) => s.total !== null);
  const total = slopePerSecond(live.map((s) => [s.t, s.total!]));
  if (total === null) return null;
  const unconnected = slopePerSecond(live.map((s) => [s.t, s.byKind['socket-unconnected'] ?? 0])) ?? 0;
  const last = live[live.length - 1];
  let secondsToLimit: number | null = null;
  let projectedLimitAt: string | null = null;
  if (total > 0 && last.limit !== null) {
    secondsToLimit = Math.max(0, Math.round((last.limit - last.total!) / total));
    projectedLimitAt = isoWithOffset(new Date(Date.parse(last.at) + secondsToLimit * 1000));
  }
  const round = (v: number): number => Math.round(v * 600) / 10;
  return { fdsPerMinute: round(total), unconnectedPerMinute: round(unconnected), secondsToLimit, projectedLimitAt };
}

export function snapshotLine(s: Snapshot): string {
  if (s.total === null) return `${s.at} pid=${s.pid} gone`;
  const parts = [s.at, `pid=${s.pid}`, `total=${s.total}`, `limit=${s.limit ?? 'unlimited'}`];
  for (const [k, v] of Object.entries(s.byKind).sort()) parts.push(`${k}=${v}`);
  for (const [k, v] of Object.entries(s.socketStates).sort()) parts.push(`${k}=${v}`);
  return parts.join(' ');
}

export function snapshotsText(doc: SnapshotsDoc): string {
  const head = `# fdleak snapshots: fds of pid ${doc.pid} by kind, ${doc.samples.length} samples every ${doc.intervalSeconds} s`;
  const g = doc.growth;
  const tail = g
    ? [
        `# growth: ${g.fdsPerMinute} fds/min (${g.unconnectedPerMinute} unconnected sockets/min)` +
          (g.projectedLimitAt ? `; limit reached in ${g.secondsToLimit} s, at ${g.projectedLimitAt}` : ''),
      ]
    : [];
  return [head, ...doc.samples.map(snapshotLine), ...tail].join('\n') + '\n';
}

/** Samples `count` times, `intervalSeconds` apart; stops early when `stopped()` says so. */
export async function sampleSnapshots(pid: number, count: number, intervalSeconds: number, stopped: () => boolean): Promise<SnapshotsDoc> {
  const samples: Snapshot[] = [];
  const start = Date.now();
  for (let i = 0; i < count && !stopped(); i++) {
    const due = start + i * intervalSeconds * 1000;
    while (Date.now() < due && !stopped()) await sleep(Math.min(200, due - Date.now()));
    if (stopped()) break;
    samples.push(takeSnapshot(pid, start));
  }
  return { schema: SNAPSHOTS_SCHEMA, pid, intervalSeconds, samples, growth: growthOf(samples) };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
