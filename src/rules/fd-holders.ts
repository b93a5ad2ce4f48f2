import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { topSignal, type Assessment } from '../model/suspects.js';
import type { EvidenceRef } from '../types.js';

const TOP = 10;

export const rule: Rule = {
  id: 'fd-holders',
  step: 4,
  title: 'Who holds the file descriptors',
  failureTitle: 'One process holds the leaked file descriptors',
  method:
    'Count open fds per process and look at what they are. `lsof -n | awk \'{print $2}\' | sort | uniq -c | sort -nr | head` ' +
    'ranks pids by lsof rows (rows, not fds: lsof also prints cwd/txt/mem rows, and current lsof repeats every fd once per ' +
    'thread). The cheap and exact count is `ls /proc/PID/fd | wc -l`. The biggest holder is not automatically the culprit: ' +
    'a busy server legitimately holds many connected sockets; a leak shows as fds of a kind that should not accumulate.',
  requires: ['lsof', 'lsof-fields', 'lsfd', 'proc-fd', 'count-table', 'line-count'],
  check({ assessments, suspects }): RuleOutcome {
    const counted = assessments.filter((a) => a.fdCount).sort((a, b) => b.fdCount!.value - a.fdCount!.value);
    if (counted.length === 0) {
      return missing(
        'per-process fd counts',
        "for p in /proc/[0-9]*; do echo \"$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/} $(cat $p/comm 2>/dev/null)\"; done | sort -nr | head -20",
        'No capture counts fds per process (lsof, lsfd, /proc/PID/fd or a uniq -c table).',
      );
    }
    const suspectPids = new Set(suspects.map((s) => s.process.pid));
    const top = counted.slice(0, TOP);
    const rows = top.map((a) => row(a));
    const highlightRows = top.map((a, i) => (suspectPids.has(a.process.pid) ? i : -1)).filter((i) => i >= 0);
    const lead = suspects[0];
    const evidence: EvidenceRef[] = top.slice(0, 3).map((a) => a.fdCount!.ev);
    const chartData = top.map((a) => ({
      pid: a.process.pid,
      command: a.process.command ?? '?',
      fds: a.fdCount!.value,
      limit: a.fdLimit?.value ?? null,
      suspect: suspectPids.has(a.process.pid),
    }));
    const details: RuleOutcome['details'] = [
      { type: 'table', caption: 'Processes by open fds', headings: ['PID', 'Command', 'Open fds', 'Counted from', 'Limit', 'Leak signal'], rows, highlightRows },
      { type: 'chart', chart: 'fd-by-process', caption: 'Open fds per process against its limit', data: chartData },
    ];
    if (!lead) {
      const first = top[0];
      return {
        status: 'pass',
        severity: 'info',
        detail: `The largest holder is pid ${first.process.pid} (${first.process.command ?? 'unknown'}) with ${fmt(first.fdCount!.value)} fds; none of the ${counted.length} counted processes holds fds of a leaking kind.`,
        evidence,
        details,
      };
    }
    const sig = topSignal(lead)!;
    const rank = counted.findIndex((a) => a === lead) + 1;
    return {
      status: 'fail',
      severity: 'high',
      title: `pid ${lead.process.pid} (${lead.process.command ?? 'unknown'}) holds the leaked fds`,
      detail:
        `pid ${lead.process.pid} (${lead.process.command ?? 'unknown'}) holds ${lead.fdCount ? fmt(lead.fdCount.value) : 'an unknown number of'} fds` +
        (rank > 0 ? ` (rank ${rank} of ${counted.length})` : '') +
        `, ${fmt(sig.count)} of them ${describeKind(sig.kind)}.`,
      evidence: [...(lead.fdCount ? [lead.fdCount.ev] : []), ...sig.evidence.slice(0, 3), ...evidence].filter(unique()),
      details,
    };
  },
};

function row(a: Assessment): (string | number | null)[] {
  const s = topSignal(a);
  return [
    a.process.pid,
    a.process.command ?? '',
    a.fdCount!.value,
    a.fdCount!.basis,
    a.fdLimit?.value ?? null,
    s && s.decisive ? `${s.kind} ${s.count}` : '',
  ];
}

export function describeKind(kind: string): string {
  switch (kind) {
    case 'socket-unconnected': return 'sockets with no connection (lsof: "can\'t identify protocol" / "protocol: TCP")';
    case 'socket-close-wait': return 'sockets in CLOSE_WAIT (the peer closed, this process never did)';
    case 'deleted-file': return 'deleted files still held open';
    case 'pipe': return 'pipes';
    case 'file': return 'regular files';
    default: return 'fds of another kind';
  }
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
