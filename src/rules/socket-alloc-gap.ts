import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { latest } from '../model/build.js';
import { allocGap } from '../model/host-facts.js';

export const rule: Rule = {
  id: 'socket-alloc-gap',
  step: 3,
  title: 'Kernel socket accounting: allocated TCP sockets match those in use',
  failureTitle: 'The kernel holds far more TCP sockets (alloc) than are in a connection table (inuse)',
  method:
    "`/proc/net/sockstat` is the kernel's own count. `TCP: inuse` is the number of TCP sockets hashed in a connection " +
    'table (what netstat can list); `alloc` is every TCP socket structure allocated. On a healthy host they are close. ' +
    'When `alloc - inuse` is large, socket structures are kept alive by file descriptors that nobody connected or closed. ' +
    'Monitor `alloc - inuse`, not netstat.',
  check({ model }): RuleOutcome {
    const g = allocGap(model);
    if (!g) return missing('/proc/net/sockstat', 'cat /proc/net/sockstat /proc/net/sockstat6');
    const { alloc, inuse, inuse6, gap, big } = g;
    const c = latest(model.sockstat.filter((s) => s.data.protocols.TCP))!;
    const tw = c.data.protocols.TCP.fields.tw ?? 0;
    const used = c.data.socketsUsed;
    const inUse = inuse6 ? `inuse ${fmt(inuse)} + ${fmt(inuse6)} (IPv6)` : `inuse ${fmt(inuse)}`;
    return {
      status: big ? 'fail' : 'pass',
      severity: big ? (gap >= 1000 ? 'high' : 'medium') : 'info',
      detail: big
        ? `/proc/net/sockstat: TCP alloc ${fmt(alloc)} against ${inUse}: ${fmt(gap)} TCP sockets are allocated but in no connection table` +
          (used ? ` (sockets used ${fmt(used.value)} in all).` : '.')
        : `/proc/net/sockstat: TCP alloc ${fmt(alloc)}, ${inUse}: no unexplained TCP sockets.`,
      evidence: g.ev,
      details: [
        {
          type: 'arithmetic',
          caption: 'What ss -s would print as "closed" from these numbers',
          steps: [
            { label: 'allocated TCP sockets', expression: 'alloc', value: alloc, evidence: g.ev.slice(0, 1) },
            {
              label: 'in a connection table (IPv4 + IPv6)',
              expression: `inuse ${fmt(inuse)} + inuse6 ${fmt(inuse6)}`,
              value: inuse + inuse6,
            },
            {
              label: 'closed = alloc - (inuse - tw)',
              expression: `${fmt(alloc)} - (${fmt(inuse + inuse6)} - ${fmt(tw)})`,
              value: alloc - (inuse + inuse6 - tw),
            },
            {
              label: 'alloc - inuse (what to monitor)',
              expression: inuse6 ? `${fmt(alloc)} - ${fmt(inuse)} - ${fmt(inuse6)}` : `${fmt(alloc)} - ${fmt(inuse)}`,
              value: gap,
            },
          ],
        },
      ],
    };
  },
};
