// What every format of the diff says the same way: which pairs are shown in full, a pair's title,
// what each side's analysis made of a process.
import { processLabel, sameProcess } from '../process-label.js';
import { LEAK_KINDS } from '../leak-kinds.js';
import { formatNumber as fmt } from '../format.js';
import { leakLabel } from './words.js';
import type { Conclusion, DiffResult, ProcessPair, SideProcess, SideSummary } from './result.js';

/** Pairs shown in full (a suspect or a signal on either side; else the largest), and the rest. */
export function interesting(pairs: readonly ProcessPair[]): [ProcessPair[], ProcessPair[]] {
  const pointed = (p: ProcessPair) => [p.a, p.b].some((s) => s !== null && (s.role !== 'none' || s.facts.signals.length > 0));
  const shown = pairs.filter(pointed);
  if (shown.length === 0 && pairs.length > 0) shown.push(pairs[0]);
  return [shown, pairs.filter((p) => !shown.includes(p))];
}

/** How many of the other processes a ticket-sized format lists (text, Markdown): the rest are in --json. */
export const OTHERS_LISTED = 10;

/** "pid 4730 java → pid 5120 java", "pid 4730 java". */
export function pairTitle(p: ProcessPair): string {
  const name = (s: SideProcess) =>
    s.facts.pid !== null ? `pid ${s.facts.pid}${s.facts.command ? ` ${s.facts.command}` : ''}` : processLabel(s.facts);
  if (p.a && p.b) return sameProcess(p.a.facts, p.b.facts) ? name(p.a) : `${name(p.a)} → ${name(p.b)}`;
  return name((p.a ?? p.b)!);
}

/** What one side's analysis made of the process. */
export function roleText(s: SideProcess): string {
  if (s.leak) {
    const what = `${s.leak.count !== null ? `${fmt(s.leak.count)} ` : ''}${s.leak.kind === 'inherited' || s.leak.kind === 'other' ? LEAK_KINDS[s.leak.kind].label : leakLabel(s.leak.kind)}`;
    return s.role === 'leak'
      ? `leaks: ${what} (${s.leak.confidence} confidence)`
      : `a candidate of an inconclusive verdict: ${what} (${s.leak.confidence} confidence)`;
  }
  return s.facts.signals.length ? `not a suspect; signals: ${s.facts.signals.join(', ')}` : 'nothing points at it';
}

/** The exit code of `fdleak diff` for each outcome: 0 when B shows health, 1 otherwise. */
export function exitCodeOf(outcome: DiffResult['outcome']): 0 | 1 {
  return outcome === 'fixed' || outcome === 'healthy' ? 0 : 1;
}

export const OUTCOME_LABELS: Record<DiffResult['outcome'], string> = {
  fixed: 'Fixed',
  healthy: 'Healthy',
  'still-leaking': 'Still leaking',
  'new-leak': 'A new leak',
  'not-comparable': 'Not shown fixed',
};

export const STATUS_MARKS: Record<Conclusion['status'], string> = {
  gone: '✓',
  'still-leaking': '✗',
  'new-leak': '✗',
  'not-shown': '?',
  'not-comparable': '?',
};

/** The facts of each side shown next to each other, as label and the two values. */
export function sideRows(a: SideSummary, b: SideSummary): { label: string; a: string | number | null; b: string | number | null }[] {
  const both = (label: string, f: (s: SideSummary) => string | number | null) => ({ label, a: f(a), b: f(b) });
  return [
    both('Bundle', (s) => s.input),
    both('Title', (s) => s.title),
    both('Host', (s) => s.host),
    both('Captured at', (s) => s.capturedAt),
    both('Verdict', (s) => `${s.verdict}${s.confidence ? ` (${s.confidence} confidence)` : ''}`),
    both('Summary', (s) => s.summary),
    both('Processes with an fd count', (s) => s.processesCounted),
  ];
}
