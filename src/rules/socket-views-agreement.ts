import { whoIs } from '../model/processes.js';
import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { latest } from '../model/build.js';
import { netstatCount } from '../model/host-facts.js';
import type { EvidenceRef } from '../types.js';
import { plain, richText } from '../rich.js';
import { LEAK_KINDS } from '../leak-kinds.js';

export const rule: Rule = {
  id: 'socket-views-agreement',
  step: 7,
  title: 'netstat, ss and the kernel tell the same story',
  failureTitle: 'Half-closed and never-connected sockets: invisible to netstat, counted by ss and the kernel',
  method:
    "Put the three views side by side: netstat (connection tables only), `ss -s` (totals from the kernel's counters) and " +
    '`/proc/net/sockstat` (the counters themselves), plus what lsof attributes to the suspect. When netstat is small and ' +
    'the other three are large and close to each other, the sockets exist, belong to that process, and are in no ' +
    'connection: the leak is confirmed from three independent sources.',
  check({ model, suspects }): RuleOutcome {
    const rows: (string | number | null)[][] = [];
    const evidence: EvidenceRef[] = [];
    const chart: Record<string, unknown>[] = [];
    const add = (source: string, measure: string, value: number, ev: EvidenceRef) => {
      rows.push([source, measure, value, `${ev.file}:${ev.line}`]);
      chart.push({ source, measure, value });
      evidence.push(ev);
    };
    const ns = netstatCount(model);
    // A table cell shows no code marks.
    if (ns) add('netstat', plain(richText(ns.basis)), ns.value, ns.ev);
    const ss = latest(model.ssSummaries.filter((c) => c.data.tcp))?.data.tcp;
    if (ss) {
      add('ss -s', 'TCP total', ss.total, ss.ev);
      add('ss -s', 'closed', ss.closed, ss.ev);
    }
    const sock = latest(model.sockstat.filter((c) => c.data.protocols.TCP))?.data;
    const tcp = sock?.protocols.TCP;
    if (tcp) {
      if (tcp.fields.alloc !== undefined) add('/proc/net/sockstat', 'TCP alloc', tcp.fields.alloc, tcp.ev);
      if (tcp.fields.inuse !== undefined) add('/proc/net/sockstat', 'TCP inuse', tcp.fields.inuse, tcp.ev);
    }
    const lead = suspects[0];
    const leaked = lead?.signals.find((s) => s.id === 'unconnected-sockets' || s.id === 'close-wait-sockets');
    if (lead && leaked && leaked.count !== null && leaked.evidence[0])
      add(`lsof (${whoIs(lead.process)})`, leaked.kind ? LEAK_KINDS[leaked.kind].label : 'sockets', leaked.count, leaked.evidence[0]);
    if (rows.length < 2) {
      return missing('two independent socket counts to compare', 'netstat -nat | wc -l; ss -s; cat /proc/net/sockstat');
    }
    const hiddenByNetstat = ns && ss ? ss.total - ns.value : ns && tcp?.fields.alloc !== undefined ? tcp.fields.alloc - ns.value : null;
    const confirmed = hiddenByNetstat !== null && hiddenByNetstat >= 1000;
    return {
      status: confirmed ? 'fail' : 'info',
      severity: confirmed ? 'medium' : 'info',
      detail: confirmed
        ? `netstat shows ${fmt(ns!.value)}; ss -s ${ss ? `counts ${fmt(ss.total)} TCP sockets (${fmt(ss.closed)} closed)` : 'is missing'}; sockstat ${tcp ? `allocates ${fmt(tcp.fields.alloc ?? 0)} with ${fmt(tcp.fields.inuse ?? 0)} in use` : 'is missing'}` +
          (leaked && leaked.count !== null ? `; lsof attributes ${fmt(leaked.count)} to ${whoIs(lead!.process)}` : '') +
          '. The sockets netstat cannot see are real.'
        : 'The socket counts do not show a hidden population.',
      evidence,
      details: [
        { type: 'table', caption: 'The same sockets seen four ways', headings: ['Source', 'Measure', 'Count', 'Evidence'], rows },
        { type: 'chart', chart: 'socket-counts', caption: 'Socket counts by source', data: chart },
      ],
    };
  },
};
