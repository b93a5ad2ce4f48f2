import { namedOf, whoBrief, whoIs, whoWithCommand } from '../model/processes.js';
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { fdCountText } from '../format.js';
import { countedCases, type ProcessCase } from '../model/cases.js';
import type { EvidenceRef } from '../types.js';
import type { Detail, FdKind } from '../result.js';
import { FD_KIND_LABELS, LEAK_KINDS, kindLabel, leakShare } from '../leak-kinds.js';
import { FD_COUNTS_CAPTURE } from '../captures.js';

const TOP = 10;
const COUNTED_AS = { fds: 'fds', rows: 'lsof rows', 'at-least': 'at least' } as const;

export const rule: Rule = {
  id: 'fd-holders',
  step: 4,
  title: 'Who holds the file descriptors',
  failureTitle: 'One process holds the leaked file descriptors',
  method:
    "Count open fds per process and look at what they are. `lsof -n | awk '{print $2}' | sort | uniq -c | sort -nr | head` " +
    'ranks pids by lsof rows (rows, not fds: lsof also prints cwd/txt/mem rows, and current lsof repeats every fd once per ' +
    'thread). The cheap and exact count is `ls /proc/PID/fd | wc -l`. The biggest holder is not automatically the culprit: ' +
    'a busy server legitimately holds many connected sockets; a leak shows as fds of a kind that should not accumulate.',
  check({ cases, suspects, verdict }): RuleOutcome {
    const counted = countedCases(cases);
    if (counted.length === 0) {
      return missing(
        'per-process fd counts',
        FD_COUNTS_CAPTURE,
        'No capture counts fds per process (lsof, lsfd, /proc/PID/fd or a uniq -c table).',
      );
    }
    const suspectPids = new Set(suspects.map((s) => s.process.pid));
    const top = counted.slice(0, TOP);
    // The lead is the row the table is there for, however many processes hold more fds.
    if (suspects[0] && counted.includes(suspects[0]) && !top.includes(suspects[0])) top[top.length - 1] = suspects[0];
    const rows = top.map((a) => row(a));
    const highlightRows = top.map((a, i) => (suspectPids.has(a.process.pid) ? i : -1)).filter((i) => i >= 0);
    const lead = suspects[0];
    const evidence: EvidenceRef[] = top.slice(0, 3).map((a) => a.fdCount!.ev);
    const chartData = top.map((a) => ({
      pid: namedOf(a.process).pid,
      command: a.process.command ?? '?',
      fds: a.fdCount!.value,
      limit: a.fdLimit?.value ?? null,
      suspect: suspectPids.has(a.process.pid),
    }));
    const details: RuleOutcome['details'] = [
      {
        type: 'table',
        caption: 'Processes by open fds',
        headings: ['PID', 'Command', 'Open fds', 'Counted as', 'Counted in', 'Limit', 'Leak signal'],
        rows,
        highlightRows,
      },
      { type: 'chart', chart: 'fd-by-process', caption: 'Open fds per process against its limit', data: chartData },
    ];
    const kinds = lead ? kindsChart(lead) : null;
    if (kinds) details.push(kinds);
    if (!lead?.leak) {
      const first = top[0];
      // No sign of a leak is health only where the verdict found health: else it is a gap, not a pass.
      const healthy = verdict === 'no-leak';
      return {
        status: healthy ? 'pass' : 'info',
        severity: 'info',
        detail:
          (counted.length === 1
            ? `The only process counted is ${whoWithCommand(first.process)}, with ${fdCountText(first.fdCount!.value, first.fdCount!.measure)}; it shows no sign of a leak (docs/diagnosis.md)`
            : `The largest holder is ${whoWithCommand(first.process)} with ${fdCountText(first.fdCount!.value, first.fdCount!.measure)}; none of the ${counted.length} counted processes shows a sign of a leak (docs/diagnosis.md)`) +
          (healthy
            ? '.'
            : `, which does not show ${counted.length === 1 ? 'it' : 'them'} healthy: the verdict says what the bundle lacks.`),
        evidence,
        details,
      };
    }
    const rank = counted.indexOf(lead) + 1;
    const name = `${whoWithCommand(lead.process)}`;
    const kind = leakShare(lead.leak);
    const detail =
      `${name} holds ${lead.fdCount ? fdCountText(lead.fdCount.value, lead.fdCount.measure) : 'an unknown number of fds'}` +
      (rank > 0 ? ` (rank ${rank} of ${counted.length})` : '') +
      `, ${kind}.`;
    const leaking = verdict === 'leak';
    return {
      status: leaking ? 'fail' : 'info',
      severity: leaking ? 'high' : 'medium',
      title: leaking ? `${whoBrief(lead.process)} holds the leaked fds` : `${whoBrief(lead.process)} is the likeliest holder`,
      detail,
      evidence: [...(lead.fdCount ? [lead.fdCount.ev] : []), ...(lead.signals[0]?.evidence.slice(0, 3) ?? []), ...evidence].filter(
        unique(),
      ),
      details,
    };
  },
};

/** What the lead holds, by kind: its listing's kinds, else its leaking kind against the rest of its count. */
function kindsChart(c: ProcessCase): Detail | null {
  const listed = Object.entries(c.kinds).filter(([, n]) => (n ?? 0) > 0);
  if (listed.length > 1) {
    return {
      type: 'chart',
      chart: 'fd-kinds',
      caption: `What ${whoIs(c.process)} holds, by kind (${c.bestView ? c.bestView.file : 'its last snapshot'})`,
      data: listed.map(([kind, count]) => ({ kind: FD_KIND_LABELS[kind as FdKind], count })),
    };
  }
  if (!c.leak || c.leak.count === null || !c.fdCount || c.fdCount.value <= c.leak.count) return null;
  const unit = c.fdCount.measure === 'rows' ? 'lsof rows' : 'fds';
  return {
    type: 'chart',
    chart: 'fd-kinds',
    // "among its 65,966 lsof rows", "among at least 5 fds" (never "its at least").
    caption: `What ${whoIs(c.process)} holds: its ${LEAK_KINDS[c.leak.kind].label} among ${c.fdCount.measure === 'at-least' ? '' : 'its '}${fdCountText(c.fdCount.value, c.fdCount.measure)}`,
    data: [
      { kind: LEAK_KINDS[c.leak.kind].label, count: c.leak.count },
      { kind: `other ${unit}`, count: c.fdCount.value - c.leak.count },
    ],
  };
}

function row(a: ProcessCase): (string | number | null)[] {
  return [
    namedOf(a.process).pid,
    a.process.command ?? '',
    a.fdCount!.value,
    COUNTED_AS[a.fdCount!.measure ?? 'fds'],
    `${a.fdCount!.ev.file}:${a.fdCount!.ev.line}`,
    a.fdLimit?.value ?? null,
    a.leak && a.score > 0 ? `${kindLabel(a.leak)}${a.leak.count !== null ? `: ${fmt(a.leak.count)}` : ''}` : '',
  ];
}

function unique() {
  const seen = new Set<string>();
  return (r: EvidenceRef) => {
    const k = `${r.file}:${r.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}
