// Which processes look like they leak, and why. A process is a suspect because of what its fds
// are (never-connected sockets, CLOSE_WAIT, deleted files...), not because it has the most of them:
// a busy healthy server holds many ESTABLISHED sockets and must not be blamed.
import { dedupeRefs, type EvidenceRef } from '../types.js';
import type { FdKind, LimitValue } from '../sources/artifacts.js';
import type { LeakKind } from '../result.js';
import type { FdView, HostModel, Measured, ProcessModel } from './host.js';

export interface LeakSignal {
  kind: LeakKind;
  count: number;
  basis: string;
  evidence: EvidenceRef[];
  /** This signal alone is enough to call it a leak. */
  decisive: boolean;
}

export interface Assessment {
  process: ProcessModel;
  fdCount: Measured | null;
  fdLimit: { value: number | null; basis: string; ev: EvidenceRef } | null;
  /** Fd kinds from the most complete fd table. */
  kinds: Partial<Record<FdKind, number>>;
  bestView: FdView | null;
  signals: LeakSignal[];
  /** Share of the limit in use, when both are known. */
  limitUse: number | null;
}

/** Thresholds: small enough to catch a leak early, large enough that transient states don't trip them. */
export const THRESHOLDS = {
  unconnectedMin: 50,
  unconnectedShare: 0.2,
  closeWaitMin: 20,
  deletedMin: 20,
  pipeMin: 500,
  pipeShare: 0.5,
  nearLimit: 0.9,
} as const;

/** The capturing shell's `ulimit -a` stands in for a process's own limit only when nothing better exists; the basis says so. */
export const SHELL_ULIMIT_BASIS = 'ulimit -a of the capturing shell (assumed)';

export function assessProcess(p: ProcessModel, shellUlimit?: LimitValue): Assessment {
  const bestView = bestFdView(p);
  const fdCount = fdCountOf(p, bestView);
  const fdLimit = p.nofile
    ? { value: p.nofile.soft, basis: p.nofile.basis === 'proc-limits' ? `/proc/${p.pid}/limits` : 'ulimit -a', ev: p.nofile.ev }
    : shellUlimit
      ? { value: shellUlimit.soft, basis: SHELL_ULIMIT_BASIS, ev: shellUlimit.ev }
      : null;
  const kinds = bestView?.holder.byKind ?? {};
  const limitUse = fdCount && fdLimit?.value ? fdCount.value / fdLimit.value : null;
  const signals = leakSignals(p, fdCount?.value ?? null, kinds, limitUse);
  return { process: p, fdCount, fdLimit, kinds, bestView, signals, limitUse };
}

export function assessAll(model: HostModel): Assessment[] {
  const shellUlimit = model.ulimits.at(-1)?.data.openFiles;
  return [...model.processes.values()].map((p) => assessProcess(p, shellUlimit));
}

/** Suspects: processes with a decisive leak signal, strongest first. */
/**
 * Processes with a decisive leak signal, strongest first. The process the bundle was captured for
 * (the manifest's suspectPid) leads when it is itself a suspect: a host can have two leakers, and the
 * engineer's target is the one the strace and limits are about.
 */
export function rankSuspects(all: readonly Assessment[], hint?: number): Assessment[] {
  return all
    .filter((a) => a.signals.some((s) => s.decisive))
    .sort(
      (a, b) =>
        Number(b.process.pid === hint) - Number(a.process.pid === hint) ||
        topSignal(b)!.count - topSignal(a)!.count ||
        (b.fdCount?.value ?? 0) - (a.fdCount?.value ?? 0),
    );
}

export function topSignal(a: Assessment): LeakSignal | undefined {
  return [...a.signals].sort((x, y) => Number(y.decisive) - Number(x.decisive) || y.count - x.count)[0];
}

/** The view that covers the process best: complete tables first, then the one listing the most fds. */
export function bestFdView(p: ProcessModel): FdView | null {
  let best: FdView | null = null;
  for (const v of p.fdViews) {
    if (!best) best = v;
    else if (best.partial !== v.partial) best = v.partial ? best : v;
    else if (v.holder.fds > best.holder.fds) best = v;
  }
  return best;
}

