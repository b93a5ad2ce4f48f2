// The case file of each process as the result carries it (AnalysisResult.processes): what the
// bundle shows of its fds, with the line each number was read from. Suspects say why a process
// is blamed; this says what every process looks like, so that two analyses can be compared.
import type { ProcessCase } from './model/cases.js';
import type { Cited, ProcessFds, ProcessGrowth } from './result.js';
import type { EvidenceRef } from './types.js';
import { namedOf } from './model/processes.js';
import { pidlessFields } from './process-label.js';
import { DEFAULT_SOFT_LIMIT, usualSoftLimit } from './model/signals/fd-limit.js';

/** The processes the bundle knows the fds of, or that a signal points at, by pid (those without one last). */
export function processFds(cases: readonly ProcessCase[]): ProcessFds[] {
  return cases
    .filter((c) => c.fdCount || c.bestView || c.process.snapshots.length > 0 || c.score > 0)
    .sort((a, b) => Number(!!a.process.lookup) - Number(!!b.process.lookup) || Math.abs(a.process.pid) - Math.abs(b.process.pid))
    .map(toProcessFds);
}

function toProcessFds(c: ProcessCase): ProcessFds {
  const p = c.process;
  const kinds = kindsSource(c);
  const named = namedOf(p);
  const usual = usualSoftLimit(c);
  return {
    pid: named.pid,
    ...pidlessFields(named),
    command: p.command,
    cmdline: p.cmdline,
    user: p.user,
    fdCount: c.fdCount?.value ?? null,
    fdCountMeasure: c.fdCount ? (c.fdCount.measure ?? 'fds') : null,
    fdCountBasis: c.fdCount?.basis ?? null,
    fdLimit: c.fdLimit?.value ?? null,
    fdLimitBasis: c.fdLimit?.basis ?? null,
    fdLimitAssumed: c.fdLimit?.assumed ?? false,
    ...(usual !== DEFAULT_SOFT_LIMIT ? { usualLimit: usual } : {}),
    kinds: { ...c.kinds },
    kindsFrom: kinds?.from ?? null,
    unconnected: unconnectedOf(c),
    closeWait: closeWaitOf(c),
    growth: growthOf(c),
    signals: c.signals.map((s) => s.id),
    score: c.score,
    evidence: { fdCount: c.fdCount?.ev ?? null, fdLimit: c.fdLimit?.ev ?? null, kinds: kinds?.ev ?? null },
  };
}

interface KindsSource {
  from: NonNullable<ProcessFds['kindsFrom']>;
  ev: EvidenceRef;
}

/** Where the case's kinds come from: its best listing, else its last snapshot (as cases.ts picks them). */
function kindsSource(c: ProcessCase): KindsSource | null {
  if (c.bestView) {
    return { from: c.bestView.partial ? 'partial-listing' : 'listing', ev: c.bestView.holder.firstEvidence };
  }
  const last = c.process.snapshots.at(-1);
  if (last && Object.keys(last.byKind).length > 0) return { from: 'snapshot', ev: last.ev };
  return null;
}

/**
 * The count the unconnected-sockets signal found; below its threshold, the same count it would take:
 * the largest that a listing able to tell such sockets apart, or the last snapshot, shows.
 */
function unconnectedOf(c: ProcessCase): Cited | null {
  const signal = c.signals.find((s) => s.id === 'unconnected-sockets');
  if (signal && signal.count !== null && signal.evidence[0]) return { value: signal.count, evidence: signal.evidence[0] };
  const seen: Cited[] = [];
  for (const v of c.process.fdViews) {
    // An excerpt's 0 says nothing of the fds it left out; `ls -l /proc/PID/fd` cannot tell these sockets apart.
    if (v.tool === 'proc-fd' || (v.partial && v.holder.unidentifiedSockets === 0)) continue;
    seen.push({ value: v.holder.unidentifiedSockets, evidence: v.holder.samples.unidentified[0] ?? v.holder.firstEvidence });
  }
  const last = c.process.snapshots.at(-1);
  if (last && Object.keys(last.byKind).length > 0) seen.push({ value: last.byKind['socket-unconnected'] ?? 0, evidence: last.ev });
  return largest(seen);
}

/** The count the close-wait-sockets signal found; below its threshold, the largest a listing or a connection table shows. */
function closeWaitOf(c: ProcessCase): Cited | null {
  const signal = c.signals.find((s) => s.id === 'close-wait-sockets');
  if (signal && signal.count !== null && signal.evidence[0]) return { value: signal.count, evidence: signal.evidence[0] };
  const seen: Cited[] = [];
  for (const v of c.process.fdViews) {
    if (v.tool === 'proc-fd' || (v.partial && v.holder.closeWait === 0)) continue;
    seen.push({ value: v.holder.closeWait, evidence: v.holder.samples.closeWait[0] ?? v.holder.firstEvidence });
  }
  for (const t of c.process.connections) if (t.evidence[0]) seen.push({ value: t.byState.CLOSE_WAIT ?? 0, evidence: t.evidence[0] });
  return largest(seen);
}

function largest(seen: readonly Cited[]): Cited | null {
  return seen.reduce<Cited | null>((best, x) => (best === null || x.value > best.value ? x : best), null);
}

function growthOf(c: ProcessCase): ProcessGrowth | null {
  const g = c.growth;
  if (!g) return null;
  const first = g.samples[0];
  const last = g.samples[g.samples.length - 1];
  return {
    samples: g.samples.length,
    first: { at: first.at, total: first.total, evidence: first.ev },
    last: { at: last.at, total: last.total, evidence: last.ev },
    spanSeconds: g.spanSeconds,
    perMinute: g.perMinute,
    unconnectedPerMinute: g.unconnectedPerMinute,
    rising: g.rising,
    monotonic: g.monotonic,
    flat: g.flat,
  };
}
