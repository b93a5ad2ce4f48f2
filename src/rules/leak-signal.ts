// Shared by the per-kind rules (unconnected sockets, CLOSE_WAIT, deleted files, piles of one
// kind): one finding per process whose case holds the signal, and one that lists the processes
// with only a few such fds.
import type { RuleContext, RuleOutcome } from './rule.js';
import { fmt } from './rule.js';
import type { ProcessCase } from '../model/cases.js';
import type { Signal } from '../model/signal.js';
import type { EvidenceRef } from '../types.js';

export function findingsForSignal(ctx: RuleContext, ids: readonly string[], label: (s: Signal) => string): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  const below: { c: ProcessCase; s: Signal }[] = [];
  for (const c of ctx.cases) {
    for (const s of c.signals.filter((x) => ids.includes(x.id))) {
      if (s.weight === 1) {
        below.push({ c, s });
        continue;
      }
      const name = `pid ${c.process.pid} (${c.process.command ?? 'unknown'})`;
      const leaking = ctx.verdict === 'leak' && ctx.suspects.includes(c);
      out.push({
        status: leaking || s.weight === 3 ? 'fail' : 'info',
        severity: leaking ? 'high' : 'medium',
        title: `${name}: ${s.count !== null ? `${fmt(s.count)} ` : ''}${label(s)}`,
        detail: `${name}: ${s.statement}`,
        evidence: s.evidence,
        details: excerpt(s.evidence, `${label(s)} of ${name}`),
      });
    }
  }
  // A few such fds in many processes is normal churn: one finding lists them, not one each.
  if (below.length > 0) {
    below.sort((x, y) => (y.s.count ?? 0) - (x.s.count ?? 0));
    const top = below.slice(0, 10);
    const what = label(top[0].s);
    out.push({
      status: 'info',
      severity: 'low',
      title: `${below.length} process${below.length === 1 ? '' : 'es'} with a few ${what}, below the leak threshold`,
      detail:
        `${top.map(({ c, s }) => `pid ${c.process.pid} (${c.process.command ?? 'unknown'}): ${fmt(s.count ?? 0)}`).join('; ')}` +
        `${below.length > top.length ? `; and ${below.length - top.length} more` : ''}.`,
      evidence: top.flatMap(({ s }) => s.evidence.slice(0, 1)),
      details: [
        {
          type: 'table',
          caption: `Processes with ${what} (top ${top.length})`,
          headings: ['pid', 'command', what, 'fds'],
          rows: top.map(({ c, s }) => [c.process.pid, c.process.command ?? 'unknown', s.count, c.fdCount?.value ?? null]),
        },
      ],
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
