// Two analysis results in, the diff out: processes paired (match.ts), compared (compare.ts) and
// concluded (conclude.ts). Pure: the CLI runs the analyses.
import type { AnalysisResult, Missing, ProcessFds } from '../result.js';
import { VERSION } from '../version.js';
import { pairProcesses } from './match.js';
import { comparePair } from './compare.js';
import { conclusions, outcomeOf } from './conclude.js';
import { DIFF_SCHEMA, type DiffResult, type ProcessPair, type SideSummary } from './result.js';

export interface DiffOptions {
  now?: Date;
}

export function diffResults(a: AnalysisResult, b: AnalysisResult, opts: DiffOptions = {}): DiffResult {
  const pairs = pairProcesses(processesOf(a), processesOf(b)).map((p) => comparePair(p, a, b));
  const ordered = [...pairs].sort((x, y) => weight(y) - weight(x));
  const list = conclusions(ordered, a, b);
  const { outcome, conclusion } = outcomeOf(list, a, b);
  return {
    schema: DIFF_SCHEMA,
    tool: { name: 'fdleak', version: VERSION },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    a: summaryOf(a),
    b: summaryOf(b),
    outcome,
    conclusion,
    conclusions: list,
    pairs: ordered,
    decide: decideOf(list, outcome, b),
  };
}

function summaryOf(r: AnalysisResult): SideSummary {
  return {
    input: r.incident.input,
    title: r.incident.title,
    host: r.incident.host,
    capturedAt: r.incident.capturedAt,
    verdict: r.verdict,
    confidence: r.confidence,
    summary: r.summary,
    processesCounted: processesOf(r).filter((p) => p.fdCount !== null).length,
  };
}

/** Pairs with a leak first, then candidates, then the rest by their largest fd count (the sort is stable). */
function weight(p: ProcessPair): number {
  const role = (s: ProcessPair['a']) => (s?.role === 'leak' ? 2 : s?.role === 'candidate' ? 1 : 0);
  const fds = Math.max(p.a?.facts.fdCount ?? 0, p.b?.facts.fdCount ?? 0);
  return Math.max(role(p.a), role(p.b)) * 1e12 + fds;
}

/** Every result analyzeBundle writes has processes[]; one read from an older JSON file compares as empty. */
function processesOf(r: AnalysisResult): ProcessFds[] {
  return r.processes ?? [];
}

function decideOf(list: DiffResult['conclusions'], outcome: DiffResult['outcome'], b: AnalysisResult): Missing[] {
  const out: Missing[] = [];
  const add = (m: Missing) => {
    if (!out.some((x) => x.command === m.command)) out.push(m);
  };
  for (const c of list) c.decide.forEach(add);
  if (outcome === 'not-comparable' && out.length === 0) b.missing.slice(0, 3).forEach(add);
  return out;
}
