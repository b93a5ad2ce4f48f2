// The one-line conclusions: one per suspect of A (is its leak gone in B?), one per leak only B has,
// and the outcome of the whole diff. "Gone" needs B to show the process healthy by the no-leak rule
// (health.ts) — a smaller number alone is not a fix — and "fixed" needs B's own verdict to be no-leak.
import { processName, processWithCommand, sameProcess } from '../process-label.js';
import type { AnalysisResult, LeakKind, Missing, ProcessFds } from '../result.js';
import { HOLDERS_CAPTURE } from '../captures.js';
import { formatNumber as fmt } from '../format.js';
import { processHealth } from './health.js';
import type { Conclusion, Outcome, ProcessPair, SideProcess, Value } from './result.js';
import { duration, leakLabel, perHour } from './words.js';

export function conclusions(pairs: readonly ProcessPair[], a: AnalysisResult, b: AnalysisResult): Conclusion[] {
  const out: Conclusion[] = [];
  for (const s of a.suspects) {
    const i = pairs.findIndex((p) => p.a !== null && sameProcess(p.a.facts, s));
    if (i >= 0) out.push(ofSuspectOfA(pairs[i], i, a, b));
  }
  pairs.forEach((p, i) => {
    if (p.b?.role === 'leak' && p.a?.role !== 'leak' && !out.some((c) => c.pair === i)) out.push(newLeak(p, i));
  });
  return out;
}

function ofSuspectOfA(pair: ProcessPair, index: number, aResult: AnalysisResult, b: AnalysisResult): Conclusion {
  const a = pair.a!;
  const kind = a.leak!.kind;
  const before = leakValue(a, kind);
  const base = { pidA: a.facts.pid, pidB: pair.b?.facts.pid ?? null, kind, a: before, pair: index };
  const who = processWithCommand(a.facts);
  if (!pair.b) {
    const counted = (b.processes ?? []).some((p) => p.fdCount !== null);
    if (!counted) {
      const decide = [holdersCapture(b)];
      return {
        ...base,
        status: 'not-comparable',
        b: null,
        decide,
        text: `${who}: not comparable: B has no per-process fd counts (what would decide: ${decide[0].what})`,
      };
    }
    const decide: Missing[] = [
      {
        what: `the fds of the process that runs ${a.facts.command ?? 'it'} in B`,
        command: 'fdleak collect --pid PID --snapshots 6 --interval 10',
      },
    ];
    return {
      ...base,
      status: 'not-comparable',
      b: null,
      decide,
      text: `${who}: not comparable: B shows no process with its pid, command line or command and user (what would decide: ${decide[0].what})`,
    };
  }
  const after = leakValue(pair.b, kind);
  const restarted = !sameProcess(pair.b.facts, a.facts);
  const apart = restarted ? null : between(aResult, b);
  const change = `${processName(a.facts)}'s ${leakLabel(kind)}: ${num(before)} → ${num(after)}${restarted ? ` (${processName(pair.b.facts)} in B)` : apart ? ` in ${apart}` : ''}`;
  const growth = pair.b.facts.growth;
  const candidate = a.role === 'candidate';
  if (pair.b.role === 'leak') {
    const status = candidate ? 'new-leak' : 'still-leaking';
    const how = growth?.rising
      ? `still growing at ${perHour(growth.perMinute)}`
      : `B's analysis finds a leak of ${leakLabel(pair.b.leak!.kind)}`;
    return {
      ...base,
      status,
      b: after,
      decide: [],
      text: `${change}, ${how}: ${candidate ? 'a leak in B (a candidate in A)' : 'still leaking'}`,
    };
  }
  // Still growing as B's own analysis sees it (its fd-growth signal); a smaller rise only keeps B from showing health.
  if (growth?.rising && pair.b.facts.signals.includes('fd-growth') && !candidate) {
    return {
      ...base,
      status: 'still-leaking',
      b: after,
      decide: [],
      text: `${change}, still growing at ${perHour(growth.perMinute)}: still leaking`,
    };
  }
  const health = processHealth(pair.b.facts);
  if (!health.shown) {
    return {
      ...base,
      status: 'not-shown',
      b: after,
      decide: health.decide,
      text: `${change}, but B does not show it healthy: ${health.why}${decideText(health.decide)}`,
    };
  }
  if (b.verdict === 'inconclusive') {
    const decide = b.missing.slice(0, 2);
    return {
      ...base,
      status: 'not-shown',
      b: after,
      decide,
      text: `${change}, but B as a whole does not show health: ${lower(b.summary)}`,
    };
  }
  const steady = growth?.flat
    ? `flat over ${duration(growth.spanSeconds)}`
    : health.use !== null
      ? `${pct(health.use)} of its limit`
      : 'under 512 fds, its limit not in B';
  return {
    ...base,
    status: 'gone',
    b: after,
    decide: [],
    text: `${change}, ${steady}: ${candidate ? 'nothing points at it in B' : 'the leak is gone'}`,
  };
}

