import { namedOf, whoBrief, whoWithCommand } from '../model/processes.js';
import { sentenceStart } from '../process-label.js';
import { capitalise } from '../text.js';
// Shared by the per-kind rules (unconnected sockets, CLOSE_WAIT, deleted files, piles of one
// kind): one finding per process whose case holds the signal (the first few of them), one that
// lists the rest, and one that lists the processes with only a few such fds.
import type { RuleContext, RuleOutcome } from './rule.js';
import { fmt } from './rule.js';
import type { ProcessCase } from '../model/cases.js';
import type { Signal } from '../model/signal.js';
import type { EvidenceRef } from '../types.js';
import { MAX_SUSPECTS } from '../model/diagnosis.js';
import { appendTo } from '../many-values.js';

export function findingsForSignal(ctx: RuleContext, ids: readonly string[], label: (s: Signal) => string): RuleOutcome[] {
  const strong: Held[] = [];
  const below: Held[] = [];
  for (const c of ctx.cases) {
    for (const s of c.signals.filter((x) => ids.includes(x.id))) (s.weight === 1 ? below : strong).push({ c, s });
  }
  // The suspects first, in their order, then by count: each of the first few gets a finding of its
  // own, and the rest (a pool of identical workers) one finding that lists them.
  const rank = (h: Held) => {
    const i = ctx.suspects.indexOf(h.c);
    return i < 0 ? ctx.suspects.length : i;
  };
  strong.sort((x, y) => rank(x) - rank(y) || (y.s.count ?? 0) - (x.s.count ?? 0));
  const out: RuleOutcome[] = strong.slice(0, MAX_SUSPECTS).map(({ c, s }) => {
    const name = `${whoWithCommand(c.process)}`;
    // The title and the caption name it briefly; the detail says how the bundle names it.
    const brief = whoBrief(c.process);
    const leaking = isLeaking(ctx, c);
    return {
      status: leaking || s.weight === 3 ? 'fail' : 'info',
      severity: leaking ? 'high' : 'medium',
      title: `${sentenceStart(brief)}: ${s.count !== null ? `${fmt(s.count)} ` : ''}${label(s)}`,
      detail: `${sentenceStart(name)}: ${s.statement}`,
      evidence: s.evidence,
      details: excerpt(s.evidence, `${label(s)} of ${brief}`),
    };
  });
  const more = strong.slice(MAX_SUSPECTS);
  if (more.length > 0) {
    const leaking = more.some((h) => isLeaking(ctx, h.c));
    const what = label(more[0].s);
    out.push(
      listOf(
        more,
        leaking || more.some((h) => h.s.weight === 3) ? 'fail' : 'info',
        leaking ? 'high' : 'medium',
        `more processes with ${what}`,
        what,
      ),
    );
  }
  // A few such fds in many processes is normal churn: one finding lists them, not one each.
  if (below.length > 0) {
    below.sort((x, y) => (y.s.count ?? 0) - (x.s.count ?? 0));
    const what = label(below[0].s);
    out.push(
      listOf(
        below,
        'info',
        'low',
        `${below.length === 1 ? 'process' : 'processes'} with a few ${what}, below the leak threshold`,
        what,
        'Below the leak threshold (docs/diagnosis.md). ',
      ),
    );
  }
  return out;
}

interface Held {
  c: ProcessCase;
  s: Signal;
}

function isLeaking(ctx: RuleContext, c: ProcessCase): boolean {
  return ctx.verdict === 'leak' && ctx.suspects.includes(c);
}

/** One finding for many processes: `n <title>`, the first ten by name and count, and how many more. */
function listOf(
  held: Held[],
  status: RuleOutcome['status'],
  severity: RuleOutcome['severity'],
  title: string,
  what: string,
  lead = '',
): RuleOutcome {
  const top = held.slice(0, 10);
  return {
    status,
    severity,
    title: `${fmt(held.length)} ${title}`,
    detail:
      `${lead}${capitalise(what)}: ${top.map(({ c, s }) => `${whoWithCommand(c.process)}: ${fmt(s.count ?? 0)}`).join('; ')}` +
      `${held.length > top.length ? `; and ${fmt(held.length - top.length)} more` : ''}.`,
    evidence: top.flatMap(({ s }) => s.evidence.slice(0, 1)),
    details: [
      {
        type: 'table',
        caption: `Processes with ${what} (top ${top.length})`,
        headings: ['pid', 'command', what, 'fds'],
        rows: top.map(({ c, s }) => [namedOf(c.process).pid, c.process.command ?? 'unknown', s.count, c.fdCount?.value ?? null]),
      },
    ],
  };
}

/** Groups quoted lines by file into excerpt details. */
export function excerpt(evidence: readonly EvidenceRef[], caption: string): RuleOutcome['details'] {
  const byFile = new Map<string, EvidenceRef[]>();
  for (const e of evidence) if (e.text !== undefined) appendTo(byFile, e.file, e);
  return [...byFile.entries()].map(([file, refs]) => ({
    type: 'excerpt' as const,
    caption,
    file,
    lines: refs.sort((a, b) => a.line - b.line).map((r) => ({ line: r.line, text: r.text ?? '', highlight: true })),
  }));
}