function fdCountOf(p: ProcessModel, view: FdView | null): Measured | null {
  const fromView: Measured | null = view
    ? { value: view.holder.fds, ev: view.holder.firstEvidence, basis: `distinct fds of pid ${p.pid} in ${view.file}` }
    : null;
  const lsCount = p.pipelineCounts.find((c) => c.tool === 'ls' && c.grep.length === 0);
  // A complete table that lists at least as many rows as a uniq -c count of the same process wins:
  // it counts real fds, not lsof's mem/txt/cwd rows.
  const last = p.snapshots.at(-1);
  const fromSnapshot: Measured | null = last
    ? { value: last.total, ev: last.ev, basis: `ls -l /proc/${p.pid}/fd at ${last.at} (snapshot)` }
    : null;
  if (fromView && view && !view.partial && (!p.lsofRows || view.holder.rows >= p.lsofRows.value * 0.95)) {
    // Snapshots are sampled last (fdleak collect); a growing process has more fds by then.
    return fromSnapshot && fromSnapshot.value > fromView.value ? fromSnapshot : fromView;
  }
  const candidates = [p.lsofRows, lsCount, fromView, fromSnapshot].filter((c): c is Measured => !!c);
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.value > a.value ? b : a));
}

const UNCONNECTED_GREP = /identify protocol|protocol: |sock/i;

function leakSignals(
  p: ProcessModel,
  fdCount: number | null,
  kinds: Partial<Record<FdKind, number>>,
  limitUse: number | null,
): LeakSignal[] {
  const signals: LeakSignal[] = [];
  const t = THRESHOLDS;

  const unconnected = maxOf([
    ...p.fdViews.map((v) => ({
      count: v.holder.unidentifiedSockets,
      basis: `${v.holder.unidentifiedSockets} sockets with no protocol entry in ${v.file}`,
      evidence: v.holder.samples.unidentified.slice(0, 5),
    })),
    // Snapshots tell unconnected sockets apart by their absence from /proc/net/{tcp,udp,unix}.
    ...p.snapshots.slice(-1).map((s) => ({
      count: s.byKind['socket-unconnected'] ?? 0,
      basis: `${s.byKind['socket-unconnected'] ?? 0} sockets in no /proc/net table at ${s.at} (snapshot)`,
      evidence: [s.ev],
    })),
    ...p.pipelineCounts
      .filter((c) => c.grep.some((g) => UNCONNECTED_GREP.test(g)))
      .map((c) => ({ count: c.value, basis: c.basis, evidence: [c.ev] })),
  ]);
  if (unconnected && unconnected.count > 0) {
    const share = fdCount ? unconnected.count / fdCount : 1;
    const sampleEv = p.fdViews.flatMap((v) => v.holder.samples.unidentified).slice(0, 3);
    signals.push({
      kind: 'socket-unconnected',
      ...unconnected,
      evidence: dedupeRefs([...unconnected.evidence, ...sampleEv]),
      decisive: unconnected.count >= t.unconnectedMin && share >= t.unconnectedShare,
    });
  }

  const closeWait = maxOf([
    ...p.fdViews.map((v) => ({
      count: v.holder.closeWait,
      basis: `${v.holder.closeWait} CLOSE_WAIT sockets in ${v.file}`,
      evidence: v.holder.samples.closeWait.slice(0, 5),
    })),
    ...p.connections.map((c) => ({
      count: c.byState.CLOSE_WAIT ?? 0,
      basis: `${c.byState.CLOSE_WAIT ?? 0} CLOSE_WAIT connections in ${c.file}`,
      evidence: c.evidence.slice(0, 5),
    })),
  ]);
  if (closeWait && closeWait.count > 0) {
    signals.push({ kind: 'socket-close-wait', ...closeWait, decisive: closeWait.count >= t.closeWaitMin });
  }

  const deleted = maxOf(
    p.fdViews.map((v) => ({
      count: v.holder.deletedFiles,
      basis: `${v.holder.deletedFiles} deleted files held open in ${v.file}`,
      evidence: v.holder.samples.deleted.slice(0, 5),
    })),
  );
  if (deleted && deleted.count > 0) {
    signals.push({ kind: 'deleted-file', ...deleted, decisive: deleted.count >= t.deletedMin });
  }

  const pipes = kinds.pipe ?? 0;
  if (pipes >= t.pipeMin && fdCount && pipes / fdCount >= t.pipeShare) {
    signals.push({ kind: 'pipe', count: pipes, basis: `${pipes} pipe fds`, evidence: [], decisive: true });
  }
  const files = (kinds.file ?? 0) + (kinds['deleted-file'] ?? 0);
  if (limitUse !== null && limitUse >= t.nearLimit && fdCount && files / fdCount >= 0.5) {
    signals.push({ kind: 'file', count: files, basis: `${files} regular files open near the limit`, evidence: [], decisive: true });
  }
  return signals;
}

function maxOf<T extends { count: number }>(xs: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (!best || x.count > best.count) best = x;
  return best;
}

