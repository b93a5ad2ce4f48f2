// One pair of processes side by side: what each analysis made of it (leak, candidate, nothing) and
// each quantity before and after, every value with the evidence line of its own side.
import { sameProcess } from '../process-label.js';
import type { AnalysisResult, Cited, FdKind, ProcessFds, Suspect } from '../result.js';
import { FD_KIND_LABELS } from '../leak-kinds.js';
import type { EvidenceRef } from '../types.js';
import { formatNumber as fmt } from '../format.js';
import type { Paired } from './match.js';
import type { ProcessPair, Row, SideProcess, Value } from './result.js';
import { duration } from './words.js';

export function comparePair(p: Paired, a: AnalysisResult, b: AnalysisResult): ProcessPair {
  const sa = p.a ? sideProcess(p.a, a) : null;
  const sb = p.b ? sideProcess(p.b, b) : null;
  return { match: p.match, a: sa, b: sb, rows: rows(p.a, p.b) };
}

function sideProcess(facts: ProcessFds, r: AnalysisResult): SideProcess {
  const s = r.suspects.find((x) => sameProcess(x, facts));
  if (!s) return { facts, role: 'none', leak: null };
  return {
    facts,
    role: r.verdict === 'leak' ? 'leak' : 'candidate',
    leak: { kind: s.leak.kind, count: s.leak.count, confidence: s.confidence, evidence: leakEvidence(s) },
  };
}

/** The line of the signal the suspect's leak count was taken from (cases.ts: the strongest of its kind). */
function leakEvidence(s: Suspect): EvidenceRef[] {
  const ofKind = s.reasons.filter((r) => r.kind === s.leak.kind);
  const exact = ofKind.find((r) => r.count === s.leak.count) ?? ofKind[0];
  const ev = exact?.evidence[0] ?? s.evidence[0];
  return ev ? [ev] : [];
}

function rows(a: ProcessFds | null, b: ProcessFds | null): Row[] {
  const out: Row[] = [fdRow(a, b), limitRow(a, b)];
  out.push(row('unconnected', 'unconnected sockets', cited(a?.unconnected), cited(b?.unconnected)));
  out.push(row('close-wait', 'CLOSE_WAIT sockets', cited(a?.closeWait), cited(b?.closeWait)));
  for (const kind of kindsOf(a, b)) out.push(row(`kind:${kind}`, FD_KIND_LABELS[kind], kindValue(a, kind), kindValue(b, kind)));
  out.push(growthRow(a, b));
  return out.filter((r) => r.a !== null || r.b !== null);
}

function row(id: string, label: string, a: Value | null, b: Value | null, note?: string): Row {
  const r: Row = { id, label, a, b, change: a && b ? b.value - a.value : null };
  if (note) r.note = note;
  return r;
}

const MEASURE_WORDS = { fds: 'distinct fds', rows: 'lsof rows (more than the fds)', 'at-least': 'a lower bound' } as const;

function fdRow(a: ProcessFds | null, b: ProcessFds | null): Row {
  const value = (p: ProcessFds | null): Value | null => {
    if (!p || p.fdCount === null) return null;
    const v: Value = { value: p.fdCount, evidence: refs(p.evidence.fdCount) };
    if (p.fdCountMeasure && p.fdCountMeasure !== 'fds') v.detail = MEASURE_WORDS[p.fdCountMeasure];
    return v;
  };
  const va = value(a);
  const vb = value(b);
  if (va && vb && a!.fdCountMeasure !== b!.fdCountMeasure) {
    return {
      id: 'fds',
      label: 'open fds',
      a: va,
      b: vb,
      change: null,
      note: `A counts ${MEASURE_WORDS[a!.fdCountMeasure ?? 'fds']}, B ${MEASURE_WORDS[b!.fdCountMeasure ?? 'fds']}: not subtracted`,
    };
  }
  return row('fds', 'open fds', va, vb);
}

function limitRow(a: ProcessFds | null, b: ProcessFds | null): Row {
  const value = (p: ProcessFds | null): Value | null => {
    if (!p || p.fdLimit === null) return null;
    const v: Value = { value: p.fdLimit, evidence: refs(p.evidence.fdLimit) };
    if (p.fdLimitAssumed) v.detail = "the capturing shell's ulimit, not the process's own";
    return v;
  };
  return row('limit', 'open-files limit', value(a), value(b));
}

function cited(c: Cited | null | undefined): Value | null {
  return c ? { value: c.value, evidence: [c.evidence] } : null;
}

/** The kinds either side lists, largest first; unconnected sockets have a row of their own. */
function kindsOf(a: ProcessFds | null, b: ProcessFds | null): FdKind[] {
  const size = (k: FdKind) => Math.max(a?.kinds[k] ?? 0, b?.kinds[k] ?? 0);
  const all = new Set<FdKind>([...keys(a), ...keys(b)]);
  all.delete('socket-unconnected');
  return [...all].sort((x, y) => size(y) - size(x) || x.localeCompare(y));
}

function keys(p: ProcessFds | null): FdKind[] {
  return p ? (Object.keys(p.kinds) as FdKind[]) : [];
}

/** A kind a side's listing does not show is 0 there, when it lists the process's fds at all. */
function kindValue(p: ProcessFds | null, kind: FdKind): Value | null {
  if (!p || p.kindsFrom === null) return null;
  const v: Value = { value: p.kinds[kind] ?? 0, evidence: refs(p.evidence.kinds) };
  if (p.kindsFrom === 'partial-listing') v.detail = 'at least: an excerpt of its fds';
  return v;
}

function growthRow(a: ProcessFds | null, b: ProcessFds | null): Row {
  const value = (p: ProcessFds | null): Value | null => {
    const g = p?.growth;
    if (!g) return null;
    const gained = g.last.total - g.first.total;
    const shape = g.flat ? 'flat' : g.rising ? (g.monotonic ? 'rising, never dropping' : 'rising') : 'not flat';
    return {
      value: Math.round(g.perMinute * 10) / 10,
      evidence: [g.first.evidence, g.last.evidence],
      detail: `${gained >= 0 ? '+' : ''}${fmt(gained)} fd${Math.abs(gained) === 1 ? '' : 's'} in ${duration(g.spanSeconds)} over ${g.samples} samples (${fmt(g.first.total)} → ${fmt(g.last.total)}): ${shape}`,
    };
  };
  return row('growth', 'fds per minute across samples', value(a), value(b));
}

function refs(ev: EvidenceRef | null): EvidenceRef[] {
  return ev ? [ev] : [];
}
