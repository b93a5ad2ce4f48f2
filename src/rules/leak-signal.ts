// Shared by the per-kind rules (unconnected sockets, CLOSE_WAIT, deleted files): one finding per process.
import type { RuleContext, RuleOutcome } from './rule.js';
import { fmt } from './rule.js';
import type { LeakKind } from '../result.js';
import type { EvidenceRef } from '../types.js';

export function findingsForKind(
  ctx: RuleContext,
  kind: LeakKind,
  describe: (count: number) => string,
): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  const below: { a: RuleContext['assessments'][number]; count: number }[] = [];
  for (const a of ctx.assessments) {
    const s = a.signals.find((x) => x.kind === kind);
    if (!s) continue;
    if (!s.decisive) {
      below.push({ a, count: s.count });
      continue;
    }
    const name = `pid ${a.process.pid} (${a.process.command ?? 'unknown'})`;
    const share = a.fdCount ? ` of ${fmt(a.fdCount.value)} fds` : '';
    out.push({
      status: 'fail',
      severity: 'high',
      title: `${name}: ${fmt(s.count)} ${describe(s.count)}`,
      detail: `${name} holds ${fmt(s.count)}${share} ${describe(s.count)} (${s.basis}).`,
      evidence: s.evidence,
      details: excerpt(s.evidence, `${describe(s.count)} of ${name}`),
    });
  }
  // A few such fds in many processes is normal churn: one finding lists them, not one each.
  if (below.length > 0) {
    below.sort((x, y) => y.count - x.count);
    const top = below.slice(0, 10);
    out.push({
      status: 'info',
      severity: 'low',
      title: `${below.length} process${below.length === 1 ? '' : 'es'} with a few ${describe(2)}, below the leak threshold`,
      detail:
        `${top.map(({ a, count }) => `pid ${a.process.pid} (${a.process.command ?? 'unknown'}): ${fmt(count)}`).join('; ')}` +
        `${below.length > top.length ? `; and ${below.length - top.length} more` : ''}.`,
      evidence: top.flatMap(({ a }) => a.signals.find((x) => x.kind === kind)?.evidence.slice(0, 1) ?? []),
      details: [{
        type: 'table',
        caption: `Processes with ${describe(2)} (top ${top.length})`,
        headings: ['pid', 'command', describe(2), 'fds'],
        rows: top.map(({ a, count }) => [a.process.pid, a.process.command ?? 'unknown', count, a.fdCount?.value ?? null]),
      }],
    });
  }
  return out;
}

/** Groups quoted lines by file into excerpt details. */
export function excerpt(evidence: readonly EvidenceRef[], caption: string): RuleOutcome['details'] {
  const byFile = new Map<string, EvidenceRef[]>();
  for (const e of evidence) if (e.text !== undefined) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return [...byFile.entries()].map(([file, refs]) => ({
    type: 'excerpt' as const,
    caption,
    file,
    lines: refs.sort((a, b) => a.line - b.line).map((r) => ({ line: r.line, text: r.text ?? '', highlight: true })),
  }));
}
