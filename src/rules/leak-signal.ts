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
  for (const a of ctx.assessments) {
    const s = a.signals.find((x) => x.kind === kind);
    if (!s) continue;
    const name = `pid ${a.process.pid} (${a.process.command ?? 'unknown'})`;
    const share = a.fdCount ? ` of ${fmt(a.fdCount.value)} fds` : '';
    out.push({
      status: s.decisive ? 'fail' : 'info',
      severity: s.decisive ? 'high' : 'low',
      title: `${name}: ${fmt(s.count)} ${describe(s.count)}`,
      detail: `${name} holds ${fmt(s.count)}${share} ${describe(s.count)} (${s.basis}).`,
      evidence: s.evidence,
      details: excerpt(s.evidence, `${describe(s.count)} of ${name}`),
    });
  }
  return out.sort((a, b) => (a.status === 'fail' ? -1 : 1) - (b.status === 'fail' ? -1 : 1));
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