function newLeak(pair: ProcessPair, index: number): Conclusion {
  const p = pair.b!;
  const kind = p.leak!.kind;
  const after = leakValue(p, kind);
  const before = pair.a ? leakValue(pair.a, kind) : null;
  const held = pair.a ? ` (${num(before)} in A${!sameProcess(pair.a.facts, p.facts) ? `, ${processName(pair.a.facts)}` : ''})` : '';
  const growth = p.facts.growth?.rising ? `, growing at ${perHour(p.facts.growth.perMinute)}` : '';
  return {
    status: 'new-leak',
    pidA: pair.a?.facts.pid ?? null,
    pidB: p.facts.pid,
    kind,
    a: before,
    b: after,
    pair: index,
    decide: [],
    text: `a new leak in B: ${processWithCommand(p.facts)} holds ${num(after)} ${leakLabel(kind)}${held}${growth}`,
  };
}

export function outcomeOf(list: readonly Conclusion[], a: AnalysisResult, b: AnalysisResult): { outcome: Outcome; conclusion: string } {
  const first = (s: Conclusion['status']) => list.find((c) => c.status === s);
  const still = first('still-leaking');
  if (still) return { outcome: 'still-leaking', conclusion: `Still leaking: ${still.text}.` };
  const fresh = first('new-leak');
  if (fresh) return { outcome: 'new-leak', conclusion: `A new leak: ${fresh.text}.` };
  const open = list.find((c) => c.status === 'not-shown' || c.status === 'not-comparable');
  if (open) return { outcome: 'not-comparable', conclusion: `Not shown fixed: ${open.text}.` };
  if (b.verdict !== 'no-leak') {
    return { outcome: 'not-comparable', conclusion: `Not comparable: B's analysis does not show health: ${lower(b.summary)}` };
  }
  const gone = list.filter((c) => c.status === 'gone');
  if (a.verdict === 'leak') {
    if (gone.length === 0)
      return { outcome: 'not-comparable', conclusion: "Not comparable: A's analysis finds a leak in no process its result lists." };
    const more = gone.length > 1 ? ` (and ${gone.length - 1} more)` : '';
    return { outcome: 'fixed', conclusion: `Fixed: ${gone[0].text}${more}; B's analysis finds no leak.` };
  }
  return {
    outcome: 'healthy',
    conclusion: `Healthy: A's analysis finds no leak${gone.length ? ' (its candidates show health in B)' : ''}, and B shows health: ${lower(b.summary)}`,
  };
}

/** The number of a side that measures a leak kind: the suspect's own count, else what its facts show of that kind. */
function leakValue(p: SideProcess, kind: LeakKind): Value | null {
  if (p.leak && p.leak.kind === kind && p.leak.count !== null) return { value: p.leak.count, evidence: p.leak.evidence };
  const f = p.facts;
  const cited = (c: ProcessFds['unconnected']) => (c ? { value: c.value, evidence: [c.evidence] } : null);
  if (kind === 'socket-unconnected') return cited(f.unconnected);
  if (kind === 'socket-close-wait') return cited(f.closeWait);
  if (kind === 'inherited' || kind === 'other')
    return f.fdCount !== null ? { value: f.fdCount, evidence: f.evidence.fdCount ? [f.evidence.fdCount] : [] } : null;
  if (f.kindsFrom === null) return null;
  return { value: f.kinds[kind === 'anon-inode' ? 'anon' : kind] ?? 0, evidence: f.evidence.kinds ? [f.evidence.kinds] : [] };
}

/** The time from A's capture to B's, when both manifests say when and B is later. */
function between(a: AnalysisResult, b: AnalysisResult): string | null {
  const from = Date.parse(a.incident.capturedAt ?? '');
  const to = Date.parse(b.incident.capturedAt ?? '');
  return Number.isFinite(from) && Number.isFinite(to) && to > from ? duration((to - from) / 1000) : null;
}

function holdersCapture(b: AnalysisResult): Missing {
  return (
    b.missing.find((m) => m.step === 4) ?? {
      what: 'which process holds the fds, and what they are (per-process fd counts and kinds)',
      command: HOLDERS_CAPTURE,
    }
  );
}

function decideText(decide: readonly Missing[]): string {
  return decide.length ? ` (what would decide: ${decide[0].what})` : '';
}

function num(v: Value | null): string {
  return v === null ? 'unknown' : fmt(v.value);
}

function pct(use: number): string {
  return `${fmt(Math.round(use * 1000) / 10)}%`;
}

function lower(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
